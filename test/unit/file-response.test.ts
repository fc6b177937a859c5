import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fileResponse } from "@/server/services/models/file-response";

const dir = mkdtempSync(path.join(os.tmpdir(), "fra-file-"));
const full = path.join(dir, "model.onnx");
const content = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251));
writeFileSync(full, content);
const file = { sha256: "a".repeat(64), bytes: content.length };
const request = (headers: Record<string, string>) => new Request("http://x/f", { headers });

describe("model file responses", () => {
  it("serves the whole file with a strong ETag", async () => {
    const r = await fileResponse(request({}), full, file, false);
    expect(r.status).toBe(200);
    expect(r.headers.get("etag")).toBe(`"${file.sha256}"`);
    expect(Buffer.from(await r.arrayBuffer()).equals(content)).toBe(true);
  });

  it("serves byte ranges: from-to, open-ended and suffix", async () => {
    const cases: Array<[string, number, number]> = [["bytes=10-19", 10, 19], ["bytes=990-", 990, 999], ["bytes=-5", 995, 999], ["bytes=900-5000", 900, 999]];
    for (const [range, start, end] of cases) {
      const r = await fileResponse(request({ range }), full, file, false);
      expect(r.status).toBe(206);
      expect(r.headers.get("content-range")).toBe(`bytes ${start}-${end}/1000`);
      expect(Buffer.from(await r.arrayBuffer()).equals(content.subarray(start, end + 1))).toBe(true);
    }
  });

  it("refuses unsatisfiable or malformed ranges with 416", async () => {
    for (const range of ["bytes=1000-", "bytes=20-10", "bytes=-", "items=0-1", "bytes=0-1,5-6"]) {
      expect((await fileResponse(request({ range }), full, file, false)).status).toBe(416);
    }
  });

  it("ignores a range whose If-Range names another version, and answers 304 to a matching If-None-Match", async () => {
    expect((await fileResponse(request({ range: "bytes=0-9", "if-range": '"other"' }), full, file, false)).status).toBe(200);
    expect((await fileResponse(request({ "if-none-match": `"${file.sha256}"` }), full, file, false)).status).toBe(304);
  });
});
