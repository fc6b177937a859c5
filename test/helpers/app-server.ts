// Starts the built app (`npm start`'s server) on a free port against a private copy of the test database.
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { DEMO_PASSWORD } from "@/server/db/seed/generate";
import { freePort } from "./free-port";


/** `env`: settings for this server on top of the defaults below (e.g. FRA_TILE_CACHE_MB for a benchmark). */
export async function startApp(sourceDir: string, options: { copy: boolean; env?: Record<string, string> } = { copy: true }): Promise<{ url: string; stop: () => Promise<void>; log: () => string }> {
  const dataDir = options.copy ? mkdtempSync(path.join(os.tmpdir(), "fra-e2e-")) : sourceDir;
  if (options.copy) cpSync(sourceDir, dataDir, { recursive: true });
  const port = await freePort();
  let output = "";
  const child: ChildProcess = spawn(process.execPath, [".next/fra-server.mjs"], {
    env: {
      ...process.env,
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      FRA_DATA_DIR: dataDir,
      FRA_MODEL_STORE: `${dataDir}-models`,
      FRA_SIGNING_KEY: `${dataDir}-keys/signing.pem`,
      FRA_TRAINING_DIR: `${dataDir}-training`,
      FRA_SCHEDULER_MS: "1000",
      FRA_SEED_CLAIMS: "0",
      NODE_ENV: "production",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`the app's server exited: ${output}`);
    try {
      const r = await fetch(`${url}/login`);
      if (r.ok) break;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    url,
    log: () => output,
    stop: async () => {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
      // A data folder kept in place keeps its model store, signing key and runs: its database refers to
      // them (removing them left a kept benchmark folder with a registered model and no files to serve).
      if (!options.copy) return;
      for (const dir of [dataDir, `${dataDir}-models`, `${dataDir}-keys`, `${dataDir}-training`]) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const CHROMIUM_ARGS = [
  "--headless", "--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
];
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Signs in through the login page and waits for the page it leads to. */
export async function signIn(page: import("playwright-core").Page, appUrl: string, username: string, next: string): Promise<void> {
  await page.goto(`${appUrl}/login?next=${next}`);
  await page.fill('input[name="username"]', username);
  await page.fill('input[name="password"]', DEMO_PASSWORD);
  await page.click('button[type="submit"]');
  await page.waitForURL(`${appUrl}${next}`);
}

/** Waits until the review map's claim list has settled on claims of one status only (its label), not the list shown before a filter applied. */
export async function listShowsOnly(page: import("playwright-core").Page, statusLabel: string): Promise<void> {
  await page.waitForFunction((label) => {
    const badges = [...document.querySelectorAll(".list li .status")].map((b) => b.textContent);
    return badges.length > 0 && badges.every((t) => t === label) && !document.querySelector(".list .summary")?.textContent?.includes("updating");
  }, statusLabel);
}

/** Calls a tRPC procedure of the app at `appUrl` as `user`, from outside any page: a query, or with `mutation` a mutation. */
export async function callApi<T>(appUrl: string, procedure: string, user: string, input?: unknown, kind: "query" | "mutation" = "query"): Promise<T> {
  const request = await (await import("playwright-core")).request.newContext({ baseURL: appUrl, extraHTTPHeaders: { origin: appUrl } });
  try {
    await request.post("/api/trpc/auth.login", { data: { username: user, password: DEMO_PASSWORD } });
    const query = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`;
    const response = kind === "mutation" ? await request.post(`/api/trpc/${procedure}`, { data: input }) : await request.get(`/api/trpc/${procedure}${query}`);
    const body = (await response.json()) as { result?: { data: T }; error?: { message: string } };
    if (!body.result) throw new Error(`${procedure}: ${body.error?.message ?? response.status()}`);
    return body.result.data;
  } finally {
    await request.dispose();
  }
}
