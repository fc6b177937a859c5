// Teachers from a model-hub mirror with the Hugging Face URL layout: the file list comes from
// /api/models/{repo}/tree/{revision}, each file from /{repo}/resolve/{revision}/{path}. Large files are
// checked against their LFS sha256, small ones against their git blob id, and the folder must be a
// trainer run with a trained teacher (run.json, dataset, tokenizer, models/teacher.pt) before a
// distillation may start from it.
import { createHash } from "node:crypto";
import { readFileSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { runStateSchema } from "@/configs/ner";
import type { SessionUser } from "@/server/auth/session";
import { rows, type Db } from "@/server/db/client";
import { DomainError, messageOf } from "../errors";
import { requireRole } from "../scope";
import { recordAdminAction } from "./audit";
import { trainingDir } from "./datasets";
import { downloadVerified, DownloadError } from "./download";

const treeSchema = z.array(
  z.object({
    type: z.enum(["file", "directory"]),
    path: z.string().min(1).refine((p) => !p.split("/").includes("..") && !p.startsWith("/"), "a path outside the repository"),
    size: z.number().int().min(0).optional(),
    oid: z.string().optional(),
    lfs: z.object({ oid: z.string().regex(/^[0-9a-f]{64}$/), size: z.number().int().min(0) }).passthrough().optional(),
  }).passthrough(),
);

const REQUIRED = ["run.json", "models/teacher.pt", "tokenizer/tokenizer.json", "dataset/train.jsonl", "dataset/validation.jsonl", "dataset/test.jsonl"];

const gitBlobSha1 = (bytes: Buffer) => createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");

export type BaseModel = { id: string; repo: string; revision: string; state: string; files: Array<{ path: string; bytes: number; sha256: string }>; message: string | null; createdAt: string };
const columns = sql`id, repo, revision, state, files, message, created_at::text AS "createdAt"`;

export async function downloadBaseModel(db: Db, actor: SessionUser, input: { repo: string; revision: string }, mirror: string | undefined, fetchFn: typeof fetch = fetch, sleep?: (ms: number) => Promise<void>): Promise<BaseModel> {
  requireRole(actor, ["admin"]);
  if (!mirror) throw new DomainError("BAD_REQUEST", "no model-hub mirror is configured on this server (FRA_MODEL_MIRROR)");
  const id = crypto.randomUUID();
  await db.execute(sql`INSERT INTO base_models (id, repo, revision, state, created_by) VALUES (${id}, ${input.repo}, ${input.revision}, 'downloading', ${actor.id})`);
  const base = mirror.replace(/\/$/, "");
  const staging = path.join(trainingDir(), "base-models", `.${id}`);
  const dir = path.join(trainingDir(), "base-models", id);
  try {
    const listing = await fetchFn(`${base}/api/models/${input.repo}/tree/${encodeURIComponent(input.revision)}?recursive=true`);
    if (listing.status === 404) throw new DownloadError(`the mirror has no ${input.repo} at ${input.revision}`);
    if (!listing.ok) throw new DownloadError(`the mirror's file list answered HTTP ${listing.status}`);
    const tree = treeSchema.safeParse(await listing.json());
    if (!tree.success) throw new DownloadError(`the mirror's file list is not in the expected format: ${tree.error.issues[0]?.message}`);
    const files = tree.data.filter((f) => f.type === "file");
    const missing = REQUIRED.filter((r) => !files.some((f) => f.path === r));
    if (missing.length) throw new DownloadError(`${input.repo} is not a trainer run with a teacher: it lacks ${missing.join(", ")}`);
    const stored: BaseModel["files"] = [];
    for (const f of files) {
      const dest = path.join(staging, f.path);
      const url = `${base}/${input.repo}/resolve/${encodeURIComponent(input.revision)}/${f.path.split("/").map(encodeURIComponent).join("/")}`;
      const got = await downloadVerified(url, dest, { sha256: f.lfs?.oid, bytes: f.lfs?.size ?? f.size, fetchFn, sleep });
      if (!f.lfs && f.oid && gitBlobSha1(readFileSync(dest)) !== f.oid) throw new DownloadError(`${f.path} does not match its git blob id ${f.oid}`);
      stored.push({ path: f.path, bytes: got.bytes, sha256: got.sha256 });
    }
    const run = runStateSchema.safeParse(JSON.parse(readFileSync(path.join(staging, "run.json"), "utf8")));
    if (!run.success || !["dataset", "tokenizer", "teacher"].every((s) => run.data.completed_stages.includes(s as never))) {
      throw new DownloadError(`${input.repo}'s run.json is not a run whose teacher finished training`);
    }
    rmSync(dir, { recursive: true, force: true });
    renameSync(staging, dir);
    await db.execute(sql`UPDATE base_models SET state = 'ready', files = ${JSON.stringify(stored)}::jsonb, dir = ${dir} WHERE id = ${id}`);
    await recordAdminAction(db, actor, "base_model.download", id, { repo: input.repo, revision: input.revision, files: stored.length });
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    const message = messageOf(error);
    await db.execute(sql`UPDATE base_models SET state = 'failed', message = ${message} WHERE id = ${id}`);
    await recordAdminAction(db, actor, "base_model.failed", id, { repo: input.repo, revision: input.revision, message });
  }
  const [row] = await rows<BaseModel>(db, sql`SELECT ${columns} FROM base_models WHERE id = ${id}`);
  return row!;
}

export async function listBaseModels(db: Db, actor: SessionUser): Promise<BaseModel[]> {
  requireRole(actor, ["admin"]);
  return rows<BaseModel>(db, sql`SELECT ${columns} FROM base_models ORDER BY created_at DESC LIMIT 50`);
}
