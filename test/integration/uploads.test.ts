// Resumable page uploads on a real PGlite: chunks, a drop and a resume, idempotent resends, and files
// that are refused (wrong offset, other metadata, bad checksum, not an image, out of area).
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UploadChunkHeaders } from "@/configs/contracts/uploads";
import { rows } from "@/server/db/client";
import { appendChunk, uploadState } from "@/server/services/uploads";
import { openTestDatabase } from "../helpers/db";

let env: Awaited<ReturnType<typeof openTestDatabase>>;
let claimId: string;
let otherClaimId: string;
beforeAll(async () => {
  env = await openTestDatabase();
  const tehsils = sql.raw(`ARRAY[${env.users.etapalli.tehsilIds.join(",")}]::int[]`);
  [{ id: claimId }] = (await rows<{ id: string }>(env.db, sql`SELECT id FROM claims WHERE tehsil_id = ANY(${tehsils}) LIMIT 1`)) as [{ id: string }];
  [{ id: otherClaimId }] = (await rows<{ id: string }>(env.db, sql`SELECT id FROM claims WHERE tehsil_id <> ALL(${tehsils}) LIMIT 1`)) as [{ id: string }];
});
afterAll(() => env.cleanup());

function png(size: number): Uint8Array {
  const bytes = new Uint8Array(size).map((_, i) => (i * 31) % 256);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return bytes;
}
const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
const meta = (file: Uint8Array, offset: number, over: Partial<UploadChunkHeaders> = {}): UploadChunkHeaders => ({ claimId, mime: "image/png", page: 1, totalBytes: file.length, offset, sha256: sha(file), ...over });
const CHUNK = 64 * 1024;

describe("resumable page uploads", () => {
  it("resumes after a drop at the offset the server holds and stores the page once complete", async () => {
    const file = png(300_000);
    const id = crypto.randomUUID();
    const user = env.users.etapalli;
    await appendChunk(env.db, user, id, meta(file, 0), file.subarray(0, CHUNK));
    await appendChunk(env.db, user, id, meta(file, CHUNK), file.subarray(CHUNK, 2 * CHUNK));
    // The connection drops; the tablet asks where to go on.
    const { receivedBytes } = await uploadState(env.db, user, id);
    expect(receivedBytes).toBe(2 * CHUNK);
    let state;
    for (let offset = receivedBytes; offset < file.length; offset += CHUNK) {
      state = await appendChunk(env.db, user, id, meta(file, offset), file.subarray(offset, offset + CHUNK));
    }
    expect(state).toMatchObject({ complete: true, receivedBytes: file.length, checksumMismatch: false });
    const [doc] = await rows<{ sha256: string; bytes: Uint8Array; claim_id: string }>(env.db, sql`SELECT sha256, bytes, claim_id FROM claim_documents WHERE id = ${id}`);
    expect(doc).toMatchObject({ sha256: sha(file), claim_id: claimId });
    expect(Buffer.from(doc!.bytes).equals(Buffer.from(file))).toBe(true);
    // A resend of the last chunk after success changes nothing.
    expect(await appendChunk(env.db, user, id, meta(file, 4 * CHUNK), file.subarray(4 * CHUNK))).toMatchObject({ complete: true });
    expect(await rows(env.db, sql`SELECT 1 FROM claim_documents WHERE id = ${id}`)).toHaveLength(1);
  });

  it("refuses a chunk at the wrong offset and a different file under the same id", async () => {
    const file = png(100_000);
    const id = crypto.randomUUID();
    await appendChunk(env.db, env.users.etapalli, id, meta(file, 0), file.subarray(0, CHUNK));
    await expect(appendChunk(env.db, env.users.etapalli, id, meta(file, 0), file.subarray(0, CHUNK))).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/resume from 65536/) });
    await expect(appendChunk(env.db, env.users.etapalli, id, meta(file, CHUNK, { sha256: "0".repeat(64) }), file.subarray(CHUNK))).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("discards a file whose bytes do not match its checksum, so the next attempt starts clean", async () => {
    const file = png(10_000);
    const id = crypto.randomUUID();
    const corrupted = file.slice();
    corrupted[5000] = corrupted[5000]! ^ 0xff;
    const state = await appendChunk(env.db, env.users.etapalli, id, meta(file, 0), corrupted);
    expect(state).toMatchObject({ complete: false, checksumMismatch: true, receivedBytes: 0 });
    expect(await rows(env.db, sql`SELECT 1 FROM claim_documents WHERE id = ${id}`)).toHaveLength(0);
    expect(await appendChunk(env.db, env.users.etapalli, id, meta(file, 0), file)).toMatchObject({ complete: true });
  });

  it("refuses a file that is not the image it claims to be, and pages of claims outside the user's area", async () => {
    const text = new TextEncoder().encode("%PDF-1.7 not a photo");
    await expect(appendChunk(env.db, env.users.etapalli, crypto.randomUUID(), meta(text, 0), text)).rejects.toMatchObject({ code: "BAD_REQUEST", message: "the file is not an image of type image/png" });
    const file = png(1000);
    await expect(appendChunk(env.db, env.users.etapalli, crypto.randomUUID(), meta(file, 0, { claimId: otherClaimId }), file)).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/not in your area/) });
    await expect(appendChunk(env.db, env.users.admin, crypto.randomUUID(), meta(file, 0), file)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
