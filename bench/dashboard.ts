// Dashboard benchmark: how long an official waits for the district dashboard (geo.dashboard: counts by
// status and type, by tehsil, pending claims by age, rejection notices and appeal windows), through the
// tRPC procedure, for one district's official and for the state-wide admin. It only reads.
// npm run bench:dashboard -- [--claims 20000] [--data-dir data/bench-decisions] [--reps 30]
import { sql } from "drizzle-orm";
import { rows } from "@/server/db/client";
import { benchCaller } from "./caller";
import { openDecisionsSet } from "./decisions-set";
import { timedCalls } from "./latency";

const { database, db, reps } = await openDecisionsSet("bench:dashboard");
try {
  const official = (await benchCaller(db, "official.gadchiroli")).api;
  const admin = (await benchCaller(db, "admin")).api;
  const [district] = await rows<{ id: number }>(db, sql`SELECT id FROM districts WHERE name = 'Gadchiroli'`);
  const [{ n: claimCount } = { n: 0 }] = await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM claims`);

  const timed = (open: () => Promise<unknown>) => timedCalls(open, reps);
  const opened = await official.geo.dashboard({ districtId: district!.id });
  console.log(JSON.stringify({
    benchmark: "dashboard",
    database: "PGlite + PostGIS (embedded)",
    claims: claimCount,
    district: { claims: opened.total, rejection_notices: opened.notices },
    official_one_district: await timed(() => official.geo.dashboard({ districtId: district!.id })),
    official_all_districts: await timed(() => official.geo.dashboard({})),
    admin_state: await timed(() => admin.geo.dashboard({})),
  }, null, 2));
} finally {
  await database.close();
}
