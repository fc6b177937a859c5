"use client";
// Sync state, storage and model at a glance: what waits to go up, when the last sync was, what went wrong
// and what to do about it.
import { useLiveQuery } from "dexie-react-hooks";
import { useEffect, useState } from "react";
import type { NameLanguage } from "@/configs/field";
import { deviceDb, type FieldDatabase } from "@/workers/db/field-db";
import { languageNames } from "@/workers/ocr/ocr-languages";
import type { NerBackend } from "@/workers/ner/ner-client";
import type { SyncSummary } from "@/workers/sync/sync-engine";
import { offlineShortfalls } from "./offline-readiness";
import { spareStorage, type SpareItem } from "./spare-storage";
import type { ModelState, OcrLanguagesState } from "./useFieldServices";

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function ago(at: number): string {
  const s = Math.round((Date.now() - at) / 1000);
  if (s < 60) return "just now";
  if (s < 3600) return `${Math.round(s / 60)} min ago`;
  if (s < 86_400) return `${Math.round(s / 3600)} h ago`;
  return new Date(at).toLocaleDateString();
}

function syncAdvice(last: SyncSummary | null): string | null {
  if (!last?.error) return null;
  if (/UNAUTHORIZED|please log in/i.test(last.error)) return "Your sign-in has expired: sign in again (your drafts stay on this tablet).";
  if (/fetch|network|Failed to fetch|NetworkError/i.test(last.error)) return "The server could not be reached; it will retry when the network is back.";
  return last.error;
}

/** Whether the area's claimant names can be read offline in their own language. */
function OcrLanguagesNote({ state, online }: { state: OcrLanguagesState; online: boolean }) {
  if (state.missing === null) return null;
  if (state.missing.length === 0) {
    return state.needed.length ? <span className="muted" data-testid="ocr-languages-held">Reads names in {languageNames(state.needed)} offline</span> : null;
  }
  const what = `${languageNames(state.missing)} names cannot be read offline yet`;
  return <span className="error" data-testid="ocr-languages-missing">{online ? `${what}: downloading their OCR data${state.error ? ` failed (${state.error}); it will be tried again` : "…"}` : `${what}: connect once so this tablet can keep their OCR data.`}</span>;
}

/**
 * "Free space": offered only when the tablet holds something on demand that its present work does not
 * need (spare-storage.ts), with what and how much in its title. `gpuInUse`: WebGPU is wanted or running.
 */
