// Training data and teachers from links, against a local HTTP server this test runs (the files it serves
// are made here): retried and resumed downloads, checksums, every row validated, all or nothing; and a
// base teacher from a mirror with the Hugging Face layout (file tree API, LFS sha256, git blob ids).
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, rmSync, statSync, mkdtempSync } from "node:fs";
import { createServer, type Server } from "node:http";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { zipSync, strToU8 } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rows } from "@/server/db/client";
import { downloadBaseModel } from "@/server/services/training/base-models";
import { snapshotDataset } from "@/server/services/training/datasets";
import { parseCsv } from "@/server/services/csv";
import { addDatasetSource } from "@/server/services/training/ingest";
import { trainerConfigSchema } from "@/configs/ner";
import { callerFor, openTestDatabase } from "../helpers/db";
import { freePort } from "../helpers/free-port";
import { runTrainer } from "../helpers/trainer";

let env: Awaited<ReturnType<typeof openTestDatabase>>;
let tmp: string;
let server: Server;
let base: string;
const files = new Map<string, Buffer>();
const hits = new Map<string, number>();
const noWait = async () => {};

const row = (text: string, start: number, end: number, label: string) => ({ text, spans: [{ start, end, label }], source: "import", reviewer: null });
const JSONL = [row("Village: Kotgul", 9, 15, "VILLAGE"), row("District: Gadchiroli", 10, 20, "DISTRICT")].map((r) => JSON.stringify(r)).join("\n") + "\n";
const sha = (b: Buffer | string) => createHash("sha256").update(b).digest("hex");

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), "fra-ingest-"));
  process.env.FRA_TRAINING_DIR = path.join(tmp, "training");
  env = await openTestDatabase();
  files.set("/data/rows.jsonl", Buffer.from(JSONL));
  files.set("/data/rows.csv", Buffer.from(`text,spans,source,reviewer\n"Tehsil: Korchi, Gadchiroli","[{""start"":8,""end"":14,""label"":""TEHSIL""}]",import,\n`));
  files.set("/data/rows.zip", Buffer.from(zipSync({ "part1.jsonl": strToU8(JSONL), "notes.txt": strToU8("ignored") })));
  files.set("/data/bad-row.jsonl", Buffer.from(JSONL + JSON.stringify(row("Date: 2009", 6, 60, "DATE")) + "\n" + JSON.stringify(row("Pin: 442605", 5, 11, "PINCODE")) + "\n"));
  files.set("/data/flaky.jsonl", Buffer.from(JSONL.repeat(200)));
  server = createServer((req, res) => {
    const url = new URL(req.url!, "http://x");
    hits.set(url.pathname, (hits.get(url.pathname) ?? 0) + 1);
    const body = files.get(url.pathname) ?? (url.pathname.startsWith("/mirror/") ? mirror(url) : undefined);
    if (!body) return res.writeHead(404).end("not found");
    const range = /^bytes=(\d+)-$/.exec(req.headers.range ?? "");
    const etag = `"${sha(body).slice(0, 16)}"`;
    if (range && req.headers["if-range"] === etag) {
      const from = Number(range[1]);
      res.writeHead(206, { "content-range": `bytes ${from}-${body.length - 1}/${body.length}`, "content-length": body.length - from, etag });
      return res.end(body.subarray(from));
    }
    res.writeHead(200, { "content-length": body.length, etag });
    // The flaky file breaks off half-way the first time it is asked for.
    if (url.pathname === "/data/flaky.jsonl" && hits.get(url.pathname) === 1) {
      res.write(body.subarray(0, body.length >> 1));
      return void setTimeout(() => res.destroy(), 20);
    }
    res.end(body);
  });
  const port = await freePort();
  await new Promise<void>((r) => server.listen(port, "127.0.0.1", r));
  base = `http://127.0.0.1:${port}`;
}, 300_000);
afterAll(async () => {
  server?.close();
  await env?.cleanup();
  rmSync(tmp, { recursive: true, force: true });
});

