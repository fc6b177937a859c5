// Downloads a file from a link the admin gave: retried with backoff, resumed with a byte range after a
// drop (If-Range on the validator the server gave), size and sha256 checked, and moved into place only
// whole. What is not verified never reaches the destination.
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from "node:fs";
import { open } from "node:fs/promises";
import path from "node:path";
import { messageOf } from "../errors";
import { sha256File } from "../models/store";

export class DownloadError extends Error {
  override name = "DownloadError";
}

export type Download = { sha256: string; bytes: number; contentType: string | null };

const MAX_BYTES = 2 * 1024 * 1024 * 1024;

export async function downloadVerified(url: string, dest: string, options: { sha256?: string; bytes?: number; retries?: number; fetchFn?: typeof fetch; sleep?: (ms: number) => Promise<void> } = {}): Promise<Download> {
  const fetchFn = options.fetchFn ?? fetch;
  const sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  const retries = options.retries ?? 4;
  const partial = `${dest}.part`;
  mkdirSync(path.dirname(dest), { recursive: true });
  rmSync(partial, { force: true });
  let validator: string | null = null;
  let contentType: string | null = null;
  let lastError = "";
  for (let attempt = 0; attempt <= retries; attempt++) {
    if (attempt > 0) await sleep(Math.min(30_000, 500 * 2 ** attempt));
    const have = existsSync(partial) ? statSync(partial).size : 0;
    const headers: Record<string, string> = have > 0 && validator ? { range: `bytes=${have}-`, "if-range": validator } : {};
    let response: Response;
    try {
      response = await fetchFn(url, { headers, redirect: "follow" });
    } catch (error) {
      lastError = `could not connect: ${messageOf(error)}`;
      continue;
    }
    if (response.status === 404 || response.status === 410) throw new DownloadError(`${url} answered ${response.status}: there is nothing at this link`);
    if (response.status === 401 || response.status === 403) throw new DownloadError(`${url} answered ${response.status}: the link needs access the server does not have`);
    if (response.status !== 200 && response.status !== 206) {
      lastError = `HTTP ${response.status}`;
      if (response.status < 500 && response.status !== 429) throw new DownloadError(`${url} answered ${response.status}`);
      continue;
    }
    validator = response.headers.get("etag") ?? response.headers.get("last-modified");
    contentType = response.headers.get("content-type");
    const append = response.status === 206 && have > 0;
    const file = await open(partial, append ? "a" : "w");
    let received = append ? have : 0;
    try {
      const reader = response.body!.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        received += value.byteLength;
        if (received > MAX_BYTES) throw new DownloadError(`${url} is larger than ${MAX_BYTES} bytes`);
        await file.write(value);
      }
    } catch (error) {
      await file.close();
      if (error instanceof DownloadError) throw error;
      lastError = `the connection broke after ${received} bytes`;
      continue; // resumed from what arrived
    }
    await file.close();
    const declared = Number(response.headers.get("content-length") ?? NaN);
    if (response.status === 200 && Number.isFinite(declared) && received < declared) {
      lastError = `the file was cut short (${received} of ${declared} bytes)`;
      continue;
    }
    const bytes = statSync(partial).size;
    if (options.bytes !== undefined && bytes !== options.bytes) {
      rmSync(partial, { force: true });
      throw new DownloadError(`${url}: ${bytes} bytes, expected ${options.bytes}`);
    }
    const sha256 = await sha256File(partial);
    if (options.sha256 && sha256 !== options.sha256) {
      rmSync(partial, { force: true });
      throw new DownloadError(`${url}: sha256 ${sha256} does not match the expected ${options.sha256}; nothing was imported`);
    }
    renameSync(partial, dest);
    return { sha256, bytes, contentType };
  }
  rmSync(partial, { force: true });
  throw new DownloadError(`${url} could not be downloaded after ${retries + 1} attempts: ${lastError}`);
}
