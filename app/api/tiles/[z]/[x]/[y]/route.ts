// Under `next dev`; the production server answers tiles before Next.js routing (server/main.ts).
import { answerTileRequest } from "@/server/tile-request";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ z: string; x: string; y: string }> }) {
  const { z, x, y } = await params;
  const answer = await answerTileRequest({
    z, x, y,
    filter: new URL(req.url).searchParams.get("f"),
    cookie: req.headers.get("cookie"),
    ifNoneMatch: req.headers.get("if-none-match"),
    // Never gzip here: Next.js does not pass a route's own Content-Encoding through (`next dev` sent the
    // gzipped bytes without it), so this path always sends the tile as is.
    acceptEncoding: null,
  });
  return new Response(answer.body as BodyInit | null, { status: answer.status, headers: answer.headers });
}
