// What a tablet does when it updates its model, against the real server: pin the key, fetch and verify
// the signed manifest, download every file (resuming with a byte range), verify sizes and sha256; then
// the tablet's model client itself (store, resume, refuse, activate) and transformers.js reading only
// what it verified.
import "fake-indexeddb/auto";
import { AutoModelForTokenClassification, AutoTokenizer, env as transformersEnv, Tensor } from "@huggingface/transformers";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { FIELD_MODEL_NAME } from "@/configs/models";
import { NER_LABELS } from "@/configs/ner";
import { DeviceDatabase, setMeta } from "@/workers/db/field-db";
import { activeModel, graphsFor, updateModel } from "@/workers/models/model-client";
import { ModelTrustError, verifyFile, verifySignedManifest } from "@/workers/models/trust";
import { readOnlyVerifiedModels } from "@/workers/ner/verified-cache";
import { startApp } from "../helpers/app-server";

let app: Awaited<ReturnType<typeof startApp>>;
beforeAll(async () => {
  app = await startApp(inject("templateDir"));
});
afterAll(() => app?.stop());

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${app.url}${path}`, { headers });

async function stableModel() {
  const key = (await (await get("/api/models/key")).json()) as { publicKey: string; algorithm: string };
  expect(key.algorithm).toBe("Ed25519");
  const response = await get("/api/models/manifest?channel=stable");
  expect(response.headers.get("cache-control")).toBe("no-cache");
  const manifest = await verifySignedManifest(await response.json(), key.publicKey);
  return manifest.models.find((m) => m.name === FIELD_MODEL_NAME)!;
}

describe("model delivery", () => {
  it("serves a signed manifest whose every file downloads and verifies, with the right content types", async () => {
    const model = await stableModel();
    expect(model.version).toBe(1);
    const types: Record<string, string> = {};
    for (const file of model.files) {
      const response = await get(`/api/models/files/${FIELD_MODEL_NAME}/${model.version}/${file.path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get("etag")).toBe(`"${file.sha256}"`);
      expect(response.headers.get("cache-control")).toContain("immutable");
      types[file.path] = response.headers.get("content-type")!;
      await verifyFile(file.path, new Uint8Array(await response.arrayBuffer()), file);
    }
    expect(types).toMatchObject({ "config.json": "application/json", "onnx/model_quantized.onnx": "application/octet-stream", "README.md": "text/markdown; charset=utf-8" });
  });

  it("resumes an interrupted download with a byte range and answers If-None-Match with 304", async () => {
    const model = await stableModel();
    const file = model.files.find((f) => f.path === "onnx/model_quantized.onnx")!;
    const url = `/api/models/files/${FIELD_MODEL_NAME}/${model.version}/${file.path}`;
    const half = Math.floor(file.bytes / 2);
    const first = await get(url, { range: `bytes=0-${half - 1}` });
    expect(first.status).toBe(206);
    expect(first.headers.get("content-range")).toBe(`bytes 0-${half - 1}/${file.bytes}`);
    const rest = await get(url, { range: `bytes=${half}-`, "if-range": `"${file.sha256}"` });
    expect(rest.status).toBe(206);
    const whole = new Uint8Array([...new Uint8Array(await first.arrayBuffer()), ...new Uint8Array(await rest.arrayBuffer())]);
    await verifyFile(file.path, whole, file);
    expect((await get(url, { "if-none-match": `"${file.sha256}"` })).status).toBe(304);
    expect((await get(url, { range: `bytes=${file.bytes + 10}-` })).status).toBe(416);
    // HEAD answers without the body (sizes come from the manifest): the same validators, ranges on offer.
    const head = await fetch(`${app.url}${url}`, { method: "HEAD" });
    expect([head.status, head.headers.get("etag"), head.headers.get("accept-ranges")]).toEqual([200, `"${file.sha256}"`, "bytes"]);
  });

  it("serves nothing outside a model's listed files and refuses bad parameters", async () => {
    expect((await get(`/api/models/files/${FIELD_MODEL_NAME}/1/parity.json`)).status).toBe(404);
    expect((await get(`/api/models/files/${FIELD_MODEL_NAME}/1/..%2F..%2Fkeys%2Fsigning.pem`)).status).toBe(404);
    expect((await get(`/api/models/files/${FIELD_MODEL_NAME}/7/config.json`)).status).toBe(404);
    expect((await get(`/api/models/files/Not_A_Name/1/config.json`)).status).toBe(400);
    expect((await get("/api/models/manifest?channel=nightly")).status).toBe(400);
  });
});

