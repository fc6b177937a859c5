// The model registry: register a trained package (verify it with the real runtime, copy it into the
// store), publish a version to a channel through the gates, roll a channel back, and sign the manifest
// that clients read. Publishes of one model are serialized by an advisory lock, so two at once cannot
// both pass the gates against the same "current stable".
import { cp, mkdir, readFile, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { sql } from "drizzle-orm";
import { DEFAULT_GATES, MODEL_FILES, type Manifest, type ModelChannel, type ModelGates, type SignedManifest } from "@/configs/models";
import { NER_LABELS, runStateSchema } from "@/configs/ner";
import type { SessionUser } from "@/server/auth/session";
import { rows, transaction, type Db } from "@/server/db/client";
import type { ModelFile } from "@/server/db/schema";
import { DomainError } from "../errors";
import { requireRole } from "../scope";
import { recordAdminAction } from "../training/audit";
import { evaluateGates, failedFor, type GateResult } from "./gates";
import { checkOnnxPackage, type OnnxReport } from "./onnx-check";
import { signPayload, type SigningKey } from "./signing";
import { sha256File } from "./store";

export type RegistryContext = { db: Db; storeDir: string; key: SigningKey; gates?: ModelGates };

export type ModelVersionRow = {
  id: number;
  name: string;
  version: number;
  files: ModelFile[];
  metrics: { onnx: OnnxReport; trainer: unknown };
  card: Record<string, unknown>;
  parentRun: string | null;
  datasetVersion: string | null;
  storeDir: string;
  createdAt: string;
};

// Beyond the served files, a package carries what the registry itself needs.
const PACKAGE_EXTRAS = ["parity.json", "test.jsonl"] as const;

const lockModel = (db: Db, name: string) => db.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`fra-model:${name}`}))`);

async function exists(p: string) {
  return stat(p).then(() => true, () => false);
}

/** A trainer run directory (with run.json) or a bare package folder -> the package folder to register. */
export async function resolvePackageDir(dir: string): Promise<{ packageDir: string; runId: string | null }> {
  const runFile = path.join(dir, "run.json");
  if (await exists(runFile)) {
    const parsed = runStateSchema.safeParse(JSON.parse(await readFile(runFile, "utf8")));
    if (!parsed.success) throw new DomainError("BAD_REQUEST", `${dir} has a run.json that is not a trainer run: ${parsed.error.issues[0]?.message}`);
    if (parsed.data.status !== "succeeded" || !parsed.data.package_dir) {
      throw new DomainError("BAD_REQUEST", `run ${parsed.data.id} is ${parsed.data.status}${parsed.data.error ? ` (${parsed.data.error.message})` : ""}: only a succeeded run can be registered`);
    }
    return { packageDir: path.join(dir, parsed.data.package_dir), runId: parsed.data.id };
  }
  if (await exists(path.join(dir, "card.json"))) return { packageDir: dir, runId: null };
  throw new DomainError("BAD_REQUEST", `${dir} is neither a trainer run (no run.json) nor a model package (no card.json)`);
}

async function checkPackageShape(packageDir: string) {
  for (const f of [...MODEL_FILES, ...PACKAGE_EXTRAS]) {
    if (!(await exists(path.join(packageDir, f)))) throw new DomainError("BAD_REQUEST", `the model package lacks ${f}`);
  }
  const config = JSON.parse(await readFile(path.join(packageDir, "config.json"), "utf8")) as { id2label?: Record<string, string> };
  const labels = Object.entries(config.id2label ?? {}).sort(([a], [b]) => Number(a) - Number(b)).map(([, l]) => l);
  if (labels.join(",") !== NER_LABELS.join(",")) {
    throw new DomainError("BAD_REQUEST", `the model's labels (${labels.length}) are not the app's ${NER_LABELS.length} NER labels; retrain against configs/ner.ts`);
  }
  return JSON.parse(await readFile(path.join(packageDir, "card.json"), "utf8")) as Record<string, unknown> & { run_id?: string; dataset?: { version?: string }; metrics?: unknown };
}

export async function registerModel(ctx: RegistryContext, actor: SessionUser | null, input: { runDir: string; name: string }): Promise<ModelVersionRow> {
  if (actor) requireRole(actor, ["admin"]);
  const { packageDir, runId } = await resolvePackageDir(input.runDir);
  const card = await checkPackageShape(packageDir);
  const report = await checkOnnxPackage(packageDir, path.join(packageDir, "test.jsonl"));
  const integrity = failedFor(evaluateGates(figures(report), null, ctx.gates ?? DEFAULT_GATES), "beta");
  if (integrity.length) throw new DomainError("PRECONDITION_FAILED", `the model failed verification: ${integrity.map((g) => `${g.gate}: ${g.detail}`).join("; ")}`);
  const files: ModelFile[] = [];
  for (const f of MODEL_FILES) {
    const full = path.join(packageDir, f);
    files.push({ path: f, sha256: await sha256File(full), bytes: (await stat(full)).size });
  }
  return transaction(ctx.db, async (tx) => {
    await lockModel(tx, input.name);
    const [{ next } = { next: 1 }] = await rows<{ next: number }>(tx, sql`SELECT coalesce(max(version), 0)::int + 1 AS next FROM model_versions WHERE name = ${input.name}`);
    const relative = path.join(input.name, String(next));
    const target = path.join(ctx.storeDir, relative);
    // Copy beside the target and rename: the store never holds half a model.
    const staging = `${target}.partial-${process.pid}`;
    await rm(staging, { recursive: true, force: true });
    await mkdir(path.dirname(target), { recursive: true });
    for (const f of [...MODEL_FILES, ...PACKAGE_EXTRAS]) await cp(path.join(packageDir, f), path.join(staging, f));
    await rm(target, { recursive: true, force: true }); // a leftover of a crash between copy and commit
    await rename(staging, target);
    const cardMarkdown = await readFile(path.join(packageDir, "README.md"), "utf8");
    const [row] = await rows<ModelVersionRow>(tx, sql`
      INSERT INTO model_versions (name, version, files, metrics, card, card_markdown, parent_run, dataset_version, store_dir, created_by)
      VALUES (${input.name}, ${next}, ${JSON.stringify(files)}::jsonb, ${JSON.stringify({ onnx: report, trainer: card.metrics ?? null })}::jsonb,
              ${JSON.stringify(card)}::jsonb, ${cardMarkdown}, ${runId ?? card.run_id ?? null}, ${card.dataset?.version ?? null}, ${relative}, ${actor?.id ?? null})
      RETURNING ${versionColumns}`);
    if (actor) await recordAdminAction(tx, actor, "model.register", `${input.name} v${next}`, { runDir: input.runDir, f1: report.test.overall.f1 });
    return row!;
  });
}

const versionColumns = sql`id, name, version, files, metrics, card, parent_run AS "parentRun", dataset_version AS "datasetVersion", store_dir AS "storeDir", created_at::text AS "createdAt"`;

const figures = (r: OnnxReport) => ({
  f1: r.test.overall.f1,
  fp32MaxAbsDiff: r.parity.fp32MaxAbsDiff,
  int8ArgmaxAgreement: r.parity.int8ArgmaxAgreement,
  quantizedBytes: r.quantizedBytes,
  latencyMsPerSentence: r.latencyMsPerSentence,
});

export async function getModelVersion(db: Db, name: string, version: number): Promise<ModelVersionRow> {
  const [row] = await rows<ModelVersionRow>(db, sql`SELECT ${versionColumns} FROM model_versions WHERE name = ${name} AND version = ${version}`);
  if (!row) throw new DomainError("NOT_FOUND", `model ${name} has no version ${version}`);
  return row;
}

type ReleaseRow = { id: number; name: string; channel: ModelChannel; version: number; action: string; reason: string; at: string; gates: unknown };

export async function releaseHistory(db: Db, name: string, channel: ModelChannel): Promise<ReleaseRow[]> {
  return rows<ReleaseRow>(db, sql`
    SELECT id::int, name, channel, version, action, reason, gates, at::text FROM model_releases
    WHERE name = ${name} AND channel = ${channel} ORDER BY id DESC`);
}

/** The gates for a candidate, with the stable model measured on the candidate's own test set. */
export async function gatesFor(ctx: RegistryContext, candidate: ModelVersionRow): Promise<{ gates: GateResult[]; stableVersion: number | null }> {
  const [stable] = await releaseHistory(ctx.db, candidate.name, "stable");
  let stableF1: number | null = null;
  if (stable && stable.version !== candidate.version) {
    const current = await getModelVersion(ctx.db, candidate.name, stable.version);
    const report = await checkOnnxPackage(path.join(ctx.storeDir, current.storeDir), path.join(ctx.storeDir, candidate.storeDir, "test.jsonl"));
    stableF1 = report.test.overall.f1;
  }
  return { gates: evaluateGates(figures(candidate.metrics.onnx), stableF1, ctx.gates ?? DEFAULT_GATES), stableVersion: stable?.version ?? null };
}

export async function publishModel(ctx: RegistryContext, actor: SessionUser | null, input: { name: string; version: number; channel: ModelChannel; reason: string }) {
  if (actor) requireRole(actor, ["admin"]);
  const candidate = await getModelVersion(ctx.db, input.name, input.version);
  // Measured outside the transaction: seconds of onnxruntime must not hold the database (PGlite has
  // one connection). The transaction then checks that nothing it relied on has moved.
  const { gates, stableVersion } = await gatesFor(ctx, candidate);
  const failed = failedFor(gates, input.channel);
  if (failed.length) {
    throw new DomainError("PRECONDITION_FAILED", `${input.name} v${input.version} cannot go to ${input.channel}: ${failed.map((g) => `${g.gate}: ${g.detail}`).join("; ")}`);
  }
  return transaction(ctx.db, async (tx) => {
    await lockModel(tx, input.name);
    const [current] = await releaseHistory(tx, input.name, input.channel);
    if (current?.version === input.version) throw new DomainError("CONFLICT", `${input.name} v${input.version} is already the ${input.channel} model`);
    const [stable] = await releaseHistory(tx, input.name, "stable");
    if ((stable?.version ?? null) !== stableVersion) throw new DomainError("CONFLICT", `the stable ${input.name} changed while the gates ran: publish again`);
    await tx.execute(sql`
      INSERT INTO model_releases (name, channel, version, action, gates, actor_id, reason)
      VALUES (${input.name}, ${input.channel}, ${input.version}, 'publish', ${JSON.stringify(gates)}::jsonb, ${actor?.id ?? null}, ${input.reason})`);
    if (actor) await recordAdminAction(tx, actor, "model.publish", `${input.name} v${input.version}`, { channel: input.channel, reason: input.reason });
    return { name: input.name, version: input.version, channel: input.channel, gates };
  });
}

/** Points the channel back at the version it had before the current one. */
export async function rollbackModel(ctx: RegistryContext, actor: SessionUser | null, input: { name: string; channel: ModelChannel; reason: string }) {
  if (actor) requireRole(actor, ["admin"]);
  return transaction(ctx.db, async (tx) => {
    await lockModel(tx, input.name);
    const history = await releaseHistory(tx, input.name, input.channel);
    const current = history[0];
    const previous = history.find((r) => r.version !== current?.version);
    if (!current || !previous) throw new DomainError("CONFLICT", `${input.name} has no earlier ${input.channel} version to roll back to`);
    await tx.execute(sql`
      INSERT INTO model_releases (name, channel, version, action, gates, actor_id, reason)
      VALUES (${input.name}, ${input.channel}, ${previous.version}, 'rollback', ${JSON.stringify({ from: current.version })}::jsonb, ${actor?.id ?? null}, ${input.reason})`);
    if (actor) await recordAdminAction(tx, actor, "model.rollback", `${input.name} ${input.channel}`, { from: current.version, to: previous.version, reason: input.reason });
    return { name: input.name, channel: input.channel, version: previous.version, from: current.version };
  });
}

export async function listModelVersions(db: Db, actor: SessionUser, name: string) {
  requireRole(actor, ["admin"]);
  const versions = await rows<ModelVersionRow>(db, sql`SELECT ${versionColumns} FROM model_versions WHERE name = ${name} ORDER BY version DESC`);
  const channels: Record<string, number | null> = {};
  for (const channel of ["beta", "stable"] as const) channels[channel] = (await releaseHistory(db, name, channel))[0]?.version ?? null;
  return { versions, channels };
}

export async function buildSignedManifest(db: Db, key: SigningKey, channel: ModelChannel): Promise<SignedManifest> {
  const current = await rows<{ name: string; version: number; files: ModelFile[]; f1: number; publishedAt: string }>(db, sql`
    SELECT DISTINCT ON (r.name) r.name, r.version, v.files, (v.metrics->'onnx'->'test'->'overall'->>'f1')::float8 AS f1,
           to_char(r.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "publishedAt"
    FROM model_releases r JOIN model_versions v ON v.name = r.name AND v.version = r.version
    WHERE r.channel = ${channel} ORDER BY r.name, r.id DESC`);
  const manifest: Manifest = {
    format: "fra-model-manifest/1",
    channel,
    issuedAt: new Date().toISOString(),
    models: current.map((m) => ({ name: m.name, version: m.version, channel, files: m.files as Manifest["models"][number]["files"], f1: m.f1, publishedAt: m.publishedAt })),
  };
  const payload = JSON.stringify(manifest);
  return { payload, signature: signPayload(key, payload), keyId: key.keyId };
}
