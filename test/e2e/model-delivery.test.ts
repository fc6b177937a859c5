// What a tablet does when it updates its model, against the real server: pin the key, fetch and verify
// the signed manifest, download every file (resuming with a byte range), verify sizes and sha256.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { FIELD_MODEL_NAME } from "@/configs/models";
import { verifyFile, verifySignedManifest } from "@/workers/models/trust";
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
