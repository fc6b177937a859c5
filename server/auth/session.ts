// Database sessions: the cookie holds a random token, the table holds only its sha256.
import { createHash, randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Role } from "@/configs/workflow";
import { rows, type Db } from "@/server/db/client";

export const SESSION_COOKIE = "fra_session";
const DAY_MS = 86_400_000;

export type SessionUser = {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  districtIds: number[];
  tehsilIds: number[];
};

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function createSession(db: Db, userId: string, days: number): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + days * DAY_MS);
  await db.execute(sql`INSERT INTO sessions (id, user_id, expires_at) VALUES (${hashToken(token)}, ${userId}, ${expiresAt.toISOString()})`);
  return { token, expiresAt };
}

/** The user behind a session token, or null when the token is unknown or expired. */
export async function validateSession(db: Db, token: string, days: number): Promise<SessionUser | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const id = hashToken(token);
  const [row] = await rows<{
    user_id: string; username: string; display_name: string; role: Role; expires_at: string | Date;
    district_ids: number[] | null; tehsil_ids: number[] | null;
  }>(
    db,
    sql`SELECT s.user_id, s.expires_at, u.username, u.display_name, u.role,
               (SELECT array_agg(district_id ORDER BY district_id) FROM user_districts WHERE user_id = u.id) AS district_ids,
               (SELECT array_agg(tehsil_id ORDER BY tehsil_id) FROM user_tehsils WHERE user_id = u.id) AS tehsil_ids
        FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = ${id}`,
  );
  if (!row) return null;
  const expiresAt = new Date(row.expires_at);
  if (expiresAt.getTime() <= Date.now()) {
    await db.execute(sql`DELETE FROM sessions WHERE id = ${id}`);
    return null;
  }
  // Sliding expiry: an official who works every day is not logged out mid-week.
  if (expiresAt.getTime() - Date.now() < (days * DAY_MS) / 2) {
    await db.execute(sql`UPDATE sessions SET expires_at = ${new Date(Date.now() + days * DAY_MS).toISOString()} WHERE id = ${id}`);
  }
  return {
    id: row.user_id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    districtIds: (row.district_ids ?? []).map(Number),
    tehsilIds: (row.tehsil_ids ?? []).map(Number),
  };
}

// Read-only requests that come in bursts (a map pan asks for 10-20 tiles at once, all with one cookie)
// may trust a check this process made moments ago instead of asking the database each time (1.5 ms on
// PGlite, a sixth of a tile). Logging out here forgets the session at once; a session ended any other
// way (in another server process, or by hand in the database) stops opening tiles within RECHECK_MS.
const RECHECK_MS = 5_000;
const RECENT = Symbol.for("fra-atlas.recent-sessions"); // on globalThis: Next.js and server/main.ts bundle this module apart
type RecentChecks = Map<string, { user: SessionUser; until: number }>;
const recentChecks = (): RecentChecks => ((globalThis as { [RECENT]?: RecentChecks })[RECENT] ??= new Map());

/** validateSession, or its answer of less than RECHECK_MS ago in this process: for read-only requests only. */
export async function recentSessionUser(db: Db, token: string, days: number): Promise<SessionUser | null> {
  const id = hashToken(token);
  const checks = recentChecks();
  const now = Date.now();
  const recent = checks.get(id);
  if (recent && recent.until > now) return recent.user;
  const user = await validateSession(db, token, days);
  if (!user) {
    checks.delete(id);
    return null;
  }
  if (checks.size >= 10_000) for (const [key, check] of checks) if (check.until <= now) checks.delete(key);
  checks.set(id, { user, until: now + RECHECK_MS });
  return user;
}

/** The session token and user behind a request's Cookie header (both null when logged out). */
export async function sessionFromCookies(db: Db, cookieHeader: string | null, days: number): Promise<{ token: string | null; user: SessionUser | null }> {
  const token = readCookie(cookieHeader, SESSION_COOKIE);
  return { token, user: token ? await validateSession(db, token, days) : null };
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  recentChecks().delete(hashToken(token));
  await db.execute(sql`DELETE FROM sessions WHERE id = ${hashToken(token)}`);
}

export function sessionCookie(token: string, expiresAt: Date, secure: boolean): string {
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax; Expires=${expiresAt.toUTCString()}${secure ? "; Secure" : ""}`;
}

export function clearedSessionCookie(): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`;
}

export function readCookie(header: string | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return decodeURIComponent(v.join("="));
  }
  return null;
}
