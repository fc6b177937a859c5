// A candidate beside the stable model, as an admin decides on it: F1 per entity, size and latency, the
// gates for each channel (stable re-measured on the candidate's own held-out set), and examples from
// that set where the candidate reads a field differently from the truth.
import path from "node:path";
import { readFile } from "node:fs/promises";
import { nerExampleSchema } from "@/configs/ner";
import type { SessionUser } from "@/server/auth/session";
import { extractEntities } from "@/workers/ner/extract";
import { requireRole } from "../scope";
import { loadPackageModel } from "./onnx-check";
import { gatesFor, getModelVersion, releaseHistory, type ModelVersionRow, type RegistryContext } from "./registry";

type Side = { version: number; f1: number; perEntity: Record<string, { f1: number; support: number }>; quantizedBytes: number; latencyMs: number; datasetVersion: string | null; parentRun: string | null; createdAt: string };

const side = (v: ModelVersionRow): Side => ({
  version: v.version,
  f1: v.metrics.onnx.test.overall.f1,
  perEntity: Object.fromEntries(Object.entries(v.metrics.onnx.test.perEntity).map(([k, s]) => [k, { f1: s!.f1, support: s!.support }])),
  quantizedBytes: v.metrics.onnx.quantizedBytes,
  latencyMs: v.metrics.onnx.latencyMsPerSentence,
  datasetVersion: v.datasetVersion,
  parentRun: v.parentRun,
  createdAt: v.createdAt,
});

export type ConfusionExample = { text: string; truth: Array<{ label: string; text: string }>; read: Array<{ label: string; text: string }> };

/** Up to `limit` held-out examples the model gets wrong, and how often one entity was read as another. */
export async function confusions(packageDir: string, testFile: string, limit = 6, scan = 200) {
  const model = await loadPackageModel(packageDir, "model_quantized.onnx");
  const examples: ConfusionExample[] = [];
  const swapped: Record<string, number> = {};
  try {
    const lines = (await readFile(testFile, "utf8")).split("\n").filter((l) => l.trim()).slice(0, scan);
    for (const line of lines) {
      const row = nerExampleSchema.parse(JSON.parse(line));
      const read = await extractEntities(row.text, model);
      const key = (s: { label: string; start: number; end: number }) => `${s.label}:${s.start}:${s.end}`;
      const truthKeys = new Set(row.spans.map(key));
      const readKeys = new Set(read.map(key));
      if (row.spans.every((s) => readKeys.has(key(s))) && read.every((e) => truthKeys.has(key(e)))) continue;
      for (const s of row.spans) {
        const other = read.find((e) => e.start < s.end && s.start < e.end && e.label !== s.label);
        if (other) swapped[`${s.label} read as ${other.label}`] = (swapped[`${s.label} read as ${other.label}`] ?? 0) + 1;
      }
      if (examples.length < limit) {
        examples.push({
          text: row.text.length > 400 ? `${row.text.slice(0, 400)}…` : row.text,
          truth: row.spans.map((s) => ({ label: s.label, text: row.text.slice(s.start, s.end) })),
          read: read.map((e) => ({ label: e.label, text: e.text })),
        });
      }
    }
  } finally {
    await model.session.release();
  }
  return { examples, swapped: Object.entries(swapped).sort((a, b) => b[1] - a[1]).slice(0, 10) };
}

export async function compareWithStable(ctx: RegistryContext, actor: SessionUser, name: string, version: number) {
  requireRole(actor, ["admin"]);
  const candidate = await getModelVersion(ctx.db, name, version);
  const [stableRelease] = await releaseHistory(ctx.db, name, "stable");
  const stable = stableRelease ? await getModelVersion(ctx.db, name, stableRelease.version) : null;
  const { gates } = await gatesFor(ctx, candidate);
  const dir = path.join(ctx.storeDir, candidate.storeDir);
  return { candidate: side(candidate), stable: stable ? side(stable) : null, gates, confusion: await confusions(dir, path.join(dir, "test.jsonl")) };
}
