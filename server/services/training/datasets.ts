// Dataset versions: the trainer writes the synthetic splits of a config plus the accepted field
// corrections and the imported rows, and names the result by the sha256 of its content. The same content
// is one version whoever asks for it; a run trains on exactly one version.
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { sql } from "drizzle-orm";
import type { TrainerConfig } from "@/configs/ner";
import { readServerEnv } from "@/configs/server";
import type { SessionUser } from "@/server/auth/session";
import { rows, type Db } from "@/server/db/client";
import { correctionExamples, toJsonl } from "../corrections";
import { DomainError } from "../errors";
import { requireRole } from "../scope";
import { recordAdminAction } from "./audit";

const exec = promisify(execFile);
export const trainingDir = () => path.resolve(readServerEnv().FRA_TRAINING_DIR);

export type DatasetVersion = { version: string; sha256: string; counts: Record<string, number>; corrections: number; imports: string[]; dir: string; createdAt: string };

type TrainerOutput = { version: string; sha256: string; counts: Record<string, number> };

export async function snapshotDataset(db: Db, actor: SessionUser | null, config: TrainerConfig, python = "/usr/bin/python3"): Promise<DatasetVersion> {
  if (actor) requireRole(actor, ["admin"]);
  const root = path.join(trainingDir(), "datasets");
  const work = path.join(root, `.snapshot-${crypto.randomUUID()}`);
  mkdirSync(work, { recursive: true });
  try {
    const corrections = await correctionExamples(db, "accepted");
    const imports = await rows<{ id: string; file: string }>(db, sql`SELECT id, file FROM dataset_sources WHERE state = 'imported' ORDER BY created_at, id`);
    const extra: string[] = [];
    if (corrections.length) {
      writeFileSync(path.join(work, "corrections.jsonl"), toJsonl(corrections));
      extra.push("--extra", path.join(work, "corrections.jsonl"));
    }
    for (const i of imports) if (existsSync(i.file)) extra.push("--extra", i.file);
    writeFileSync(path.join(work, "config.json"), JSON.stringify(config));
    const out = path.join(work, "dataset");
    let info: TrainerOutput;
    try {
      const { stdout } = await exec(python, ["-m", "fra_trainer", "dataset", "--config", path.join(work, "config.json"), "--out", out, ...extra], {
        cwd: path.resolve("trainer"), env: { ...process.env, PYTHONPATH: path.resolve("trainer") }, maxBuffer: 16 * 1024 * 1024, timeout: 30 * 60_000,
      });
      info = JSON.parse(stdout.trim().split("\n").pop()!) as TrainerOutput;
    } catch (error) {
      const stderr = (error as { stderr?: string }).stderr?.trim().split("\n").pop();
      throw new DomainError("BAD_REQUEST", `the dataset could not be built: ${stderr ?? String(error)}`);
    }
    const [known] = await rows<{ version: string }>(db, sql`SELECT version FROM dataset_versions WHERE sha256 = ${info.sha256}`);
    if (!known) {
      const dir = path.join(root, info.version);
      rmSync(dir, { recursive: true, force: true });
      renameSync(out, dir); // whole, or not there
      await db.execute(sql`INSERT INTO dataset_versions (version, sha256, counts, synthetic, corrections, imports, dir, created_by)
        VALUES (${info.version}, ${info.sha256}, ${JSON.stringify(info.counts)}::jsonb,
          ${JSON.stringify({ seed: config.seed, train_examples: config.train_examples, eval_examples: config.eval_examples })}::jsonb,
          ${corrections.length}, ${JSON.stringify(imports.map((i) => i.id))}::jsonb, ${dir}, ${actor?.id ?? null})
        ON CONFLICT (sha256) DO NOTHING`);
      await recordAdminAction(db, actor, "dataset.snapshot", info.version, { counts: info.counts, corrections: corrections.length, imports: imports.length });
    }
    return getDatasetVersion(db, info.version);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export async function getDatasetVersion(db: Db, version: string): Promise<DatasetVersion> {
  const [row] = await rows<DatasetVersion>(db, sql`SELECT version, sha256, counts, corrections, imports, dir, created_at::text AS "createdAt" FROM dataset_versions WHERE version = ${version}`);
  if (!row) throw new DomainError("NOT_FOUND", `no dataset version ${version}`);
  return row;
}

export async function listDatasetVersions(db: Db, actor: SessionUser): Promise<DatasetVersion[]> {
  requireRole(actor, ["admin"]);
  return rows<DatasetVersion>(db, sql`SELECT version, sha256, counts, corrections, imports, dir, created_at::text AS "createdAt" FROM dataset_versions ORDER BY created_at DESC LIMIT 50`);
}
