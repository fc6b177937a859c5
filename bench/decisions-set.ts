// The 20,000-claim demo set that the read-only benchmarks (dashboard, claim open) share with
// bench:decisions: the same size and seed, made once if absent, migrated in place to the latest schema.
// Arguments: [--claims 20000] [--data-dir data/bench-decisions] [--reps 30]
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { openDatabase } from "@/server/db/open";
import { seedDemo } from "@/server/db/seed/generate";

export async function openDecisionsSet(benchmark: string) {
  const { values } = parseArgs({
    options: { claims: { type: "string", default: "20000" }, "data-dir": { type: "string", default: "data/bench-decisions" }, reps: { type: "string", default: "30" } },
  });
  const dataDir = values["data-dir"]!;
  const log = (m: string) => console.error(`[${benchmark}] ${m}`);
  const fresh = !existsSync(dataDir);
  const database = await openDatabase({ dataDir });
  await database.migrate();
  if (fresh) {
    log(`generating ${values.claims} demo claims into ${dataDir} (once)`);
    await seedDemo(database.db, { claims: Number(values.claims), seed: 2006, documents: 0, log });
  }
  return { database, db: database.db, reps: Number(values.reps) };
}
