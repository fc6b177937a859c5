// One sync of the tablet: send the outbox (claims, then corrections, oldest first), upload the page photos
// of claims the server now has, then pull the review decisions made on the claims of the user's area.
// Only one sync runs at a time, across tabs too (Web Locks), and every step is safe to repeat.
import type { PullPage } from "@/configs/contracts/sync";
import type { FieldDatabase } from "@/workers/db/field-db";
import { applyStatusChanges } from "@/workers/db/area-claims";
import { getMeta, setMeta } from "@/workers/db/field-db";
import { dexieOutbox } from "./dexie-outbox";
import { DEFAULT_BACKOFF, flushOutbox, type BackoffPolicy, type FlushReport, type Transport } from "./outbox";
import { uploadPages, type UploadReport } from "./page-uploads";

export type SyncDeps = { push: Transport; pull: (cursor: number) => Promise<PullPage>; fetchFn?: typeof fetch; backoff?: BackoffPolicy };
export type SyncSummary = { at: number; ok: boolean; outbox: FlushReport | null; uploads: UploadReport | null; pulled: number; error: string | null };

const STATUS_KEY = "lastSync";
const CURSOR_KEY = "pullCursor";

export const lastSync = (db: FieldDatabase) => getMeta<SyncSummary>(db, STATUS_KEY);

async function pullAll(db: FieldDatabase, pull: SyncDeps["pull"]): Promise<number> {
  let cursor = (await getMeta<number>(db, CURSOR_KEY)) ?? 0;
  let count = 0;
  for (;;) {
    const page = await pull(cursor);
    await db.transaction("rw", [db.changes, db.drafts, db.villageClaims, db.meta], async () => {
      await db.changes.bulkPut(page.changes);
      for (const c of page.changes) {
        const draft = await db.drafts.get(c.claimId);
        if (draft?.server) await db.drafts.update(c.claimId, { server: { ...draft.server, status: c.status, version: c.version } });
      }
      await applyStatusChanges(db, page.changes);
      await setMeta(db, CURSOR_KEY, page.cursor); // with the changes, or not at all
    });
    count += page.changes.length;
    cursor = page.cursor;
    if (!page.more) return count;
  }
}

async function syncOnce(db: FieldDatabase, deps: SyncDeps): Promise<SyncSummary> {
  const summary: SyncSummary = { at: Date.now(), ok: false, outbox: null, uploads: null, pulled: 0, error: null };
  try {
    summary.outbox = await flushOutbox(dexieOutbox(db), deps.push, { backoff: deps.backoff ?? { ...DEFAULT_BACKOFF, maxAttempts: 4 } });
    if (summary.outbox.lastError && summary.outbox.pending > 0) throw new Error(summary.outbox.lastError);
    summary.uploads = await uploadPages(db, deps.fetchFn);
    summary.pulled = await pullAll(db, deps.pull);
    summary.ok = summary.uploads.failed === 0;
    summary.error = summary.uploads.lastError;
  } catch (error) {
    summary.error = error instanceof Error ? error.message : String(error);
  }
  await setMeta(db, STATUS_KEY, summary);
  return summary;
}

let running: Promise<SyncSummary> | null = null;

/** Syncs now, or joins the sync already running in this tab. */
export function syncNow(db: FieldDatabase, deps: SyncDeps): Promise<SyncSummary> {
  running ??= (async () => {
    try {
      const locks = typeof navigator !== "undefined" ? navigator.locks : undefined;
      return locks ? await locks.request("fra-field-sync", () => syncOnce(db, deps)) : await syncOnce(db, deps);
    } finally {
      running = null;
    }
  })();
  return running;
}
