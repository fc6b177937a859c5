// Reading a trainer run folder as the trainer writes it: run.json (replaced atomically) and metrics.jsonl
// (appended line by line; a half-written last line is left for the next read).
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { runStateSchema, metricsLineSchema, type MetricsLine, type RunState } from "@/configs/ner";

/** A file's text, or null when it is not there (yet). */
export function readIfThere(file: string): string | null {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return null;
  }
}

export function parseRunState(text: string | null): RunState | null {
  if (!text) return null;
  try {
    const parsed = runStateSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function parseMetrics(text: string | null): MetricsLine[] {
  if (!text) return [];
  const lines: MetricsLine[] = [];
  for (const line of text.split("\n")) {
    if (!line.trim()) continue;
    try {
      const parsed = metricsLineSchema.safeParse(JSON.parse(line));
      if (parsed.success) lines.push(parsed.data);
    } catch {
      // the line the trainer is writing right now
    }
  }
  return lines;
}

/** The job's state from the trainer's own record, given whether a process still runs it. */
export function stateFrom(run: RunState | null, alive: boolean): { state: "running" | "succeeded" | "failed" | "cancelled" | "lost"; error: string | null } {
  if (run?.status === "succeeded") return { state: "succeeded", error: null };
  if (run?.status === "failed") return { state: "failed", error: run.error ? `${run.error.code}: ${run.error.message}` : "the trainer failed" };
  if (run?.status === "cancelled" && !alive) return { state: "cancelled", error: null };
  return { state: alive ? "running" : "lost", error: null };
}

/** run.json and metrics.jsonl of a run folder this machine can read, as far as they are written. */
export function readRunFolder(runDir: string): { run: RunState | null; metrics: MetricsLine[] } {
  return { run: parseRunState(readIfThere(path.join(runDir, "run.json"))), metrics: parseMetrics(readIfThere(path.join(runDir, "metrics.jsonl"))) };
}

/** Asks the trainer to stop at its next step; it keeps a checkpoint and the run stays resumable. */
export function requestCancel(runDir: string): void {
  writeFileSync(path.join(runDir, "CANCEL"), "cancel requested by an admin\n");
}
