import { mkdirSync } from "node:fs";
import { openPglite, openPostgres, type Database } from "./client";

/** PostgreSQL when a URL is given, otherwise the embedded PGlite + PostGIS in `dataDir`. */
export async function openDatabase(options: { url?: string; dataDir: string }): Promise<Database> {
  if (options.url) return openPostgres(options.url);
  mkdirSync(options.dataDir, { recursive: true });
  return openPglite(options.dataDir);
}
