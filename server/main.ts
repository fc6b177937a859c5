// The production server (`npm start`): Next.js for everything except vector tiles, which are answered
// here before Next.js's routing, and the offline runtimes kept brotli-compressed (server/precompressed.ts).
// A map pan asks for 10-20 tiles at once, and Next.js spends about 3 ms on each before the route runs
// (2.7 ms p50 to refuse a bad address), as much as a third of the tile's SQL. The tile itself comes from
// the same code as the Next.js route (server/tile-request.ts), which `next dev` still serves. Built into
// .next/fra-server.mjs by scripts/build-server.mjs.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import path from "node:path";
import next from "next";
import { sql } from "drizzle-orm";
import { SECURITY_HEADERS } from "@/configs/security-headers";
import { createSession, deleteSession, SESSION_COOKIE } from "@/server/auth/session";
import { closeDatabase, getDatabase } from "@/server/db";
import { rows } from "@/server/db/client";
import { answerPrecompressed } from "@/server/precompressed";
import { answerTileRequest } from "@/server/tile-request";

const PUBLIC_DIR = path.resolve("public");
const TILE_PATH = /^\/api\/tiles\/([^/]+)\/([^/]+)\/([^/]+)$/;

async function answerTile(req: IncomingMessage, res: ServerResponse, [z, x, y]: string[], search: URLSearchParams) {
  const answer = await answerTileRequest({
    z: z!, x: x!, y: y!,
    filter: search.get("f"),
    cookie: req.headers.cookie ?? null,
    ifNoneMatch: req.headers["if-none-match"] ?? null,
    acceptEncoding: req.headers["accept-encoding"] ?? null,
  });
  const length = answer.body === null ? 0 : typeof answer.body === "string" ? Buffer.byteLength(answer.body) : answer.body.byteLength;
  res.writeHead(answer.status, { ...SECURITY_HEADERS, ...answer.headers, ...(answer.status === 304 ? {} : { "content-length": String(length) }) });
  res.end(answer.body ?? undefined);
}

/**
 * A fresh server's first review page takes about 170 ms longer than the next (its code's first run, React's
 * first render, the page's first queries): it is rendered once here, for an admin, under a session made
 * for this request alone and deleted after it, so that the first official after a restart does not wait.
 */
async function warmUpReviewPage(base: string) {
  const { db } = await getDatabase();
  const [admin] = await rows<{ id: string }>(db, sql`SELECT id FROM users WHERE role = 'admin' ORDER BY username LIMIT 1`);
  if (!admin) return;
  const { token } = await createSession(db, admin.id, 1);
  try {
    await (await fetch(`${base}/`, { headers: { cookie: `${SESSION_COOKIE}=${token}` } })).arrayBuffer();
  } finally {
    await deleteSession(db, token);
  }
}

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME; // unset: every interface, as `next start`
const app = next({ dev: false, hostname, port });
const handleWithNext = app.getRequestHandler();
await app.prepare();

const server = createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://localhost");
  if (answerPrecompressed(req, res, url.pathname, PUBLIC_DIR, SECURITY_HEADERS)) return;
  const tile = req.method === "GET" ? TILE_PATH.exec(url.pathname) : null;
  const answered = tile ? answerTile(req, res, tile.slice(1), url.searchParams) : handleWithNext(req, res);
  answered.catch((error: unknown) => {
    console.error(error);
    if (res.writableEnded) return;
    if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
    res.end(JSON.stringify({ error: "internal error" }));
  });
});
server.listen(port, hostname, () => {
  console.log(`[fra-atlas] ready on http://${hostname ?? "localhost"}:${port}`);
  const loopback = !hostname || hostname === "0.0.0.0" || hostname === "::" ? "127.0.0.1" : hostname;
  warmUpReviewPage(`http://${loopback.includes(":") ? `[${loopback}]` : loopback}:${port}`).catch((error: unknown) => console.error("[fra-atlas] warm-up:", error));
});

// Stop taking requests and close the database cleanly (PGlite then needs no recovery on the next start).
async function shutDown() {
  server.close();
  const forced = setTimeout(() => process.exit(0), 5_000);
  await closeDatabase().catch((error: unknown) => console.error(error));
  clearTimeout(forced);
  process.exit(0);
}
process.once("SIGTERM", () => void shutDown());
process.once("SIGINT", () => void shutDown());
