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

/** A sync, then the tablet reports itself (model version, back end, what still waits) for the admin page. */
export async function syncField(db: FieldDatabase, model: { version: number; backend: "webgpu" | "wasm" } | null): Promise<SyncSummary> {
  const device = await deviceId(deviceDb());
  const summary = await syncNow(db, {
    push: (records: SyncRecord[]) => trpc.sync.push.mutate({ deviceId: device, records }),
    pull: (cursor: number) => trpc.sync.pull.query({ cursor, limit: 200 }),
  });
  const pendingRecords = await db.outbox.where("state").equals("pending").count();
  await trpc.field.heartbeat.mutate({ deviceId: device, modelVersion: model?.version ?? null, backend: model?.backend ?? null, pendingRecords }).catch(() => {});
  return summary;
}
