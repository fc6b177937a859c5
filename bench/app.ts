import { existsSync } from "node:fs";
import { openDatabase } from "@/server/db/open";
import type { BoundarySet } from "@/server/db/seed/boundary-file";
import { seedDemo } from "@/server/db/seed/generate";
import { startApp } from "@/test/helpers/app-server";

/** The built app on a free port, serving a benchmark dataset in place (the folder is not copied). */
export function startBenchApp(dataDir: string, env: Record<string, string> = {}) {
  return startApp(dataDir, { copy: false, env });
}

/**
 * The field benchmarks' dataset (2,000 demo claims), made on first use, then opened, migrated in place (a
 * set made before a later migration gets its columns, as a live database would). Another `seed` in
 * another folder gives other claimants and forms: a set no rule was made on; `boundaries`, another state's
 * villages, names and tribes.
 */
export async function openFieldBenchDatabase(dataDir: string, seed = 2006, boundaries?: BoundarySet) {
  const made = existsSync(dataDir);
  const database = await openDatabase({ dataDir });
  await database.migrate();
  if (!made) await seedDemo(database.db, { claims: 2000, seed, documents: 0, boundaries, log: () => {} });
  return database;
}
