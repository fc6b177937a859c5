// The production server (`npm start`): Next.js for everything except vector tiles, which are answered
// here before Next.js's routing. A map pan asks for 10-20 tiles at once, and Next.js spends about 3 ms on
// each before the route runs (2.7 ms p50 to refuse a bad address), as much as a third of the tile's SQL.
// The tile itself comes from the same code as the Next.js route (server/tile-request.ts), which `next dev`
// still serves. Built into .next/fra-server.mjs by scripts/build-server.mjs.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import next from "next";
import { SECURITY_HEADERS } from "@/configs/security-headers";
import { closeDatabase } from "@/server/db";
import { answerTileRequest } from "@/server/tile-request";

const TILE_PATH = /^\/api\/tiles\/([^/]+)\/([^/]+)\/([^/]+)$/;

async function answerTile(req: IncomingMessage, res: ServerResponse, [z, x, y]: string[], search: URLSearchParams) {
  const answer = await answerTileRequest({
    z: z!, x: x!, y: y!,
    filter: search.get("f"),
    cookie: req.headers.cookie ?? null,
    ifNoneMatch: req.headers["if-none-match"] ?? null,
  });
  res.writeHead(answer.status, { ...SECURITY_HEADERS, ...answer.headers });
  res.end(answer.body ?? undefined);
}

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME; // unset: every interface, as `next start`
const app = next({ dev: false, hostname, port });
const handleWithNext = app.getRequestHandler();
await app.prepare();

const server = createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://localhost");
  const tile = req.method === "GET" ? TILE_PATH.exec(url.pathname) : null;
  const answered = tile ? answerTile(req, res, tile.slice(1), url.searchParams) : handleWithNext(req, res);
  answered.catch((error: unknown) => {
    console.error(error);
    if (res.writableEnded) return;
    if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
    res.end(JSON.stringify({ error: "internal error" }));
  });
});
server.listen(port, hostname, () => console.log(`[fra-atlas] ready on http://${hostname ?? "localhost"}:${port}`));

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
