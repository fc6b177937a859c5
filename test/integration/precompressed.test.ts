// The offline runtimes sent brotli-compressed (server/precompressed.ts): over real HTTP from a Node server
// that answers with it, on the files `npm run build` compressed (scripts/compress-assets.ts).
import { createServer, type Server } from "node:http";
import { existsSync, readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { brotliDecompressSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acceptsBrotli, answerPrecompressed, PRECOMPRESSED_PATH } from "@/server/precompressed";

const PUBLIC = path.resolve("public");
const WASM = "/ort/ort-wasm-simd-threaded.asyncify.wasm";
let server: Server;
let base: string;

beforeAll(async () => {
  // What answerPrecompressed leaves alone gets a 418 here, where the app would hand it to Next.js.
  server = createServer((req, res) => {
    const { pathname } = new URL(req.url ?? "/", "http://localhost");
    if (!answerPrecompressed(req, res, pathname, PUBLIC, { "x-content-type-options": "nosniff" })) res.writeHead(418).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A raw request: fetch would decode the body and hide the encoding. */
async function get(pathname: string, headers: Record<string, string>, method = "GET") {
  const { request } = await import("node:http");
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
    request(`${base}${pathname}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c)).on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) })).on("error", reject);
    }).on("error", reject).end();
  });
}

describe("the offline runtimes, brotli-compressed", () => {
  it("has a brotli copy of every runtime the build copies into public/, each decoding to the file itself", () => {
    const runtimes = ["/ort/ort-wasm-simd-threaded.asyncify.wasm", "/ort/ort-wasm-simd-threaded.asyncify.mjs", "/tesseract/worker.min.js", "/tesseract/core/tesseract-core-simd-lstm.wasm.js", "/workers/ner.worker.js", "/maplibre-gl-csp-worker.js"];
    for (const runtime of runtimes) {
      expect(PRECOMPRESSED_PATH.test(runtime), runtime).toBe(true);
      const original = readFileSync(path.join(PUBLIC, runtime));
      const compressed = readFileSync(path.join(PUBLIC, `${runtime}.br`));
      expect(brotliDecompressSync(compressed).equals(original), runtime).toBe(true);
      expect(compressed.length, runtime).toBeLessThan(original.length / 2);
    }
  });

  it("sends the brotli copy to a browser that accepts brotli, with its type, length and ETag", async () => {
    const res = await get(WASM, { "accept-encoding": "gzip, deflate, br, zstd" });
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBe("br");
    expect(res.headers["content-type"]).toBe("application/wasm");
    expect(res.headers.vary).toBe("Accept-Encoding");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(Number(res.headers["content-length"])).toBe(res.body.length);
    expect(brotliDecompressSync(res.body).equals(readFileSync(path.join(PUBLIC, WASM)))).toBe(true);
    // Asked again with its ETag: nothing to send.
    const again = await get(WASM, { "accept-encoding": "br", "if-none-match": String(res.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    const head = await get(WASM, { "accept-encoding": "br" }, "HEAD");
    expect([head.status, head.headers["content-length"], head.body.length]).toEqual([200, res.headers["content-length"], 0]);
  });

  it("leaves to Next.js a browser without brotli, a range request, other methods and other paths", async () => {
    expect((await get(WASM, { "accept-encoding": "gzip, deflate" })).status).toBe(418);
    expect((await get(WASM, { "accept-encoding": "gzip, br;q=0" })).status).toBe(418);
    expect((await get(WASM, { "accept-encoding": "br", range: "bytes=0-99" })).status).toBe(418);
    expect((await get(WASM, { "accept-encoding": "br" }, "POST")).status).toBe(418);
    expect((await get("/tesseract/lang/eng.traineddata.gz", { "accept-encoding": "br" })).status).toBe(418); // already gzip
    expect((await get("/ort/../package.json", { "accept-encoding": "br" })).status).toBe(418);
    expect((await get("/ort/%2e%2e/package.json", { "accept-encoding": "br" })).status).toBe(418);
    expect((await get("/ort/missing.wasm", { "accept-encoding": "br" })).status).toBe(418);
  });

  it("reads Accept-Encoding as HTTP defines it", () => {
    expect(acceptsBrotli("gzip, deflate, br")).toBe(true);
    expect(acceptsBrotli("BR;q=0.5")).toBe(true);
    expect(acceptsBrotli("*")).toBe(true);
    expect(acceptsBrotli("br;q=0")).toBe(false);
    expect(acceptsBrotli("gzip")).toBe(false);
    expect(acceptsBrotli(undefined)).toBe(false);
    expect(existsSync(path.join(PUBLIC, "tesseract/lang/eng.traineddata.gz.br"))).toBe(false);
  });
});