function FreeSpace({ neededLanguages, gpuInUse, usage, onFreed }: { neededLanguages: readonly NameLanguage[]; gpuInUse: boolean; usage: number | undefined; onFreed: () => Promise<void> }) {
  const [spare, setSpare] = useState<SpareItem[]>([]);
  const [freed, setFreed] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    let current = true;
    spareStorage(deviceDb(), neededLanguages, gpuInUse).then((items) => current && setSpare(items), () => current && setSpare([]));
    return () => void (current = false);
  }, [neededLanguages, gpuInUse, usage]);
  const total = spare.reduce((sum, i) => sum + i.bytes, 0);
  async function free() {
    setBusy(true);
    try {
      for (const item of spare) await item.free();
      setFreed(`Freed ${mb(total)}: ${spare.map((i) => i.label).join(", ")}`);
      setSpare([]);
      await onFreed();
    } catch (e) {
      setFreed(`Could not free space: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  }
  if (!spare.length) return freed ? <span className="muted" data-testid="space-freed">{freed}</span> : null;
  return (
    <button onClick={() => void free()} disabled={busy} title={`Not needed for this area's work now: ${spare.map((i) => `${i.label} (${mb(i.bytes)})`).join(", ")}. Each is downloaded again when it is needed online.`}>
      Free space ({mb(total)})
    </button>
  );
}

export function StatusBar(props: {
  db: FieldDatabase;
  online: boolean;
  sync: { syncing: boolean; last: SyncSummary | null; syncNow: () => Promise<void> };
  model: ModelState;
  prefer: NerBackend | "auto";
  onPrefer: (p: NerBackend | "auto") => void;
  storage: { storage: { usage: number; quota: number; persisted: boolean } | null; persist: () => Promise<void>; measure: () => Promise<void> };
  areaError: string | null;
  areaVillages: number | null;
  ocrLanguages: OcrLanguagesState;
  serviceWorkerReady: boolean;
  serviceWorkerError: string | null;
}) {
  const { db, online, sync, model, storage } = props;
  const shortfalls = offlineShortfalls({ serviceWorkerReady: props.serviceWorkerReady, modelLoaded: model.ner !== null, areaVillages: props.areaVillages, missingLanguages: props.ocrLanguages.missing });
  const pending = useLiveQuery(() => db.outbox.where("state").equals("pending").count(), [db]) ?? 0;
  const uploads = useLiveQuery(() => db.pages.filter((p) => p.upload.state !== "done").count(), [db]) ?? 0;
  const advice = syncAdvice(sync.last);
  return (
    <div className="field-status" role="status" aria-label="Sync status">
      <span className={`pill ${online ? "on" : "off"}`}>{online ? "Online" : "Offline"}</span>
      {shortfalls.length === 0
        ? <span className="pill on" data-testid="offline-ready" title={`${props.areaVillages} villages, the model and the OCR data are on this tablet`}>Ready for offline work</span>
        : <span className="pill off" data-testid="offline-not-ready" title={`Still needed: ${shortfalls.join(", ")}`}>Not ready offline: {shortfalls.join(", ")}</span>}
      <span data-testid="pending-count">{pending} record{pending === 1 ? "" : "s"} waiting</span>
      {uploads > 0 && <span>{uploads} page photo{uploads === 1 ? "" : "s"} to upload</span>}
      <span>{sync.syncing ? "Syncing…" : sync.last ? `Last sync ${ago(sync.last.at)}${sync.last.ok ? "" : " (incomplete)"}` : "Not synced yet"}</span>
      <button onClick={() => void sync.syncNow()} disabled={!online || sync.syncing}>Sync now</button>
      {advice && <span className="error">{advice}</span>}
      <span className="spacer" />
      <span title="Which model reads the forms, and on what">
        {model.progress
          ? `Downloading model v${model.progress.version}: ${Math.round((100 * model.progress.receivedBytes) / Math.max(1, model.progress.totalBytes))}%`
          : model.ner
            ? <>Model v{model.ner.version} · <span data-testid="ner-backend">{model.ner.backend === "webgpu" ? "WebGPU" : "WebAssembly"}</span>{model.ner.fallbackReason ? ` (${model.ner.fallbackReason})` : ""}</>
            : model.error ?? "Loading model…"}
      </span>
      <select aria-label="Model runs on" value={props.prefer} onChange={(e) => props.onPrefer(e.target.value as NerBackend | "auto")}>
        <option value="auto">GPU if available</option>
        <option value="wasm">CPU (WebAssembly)</option>
        <option value="webgpu">GPU (WebGPU)</option>
      </select>
      {storage.storage && (
        <span>
          Storage {mb(storage.storage.usage)} of {mb(storage.storage.quota)}
          {storage.storage.persisted ? " · kept" : <> · <button onClick={() => void storage.persist()}>Keep data on this tablet</button></>}
        </span>
      )}
      {/* Until the model's first load has decided, WebGPU's runtime and graph count as in use. */}
      <FreeSpace neededLanguages={props.ocrLanguages.needed} gpuInUse={model.gpuWanted !== false || model.ner?.backend === "webgpu"} usage={storage.storage?.usage} onFreed={storage.measure} />
      {model.message && <span className="muted">{model.message}</span>}
      {props.areaError && <span className="error">{props.areaError}</span>}
      <OcrLanguagesNote state={props.ocrLanguages} online={online} />
      {props.serviceWorkerError && <span className="error">{props.serviceWorkerError}</span>}
    </div>
  );
}
