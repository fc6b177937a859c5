// Once per test run: one embedded database with PostGIS, migrated and seeded with a small demo.
// Each test file copies this folder (creating PostGIS takes ~10 s; copying takes a fraction of that).
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openDatabase } from "@/server/db/open";
import { seedDemo } from "@/server/db/seed/generate";

export const TEST_CLAIMS = 1_500;

declare module "vitest" {
  export interface ProvidedContext {
    templateDir: string;
  }
}

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "fra-test-template-"));
  const database = await openDatabase({ dataDir: dir });
  await database.migrate();
  await seedDemo(database.db, { claims: TEST_CLAIMS, seed: 7, documents: 5 });
  await database.close();
  project.provide("templateDir", dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
