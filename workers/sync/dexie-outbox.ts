// The outbox in the tablet's database: records wait here, oldest first, until the server has answered
// for them. Settling a record also settles what it stands for: a claim's draft becomes synced (with the
// server's claim number), conflicted or rejected, in the same transaction.
import type { SyncOutcome, SyncRecord } from "@/configs/contracts/sync";
import type { ClaimStatus } from "@/configs/workflow";
import type { FieldDatabase, OutboxRow } from "@/workers/db/field-db";
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
      await db.transaction("rw", db.outbox, db.drafts, async () => {
        for (const o of outcomes) {
          const row = await db.outbox.where("id").equals(o.id).first();
          if (!row || row.state !== "pending") continue;
          const state = o.status === "applied" || o.status === "duplicate" ? "synced" : o.status;
          const message = "message" in o ? o.message : undefined;
          await db.outbox.update(row.seq!, { state, message, settledAt: Date.now() });
          if (row.kind === "claim") await settleDraft(db, o);
        }
      });
    },
    countPending: () => db.outbox.where("state").equals("pending").count(),
  };
}

async function settleDraft(db: FieldDatabase, o: SyncOutcome) {
  if (!("message" in o)) {
    const detail = o.detail as { claimNo?: string; version?: number };
    await db.drafts.update(o.id, { state: "synced", message: null, server: { claimNo: String(detail.claimNo ?? ""), version: Number(detail.version ?? 1), status: "received" }, updatedAt: Date.now() });
  } else if (o.status === "conflict") {
    const theirs = o.server as { claimNo?: string; version?: number; status?: ClaimStatus };
    const server = theirs.claimNo ? { claimNo: theirs.claimNo, version: Number(theirs.version ?? 1), status: theirs.status ?? "received" } : null;
    await db.drafts.update(o.id, { state: "conflict", message: o.message, server, updatedAt: Date.now() });
  } else {
    await db.drafts.update(o.id, { state: "rejected", message: o.message, updatedAt: Date.now() });
  }
}

/** Puts records in the outbox in one transaction; a record already there under its id is replaced only while it is not synced. */
export async function enqueue(db: FieldDatabase, records: readonly SyncRecord[]): Promise<void> {
  await db.transaction("rw", db.outbox, async () => {
    for (const record of records) {
      const existing = await db.outbox.where("id").equals(record.id).first();
      if (existing?.state === "synced") throw new Error(`record ${record.id} is already on the server; it cannot be sent again with other content`);
      if (existing) await db.outbox.delete(existing.seq!);
      await db.outbox.add({ id: record.id, kind: record.kind, record, state: "pending", attempts: 0, createdAt: Date.now() });
    }
  });
}
