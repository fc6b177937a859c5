// The 20,000-claim demo set that the decision, dashboard and claim-open benchmarks share: the same size
// and seed, made once if absent. Arguments: [--claims 20000] [--data-dir data/bench-decisions] [--reps N]
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { openDatabase } from "@/server/db/open";
import { seedDemo } from "@/server/db/seed/generate";

/** The set's folder, generated if absent, and the repetitions asked for (`defaultReps` if none). */
export async function ensureDecisionsSet(benchmark: string, defaultReps: number): Promise<{ dataDir: string; reps: number }> {
  const { values } = parseArgs({
    options: { claims: { type: "string", default: "20000" }, "data-dir": { type: "string", default: "data/bench-decisions" }, reps: { type: "string", default: String(defaultReps) } },
  });
  const dataDir = values["data-dir"]!;
  if (!existsSync(dataDir)) {
    const log = (m: string) => console.error(`[${benchmark}] ${m}`);
    log(`generating ${values.claims} demo claims into ${dataDir} (once)`);
    const database = await openDatabase({ dataDir });
    await database.migrate();
    await seedDemo(database.db, { claims: Number(values.claims), seed: 2006, documents: 0, log });
    await database.close();
  }
  return { dataDir, reps: Number(values.reps) };
}

/** The set itself, migrated in place to the latest schema, for the benchmarks that only read. */
export async function openDecisionsSet(benchmark: string) {
  const { dataDir, reps } = await ensureDecisionsSet(benchmark, 30);
  const database = await openDatabase({ dataDir });
  await database.migrate();
  return { database, db: database.db, reps };
}
