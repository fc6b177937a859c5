// The server's one database, opened, migrated and (when empty) seeded on first use. Kept on globalThis
// because Next.js may load this module more than once per process, and PGlite must open its folder once.
import { sql } from "drizzle-orm";
import { readServerEnv } from "@/configs/server";
import { rows, type Database } from "./client";
import { openDatabase } from "./open";

const KEY = Symbol.for("fra-atlas.database");
type Holder = { [KEY]?: Promise<Database> };

export function getDatabase(): Promise<Database> {
  const holder = globalThis as Holder;
  holder[KEY] ??= startDatabase().catch((error: unknown) => {
    delete holder[KEY];
    throw error;
  });
  return holder[KEY];
}

/** Closes the server's database if it was opened: at shutdown. */
export async function closeDatabase(): Promise<void> {
  const holder = globalThis as Holder;
  const opened = holder[KEY];
  delete holder[KEY];
  if (opened) await (await opened).close();
}

async function startDatabase(): Promise<Database> {
  const env = readServerEnv();
  const database = await openDatabase({ url: env.DATABASE_URL, dataDir: env.FRA_DATA_DIR });
  await database.migrate();
  const [state] = await rows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM states`);
  if (state?.n === 0 && env.FRA_SEED_CLAIMS > 0) {
    const { seedDemo } = await import("./seed/generate");
    const { readBoundaryFiles } = await import("./seed/boundary-file");
    console.log(`[fra-atlas] empty database: seeding ${env.FRA_SEED_CLAIMS} demo claims (first start only)`);
    const summary = await seedDemo(database.db, {
      claims: env.FRA_SEED_CLAIMS,
      seed: env.FRA_SEED_RANDOM,
      documents: 40,
      boundaries: env.FRA_SEED_BOUNDARIES ? readBoundaryFiles(env.FRA_SEED_BOUNDARIES, env.FRA_SEED_CENSUS_CODES) : undefined,
      log: (m) => console.log(`[fra-atlas] seed: ${m}`),
    });
    console.log(`[fra-atlas] seeded ${JSON.stringify(summary)}`);
  }
  await warmUp(database);
  return database;
}

/**
 * A process's first tile costs about 0.4 s more than the next (PostGIS and its projection data load, and
 * GEOS, in PGlite's WebAssembly), and the first map reads the counts from disk: one state-wide tile is
 * rendered here, at start, so that the first official to open the map after a restart does not wait.
 */
export async function warmUp(database: Database): Promise<void> {
  const { renderTile, tileContaining } = await import("@/server/services/tiles");
  const [state] = await rows<{ lon: number; lat: number }>(database.db, sql`SELECT ST_X(p) AS lon, ST_Y(p) AS lat FROM (SELECT ST_PointOnSurface(geom) AS p FROM states LIMIT 1) s`);
  if (!state) return;
  const nobody = { id: "warm-up", username: "warm-up", displayName: "warm-up", role: "admin" as const, districtIds: [], tehsilIds: [] };
  await renderTile(database.db, nobody, tileContaining(state.lon, state.lat, 6), {}); // rendered for no one and not kept
}
