"use client";
// "Free space": offered only when the tablet holds something on demand that its present work does not
// need (spare-storage.ts), with what and how much in its title.
import { useEffect, useState } from "react";
import type { NameLanguage } from "@/configs/field";
import { deviceDb } from "@/workers/db/field-db";
import { wantsGpu } from "@/workers/ner/gpu";
import type { NerBackend } from "@/workers/ner/ner-client";
import { spareStorage, type SpareItem } from "./spare-storage";

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function FreeSpace(props: { neededLanguages: readonly NameLanguage[]; prefer: NerBackend | "auto"; backend: NerBackend | null; usage: number | undefined; onFreed: () => Promise<void> }) {
  const { neededLanguages, prefer, backend, usage, onFreed } = props;
  const [spare, setSpare] = useState<SpareItem[]>([]);
  const [freed, setFreed] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    let current = true;
    (async () => {
      const gpuInUse = backend === "webgpu" || (await wantsGpu(prefer));
      const items = await spareStorage(deviceDb(), neededLanguages, gpuInUse);
      if (current) setSpare(items);
    })().catch(() => current && setSpare([]));
    return () => void (current = false);
  }, [neededLanguages, prefer, backend, usage]);
  async function free() {
    setBusy(true);
    try {
      for (const item of spare) await item.free();
      setFreed(`Freed ${mb(spare.reduce((sum, i) => sum + i.bytes, 0))}: ${spare.map((i) => i.label).join(", ")}`);
      setSpare([]);
      await onFreed();
    } catch (e) {
      setFreed(`Could not free space: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  }
  if (!spare.length) return freed ? <span className="muted" data-testid="space-freed">{freed}</span> : null;
  const total = spare.reduce((sum, i) => sum + i.bytes, 0);
  return (
    <button onClick={() => void free()} disabled={busy} title={`Not needed for this area's work now: ${spare.map((i) => `${i.label} (${mb(i.bytes)})`).join(", ")}. Each is downloaded again when it is needed online.`}>
      Free space ({mb(total)})
    </button>
  );
}
