"use client";
// The background work of the field app, as hooks: network state, the service worker, sync (on start, when
// the network returns, every minute while something waits), the offline area and the OCR languages it
// needs, the field model (update, verify, load into the NER worker) and storage use.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { NameLanguage } from "@/configs/field";
import type { AreaVillage } from "@/configs/contracts/field";
import { errorMessage } from "@/components/trpc";
import { deviceDb, getMeta, type FieldDatabase } from "@/workers/db/field-db";
import { activeModel, fallBackToPreviousModel, graphsFor, updateModel, type ModelProgress } from "@/workers/models/model-client";
import { wantsGpu } from "@/workers/ner/gpu";
import type { NerBackend } from "@/workers/ner/ner-client";
import { askServiceWorkerForLanguages, onDemandLanguagesOf } from "@/workers/ocr/ocr-languages";
import type { SyncSummary } from "@/workers/sync/sync-engine";
import { loadNer, type ActiveNer } from "./capture";
import { syncField } from "./services";
import { refreshArea } from "./useFieldSession";

export function useOnline(): boolean {
  const [online, setOnline] = useState(true);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    update();
    window.addEventListener("online", update);
    window.addEventListener("offline", update);
    return () => {
      window.removeEventListener("online", update);
      window.removeEventListener("offline", update);
    };
  }, []);
  return online;
}

/** Registers the service worker that keeps the app shell, OCR and model runtimes for offline use. */
export function useServiceWorker(): { ready: boolean; error: string | null } {
  const [state, setState] = useState<{ ready: boolean; error: string | null }>({ ready: false, error: null });
  useEffect(() => {
    if (!("serviceWorker" in navigator)) return setState({ ready: false, error: "this browser cannot work offline (no service worker support)" });
    navigator.serviceWorker
      .register("/sw.js", { scope: "/" })
      .then(() => navigator.serviceWorker.ready)
      .then(() => setState({ ready: true, error: null }))
      .catch((e: unknown) => setState({ ready: false, error: `offline support could not start: ${errorMessage(e)}` }));
  }, []);
  return state;
}

export function useSync(db: FieldDatabase, online: boolean, ner: ActiveNer | null) {
  const [syncing, setSyncing] = useState(false);
  const [last, setLast] = useState<SyncSummary | null>(null);
  const busy = useRef(false);
  const model = useRef(ner);
  model.current = ner;
  const run = useCallback(async () => {
    if (busy.current || !navigator.onLine) return;
    busy.current = true;
    setSyncing(true);
    try {
      setLast(await syncField(db, model.current));
    } finally {
      busy.current = false;
      setSyncing(false);
    }
  }, [db]);
  useEffect(() => {
    void getMeta<SyncSummary>(db, "lastSync").then((s) => s && setLast(s));
  }, [db]);
  useEffect(() => {
    if (!online) return;
    void run();
    const timer = setInterval(async () => {
      const waiting = (await db.outbox.where("state").equals("pending").count()) + (await db.pages.filter((p) => p.upload.state !== "done").count());
      if (waiting > 0) void run();
    }, 60_000);
    return () => clearInterval(timer);
  }, [online, run, db]);
  return { syncing, last, syncNow: run };
}

export function useArea(db: FieldDatabase, userId: string, online: boolean) {
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!online) return;
    refreshArea(db, userId).then(() => setError(null), (e: unknown) => setError(`the map of your area could not be refreshed: ${errorMessage(e)}`));
  }, [db, userId, online]);
  return { error, refresh: () => refreshArea(db, userId, true).then(() => setError(null), (e: unknown) => setError(errorMessage(e))) };
}

/** `missing` is null until the service worker has answered. */
export type OcrLanguagesState = { needed: NameLanguage[]; missing: NameLanguage[] | null; error: string | null };
// A download that failed is tried again soon (the first try often races the network coming back), then
// less often: 5 s, 15 s, 45 s, then every minute.
const languageRetryMs = (failures: number) => Math.min(60_000, 5_000 * 3 ** Math.max(0, failures - 1));

/**
 * The claimant-name OCR languages the tablet's area needs and the precache leaves out (Marathi, Nepali:
 * workers/ocr/ocr-languages.ts): the service worker is asked to keep them whenever the tablet is online,
 * and asked again when a new service worker takes over (a new build may bring new data).
 */