const add = (file: string, sha256?: string) => addDatasetSource(env.db, env.users.admin, { url: `${base}${file}`, sha256 }, fetch, noWait);

describe("datasets from links", () => {
  it("imports JSONL, CSV and a zip of them, each row checked", async () => {
    expect(await add("/data/rows.jsonl", sha(JSONL))).toMatchObject({ state: "imported", rowsAccepted: 2, rowsRejected: 0, sha256: sha(JSONL) });
    expect(await add("/data/rows.csv")).toMatchObject({ state: "imported", rowsAccepted: 1 });
    expect(await add("/data/rows.zip")).toMatchObject({ state: "imported", rowsAccepted: 2 });
    expect(parseCsv('a,"b, ""c""\nd"\n1,2\n')).toEqual([["a", 'b, "c"\nd'], ["1", "2"]]);
  });

  it("resumes a download that broke off half-way, from where it broke", async () => {
    const source = await add("/data/flaky.jsonl");
    expect(source).toMatchObject({ state: "imported", rowsAccepted: 400 });
    expect(hits.get("/data/flaky.jsonl")).toBe(2);
  });

  it("refuses a wrong checksum, a dead link and a file with bad rows, importing nothing and saying why", async () => {
    expect(await add("/data/rows.jsonl", "0".repeat(64))).toMatchObject({ state: "failed", rowsAccepted: 0, message: expect.stringMatching(/does not match the expected/) });
    expect(await add("/data/missing.jsonl")).toMatchObject({ state: "failed", message: expect.stringMatching(/answered 404: there is nothing at this link/) });
    const bad = await add("/data/bad-row.jsonl");
    expect(bad).toMatchObject({ state: "failed", rowsAccepted: 0, rowsRejected: 2, message: expect.stringMatching(/2 row\(s\) do not fit/) });
    expect(bad.rejections).toEqual([
      { where: "bad-row.jsonl line 3", message: expect.stringMatching(/runs past the text/) },
      { where: "bad-row.jsonl line 4", message: expect.stringMatching(/spans\.0\.label/) },
    ]);
    expect(readdirSync(path.join(tmp, "training", "imports")).filter((f) => f.includes(bad.id))).toEqual([]);
    await expect(callerFor(env.db, env.users.admin).admin.addSource({ url: "ftp://example.org/x.jsonl" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(callerFor(env.db, env.users.gadchiroli).admin.addSource({ url: `${base}/data/rows.jsonl` })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("puts imported rows into the next dataset version, named by its content", async () => {
    const config = trainerConfigSchema.parse({ ...JSON.parse(readFileSync("trainer/presets/tiny.json", "utf8")), train_examples: 60, eval_examples: 20 });
    const version = await snapshotDataset(env.db, env.users.admin, config);
    const imported = await rows<{ n: number }>(env.db, sql`SELECT sum(rows_accepted)::int AS n FROM dataset_sources WHERE state = 'imported'`);
    expect(version.counts.train).toBe(60 + imported[0]!.n);
    expect(version.imports).toHaveLength(4);
    expect((await snapshotDataset(env.db, env.users.admin, config)).version).toBe(version.version); // same content, same version
  }, 120_000);
});

// --- A model mirror in the Hugging Face layout, serving a small teacher trained here ---
let teacherDir: string;
const tree = new Map<string, Array<{ type: string; path: string; size: number; oid: string; lfs?: { oid: string; size: number } }>>();
function mirror(url: URL): Buffer | undefined {
  const listing = /^\/mirror\/api\/models\/(.+)\/tree\/([^/]+)$/.exec(url.pathname);
  if (listing) return tree.has(listing[1]!) ? Buffer.from(JSON.stringify(tree.get(listing[1]!))) : undefined;
  const file = /^\/mirror\/(.+?\/.+?)\/resolve\/([^/]+)\/(.+)$/.exec(url.pathname);
  if (!file || !tree.has(file[1]!)) return undefined;
  const bytes = readFileSync(path.join(teacherDir, decodeURIComponent(file[3]!)));
  return file[1] === "fra/tampered-teacher" && file[3] === "models/teacher.pt" ? Buffer.concat([bytes, Buffer.from("x")]) : bytes;
}

describe("base teachers from a model mirror", () => {
  beforeAll(async () => {
    teacherDir = path.join(tmp, "teacher-run");
    await runTrainer(["run", "--preset", "tiny", "--run-dir", teacherDir, "--set", "train_examples=60", "--set", "eval_examples=20", "--set", "vocab_size=400",
      "--set", 'teacher={"hidden":32,"layers":1,"heads":2,"ffn":64}', "--set", 'student={"hidden":16,"layers":1,"heads":2,"ffn":32}', "--set", "teacher_epochs=1", "--set", "student_epochs=1"]);
    const listing = (["run.json", "models/teacher.pt", "tokenizer/tokenizer.json", "tokenizer/tokenizer_config.json", "dataset/train.jsonl", "dataset/validation.jsonl", "dataset/test.jsonl", "dataset/dataset.json"]).map((p) => {
      const bytes = readFileSync(path.join(teacherDir, p));
      const gitOid = createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
      return p.endsWith(".pt") ? { type: "file", path: p, size: statSync(path.join(teacherDir, p)).size, oid: gitOid, lfs: { oid: sha(bytes), size: bytes.length } } : { type: "file", path: p, size: bytes.length, oid: gitOid };
    });
    tree.set("fra/etapalli-teacher", [{ type: "directory", path: "models", size: 0, oid: "0" }, ...listing]);
    tree.set("fra/tampered-teacher", listing);
    tree.set("fra/not-a-teacher", listing.filter((f) => f.path !== "models/teacher.pt"));
  }, 300_000);

  it("downloads a teacher, checks every file against the mirror's hashes, and keeps it ready for distillation", async () => {
    const model = await downloadBaseModel(env.db, env.users.admin, { repo: "fra/etapalli-teacher", revision: "main" }, `${base}/mirror`, fetch, noWait);
    expect(model).toMatchObject({ state: "ready", message: null });
    expect(model.files.map((f) => f.path).sort()).toContain("models/teacher.pt");
    const [stored] = await rows<{ dir: string }>(env.db, sql`SELECT dir FROM base_models WHERE id = ${model.id}`);
    expect(readFileSync(path.join(stored!.dir, "models", "teacher.pt")).equals(readFileSync(path.join(teacherDir, "models", "teacher.pt")))).toBe(true);
  });

  it("refuses a tampered file, a folder without a teacher and an unknown repository, keeping nothing", async () => {
    expect(await downloadBaseModel(env.db, env.users.admin, { repo: "fra/tampered-teacher", revision: "main" }, `${base}/mirror`, fetch, noWait)).toMatchObject({ state: "failed", message: expect.stringMatching(/teacher.pt: \d+ bytes, expected/) });
    expect(await downloadBaseModel(env.db, env.users.admin, { repo: "fra/not-a-teacher", revision: "main" }, `${base}/mirror`, fetch, noWait)).toMatchObject({ state: "failed", message: expect.stringMatching(/lacks models\/teacher.pt/) });
    expect(await downloadBaseModel(env.db, env.users.admin, { repo: "fra/nothing", revision: "main" }, `${base}/mirror`, fetch, noWait)).toMatchObject({ state: "failed", message: expect.stringMatching(/has no fra\/nothing/) });
    const kept = readdirSync(path.join(tmp, "training", "base-models"));
    expect(kept).toHaveLength(1);
    await expect(downloadBaseModel(env.db, env.users.admin, { repo: "fra/x", revision: "main" }, undefined)).rejects.toMatchObject({ message: expect.stringMatching(/no model-hub mirror/) });
  });
});
