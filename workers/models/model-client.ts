// Keeps the tablet's field model current: pins the server's signing key on first contact, reads the
// signed manifest of its channel, downloads a new version's files in the background (resuming a broken
// download with a byte range), verifies each file's size and sha256 before it counts, and only then makes
// the version active. The version before stays as the fallback; older ones are deleted. Of the two
// graphs only those the tablet runs are fetched: the fp32 one is for WebGPU, which most tablets lack.
import { FIELD_MODEL_NAME, MODEL_GRAPH_FILES, type ManifestModel, type ModelChannel, type ModelGraph } from "@/configs/models";
import { getMeta, setMeta, type DeviceDatabase, type ModelRow } from "@/workers/db/field-db";
import { ModelTrustError, verifyFile, verifySignedManifest } from "./trust";

export type ModelProgress = { version: number; receivedBytes: number; totalBytes: number; file: string };
export type ModelCheck = { active: ModelRow | null; changed: boolean; message: string };

type Fetch = typeof fetch;
const KEY_META = "modelSigningKey";
// transformers.js reads these and a graph; the card and README travel in the manifest but are not needed to run.
const PACKAGE_FILES = ["config.json", "tokenizer.json", "tokenizer_config.json"];
const runtimeFiles = (graphs: readonly ModelGraph[]) => new Set<string>([...PACKAGE_FILES, ...graphs.map((g) => MODEL_GRAPH_FILES[g])]);
/** What a tablet runs the model on: the int8 graph always (WebAssembly, and the fallback when WebGPU fails). */
export const graphsFor = (gpu: boolean): ModelGraph[] => (gpu ? ["q8", "fp32"] : ["q8"]);
// Rows written before graphs were chosen hold both.
const graphsOf = (row: ModelRow): ModelGraph[] => row.graphs ?? ["q8", "fp32"];
export const hasGraph = (row: ModelRow, graph: ModelGraph) => graphsOf(row).includes(graph);
const missingGraphs = (row: ModelRow, graphs: readonly ModelGraph[]) => graphs.filter((g) => !hasGraph(row, g));
const SAVE_EVERY_BYTES = 256 * 1024;

export const modelKey = (name: string, version: number) => `${name}/${version}`;

/** The server's public key as first seen (trust on first use, like an app shell that ships it). */
export async function pinnedKey(db: DeviceDatabase, fetchFn: Fetch = fetch): Promise<string> {
  const pinned = await getMeta<string>(db, KEY_META);
  if (pinned) return pinned;
  const response = await fetchFn("/api/models/key", { cache: "no-store" });
  if (!response.ok) throw new Error(`the server's model key is unavailable (HTTP ${response.status})`);
  const { publicKey } = (await response.json()) as { publicKey: string };
  await setMeta(db, KEY_META, publicKey);
  return publicKey;
}

export async function activeModel(db: DeviceDatabase, name = FIELD_MODEL_NAME): Promise<ModelRow | null> {
  return (await db.models.where("role").equals("active").filter((m) => m.name === name && m.state === "verified").first()) ?? null;
}

/**
 * Reads the channel's manifest and, when it names another version, fetches and activates it. `graphs`: the
 * graphs this tablet runs (graphsFor); a graph the active version lacks is fetched and added to it.
 */
export async function updateModel(db: DeviceDatabase, options: { channel?: ModelChannel; graphs?: readonly ModelGraph[]; fetchFn?: Fetch; onProgress?: (p: ModelProgress) => void } = {}): Promise<ModelCheck> {
  const fetchFn = options.fetchFn ?? fetch;
  const graphs = options.graphs ?? graphsFor(false);
  const key = await pinnedKey(db, fetchFn);
  const response = await fetchFn(`/api/models/manifest?channel=${options.channel ?? "stable"}`, { cache: "no-store" });
  if (!response.ok) throw new Error(`the model manifest is unavailable (HTTP ${response.status})`);
  const manifest = await verifySignedManifest(await response.json(), key);
  const entry = manifest.models.find((m) => m.name === FIELD_MODEL_NAME);
  const current = await activeModel(db);
  if (!entry) return { active: current, changed: false, message: `the ${manifest.channel} channel has no field model` };
  if (current?.version === entry.version) {
    const missing = missingGraphs(current, graphs);
    if (!missing.length) return { active: current, changed: false, message: `model v${entry.version} is current` };
    await addGraphs(db, current, entry, missing, fetchFn, options.onProgress);
    return { active: await activeModel(db), changed: false, message: `model v${entry.version} is current; its ${missing.join(" and ")} graph${missing.length > 1 ? "s were" : " was"} fetched` };
  }
  const known = await db.models.get(modelKey(entry.name, entry.version));
  if (known?.state !== "verified") await download(db, entry, graphs, fetchFn, options.onProgress);
  else {
    const missing = missingGraphs(known, graphs);
    if (missing.length) await addGraphs(db, known, entry, missing, fetchFn, options.onProgress);
  }
  await activate(db, entry.name, entry.version);
  return { active: await activeModel(db), changed: true, message: `model v${entry.version} verified and active${current ? ` (v${current.version} kept as fallback)` : ""}` };
}

