// An outbox held in memory: the stand-in for the tablet's IndexedDB table where a test or benchmark is
// about the sync protocol, not about storage.
import type { SyncOutcome, SyncRecord } from "@/configs/contracts/sync";
import type { OutboxEntry, OutboxStore } from "@/workers/sync/outbox";

export class MemoryOutbox implements OutboxStore {
  readonly entries: OutboxEntry[];

  constructor(records: readonly SyncRecord[] = []) {
    this.entries = records.map((record, i) => ({ record, state: "pending", attempts: 0, createdAt: i }));
  }

  async pending(limit: number) {
    return this.entries.filter((e) => e.state === "pending").slice(0, limit);
  }

  async settle(outcomes: readonly SyncOutcome[]) {
    const byId = new Map(this.entries.map((e) => [e.record.id, e]));
    for (const o of outcomes) {
      const entry = byId.get(o.id);
      if (!entry) continue;
      entry.state = o.status === "applied" || o.status === "duplicate" ? "synced" : o.status;
      if ("message" in o) entry.message = o.message;
    }
  }

  async countPending() {
    return this.entries.filter((e) => e.state === "pending").length;
  }
}
