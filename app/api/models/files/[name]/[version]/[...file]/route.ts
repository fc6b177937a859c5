import { z } from "zod";
import { modelNameSchema } from "@/configs/models";
import { errorResponse, jsonError } from "@/server/http";
import { getDatabase } from "@/server/db";
import { modelRegistry } from "@/server/services/models";
import { fileResponse } from "@/server/services/models/file-response";
import { getModelVersion } from "@/server/services/models/registry";
import { storedFilePath } from "@/server/services/models/store";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Params = { params: Promise<{ name: string; version: string; file: string[] }> };

// A registered model's file: immutable (a version never changes), with its sha256 as ETag and byte
// ranges so a tablet on a poor link resumes a download instead of starting over.
async function serve(req: Request, { params }: Params, head: boolean) {
  const p = await params;
  const name = modelNameSchema.safeParse(p.name);
  const version = z.coerce.number().int().positive().safeParse(p.version);
  if (!name.success || !version.success) return jsonError(400, "not a model name and version");
  try {
    const { db, storeDir } = await modelRegistry((await getDatabase()).db);
    const row = await getModelVersion(db, name.data, version.data);
    const relative = p.file.join("/");
    const file = row.files.find((f) => f.path === relative);
    const full = storedFilePath(storeDir, row.storeDir, relative);
    if (!file || !full) return jsonError(404, `model ${name.data} v${version.data} has no file ${relative}`);
    return await fileResponse(req, full, file, head);
  } catch (e) {
    return errorResponse(e);
  }
}

export const GET = (req: Request, ctx: Params) => serve(req, ctx, false);
export const HEAD = (req: Request, ctx: Params) => serve(req, ctx, true);
