// Decision benchmark: how long an official waits for a recorded decision, one claim at a time (the claim
// panel, claims.transition) and as a committee's decision on many (the list, claims.transitionMany), through
// the tRPC procedures as the route runs them (validation, scope, row locks, the audit trail's lock, the
// counts trigger). Each run works on a fresh copy of the dataset, so that runs see the same claims.
// npm run bench:decisions -- [--claims 20000] [--data-dir data/bench-decisions] [--reps 2]
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { rows } from "@/server/db/client";
import { openDatabase } from "@/server/db/open";
import { benchCaller } from "./caller";
import { ensureDecisionsSet } from "./decisions-set";
import { latencyStats, percentile } from "./latency";

// 1. The dataset: the demo's size and mix, made once; each run works on its own copy.
const { dataDir, reps } = await ensureDecisionsSet("bench:decisions", 2);
const workDir = mkdtempSync(path.join(os.tmpdir(), "fra-bench-decisions-"));
cpSync(dataDir, workDir, { recursive: true });
const database = await openDatabase({ dataDir: workDir });
await database.migrate(); // a dataset made before the latest migrations
const db = database.db;

try {
  const { user, api } = await benchCaller(db, "official.gadchiroli");
  const reason = "SDLC sitting of 20 November 2026, item 4: resolutions in order";
  // Claims of the official's district at a stage, oldest number first, not yet used by this run.
  const used = new Set<string>();
  const atStage = async (status: string, n: number) => {
    const found = await rows<{ id: string; version: number }>(db, sql`SELECT c.id, c.version FROM claims c
      WHERE c.district_id = ANY (${`{${user.districtIds.join(",")}}`}::int[]) AND c.status = ${status} ORDER BY c.claim_no LIMIT ${n + used.size}`);
    const fresh = found.filter((c) => !used.has(c.id)).slice(0, n);
    if (fresh.length < n) throw new Error(`only ${fresh.length} ${status} claims left for ${n}: a larger --claims is needed`);
    fresh.forEach((c) => used.add(c.id));
    return fresh.map((c) => ({ id: c.id, expectedVersion: c.version }));
  };
  const [{ n: claimCount } = { n: 0 }] = await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM claims`);

  // Warm-up: the first statements of a process plan and page in what later ones reuse.
  for (const c of await atStage("gs_resolved", 3)) await api.claims.transition({ ...c, action: "forward_to_sdlc", reason });

  // 2. One claim at a time, as from the claim panel.
  const single: number[] = [];
  for (const c of await atStage("gs_resolved", 20 * reps)) {
    const t0 = performance.now();
    await api.claims.transition({ ...c, action: "forward_to_sdlc", reason });
    single.push(performance.now() - t0);
  }

  // 3. A committee's decision on 10, 50 and 100 claims, from the list.
  const committee: Record<string, { total: ReturnType<typeof latencyStats>; per_claim_p50_ms: number }> = {};
  for (const size of [10, 50, 100]) {
    const samples: number[] = [];
    for (let r = 0; r < reps; r++) {
      const chosen = await atStage("sdlc_review", size);
      const t0 = performance.now();
      await api.claims.transitionMany({ action: "sdlc_recommend", reason, claims: chosen });
      samples.push(performance.now() - t0);
    }
    committee[String(size)] = { total: latencyStats(samples), per_claim_p50_ms: +(percentile(samples, 50) / size).toFixed(2) };
  }

  console.log(JSON.stringify({
    benchmark: "decisions",
    database: "PGlite + PostGIS (embedded)",
    claims: claimCount,
    user: "official.gadchiroli",
    single_decision: latencyStats(single),
    committee_decision: committee,
  }, null, 2));
} finally {
  await database.close();
  rmSync(workDir, { recursive: true, force: true });
}
