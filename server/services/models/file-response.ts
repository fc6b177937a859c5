// An HTTP response for a stored, immutable file: strong ETag (its sha256), If-None-Match, and a single
// byte range (RFC 9110 §14) so interrupted downloads resume.
import { createReadStream } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { CONTENT_TYPES } from "./store";

export async function fileResponse(req: Request, full: string, file: { sha256: string; bytes: number }, head: boolean): Promise<Response> {
  const etag = `"${file.sha256}"`;
  const headers: Record<string, string> = {
    "content-type": CONTENT_TYPES[path.extname(full)] ?? "application/octet-stream",
    etag,
    "accept-ranges": "bytes",
    "cache-control": "public, max-age=31536000, immutable",
  };
  if (req.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  const range = req.headers.get("range");
  const ifRange = req.headers.get("if-range");
  let start = 0;
  let end = file.bytes - 1;
  let status = 200;
  if (range && (!ifRange || ifRange === etag)) {
    const m = /^bytes=(\d*)-(\d*)$/.exec(range.trim());
    if (!m || (m[1] === "" && m[2] === "")) return rangeNotSatisfiable(file.bytes);
    if (m[1] === "") start = Math.max(0, file.bytes - Number(m[2])); // suffix: the last N bytes
    else {
      start = Number(m[1]);
      end = m[2] === "" ? file.bytes - 1 : Math.min(Number(m[2]), file.bytes - 1);
    }
    if (start > end || start >= file.bytes) return rangeNotSatisfiable(file.bytes);
    status = 206;
    headers["content-range"] = `bytes ${start}-${end}/${file.bytes}`;
  }
  headers["content-length"] = String(end - start + 1);
  if (head || file.bytes === 0) return new Response(null, { status, headers });
  const body = Readable.toWeb(createReadStream(full, { start, end })) as ReadableStream<Uint8Array>;
  return new Response(body, { status, headers });
}

function rangeNotSatisfiable(size: number): Response {
  return new Response(null, { status: 416, headers: { "content-range": `bytes */${size}` } });
}
