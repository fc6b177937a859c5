// npm run seed -- --claims 1000000 --data-dir data/bench-1m [--all-districts] [--no-history]
// Makes a fresh embedded database (or seeds DATABASE_URL when it is empty) with the demo generator.
import { parseArgs } from "node:util";
import { FOCUS_DISTRICTS, DISTRICTS } from "@/server/db/seed/geography";
import { openDatabase } from "@/server/db/open";
import { seedDemo } from "@/server/db/seed/generate";

const { values } = parseArgs({
  options: {
    claims: { type: "string", default: "20000" },
    "data-dir": { type: "string", default: "data/pglite" },
    seed: { type: "string", default: "2006" },
    "all-districts": { type: "boolean", default: false },
    "no-history": { type: "boolean", default: false },
    documents: { type: "string", default: "40" },
  },
});

const claims = Number(values.claims);
if (!Number.isInteger(claims) || claims < 0) throw new Error(`--claims must be a whole number, got ${values.claims}`);
const started = performance.now();
const database = await openDatabase({ dataDir: values["data-dir"] });
try {
  await database.migrate();
  const summary = await seedDemo(database.db, {
    claims,
    seed: Number(values.seed),
    districts: values["all-districts"] ? DISTRICTS.filter((d) => d.claimWeight >= 1).map((d) => d.name) : FOCUS_DISTRICTS,
    withHistory: !values["no-history"],
    documents: Number(values.documents),
    log: (m) => console.error(`[seed] ${m}`),
  });
  console.log(JSON.stringify({ ...summary, seconds: (performance.now() - started) / 1000 }));
} finally {
  await database.close();
}
