import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession, deleteSession, readCookie, recentSessionUser, SESSION_COOKIE, validateSession } from "@/server/auth/session";
import { rows } from "@/server/db/client";
import { DEMO_PASSWORD } from "@/server/db/seed/generate";
import { csrfRefusal } from "@/server/http";
import { createCaller } from "@/server/routers";
import { openTestDatabase } from "../helpers/db";

let env: Awaited<ReturnType<typeof openTestDatabase>>;
beforeAll(async () => { env = await openTestDatabase(); });
afterAll(() => env.cleanup());

describe("login and sessions", () => {
  it("logs in, stores only a hash of the token, and logs out", async () => {
    const resHeaders = new Headers();
    const api = createCaller({ db: env.db, user: null, sessionToken: null, resHeaders, secureCookies: false });
    expect(await api.auth.login({ username: "official.gadchiroli", password: DEMO_PASSWORD })).toEqual({ ok: true, home: "/" });
    const cookie = resHeaders.get("set-cookie")!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const token = readCookie(cookie.split(";")[0]!, SESSION_COOKIE)!;
    const stored = await rows<{ id: string }>(env.db, sql`SELECT id FROM sessions`);
    expect(stored.map((s) => s.id)).not.toContain(token);
    const user = await validateSession(env.db, token, 14);
    expect(user).toMatchObject({ username: "official.gadchiroli", role: "district_official" });
    expect(user!.districtIds).toHaveLength(1);
    const authed = createCaller({ db: env.db, user, sessionToken: token, resHeaders: new Headers(), secureCookies: false });
    await authed.auth.logout();
    expect(await validateSession(env.db, token, 14)).toBeNull();
  });

  it("starts field staff in the field app", async () => {
    const api = createCaller({ db: env.db, user: null, sessionToken: null, resHeaders: new Headers(), secureCookies: false });
    expect(await api.auth.login({ username: "field.etapalli", password: DEMO_PASSWORD })).toEqual({ ok: true, home: "/field" });
  });

  it("refuses a wrong password without saying which part was wrong", async () => {
    const api = createCaller({ db: env.db, user: null, sessionToken: null, resHeaders: new Headers(), secureCookies: false });
    await expect(api.auth.login({ username: "official.gadchiroli", password: "guess" })).rejects.toMatchObject({ code: "UNAUTHORIZED", message: "wrong username or password" });
    await expect(api.auth.login({ username: "nobody", password: "guess" })).rejects.toMatchObject({ code: "UNAUTHORIZED", message: "wrong username or password" });
  });

  it("keeps passwords as Argon2id hashes", async () => {
    const [u] = await rows<{ password_hash: string }>(env.db, sql`SELECT password_hash FROM users WHERE username = 'admin'`);
    expect(u!.password_hash).toMatch(/^\$argon2id\$/);
  });

  it("answers tile requests from a check made moments ago, and forgets it at logout", async () => {
    const [official] = await rows<{ id: string }>(env.db, sql`SELECT id FROM users WHERE username = 'official.gadchiroli'`);
    const loggedOut = await createSession(env.db, official!.id, 14);
    expect(await recentSessionUser(env.db, loggedOut.token, 14)).toMatchObject({ username: "official.gadchiroli" });
    await deleteSession(env.db, loggedOut.token); // logging out here: the next tile request is refused at once
    expect(await recentSessionUser(env.db, loggedOut.token, 14)).toBeNull();
    // A session ended behind this process's back is still trusted for its few seconds (RECHECK_MS):
    // what a tile request saves is exactly this database read.
    const endedElsewhere = await createSession(env.db, official!.id, 14);
    expect(await recentSessionUser(env.db, endedElsewhere.token, 14)).not.toBeNull();
    await env.db.execute(sql`DELETE FROM sessions WHERE user_id = ${official!.id}`);
    expect(await recentSessionUser(env.db, endedElsewhere.token, 14)).toMatchObject({ username: "official.gadchiroli" });
    expect(await validateSession(env.db, endedElsewhere.token, 14)).toBeNull();
    expect(await recentSessionUser(env.db, "A".repeat(43), 14)).toBeNull();
  });

  it("ignores malformed and expired tokens", async () => {
    expect(await validateSession(env.db, "short", 14)).toBeNull();
    expect(await validateSession(env.db, "A".repeat(43), 14)).toBeNull();
  });
});

describe("CSRF defence on mutations", () => {
  const post = (headers: Record<string, string>) => new Request("http://localhost:3000/api/trpc/auth.login", { method: "POST", headers });
  it("accepts same-origin JSON", () => {
    expect(csrfRefusal(post({ "content-type": "application/json", origin: "http://localhost:3000", host: "localhost:3000" }))).toBeNull();
  });
  it("refuses form posts, missing origins and other origins", () => {
    expect(csrfRefusal(post({ "content-type": "application/x-www-form-urlencoded", origin: "http://localhost:3000", host: "localhost:3000" }))).toMatch(/application\/json/);
    expect(csrfRefusal(post({ "content-type": "application/json", host: "localhost:3000" }))).toMatch(/Origin/);
    expect(csrfRefusal(post({ "content-type": "application/json", origin: "http://evil.example", host: "localhost:3000" }))).toMatch(/cross-origin/);
  });
  it("lets reads through", () => {
    expect(csrfRefusal(new Request("http://localhost:3000/api/trpc/claims.list"))).toBeNull();
  });
});
