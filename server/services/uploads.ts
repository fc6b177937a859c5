// Resumable page uploads. Each chunk is appended in one transaction with the new offset, so a drop
// mid-chunk leaves the upload at its last whole chunk; the tablet asks for the offset and goes on.
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { UploadChunkHeaders } from "@/configs/contracts/uploads";
import type { SessionUser } from "@/server/auth/session";
import { rows, transaction, type Db } from "@/server/db/client";
import { DomainError } from "./errors";
import { requireRole, scopeCondition } from "./scope";

// checksumMismatch: the whole file arrived but did not hash to the declared sha256; it was discarded.
export type UploadState = { id: string; receivedBytes: number; totalBytes: number; complete: boolean; checksumMismatch: boolean };

// The first bytes of each accepted image type: a renamed PDF or a text file is refused, not stored.
const SIGNATURES: Record<string, (b: Uint8Array) => boolean> = {
  "image/jpeg": (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  "image/png": (b) => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((v, i) => b[i] === v),
  "image/webp": (b) => String.fromCharCode(...b.subarray(0, 4)) === "RIFF" && String.fromCharCode(...b.subarray(8, 12)) === "WEBP",
};

type UploadRow = { claim_id: string; mime: string; page: number; total_bytes: number; sha256: string; received_bytes: number; completed_at: string | null };

export async function uploadState(db: Db, user: SessionUser, id: string): Promise<UploadState> {
  const [row] = await rows<UploadRow>(db, sql`SELECT u.* FROM uploads u JOIN claims c ON c.id = u.claim_id WHERE u.id = ${id} AND ${scopeCondition(user)}`);
  if (!row) throw new DomainError("NOT_FOUND", "no such upload");
  return { id, receivedBytes: row.received_bytes, totalBytes: row.total_bytes, complete: row.completed_at !== null, checksumMismatch: false };
}

export async function appendChunk(db: Db, user: SessionUser, id: string, meta: UploadChunkHeaders, chunk: Uint8Array): Promise<UploadState> {
  requireRole(user, ["field_staff", "district_official"]);
  return transaction(db, async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`fra-upload:${id}`}))`);
    let [row] = await rows<UploadRow>(tx, sql`SELECT claim_id, mime, page, total_bytes, sha256, received_bytes, completed_at FROM uploads WHERE id = ${id}`);
    if (!row) {
      const [claim] = await rows<{ id: string }>(tx, sql`SELECT c.id FROM claims c WHERE c.id = ${meta.claimId} AND ${scopeCondition(user)}`);
      if (!claim) throw new DomainError("BAD_REQUEST", "the claim of this page is not on the server or not in your area: sync the claim first");
      [row] = await rows<UploadRow>(tx, sql`INSERT INTO uploads (id, claim_id, user_id, mime, page, total_bytes, sha256, data)
        VALUES (${id}, ${meta.claimId}, ${user.id}, ${meta.mime}, ${meta.page}, ${meta.totalBytes}, ${meta.sha256}, ''::bytea)
        RETURNING claim_id, mime, page, total_bytes, sha256, received_bytes, completed_at`);
    }
    const upload = row!;
    if (upload.claim_id !== meta.claimId || upload.sha256 !== meta.sha256 || upload.total_bytes !== meta.totalBytes || upload.mime !== meta.mime) {
      throw new DomainError("CONFLICT", "this upload id belongs to a different file: start a new upload");
    }
    const state = (received: number, complete: boolean, checksumMismatch = false): UploadState => ({ id, receivedBytes: received, totalBytes: upload.total_bytes, complete, checksumMismatch });
    if (upload.completed_at) return state(upload.total_bytes, true); // a resend after success
    if (meta.offset === 0 && chunk.byteLength > 0 && !SIGNATURES[upload.mime]!(chunk)) {
      throw new DomainError("BAD_REQUEST", `the file is not an image of type ${upload.mime}`);
    }
    if (meta.offset !== upload.received_bytes) {
      throw new DomainError("CONFLICT", `expected the chunk at offset ${upload.received_bytes}, got ${meta.offset}: resume from ${upload.received_bytes}`);
    }
    const received = upload.received_bytes + chunk.byteLength;
    if (received > upload.total_bytes) throw new DomainError("BAD_REQUEST", `the chunk runs past the declared ${upload.total_bytes} bytes`);
    await tx.execute(sql`UPDATE uploads SET data = data || ${Buffer.from(chunk)}::bytea, received_bytes = ${received} WHERE id = ${id}`);
    if (received < upload.total_bytes) return state(received, false);
    const [whole] = await rows<{ data: Uint8Array }>(tx, sql`SELECT data FROM uploads WHERE id = ${id}`);
    const actual = createHash("sha256").update(whole!.data).digest("hex");
    if (actual !== upload.sha256) {
      // A corrupted transfer: throw the bytes away so the next attempt starts clean.
      await tx.execute(sql`UPDATE uploads SET data = ''::bytea, received_bytes = 0 WHERE id = ${id}`);
      return state(0, false, true);
    }
    await tx.execute(sql`INSERT INTO claim_documents (id, claim_id, kind, title, page, mime, sha256, bytes)
      VALUES (${id}, ${upload.claim_id}, 'form_page', ${`Form page ${upload.page} (field capture)`}, ${upload.page}, ${upload.mime}, ${actual}, ${whole!.data})`);
    await tx.execute(sql`UPDATE uploads SET completed_at = now(), data = ''::bytea WHERE id = ${id}`);
    return state(received, true);
  });
}
