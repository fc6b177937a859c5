import { errorResponse } from "@/server/http";
import { getDatabase } from "@/server/db";
import { modelRegistry } from "@/server/services/models";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// The manifest-signing public key. Clients pin it with the app shell on their first online visit and
// refuse any manifest signed by another key.
export async function GET() {
  try {
    const { key } = await modelRegistry((await getDatabase()).db);
    return Response.json({ algorithm: "Ed25519", keyId: key.keyId, publicKey: key.publicKeyBase64 }, { headers: { "cache-control": "no-cache" } });
  } catch (e) {
    return errorResponse(e);
  }
}