async function download(db: DeviceDatabase, entry: ManifestModel, graphs: readonly ModelGraph[], fetchFn: Fetch, onProgress?: (p: ModelProgress) => void): Promise<void> {
  const key = modelKey(entry.name, entry.version);
  const files = entry.files.filter((f) => runtimeFiles(graphs).has(f.path));
  const totalBytes = files.reduce((a, f) => a + f.bytes, 0);
  const existing = await db.models.get(key);
  // A version that an earlier, broken download left behind keeps its role until it verifies.
  await db.models.put({ key, name: entry.name, version: entry.version, entry, state: "downloading", role: existing?.role ?? "candidate", receivedBytes: 0, totalBytes, message: null, verifiedAt: null, graphs: [...graphs] });
  try {
    await downloadFiles(db, entry, files, 0, totalBytes, fetchFn, onProgress);
    await db.models.update(key, { state: "verified", verifiedAt: Date.now() });
  } catch (error) {
    await db.models.update(key, { state: "failed", message: failureMessage(error) });
    throw error;
  }
}

/** Fetches graphs a verified version lacks; it stays verified and in use on what it has meanwhile. */
async function addGraphs(db: DeviceDatabase, row: ModelRow, entry: ManifestModel, graphs: readonly ModelGraph[], fetchFn: Fetch, onProgress?: (p: ModelProgress) => void): Promise<void> {
  const paths = new Set<string>(graphs.map((g) => MODEL_GRAPH_FILES[g]));
  const files = entry.files.filter((f) => paths.has(f.path));
  const totalBytes = row.totalBytes + files.reduce((a, f) => a + f.bytes, 0);
  try {
    await downloadFiles(db, entry, files, row.totalBytes, totalBytes, fetchFn, onProgress);
  } catch (error) {
    await db.models.update(row.key, { message: failureMessage(error) });
    throw error;
  }
  await db.models.update(row.key, { graphs: [...graphsOf(row), ...graphs], totalBytes, receivedBytes: totalBytes, message: null });
}

/** Each file downloaded (resuming what an earlier attempt kept) and verified against the manifest. */
async function downloadFiles(db: DeviceDatabase, entry: ManifestModel, files: ManifestModel["files"], startBytes: number, totalBytes: number, fetchFn: Fetch, onProgress?: (p: ModelProgress) => void): Promise<void> {
  const key = modelKey(entry.name, entry.version);
  let done = startBytes;
  for (const file of files) {
    const data = await downloadFile(db, `${key}/${file.path}`, `/api/models/files/${key}/${file.path}`, file, fetchFn, (received) => {
      onProgress?.({ version: entry.version, receivedBytes: done + received, totalBytes, file: file.path });
    });
    await verifyFile(file.path, new Uint8Array(await data.arrayBuffer()), file).catch(async (error: unknown) => {
      await db.modelFiles.delete(`${key}/${file.path}`); // a corrupt file is fetched whole next time
      throw error;
    });
    await db.modelFiles.update(`${key}/${file.path}`, { complete: true, sha256: file.sha256 });
    done += file.bytes;
    await db.models.update(key, { receivedBytes: done });
  }
}

const failureMessage = (error: unknown) => (error instanceof ModelTrustError ? `refused: ${error.message}` : error instanceof Error ? error.message : String(error));

