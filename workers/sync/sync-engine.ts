// One sync of the tablet: send the outbox (claims, then corrections, oldest first), upload the page photos
// of claims the server now has, then pull the review decisions made on the claims of the user's area.
// Only one sync runs at a time, across tabs too (Web Locks), and every step is safe to repeat.
import type { FieldArea } from "@/configs/contracts/field";
import type { PullPage } from "@/configs/contracts/sync";
import type { FieldDatabase } from "@/workers/db/field-db";
import { applyPulledChanges, replaceAreaClaims } from "@/workers/db/area-claims";
import { getMeta, setMeta } from "@/workers/db/field-db";
import { dexieOutbox } from "./dexie-outbox";
import { DEFAULT_BACKOFF, flushOutbox, type BackoffPolicy, type FlushReport, type Transport } from "./outbox";
import { uploadPages, type UploadReport } from "./page-uploads";

export type SyncDeps = { push: Transport; pull: (cursor: number) => Promise<PullPage>; fetchFn?: typeof fetch; backoff?: BackoffPolicy };
export type SyncSummary = { at: number; ok: boolean; outbox: FlushReport | null; uploads: UploadReport | null; pulled: number; error: string | null };

const STATUS_KEY = "lastSync";
const CURSOR_KEY = "pullCursor";

export const lastSync = (db: FieldDatabase) => getMeta<SyncSummary>(db, STATUS_KEY);

/**
 * Keeps a fresh copy of the user's area. A tablet with no claim of its own on the server then pulls only
 * the review decisions made after the copy's statuses (its `changesCursor`): it shows history only for
 * claims it filed, and a busy block's history is thousands of changes, pulled 200 at a time on a new
 * tablet's first sync. A tablet that has filed claims pulls in full, so that their history is complete.
 */
export async function storeArea(db: FieldDatabase, userId: string, fresh: FieldArea): Promise<void> {
  const { claims, changesCursor, ...area } = fresh;
  await db.transaction("rw", [db.area, db.villageClaims, db.meta, db.drafts], async () => {
    await replaceAreaClaims(db, claims);
    await db.area.put({ key: "area", area, userId, fetchedAt: Date.now() });
    if ((await db.drafts.filter((d) => d.server != null).count()) > 0) return;
    await setMeta(db, CURSOR_KEY, Math.max(changesCursor, (await getMeta<number>(db, CURSOR_KEY)) ?? 0));
  });
}

async function pullAll(db: FieldDatabase, pull: SyncDeps["pull"]): Promise<number> {
  let count = 0;
  for (;;) {
    // Read each time: a first copy of the area stored meanwhile may have moved the cursor on (storeArea).
    const cursor = (await getMeta<number>(db, CURSOR_KEY)) ?? 0;
    const page = await pull(cursor);
    await db.transaction("rw", [db.changes, db.drafts, db.villageClaims, db.meta], async () => {
      // The history keeps the step; the boundary it drew goes to the cached claim only.
      await db.changes.bulkPut(page.changes.map(({ parcel: _drawn, ...change }) => change));
      for (const c of page.changes) {
        const draft = await db.drafts.get(c.claimId);
        if (draft?.server && c.version >= draft.server.version) await db.drafts.update(c.claimId, { server: { ...draft.server, status: c.status, version: c.version } });
      }
      await applyPulledChanges(db, page.changes);
      // With the changes, or not at all; never back past where the area's copy moved it.
      await setMeta(db, CURSOR_KEY, Math.max(page.cursor, (await getMeta<number>(db, CURSOR_KEY)) ?? 0));
    });
    count += page.changes.length;
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
