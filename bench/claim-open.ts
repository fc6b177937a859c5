// Claim panel benchmark: how long an official waits for a claim to open (claims.get: its fields, history,
// scanned pages, the notice's appeal window, and for a community forest resource the villages it
// borders), through the tRPC procedure, for claims of each kind. It only reads.
// npm run bench:claim -- [--claims 20000] [--data-dir data/bench-decisions] [--reps 30]
import { sql } from "drizzle-orm";
import { rows } from "@/server/db/client";
import { benchCaller } from "./caller";
import { openDecisionsSet } from "./decisions-set";
import { timedCalls } from "./latency";

const { database, db, reps } = await openDecisionsSet("bench:claim");
try {
  const { api } = await benchCaller(db, "official.gadchiroli");
  // A claim of each kind in the official's district, the one with the longest history among them.
  const sample = async (where: ReturnType<typeof sql>) => {
    const [c] = await rows<{ id: string; claim_no: string; entries: number }>(db, sql`
      SELECT c.id, c.claim_no, (SELECT count(*)::int FROM claim_transitions t WHERE t.claim_id = c.id) AS entries
      FROM claims c JOIN districts d ON d.id = c.district_id WHERE d.name = 'Gadchiroli' AND ${where} ORDER BY entries DESC, c.claim_no LIMIT 1`);
    if (!c) throw new Error("no such claim in the dataset");
    return c;
  };
  const claims = {
    individual_titled: await sample(sql`c.type = 'IFR' AND c.status = 'title_granted'`),
    individual_rejected: await sample(sql`c.type = 'IFR' AND c.status IN ('sdlc_rejected', 'dlc_rejected')`),
    community_forest_resource: await sample(sql`c.type = 'CFR' AND c.geom IS NOT NULL`),
  };
  const [{ n: claimCount } = { n: 0 }] = await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM claims`);
  const results: Record<string, unknown> = {};
  for (const [kind, c] of Object.entries(claims)) {
    const detail = await api.claims.get({ id: c.id });
    results[kind] = { claim_no: c.claim_no, history_entries: c.entries, villages_along_boundary: detail.villagesAlongBoundary.length, ...(await timedCalls(() => api.claims.get({ id: c.id }), reps)) };
  }
  console.log(JSON.stringify({ benchmark: "claim open", database: "PGlite + PostGIS (embedded)", claims: claimCount, ...results }, null, 2));
} finally {
  await database.close();
}
