// The server's Ed25519 manifest-signing key. Production points FRA_SIGNING_KEY at a key file it keeps;
// a development machine gets one generated on first start (0600, under data/). The raw public key is what
// clients pin.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export type SigningKey = { privateKey: KeyObject; publicKeyBase64: string; keyId: string };

const cache = new Map<string, SigningKey>();

export function loadSigningKey(keyPath: string): SigningKey {
  const cached = cache.get(keyPath);
  if (cached) return cached;
  if (!existsSync(keyPath)) {
    mkdirSync(path.dirname(keyPath), { recursive: true });
    const { privateKey } = generateKeyPairSync("ed25519");
    writeFileSync(keyPath, privateKey.export({ format: "pem", type: "pkcs8" }), { mode: 0o600, flag: "wx" });
    console.log(`[fra-atlas] generated a development model-signing key at ${keyPath}`);
  }
  const privateKey = createPrivateKey(readFileSync(keyPath));
  if (privateKey.asymmetricKeyType !== "ed25519") throw new Error(`${keyPath} is not an Ed25519 private key`);
  // An Ed25519 SPKI is a fixed 12-byte header followed by the 32-byte raw key.
  const raw = createPublicKey(privateKey).export({ format: "der", type: "spki" }).subarray(12);
  const key = { privateKey, publicKeyBase64: raw.toString("base64"), keyId: createHash("sha256").update(raw).digest("hex").slice(0, 16) };
  cache.set(keyPath, key);
  return key;
}

export function signPayload(key: SigningKey, payload: string): string {
  return sign(null, Buffer.from(payload, "utf8"), key.privateKey).toString("base64");
}
