"use client";
// The field app's long-lived helpers, one each per page: the OCR pool, and sync over tRPC. They hold no
// React state; the components read everything they show from the tablet's database.
import type { SyncRecord } from "@/configs/contracts/sync";
import { trpc } from "@/components/trpc";
import { deviceDb, deviceId, type FieldDatabase } from "@/workers/db/field-db";
import { appOcrAssets, OcrPool } from "@/workers/ocr/ocr-pool";
import { syncNow, type SyncSummary } from "@/workers/sync/sync-engine";

let pool: OcrPool | null = null;

/** Two tesseract workers on a tablet with cores to spare, one otherwise: OCR must not starve the page. */
export function ocrPool(): OcrPool {
  const cores = typeof navigator === "undefined" ? 2 : navigator.hardwareConcurrency || 2;
  pool ??= new OcrPool(Math.min(2, Math.max(1, cores - 1)), appOcrAssets(window.location.origin));
  return pool;
}

export async function syncField(db: FieldDatabase): Promise<SyncSummary> {
  const device = await deviceId(deviceDb());
  return syncNow(db, {
    push: (records: SyncRecord[]) => trpc.sync.push.mutate({ deviceId: device, records }),
    pull: (cursor: number) => trpc.sync.pull.query({ cursor, limit: 200 }),
  });
}
