// npm run seed -- --claims 1000000 --data-dir data/bench-1m [--all-districts] [--no-history]
// npm run seed -- --boundaries ga/ga.geojson [--boundaries part2.geojson…] [--census-codes ga/ga.csv] --claims 10000 --data-dir data/goa
// Makes a fresh embedded database (or seeds DATABASE_URL when it is empty) with the demo generator: on the
// generated Maharashtra, or on a real state's village boundaries (README "Demo data").
import { parseArgs } from "node:util";
import { FOCUS_DISTRICTS, DISTRICTS } from "@/server/db/seed/geography";
import { openDatabase } from "@/server/db/open";
import { readBoundaryFiles } from "@/server/db/seed/boundary-file";
import { seedDemo } from "@/server/db/seed/generate";

const { values } = parseArgs({
  options: {
    claims: { type: "string", default: "20000" },
    "data-dir": { type: "string", default: "data/pglite" },
    seed: { type: "string", default: "2006" },
    "all-districts": { type: "boolean", default: false },
    "no-history": { type: "boolean", default: false },
    documents: { type: "string", default: "40" },
    boundaries: { type: "string", multiple: true }, // once per file of a state split in parts
    "census-codes": { type: "string" },
  },
});

const claims = Number(values.claims);
if (!Number.isInteger(claims) || claims < 0) throw new Error(`--claims must be a whole number, got ${values.claims}`);
if (values["census-codes"] && !values.boundaries) throw new Error("--census-codes goes with --boundaries");
// Read and checked before the database is opened: a bad file leaves no half-made database behind.
const boundaries = values.boundaries ? readBoundaryFiles(values.boundaries, values["census-codes"]) : undefined;
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
    boundaries,
    log: (m) => console.error(`[seed] ${m}`),
  });
  console.log(JSON.stringify({ ...summary, seconds: (performance.now() - started) / 1000 }));
} finally {
  await database.close();
}
