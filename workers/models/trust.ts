// Trust checks a model client runs before it uses anything it downloaded: the manifest's Ed25519
// signature against the pinned public key, then each file's size and sha256 against the manifest.
// WebCrypto only, so the same code runs in the browser, in workers and in Node.
import { manifestSchema, signedManifestSchema, type Manifest } from "@/configs/models";
import { sha256Hex } from "@/workers/hash";

export class ModelTrustError extends Error {
  override name = "ModelTrustError";
}

const fromBase64 = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));

/** The manifest, if and only if its signature verifies under `publicKeyBase64` (raw 32-byte Ed25519). */
export async function verifySignedManifest(envelope: unknown, publicKeyBase64: string): Promise<Manifest> {
  const parsed = signedManifestSchema.safeParse(envelope);
  if (!parsed.success) throw new ModelTrustError(`the manifest is not a signed manifest: ${parsed.error.issues[0]?.message}`);
  const key = await crypto.subtle.importKey("raw", fromBase64(publicKeyBase64), { name: "Ed25519" }, false, ["verify"]);
  const ok = await crypto.subtle.verify({ name: "Ed25519" }, key, fromBase64(parsed.data.signature), new TextEncoder().encode(parsed.data.payload));
  if (!ok) throw new ModelTrustError("the manifest's signature does not verify: refusing it");
  let body: unknown;
  try {
    body = JSON.parse(parsed.data.payload);
  } catch {
    throw new ModelTrustError("the signed manifest is not JSON");
  }
  const manifest = manifestSchema.safeParse(body);
  if (!manifest.success) throw new ModelTrustError(`the signed manifest has an unknown shape: ${manifest.error.issues[0]?.message}`);
  return manifest.data;
}

/** Refuses a downloaded file whose size or sha256 differs from what the manifest promised. */
export async function verifyFile(path: string, data: ArrayBuffer | Uint8Array, expected: { sha256: string; bytes: number }): Promise<void> {
  if (data.byteLength !== expected.bytes) throw new ModelTrustError(`${path}: ${data.byteLength} bytes, the manifest says ${expected.bytes}`);
  const actual = await sha256Hex(data);
  if (actual !== expected.sha256) throw new ModelTrustError(`${path}: sha256 ${actual.slice(0, 12)}… does not match the manifest (${expected.sha256.slice(0, 12)}…)`);
}
