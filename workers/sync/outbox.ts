// The tablet's outbox sender, independent of storage and transport: it takes pending records in the
// order they were made, sends them in batches, and settles each by the server's answer. A failed send
// (offline, timeout, dropped connection, 5xx) leaves every record pending and retries with exponential
// backoff; since the server is idempotent, a batch whose answer was lost is simply sent again.
import type { SyncOutcome, SyncRecord } from "@/configs/contracts/sync";

export type OutboxEntry = { record: SyncRecord; state: "pending" | "synced" | "conflict" | "rejected"; attempts: number; message?: string; createdAt: number };

export interface OutboxStore {
  pending(limit: number): Promise<OutboxEntry[]>; // oldest first
  settle(outcomes: readonly SyncOutcome[]): Promise<void>; // atomically: synced, conflict or rejected per id
  countPending(): Promise<number>;
}

export type Transport = (records: SyncRecord[]) => Promise<SyncOutcome[]>;

export type BackoffPolicy = { baseMs: number; maxMs: number; maxAttempts: number; sleep: (ms: number) => Promise<void>; random: () => number };

export const DEFAULT_BACKOFF: BackoffPolicy = {
  baseMs: 1_000,
  maxMs: 5 * 60_000,
  maxAttempts: 8,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

/** Full jitter: a random wait up to base * 2^attempt, capped. */
export function backoffDelay(attempt: number, policy: Pick<BackoffPolicy, "baseMs" | "maxMs" | "random">): number {
  return Math.round(policy.random() * Math.min(policy.maxMs, policy.baseMs * 2 ** attempt));
}

export type FlushReport = { sent: number; synced: number; conflicts: number; rejected: number; failedAttempts: number; lastError: string | null; pending: number };

export async function flushOutbox(store: OutboxStore, transport: Transport, options: { batchSize?: number; backoff?: BackoffPolicy } = {}): Promise<FlushReport> {
  const batchSize = options.batchSize ?? 50;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const report: FlushReport = { sent: 0, synced: 0, conflicts: 0, rejected: 0, failedAttempts: 0, lastError: null, pending: 0 };
  let attempt = 0;
  for (;;) {
    const batch = await store.pending(batchSize);
    if (batch.length === 0) break;
    let outcomes: SyncOutcome[];
    try {
      outcomes = await transport(batch.map((e) => e.record));
    } catch (error) {
      report.failedAttempts++;
      report.lastError = error instanceof Error ? error.message : String(error);
      if (++attempt >= backoff.maxAttempts) break; // give up for now; the next online event starts again
      await backoff.sleep(backoffDelay(attempt, backoff));
      continue;
    }
    attempt = 0;
    const known = new Set(batch.map((e) => e.record.id));
    const answered = outcomes.filter((o) => known.has(o.id));
    if (answered.length !== batch.length) throw new Error(`the server answered ${answered.length} of ${batch.length} records`);
    await store.settle(answered);
    report.sent += batch.length;
    for (const o of answered) {
      if (o.status === "applied" || o.status === "duplicate") report.synced++;
      else if (o.status === "conflict") report.conflicts++;
      else report.rejected++;
    }
  }
  report.pending = await store.countPending();
  return report;
}
