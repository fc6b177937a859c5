// Dashboard benchmark: how long an official waits for the district dashboard (geo.dashboard: counts by
// status and type, by tehsil, pending claims by age, rejection notices and appeal windows), through the
// tRPC procedure, for one district's official and for the state-wide admin; then what the dashboard's
// scheme card sends and takes: a scheme's list of title holders (CSV, streamed to the end) and the import
// of a district's village facts (the figures on record, sent again). A set made before the village facts
// (migration 0019) gets the demo's, once.
// npm run bench:dashboard -- [--claims 20000] [--data-dir data/bench-decisions] [--reps 30]
import { sql } from "drizzle-orm";
import { rows } from "@/server/db/client";
import { seedVillageFacts } from "@/server/db/seed/village-facts";
import { schemeListCsv } from "@/server/services/scheme-list";
import { benchCaller } from "./caller";
import { openDecisionsSet } from "./decisions-set";
import { timedCalls } from "./latency";

const { database, db, reps } = await openDecisionsSet("bench:dashboard");
try {
  const official = await benchCaller(db, "official.gadchiroli");
  const admin = await benchCaller(db, "admin");
  const [district] = await rows<{ id: number }>(db, sql`SELECT id FROM districts WHERE name = 'Gadchiroli'`);
  const [{ n: claimCount } = { n: 0 }] = await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM claims`);

  const [{ n: withFacts } = { n: 0 }] = await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM village_facts`);
  // The import timed below rewrites a district's facts some 30 times a run; PGlite runs no autovacuum, so
  // the rows it left dead are cleared here, before the dashboard reads the table.
  await db.execute(sql`VACUUM ANALYZE village_facts`);
  if (withFacts === 0) {
    const villages = await rows<{ id: number }>(db, sql`SELECT DISTINCT village_id AS id FROM claims ORDER BY 1`);
    await seedVillageFacts(db, villages.map((v) => v.id), 7);
  }
  // A district's sheet as a department sends it: every village, its figures as recorded.
  const sheet = await rows<{ line: string }>(db, sql`
    SELECT concat(v.census_code, ',', f.households, ',', f.households_with_tap, ',', CASE f.dajgua WHEN true THEN 'yes' WHEN false THEN 'no' END) AS line
    FROM villages v JOIN village_facts f ON f.village_id = v.id WHERE v.district_id = ${district!.id} ORDER BY v.census_code`);
  const csv = `census_code,households,households_with_tap,dajgua\n${sheet.map((r) => r.line).join("\n")}\n`;
  const [{ day } = { day: "" }] = await rows<{ day: string }>(db, sql`SELECT greatest(coalesce(max(tap_as_of), '2025-01-01'), coalesce(max(dajgua_as_of), '2025-01-01'))::text AS day FROM village_facts`);
  const drain = async (chunks: AsyncGenerator<string>) => {
    let bytes = 0;
    for await (const chunk of chunks) bytes += chunk.length;
    return bytes;
  };

  const timed = (open: () => Promise<unknown>) => timedCalls(open, reps);
  const opened = await official.api.geo.dashboard({ districtId: district!.id });
  console.log(JSON.stringify({
    benchmark: "dashboard",
    database: "PGlite + PostGIS (embedded)",
    claims: claimCount,
    district: { claims: opened.total, rejection_notices: opened.notices },
    official_one_district: await timed(() => official.api.geo.dashboard({ districtId: district!.id })),
    official_all_districts: await timed(() => official.api.geo.dashboard({})),
    admin_state: await timed(() => admin.api.geo.dashboard({})),
    scheme_list_pm_kisan: {
      district_bytes: await drain(schemeListCsv(db, official.user, "pm_kisan", district!.id)),
      official_one_district: await timed(() => drain(schemeListCsv(db, official.user, "pm_kisan", district!.id))),
      admin_state: await timed(() => drain(schemeListCsv(db, admin.user, "pm_kisan"))),
    },
    // Jal Jeevan Mission's list words each title by its village's tap figures and their day.
    scheme_list_jjm: {
      district_bytes: await drain(schemeListCsv(db, official.user, "jjm", district!.id)),
      official_one_district: await timed(() => drain(schemeListCsv(db, official.user, "jjm", district!.id))),
    },
    village_facts_import: {
      villages: sheet.length,
      bytes: csv.length,
      official_one_district: await timed(() => official.api.geo.importVillageFacts({ csv, fileName: "bench.csv", asOf: day })),
    },
  }, null, 2));
} finally {
  await database.close();
}