export function useOcrLanguages(areaVillages: readonly AreaVillage[] | undefined, online: boolean, serviceWorkerReady: boolean): OcrLanguagesState {
  const stateCodes = areaVillages && [...new Set(areaVillages.map((v) => v.stateCode))].sort().join(",");
  const needed = useMemo(() => onDemandLanguagesOf(stateCodes ? stateCodes.split(",") : []), [stateCodes]);
  const [reply, setReply] = useState<{ held: NameLanguage[]; error: string | null } | null>(null);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    if (!("serviceWorker" in navigator)) return;
    const renew = () => setGeneration((g) => g + 1);
    navigator.serviceWorker.addEventListener("controllerchange", renew);
    return () => navigator.serviceWorker.removeEventListener("controllerchange", renew);
  }, []);
  useEffect(() => {
    if (!serviceWorkerReady || stateCodes === undefined) return;
    let current = true;
    askServiceWorkerForLanguages(needed, online).then(
      (r) => current && setReply(r),
      (e: unknown) => current && setReply({ held: [], error: errorMessage(e) }),
    );
    return () => void (current = false);
  }, [needed, online, serviceWorkerReady, stateCodes, generation]);
  const missing = reply ? needed.filter((l) => !reply.held.includes(l)) : null;
  // Answers in a row that still lacked a language, for the retry's back-off.
  const failures = useRef(0);
  useEffect(() => {
    failures.current = missing?.length ? failures.current + 1 : 0;
  }, [reply]); // once per answer
  // A download that failed is tried again while the tablet stays online.
  useEffect(() => {
    if (!online || !missing?.length) return;
    const timer = setTimeout(() => setGeneration((g) => g + 1), languageRetryMs(failures.current));
    return () => clearTimeout(timer);
  }, [online, missing?.length, reply]);
  return { needed, missing, error: reply?.error ?? null };
}

const MODEL_CHECK_MS = 30 * 60_000;

/** `gpuWanted`: whether the last load decided on WebGPU (wantsGpu), null before the first has; "Free space" reads it. */
export type ModelState = { ner: ActiveNer | null; progress: ModelProgress | null; message: string | null; error: string | null; gpuWanted: boolean | null };

export function useFieldModel(online: boolean, prefer: NerBackend | "auto") {
  const [state, setState] = useState<ModelState>({ ner: null, progress: null, message: null, error: null, gpuWanted: null });
  const load = useCallback(async () => {
    const device = deviceDb();
    // The fp32 graph and WebGPU's runtime only where they will run.
    const gpu = await wantsGpu(prefer);
    const settle = (settled: Omit<ModelState, "gpuWanted">) => setState({ ...settled, gpuWanted: gpu });
    let message: string | null = null;
    if (navigator.onLine) {
      try {
        const check = await updateModel(device, { graphs: graphsFor(gpu), onProgress: (progress) => setState((s) => ({ ...s, progress })) });
        message = check.message;
      } catch (e) {
        message = `model update failed, keeping the model on this tablet: ${errorMessage(e)}`;
      }
    }
    let active = await activeModel(device);
    if (!active) return settle({ ner: null, progress: null, message, error: "No field model on this tablet yet: connect once so it can download and verify one." });
    try {
      setState((s) => ({ ...s, progress: null, message }));
      const ner = await loadNer(active, prefer, gpu);
      settle({ ner, progress: null, message, error: null });
    } catch (e) {
      // The new version will not run here: go back to the one before.
      active = await fallBackToPreviousModel(device);
      if (!active) return settle({ ner: null, progress: null, message, error: `the field model could not be loaded: ${errorMessage(e)}` });
      const ner = await loadNer(active, prefer, gpu);
      settle({ ner, progress: null, message: `model v${active.version} in use: the newer one failed to load (${errorMessage(e)})`, error: null });
    }
  }, [prefer]);
  useEffect(() => {
    void load();
    // A model published while the app is open reaches it within the hour.
    const timer = setInterval(() => navigator.onLine && void load(), MODEL_CHECK_MS);
    return () => clearInterval(timer);
  }, [load, online]);
  return state;
}

export function useStorage() {
  const [storage, setStorage] = useState<{ usage: number; quota: number; persisted: boolean } | null>(null);
  const measure = useCallback(async () => {
    if (!navigator.storage?.estimate) return;
    const [{ usage = 0, quota = 0 }, persisted] = await Promise.all([navigator.storage.estimate(), navigator.storage.persisted?.() ?? Promise.resolve(false)]);
    setStorage({ usage, quota, persisted });
  }, []);
  useEffect(() => {
    void measure();
    const timer = setInterval(measure, 30_000);
    return () => clearInterval(timer);
  }, [measure]);
  const persist = useCallback(async () => {
    await navigator.storage?.persist?.();
    await measure();
  }, [measure]);
  return { storage, persist, measure };
}