// The tablet's model client against the same server. Test double: IndexedDB in Node is fake-indexeddb;
// the browser test runs the client on Chromium's IndexedDB.
describe("model client", () => {
  const bound = (intercept?: (path: string, response: Response) => Response | Promise<Response>): typeof fetch & { calls: Array<{ path: string; range: string | null }> } => {
    const calls: Array<{ path: string; range: string | null }> = [];
    const fn = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const path = String(input);
      calls.push({ path, range: new Headers(init?.headers).get("range") });
      const response = await fetch(`${app.url}${path}`, init);
      return intercept ? intercept(path, response) : response;
    }) as typeof fetch & { calls: typeof calls };
    fn.calls = calls;
    return fn;
  };
  const freshDevice = () => new DeviceDatabase(`test-device-${crypto.randomUUID()}`);

  it("downloads, verifies and activates the stable model, and transformers.js reads it only through the verified cache", async () => {
    const db = freshDevice();
    const progress: number[] = [];
    const check = await updateModel(db, { fetchFn: bound(), onProgress: (p) => progress.push(p.receivedBytes) });
    expect(check).toMatchObject({ changed: true, active: { name: FIELD_MODEL_NAME, version: 1, state: "verified", role: "active" } });
    expect(progress.at(-1)).toBe(check.active!.totalBytes);
    expect((await updateModel(db, { fetchFn: bound() })).changed).toBe(false);

    readOnlyVerifiedModels(transformersEnv, db);
    const tokenizer = await AutoTokenizer.from_pretrained(`${FIELD_MODEL_NAME}/1`);
    const model = await AutoModelForTokenClassification.from_pretrained(`${FIELD_MODEL_NAME}/1`, { dtype: "q8", device: "cpu" });
    const text = "Village: Kotmi\nDistrict: Gadchiroli";
    const ids = tokenizer.encode(text.replace(/\n/g, "\u00b6"));
    const { logits } = (await model({ input_ids: new Tensor("int64", BigInt64Array.from(ids.map(BigInt)), [1, ids.length]), attention_mask: new Tensor("int64", new BigInt64Array(ids.length).fill(1n), [1, ids.length]), token_type_ids: new Tensor("int64", new BigInt64Array(ids.length), [1, ids.length]) })) as { logits: Tensor };
    expect(logits.dims).toEqual([1, ids.length, NER_LABELS.length]);
    await model.dispose();
    // A version the tablet has not verified is not there for transformers.js, whatever the server holds.
    await expect(AutoTokenizer.from_pretrained(`${FIELD_MODEL_NAME}/2`)).rejects.toThrow();
    db.close();
  });

  it("fetches only the int8 graph for a tablet without a GPU, and the fp32 one once WebGPU is wanted", async () => {
    const db = freshDevice();
    const withoutGpu = bound();
    const first = await updateModel(db, { graphs: graphsFor(false), fetchFn: withoutGpu });
    const fileCalls = (f: typeof withoutGpu) => f.calls.map((c) => c.path).filter((p) => p.startsWith("/api/models/files/")).map((p) => p.split("/").slice(6).join("/"));
    expect(fileCalls(withoutGpu).sort()).toEqual(["config.json", "onnx/model_quantized.onnx", "tokenizer.json", "tokenizer_config.json"]);
    expect(first.active).toMatchObject({ state: "verified", role: "active", graphs: ["q8"] });
    expect(await db.modelFiles.get(`${FIELD_MODEL_NAME}/1/onnx/model.onnx`)).toBeUndefined();

    // WebGPU wanted (a GPU found, or chosen by hand): the active version gets its fp32 graph, verified.
    const withGpu = bound();
    const second = await updateModel(db, { graphs: graphsFor(true), fetchFn: withGpu });
    expect(fileCalls(withGpu)).toEqual(["onnx/model.onnx"]);
    expect(second).toMatchObject({ changed: false, active: { version: 1, state: "verified", role: "active", graphs: ["q8", "fp32"] } });
    const fp32 = (await stableModel()).files.find((f) => f.path === "onnx/model.onnx")!;
    expect(await db.modelFiles.get(`${FIELD_MODEL_NAME}/1/onnx/model.onnx`)).toMatchObject({ complete: true, sha256: fp32.sha256 });
    expect(second.active!.totalBytes).toBe(first.active!.totalBytes + fp32.bytes);
    readOnlyVerifiedModels(transformersEnv, db);
    const model = await AutoModelForTokenClassification.from_pretrained(`${FIELD_MODEL_NAME}/1`, { dtype: "fp32", device: "cpu" });
    await model.dispose();

    // Nothing more to fetch for either kind of tablet.
    const again = bound();
    await updateModel(db, { graphs: graphsFor(false), fetchFn: again });
    await updateModel(db, { graphs: graphsFor(true), fetchFn: again });
    expect(fileCalls(again)).toEqual([]);
    db.close();
  });

  it("resumes a download that broke off, from the bytes it had kept", async () => {
    const db = freshDevice();
    let cut = false;
    const breaking = bound((path, response) => {
      if (cut || !path.endsWith("model_quantized.onnx")) return response;
      cut = true;
      const reader = response.body!.getReader();
      let sent = 0;
      return new Response(new ReadableStream({
        async pull(controller) {
          const { done, value } = await reader.read();
          if (done || sent > 300_000) return controller.error(new TypeError("network connection lost"));
          sent += value.byteLength;
          controller.enqueue(value);
        },
      }), { status: response.status, headers: response.headers });
    });
    await expect(updateModel(db, { fetchFn: breaking })).rejects.toThrow(/connection lost/);
    expect(await activeModel(db)).toBeNull();
    const kept = await db.modelFiles.get(`${FIELD_MODEL_NAME}/1/onnx/model_quantized.onnx`);
    expect(kept).toMatchObject({ complete: false });
    expect(kept!.data.size).toBeGreaterThan(0);
    const resuming = bound();
    expect((await updateModel(db, { fetchFn: resuming })).active).toMatchObject({ version: 1, state: "verified" });
    expect(resuming.calls.find((c) => c.path.endsWith("model_quantized.onnx"))!.range).toBe(`bytes=${kept!.data.size}-`);
    db.close();
  });

  it("refuses a tampered file and a manifest signed by another key, and keeps the model it had", async () => {
    const db = freshDevice();
    const tampering = bound(async (path, response) => {
      if (!path.endsWith("tokenizer.json")) return response;
      const bytes = new Uint8Array(await response.arrayBuffer());
      bytes[100] = bytes[100]! ^ 0x20;
      return new Response(bytes, { status: 200, headers: response.headers });
    });
    await expect(updateModel(db, { fetchFn: tampering })).rejects.toThrow(ModelTrustError);
    expect(await db.models.get(`${FIELD_MODEL_NAME}/1`)).toMatchObject({ state: "failed", message: expect.stringMatching(/refused: tokenizer.json: sha256/) });
    expect(await activeModel(db)).toBeNull();
    expect(await db.modelFiles.get(`${FIELD_MODEL_NAME}/1/tokenizer.json`)).toBeUndefined();
    await updateModel(db, { fetchFn: bound() }); // the honest server: now it verifies
    expect((await activeModel(db))!.version).toBe(1);

    const impostor = freshDevice();
    const { publicKey } = (await (await fetch(`${app.url}/api/models/key`)).json()) as { publicKey: string };
    const other = Buffer.from(publicKey, "base64");
    other[5] = other[5]! ^ 1;
    await setMeta(impostor, "modelSigningKey", other.toString("base64"));
    await expect(updateModel(impostor, { fetchFn: bound() })).rejects.toThrow(/does not verify/);
    expect(await impostor.models.count()).toBe(0);
    db.close();
    impostor.close();
  });
});