/** One file, continuing from the bytes stored by an interrupted attempt (If-Range: the same file only). */
async function downloadFile(db: DeviceDatabase, fileKey: string, url: string, file: { sha256: string; bytes: number }, fetchFn: Fetch, onBytes: (n: number) => void): Promise<Blob> {
  const [model, ...rest] = fileKey.split("/");
  const stored = await db.modelFiles.get(fileKey);
  if (stored?.complete) return stored.data;
  let have: Blob = stored?.data ?? new Blob([]);
  const headers: Record<string, string> = have.size > 0 && have.size < file.bytes ? { range: `bytes=${have.size}-`, "if-range": `"${file.sha256}"` } : {};
  const response = await fetchFn(url, { headers, cache: "no-store" });
  if (response.status === 200) have = new Blob([]);
  else if (response.status !== 206) throw new Error(`${rest.slice(1).join("/")}: HTTP ${response.status}`);
  const save = (data: Blob) => db.modelFiles.put({ key: fileKey, model: `${model}/${rest[0]}`, path: rest.slice(1).join("/"), data, sha256: null, complete: false });
  const reader = response.body!.getReader();
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (value) {
      pending.push(value);
      pendingBytes += value.byteLength;
      onBytes(have.size + pendingBytes);
    }
    if (done || pendingBytes >= SAVE_EVERY_BYTES) {
      // Saved as it arrives, so a dropped connection loses at most the last quarter megabyte.
      have = new Blob([have, ...(pending as BlobPart[])]);
      pending = [];
      pendingBytes = 0;
      await save(have);
    }
    if (done) break;
  }
  return have;
}

/** Makes a verified version active; the active one before becomes the fallback, older ones go. */
export async function activate(db: DeviceDatabase, name: string, version: number): Promise<void> {
  await db.transaction("rw", db.models, db.modelFiles, async () => {
    const target = await db.models.get(modelKey(name, version));
    if (target?.state !== "verified") throw new Error(`model v${version} is not verified on this tablet`);
    const others = await db.models.where("name").equals(name).filter((m) => m.version !== version).toArray();
    for (const m of others) {
      if (m.role === "active") await db.models.update(m.key, { role: "previous" });
      else if (m.role === "previous" || m.state !== "verified") {
        await db.models.delete(m.key);
        await db.modelFiles.where("model").equals(m.key).delete();
      }
    }
    await db.models.update(target.key, { role: "active" });
  });
}

/** Goes back to the fallback version, e.g. when the new one will not load on this tablet. */
export async function fallBackToPreviousModel(db: DeviceDatabase, name = FIELD_MODEL_NAME): Promise<ModelRow | null> {
  const previous = await db.models.where("role").equals("previous").filter((m) => m.name === name && m.state === "verified").first();
  if (!previous) return null;
  await activate(db, name, previous.version);
  return activeModel(db, name);
}

// Verified versions only: a download in progress is left to finish or fail as it would.
const verifiedVersions = (db: DeviceDatabase, name: string) => db.models.where("name").equals(name).filter((m) => m.state === "verified").toArray();
const gpuGraphFiles = (db: DeviceDatabase, modelKeys: string[]) => db.modelFiles.where("model").anyOf(modelKeys).filter((f) => f.path === MODEL_GRAPH_FILES.fp32).toArray();

/** The fp32 graph's bytes held for `name`, over every verified version that has it. */
export async function gpuGraphBytes(db: DeviceDatabase, name = FIELD_MODEL_NAME): Promise<number> {
  const files = await gpuGraphFiles(db, (await verifiedVersions(db, name)).map((m) => m.key));
  return files.reduce((sum, f) => sum + f.data.size, 0);
}

/**
 * Lets go of the fp32 graph (WebGPU's) of every verified version, on a tablet that no longer runs WebGPU; the
 * int8 graph stays. updateModel fetches it again if WebGPU is wanted later. Returns the bytes freed.
 */
export async function dropGpuGraph(db: DeviceDatabase, name = FIELD_MODEL_NAME): Promise<number> {
  const path = MODEL_GRAPH_FILES.fp32;
  return db.transaction("rw", db.models, db.modelFiles, async () => {
    let freed = 0;
    for (const row of await verifiedVersions(db, name)) {
      const files = await gpuGraphFiles(db, [row.key]);
      if (!files.length && !hasGraph(row, "fp32")) continue;
      freed += files.reduce((sum, f) => sum + f.data.size, 0);
      await db.modelFiles.bulkDelete(files.map((f) => f.key));
      // The row's totals count what it holds, so that adding the graph back counts from the right place.
      const bytes = row.entry.files.find((f) => f.path === path)?.bytes ?? 0;
      const held = hasGraph(row, "fp32") ? bytes : 0;
      await db.models.update(row.key, { graphs: graphsOf(row).filter((g) => g !== "fp32"), totalBytes: row.totalBytes - held, receivedBytes: Math.max(0, row.receivedBytes - held) });
    }
    return freed;
  });
}
