// Training data from a link: an admin gives a URL (JSONL, CSV, or a zip of those) and optionally its
// sha256. The server downloads it (retried, resumed, verified), reads every row against the trainer's
// row contract (zod), and imports the file whole or not at all: one bad row refuses the file and the
// admin sees which rows and why. Imported files join the next dataset snapshot.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { unzipSync } from "fflate";
import { nerExampleSchema, type NerExample } from "@/configs/ner";
import { describeIssues } from "@/configs/zod-issues";
import type { SessionUser } from "@/server/auth/session";
import { rows, type Db } from "@/server/db/client";
import { parseCsv } from "@/server/services/csv";
import { messageOf } from "../errors";
import { requireRole } from "../scope";
import { recordAdminAction } from "./audit";
import { trainingDir } from "./datasets";
import { downloadVerified } from "./download";

const MAX_ROWS = 500_000;
const SHOWN_REJECTIONS = 50;

type Rejection = { where: string; message: string };

function check(raw: unknown, where: string, rejected: Rejection[]): NerExample | null {
  const parsed = nerExampleSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  rejected.push({ where, message: describeIssues(parsed.error, "row") });
  return null;
}

export function readJsonl(text: string, name: string, rejected: Rejection[]): NerExample[] {
  const out: NerExample[] = [];
  text.split("\n").forEach((line, i) => {
    if (!line.trim()) return;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      return rejected.push({ where: `${name} line ${i + 1}`, message: "not JSON" });
    }
    const row = check(raw, `${name} line ${i + 1}`, rejected);
    if (row) out.push(row);
  });
  return out;
}

/** CSV with a header: text, spans (a JSON array), and optionally source, reviewer, lang. */
export function readCsv(text: string, name: string, rejected: Rejection[]): NerExample[] {
  const [header, ...records] = parseCsv(text);
  const columns = (header ?? []).map((h) => h.trim().toLowerCase());
  if (!columns.includes("text") || !columns.includes("spans")) {
    rejected.push({ where: `${name} header`, message: "a CSV needs the columns text and spans (and may have source, reviewer, lang)" });
    return [];
  }
  const out: NerExample[] = [];
  records.forEach((record, i) => {
    const cell = (c: string) => record[columns.indexOf(c)];
    let spans: unknown;
    try {
      spans = JSON.parse(cell("spans") ?? "");
    } catch {
      return rejected.push({ where: `${name} row ${i + 2}`, message: "spans: not a JSON array" });
    }
    const row = check({ text: cell("text"), spans, source: cell("source") || "import", reviewer: cell("reviewer") || null, ...(cell("lang") ? { lang: cell("lang") } : {}) }, `${name} row ${i + 2}`, rejected);
    if (row) out.push(row);
  });
  return out;
}

export function readDatasetFile(bytes: Uint8Array, name: string, rejected: Rejection[]): NerExample[] {
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (isZip) {
    let entries: Record<string, Uint8Array>;
    try {
      entries = unzipSync(bytes);
    } catch (error) {
      rejected.push({ where: name, message: `not a readable zip (${messageOf(error)})` });
      return [];
    }
    const data = Object.entries(entries).filter(([n]) => /\.(jsonl|csv)$/i.test(n) && !n.startsWith("__MACOSX/"));
    if (!data.length) rejected.push({ where: name, message: "the zip holds no .jsonl or .csv file" });
    return data.flatMap(([entry, content]) => readDatasetFile(content, `${name}:${entry}`, rejected));
  }
  const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
  const firstLine = text.trimStart().split("\n")[0] ?? "";
  return firstLine.startsWith("{") || /\.jsonl$/i.test(name) ? readJsonl(text, name, rejected) : readCsv(text, name, rejected);
}

export type DatasetSource = { id: string; url: string; state: string; sha256: string | null; bytes: number | null; rowsAccepted: number; rowsRejected: number; rejections: Rejection[]; message: string | null; createdAt: string };

const sourceColumns = sql`id, url, state, sha256, bytes, rows_accepted AS "rowsAccepted", rows_rejected AS "rowsRejected", rejections, message, created_at::text AS "createdAt"`;

export async function addDatasetSource(db: Db, actor: SessionUser, input: { url: string; sha256?: string }, fetchFn: typeof fetch = fetch, sleep?: (ms: number) => Promise<void>): Promise<DatasetSource> {
  requireRole(actor, ["admin"]);
  const id = crypto.randomUUID();
  await db.execute(sql`INSERT INTO dataset_sources (id, url, expected_sha256, state, created_by) VALUES (${id}, ${input.url}, ${input.sha256 ?? null}, 'downloading', ${actor.id})`);
  const dir = path.join(trainingDir(), "imports");
  const downloaded = path.join(dir, `${id}.download`);
  const finish = async (fields: { state: "imported" | "failed"; message: string | null; sha256?: string; bytes?: number; accepted?: number; rejected?: Rejection[]; file?: string }) => {
    const rejections = fields.rejected ?? [];
    await db.execute(sql`UPDATE dataset_sources SET state = ${fields.state}, message = ${fields.message}, sha256 = ${fields.sha256 ?? null}, bytes = ${fields.bytes ?? null},
      rows_accepted = ${fields.accepted ?? 0}, rows_rejected = ${rejections.length}, rejections = ${JSON.stringify(rejections.slice(0, SHOWN_REJECTIONS))}::jsonb,
      file = ${fields.file ?? null}, finished_at = now() WHERE id = ${id}`);
    await recordAdminAction(db, actor, `dataset.import.${fields.state}`, id, { url: input.url, message: fields.message, rows: fields.accepted ?? 0, rejected: rejections.length });
  };
  try {
    const download = await downloadVerified(input.url, downloaded, { sha256: input.sha256, fetchFn, sleep });
    const rejected: Rejection[] = [];
    const examples = readDatasetFile(readFileSync(downloaded), path.basename(new URL(input.url).pathname) || "download", rejected);
    if (examples.length + rejected.length > MAX_ROWS) rejected.unshift({ where: "file", message: `more than ${MAX_ROWS} rows` });
    if (rejected.length) {
      await finish({ state: "failed", message: `${rejected.length} row(s) do not fit the training row format: nothing was imported`, sha256: download.sha256, bytes: download.bytes, rejected });
    } else if (!examples.length) {
      await finish({ state: "failed", message: "the file holds no rows", sha256: download.sha256, bytes: download.bytes });
    } else {
      const file = path.join(dir, `${id}.jsonl`);
      writeFileSync(file, examples.map((e) => JSON.stringify({ ...e, source: e.source === "synthetic" ? "import" : e.source })).join("\n") + "\n");
      await finish({ state: "imported", message: null, sha256: download.sha256, bytes: download.bytes, accepted: examples.length, file });
    }
  } catch (error) {
    await finish({ state: "failed", message: messageOf(error) });
  } finally {
    rmSync(downloaded, { force: true });
  }
  const [source] = await rows<DatasetSource>(db, sql`SELECT ${sourceColumns} FROM dataset_sources WHERE id = ${id}`);
  return source!;
}

export async function listDatasetSources(db: Db, actor: SessionUser): Promise<DatasetSource[]> {
  requireRole(actor, ["admin"]);
  return rows<DatasetSource>(db, sql`SELECT ${sourceColumns} FROM dataset_sources ORDER BY created_at DESC LIMIT 100`);
}
