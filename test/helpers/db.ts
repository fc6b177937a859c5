import { cpSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { inject } from "vitest";
import { readServerEnv } from "@/configs/server";
import { createSession, validateSession, type SessionUser } from "@/server/auth/session";
import { rows, type Database, type Db } from "@/server/db/client";
import { openDatabase } from "@/server/db/open";
import { createCaller } from "@/server/routers";

export type DemoUsers = { admin: SessionUser; gadchiroli: SessionUser; nandurbar: SessionUser; etapalli: SessionUser };

/** A private copy of the seeded test database. */
export async function openTestDatabase(): Promise<{ database: Database; db: Db; users: DemoUsers; dir: string; cleanup: () => Promise<void> }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "fra-test-"));
  cpSync(inject("templateDir"), dir, { recursive: true });
  const database = await openDatabase({ dataDir: dir });
  const db = database.db;
  const user = async (username: string) => {
    const [u] = await rows<{ id: string }>(db, sql`SELECT id FROM users WHERE username = ${username}`);
    const { token } = await createSession(db, u!.id, 1);
    return (await validateSession(db, token, readServerEnv().FRA_SESSION_DAYS))!;
  };
  const users = {
    admin: await user("admin"),
    gadchiroli: await user("official.gadchiroli"),
    nandurbar: await user("official.nandurbar"),
    etapalli: await user("field.etapalli"),
  };
  return {
    database, db, users, dir,
    cleanup: async () => {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function callerFor(db: Db, user: SessionUser | null) {
  return createCaller({ db, user, sessionToken: null, resHeaders: new Headers(), secureCookies: false });
}

/** A square parcel of `sizeDeg` degrees at a village's label point (moved by `offset` degrees: outside it, if far enough). */
export async function squareInVillage(db: Db, villageId: number, sizeDeg: number, offset: [number, number] = [0, 0]) {
  const [v] = await rows<{ x: number; y: number }>(db, sql`SELECT ST_X(label_point) AS x, ST_Y(label_point) AS y FROM villages WHERE id = ${villageId}`);
  const [x, y] = [v!.x + offset[0], v!.y + offset[1]];
  const ring: [number, number][] = [[x, y], [x + sizeDeg, y], [x + sizeDeg, y + sizeDeg], [x, y + sizeDeg], [x, y]];
  return { type: "Polygon" as const, coordinates: [ring] };
}
