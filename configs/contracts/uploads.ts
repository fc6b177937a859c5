// Resumable upload of a page photo: the tablet PUTs chunks with the upload's metadata in headers.
import { z } from "zod";

export const MAX_UPLOAD_BYTES = 15 * 1024 * 1024; // a page photo after the tablet's downscaling
export const MAX_CHUNK_BYTES = 1024 * 1024;
export const UPLOAD_MIME_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;

export const uploadChunkHeadersSchema = z.object({
  claimId: z.string().uuid("x-claim-id must be the claim's id"),
  mime: z.enum(UPLOAD_MIME_TYPES, { message: `content-type must be one of ${UPLOAD_MIME_TYPES.join(", ")}` }),
  page: z.coerce.number().int().min(1).max(100),
  totalBytes: z.coerce.number().int().min(1).max(MAX_UPLOAD_BYTES, `a page photo may be at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB; the app shrinks larger photos before upload`),
  offset: z.coerce.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, "x-sha256 must be the hex sha256 of the whole file"),
});
export type UploadChunkHeaders = z.infer<typeof uploadChunkHeadersSchema>;
