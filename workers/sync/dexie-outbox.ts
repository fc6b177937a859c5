// The outbox in the tablet's database: records wait here, oldest first, until the server has answered
// for them. Settling a record also settles what it stands for: a claim's draft becomes synced (with the
// server's claim number), conflicted or rejected, in the same transaction.
import type { PolygonGeometry } from "@/configs/contracts/geojson";
import type { SyncOutcome, SyncRecord } from "@/configs/contracts/sync";
import { applyVerifiedParcels } from "@/workers/db/area-claims";
import type { ClaimStatus } from "@/configs/workflow";
import type { Draft, FieldDatabase, OutboxRow } from "@/workers/db/field-db";
import type { OutboxEntry, OutboxStore } from "./outbox";

const toEntry = (row: OutboxRow): OutboxEntry => ({ record: row.record, state: row.state, attempts: row.attempts, message: row.message, createdAt: row.createdAt });

export function dexieOutbox(db: FieldDatabase): OutboxStore {
  return {
    async pending(limit) {
      // Index order within one state is insertion order (the primary key), i.e. oldest first.
      const rows = await db.outbox.where("state").equals("pending").limit(limit).toArray();
      await db.outbox.where("seq").anyOf(rows.map((r) => r.seq!)).modify((r) => void (r.attempts += 1));
      return rows.map(toEntry);
    },
    async settle(outcomes) {
      // Read and written in bulk: a batch's records and drafts cost a few IndexedDB requests, not three each.
      await db.transaction("rw", db.outbox, db.drafts, db.villageClaims, async () => {
        const rows = new Map((await db.outbox.where("id").anyOf(outcomes.map((o) => o.id)).toArray()).map((r) => [r.id, r]));
        const settled: OutboxRow[] = [];
        const claimOutcomes: SyncOutcome[] = [];
        const verifiedParcels = new Map<string, PolygonGeometry>();
        for (const o of outcomes) {
          const row = rows.get(o.id);
          if (!row || row.state !== "pending") continue;
          const state = o.status === "applied" || o.status === "duplicate" ? "synced" : o.status;
          settled.push({ ...row, state, message: "message" in o ? o.message : undefined, settledAt: Date.now() });
          if (row.kind === "claim") claimOutcomes.push(o);
          if (state === "synced" && row.record.kind === "decision" && row.record.payload.parcel) verifiedParcels.set(row.record.payload.id, row.record.payload.parcel);
        }
        await db.outbox.bulkPut(settled);
        await settleDrafts(db, claimOutcomes);
        // The tablet's map shows the boundary the server now has, not the one it replaced.
        await applyVerifiedParcels(db, verifiedParcels);
      });
    },
    countPending: () => db.outbox.where("state").equals("pending").count(),
  };
}

/** A claim's draft follows its record: synced (with the server's claim number), conflicted or rejected. */
async function settleDrafts(db: FieldDatabase, outcomes: readonly SyncOutcome[]) {
  const drafts = await db.drafts.bulkGet(outcomes.map((o) => o.id));
  const now = Date.now();
  const updated = outcomes.flatMap((o, i): Draft[] => {
    const draft = drafts[i];
    if (!draft) return [];
    if (!("message" in o)) {
      const detail = o.detail as { claimNo?: string; version?: number };
      return [{ ...draft, state: "synced", message: null, server: { claimNo: String(detail.claimNo ?? ""), version: Number(detail.version ?? 1), status: "received" }, updatedAt: now }];
    }
    if (o.status === "conflict") {
      const theirs = o.server as { claimNo?: string; version?: number; status?: ClaimStatus };
      const server = theirs.claimNo ? { claimNo: theirs.claimNo, version: Number(theirs.version ?? 1), status: theirs.status ?? "received" } : null;
      return [{ ...draft, state: "conflict", message: o.message, server, updatedAt: now }];
    }
    return [{ ...draft, state: "rejected", message: o.message, updatedAt: now }];
  });
  await db.drafts.bulkPut(updated);
}

/** Puts records in the outbox in one transaction; a record already there under its id is replaced only while it is not synced. */
export async function enqueue(db: FieldDatabase, records: readonly SyncRecord[]): Promise<void> {
  await db.transaction("rw", db.outbox, async () => {
    const existing = await db.outbox.where("id").anyOf(records.map((r) => r.id)).toArray();
    const synced = existing.find((row) => row.state === "synced");
    if (synced) throw new Error(`record ${synced.id} is already on the server; it cannot be sent again with other content`);
    await db.outbox.bulkDelete(existing.map((row) => row.seq!));
    const now = Date.now();
    // The last of a record sent twice in one call wins, as if they had been put in one after the other.
    const latest = [...new Map(records.map((r) => [r.id, r])).values()];
    await db.outbox.bulkAdd(latest.map((record) => ({ id: record.id, kind: record.kind, record, state: "pending" as const, attempts: 0, createdAt: now })));
  });
}
