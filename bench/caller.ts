// The app's tRPC procedures as a demo user calls them, without HTTP: a real session, validated as a
// request's would be, so that the benchmarks time the procedure and its authorization checks.
import { sql } from "drizzle-orm";
import { readServerEnv } from "@/configs/server";
import { createSession, validateSession } from "@/server/auth/session";
import { rows, type Db } from "@/server/db/client";
import { createCaller } from "@/server/routers";

export async function benchCaller(db: Db, username: string) {
  const [u] = await rows<{ id: string }>(db, sql`SELECT id FROM users WHERE username = ${username}`);
  if (!u) throw new Error(`no demo user ${username}`);
  const user = (await validateSession(db, (await createSession(db, u.id, 1)).token, readServerEnv().FRA_SESSION_DAYS))!;
  return { user, api: createCaller({ db, user, sessionToken: null, resHeaders: new Headers(), secureCookies: false }) };
}
