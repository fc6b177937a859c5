// The digitisation steps of one draft, in the page's thread but doing no heavy work itself: photos go to
// the preprocessing worker, page images to the OCR pool, the pages' text to the NER worker; every result
// is written to the tablet's database before the next step starts.
import type { AreaVillage } from "@/configs/contracts/field";
import { FIELD_MODEL_NAME } from "@/configs/models";
import { storageMessage, type Draft, type Extraction, type FieldDatabase, type ModelRow, type PageRecord } from "@/workers/db/field-db";
import { nameAnchor, rereadLocalName, type ClaimantReading } from "@/workers/field/devanagari-line";
import { formFromEntities, villageOnRecord, type FormFields } from "@/workers/field/form-from-entities";
import { joinPages, pageOfSpan } from "@/workers/field/pages-text";
import { borderingVillagesWanted, foundClaimantName, secondLookWanted, withSecondLook, type SecondLookField, type SecondLookFilled, type SecondLookGave } from "@/workers/field/second-look";
import { localToday, rereadImpossibleDate, withImpossibleDateFlagged } from "@/workers/field/date-reread";
import { fieldOnPage, rereadUnsureNumbers, type WordsReread } from "@/workers/field/unsure-numbers";
import { nameLanguageOfClaim, withPlaceSpellingsOnRecord } from "@/workers/field/village-record";
import { withGramSabhaClaimant } from "@/workers/field/gram-sabha-claimant";
import type { NerBackend } from "@/workers/ner/ner-client";
import { nerWorker } from "@/workers/ner/ner-client";
import type { OrtBuild } from "@/workers/ner/ort-runtime";
import { hasGraph } from "@/workers/models/model-client";
import { devanagariLine, OcrCancelledError, type OcrPool, type OcrProgress } from "@/workers/ocr/ocr-pool";
import { preparePage } from "@/workers/ocr/preprocess-client";

const UNREADABLE = "Little text could be read on this page. It may be blank, blurred or in a script this app does not read yet (English and Hindi). Retake the photo in good light, or type the fields yourself.";

/** Prepares and stores each photo as a page of the draft; what could not be kept is said per file. */
export async function addPhotos(db: FieldDatabase, draftId: string, files: readonly File[]): Promise<{ added: string[]; problems: string[] }> {
  const added: string[] = [];
  const problems: string[] = [];
  for (const file of files) {
    try {
      const page = await preparePage(file);
      if (page.blank) {
        problems.push(`"${file.name}" looks like a blank page: nothing was added. Photograph the filled-in side of the form.`);
        continue;
      }
      const id = crypto.randomUUID();
      await db.transaction("rw", db.pages, db.drafts, async () => {
        const last = await db.pages.where("draftId").equals(draftId).reverse().sortBy("index");
        const record: PageRecord = {
          id, draftId, index: (last[0]?.index ?? 0) + 1, image: page.image, width: page.width, height: page.height, bytes: page.bytes, sha256: page.sha256,
          originalName: file.name, originalBytes: file.size, skewDegrees: page.skewDegrees, createdAt: Date.now(),
          ocr: { state: "pending", text: "", words: [], confidence: 0, ms: 0, message: null },
          upload: { state: "waiting", offset: 0, message: null },
        };
        await db.pages.add(record);
        await db.drafts.update(draftId, { updatedAt: Date.now() });
      });
      added.push(id);
    } catch (error) {
      problems.push(storageMessage(error));
    }
  }
  return { added, problems };
}

/** OCR of the draft's pages that have none yet; progress per page through `onProgress`. */
export async function ocrPages(db: FieldDatabase, pool: OcrPool, draftId: string, onProgress: (pageId: string, p: OcrProgress | null) => void): Promise<void> {
  const pages = await db.pages.where("draftId").equals(draftId).filter((p) => p.ocr.state !== "done" && p.ocr.state !== "running").toArray();
  await Promise.all(pages.map(async (page) => {
    await db.pages.update(page.id, { ocr: { ...page.ocr, state: "running", message: null } });
    try {
      const result = await pool.recognize(page.id, page.image, (p) => onProgress(page.id, p));
      await db.pages.update(page.id, { ocr: { state: "done", text: result.text, words: result.words, confidence: result.confidence, ms: result.ms, message: result.readable ? null : UNREADABLE } });
    } catch (error) {
      const cancelled = error instanceof OcrCancelledError;
      await db.pages.update(page.id, { ocr: { ...page.ocr, state: cancelled ? "cancelled" : "failed", message: cancelled ? "OCR cancelled" : `OCR failed: ${error instanceof Error ? error.message : String(error)}` } });
    } finally {
      onProgress(page.id, null);
    }
  }));
}

export type ActiveNer = { version: number; backend: NerBackend; fallbackReason: string | null };

const NO_GPU_GRAPH = "the GPU graph is not on this tablet yet: it is fetched when online";

/**
 * Loads a verified model in a NER worker of the onnxruntime-web build its back end needs
 * (workers/ner/ort-runtime.ts): WebGPU's build only where WebGPU is wanted (wantsGpu) and the fp32 graph
 * is here.
 */
export async function loadNer(model: ModelRow, prefer: NerBackend | "auto", gpuWanted: boolean): Promise<ActiveNer> {
  const load = async (on: NerBackend | "auto", build: OrtBuild, reason?: string): Promise<ActiveNer> => {
    const { backend, fallbackReason } = await nerWorker(build).call("load", { name: FIELD_MODEL_NAME, version: model.version, prefer: on });
    return { version: model.version, backend, fallbackReason: reason ?? fallbackReason };
  };
  if (!gpuWanted) return load(prefer, "plain");
  if (!hasGraph(model, "fp32")) return load("wasm", "plain", NO_GPU_GRAPH);
  try {
    return await load(prefer, "asyncify");
  } catch (error) {
    // Its runtime could not start (say, offline before this tablet ever kept it): the precached one can.
    return load("wasm", "plain", `WebGPU could not start (${error instanceof Error ? error.message : String(error)})`);
  }
}

/** What the field app is doing while it reads the fields, for the user waiting on it. */
export type LookingAgain = "missed" | "devanagari-name" | "unsure-number";

/** The page the claimant's names were read on, with that reading's words and where it put them. */
type ClaimantOnPage = { page: PageRecord; reading: ClaimantReading };

/** Reads the fields from the pages' text; what the user already typed stays as they typed it. */
export async function extractFields(
  db: FieldDatabase, draft: Draft, villages: readonly AreaVillage[], ner: ActiveNer, pool: OcrPool, onLookAgain: (what: LookingAgain) => void = () => {},
): Promise<void> {
  const pages = await db.pages.where("draftId").equals(draft.id).toArray();
  const { text, pageOffsets } = joinPages(pages);
  if (!text.trim()) throw new Error("No page has text yet: add a photo and let OCR finish.");
  const result = await nerWorker().call("extract", { text });
  const read = formFromEntities(text, result.entities, villages);
  let { fields: readFields } = read;
  let secondLook = null as Extraction["secondLook"];
  let claimantOn = claimantOnPage(pages, pageOffsets, readFields);
  // What the worker typed is not looked for; a claim type they chose decides which items are.
  const typed = draft.fields.type.source === "user" ? { type: draft.fields.type } : {};
  const type = draft.fields.type.source === "user" ? draft.type : (read.type ?? draft.type);
  let wanted = secondLookWanted({ ...readFields, ...typed }).filter((key) => draft.fields[key].source !== "user");
  let borderingRead = read.borderingVillages;
  let borderingWanted = borderingVillagesWanted(type, borderingRead, draft.borderingVillages);
  if (wanted.length || borderingWanted) onLookAgain("missed");
  for (const page of pages.filter((p) => p.ocr.state === "done").sort((a, b) => a.index - b.index)) {
    if (!wanted.length && !borderingWanted) break;
    const again = await lookAgain(pool, page, villages, readFields, wanted);
    if (!again) continue;
    const gave: SecondLookGave[] = [...again.found];
    if (borderingWanted && again.borderingVillages?.length) {
      [borderingRead, borderingWanted] = [again.borderingVillages, false];
      gave.push("borderingVillages");
    }
    if (!gave.length) continue;
    readFields = again.fields;
    if (foundClaimantName(again.found)) claimantOn = again.claimantOn;
    secondLook = { pageId: secondLook?.pageId ?? page.id, fields: [...(secondLook?.fields ?? []), ...gave] };
    wanted = wanted.filter((key) => !again.found.includes(key));
  }
  // Place names in the record's spelling where only case or a speck sets them apart.
  readFields = withPlaceSpellingsOnRecord(readFields, villages);
  // The village on record, matched after the second look (which may have found the village); the readings
  // below change no place name. Its state decides the Devanagari name's language.
  const villageByUser = draft.fields.village.source === "user" && draft.villageId !== null;
  const villageId = villageByUser ? draft.villageId : (villageOnRecord(readFields, villages) ?? draft.villageId);
  let claimantLocalRereadPageId: string | null = null;
  const nameLanguage = nameLanguageOfClaim(villages, villageId);
  if (draft.fields.claimantLocal.source !== "user" && claimantOn && nameLanguage) {
    const { page, reading } = claimantOn;
    const reread = await rereadLocalName(readFields, reading, (rect, enlarge) => {
      onLookAgain("devanagari-name");
      return pool.readRegion(devanagariLine(nameLanguage), page.image, rect, enlarge).then((r) => r.text);
    }).catch(() => null); // the first reading stands; the worker corrects the name
    if (reread) [readFields, claimantLocalRereadPageId] = [reread, page.id];
  }
  // A number's words read again alone in English, on the page the field was read on.
  const rereadWords = async (key: "khasra" | "filedOn", reread: WordsReread): Promise<string | null> => {
    const on = draft.fields[key].source !== "user" ? fieldOnPage(readFields[key], pageOffsets, pages) : null;
    if (!on) return null;
    const { page, span } = on;
    const better = await reread(readFields[key], page.ocr.words, span, page, (rect, enlarge) => {
      onLookAgain("unsure-number");
      return pool.readRegion("english-word", page.image, rect, enlarge);
    }).catch(() => null); // the first reading stands, flagged for the worker to check
    if (!better) return null;
    readFields = { ...readFields, [key]: better };
    return page.id;
  };
  const khasraRereadPageId = await rereadWords("khasra", rereadUnsureNumbers);
  const today = localToday();
  const dateRereadPageId = await rereadWords("filedOn", (...args) => rereadImpossibleDate(...args, today));
  readFields = { ...readFields, filedOn: withImpossibleDateFlagged(readFields.filedOn, today) };
  readFields = withGramSabhaClaimant(readFields, type, villages.find((v) => v.id === villageId));
  // Form C's list, and Form B's community and rights, fill what the worker would type them in, unless they already have.
  const bordering = borderingRead?.length && !draft.borderingVillages?.trim() ? { borderingVillages: borderingRead.join(", ") } : {};
  const community = read.community && !draft.community?.trim() ? { community: read.community } : {};
  const rights = read.rights && draft.rightsClaimed === undefined ? { rightsClaimed: read.rights.claimed } : {};
  const fields = { ...draft.fields };
  for (const key of Object.keys(readFields) as Array<keyof typeof fields>) {
    if (fields[key].source !== "user") fields[key] = readFields[key];
  }
  await db.drafts.update(draft.id, {
    fields,
    villageId,
    type,
    ...bordering,
    ...community,
    ...rights,
    extraction: {
      text, pageOffsets, entities: result.entities, modelVersion: ner.version, backend: result.backend, ms: result.ms, at: Date.now(),
      secondLook, claimantLocalRereadPageId, khasraRereadPageId, dateRereadPageId, borderingVillages: borderingRead, community: read.community, rights: read.rights,
    },
    updatedAt: Date.now(),
  });
}

function claimantOnPage(pages: readonly PageRecord[], pageOffsets: Extraction["pageOffsets"], fields: FormFields): ClaimantOnPage | null {
  const anchor = nameAnchor(fields);
  const on = anchor && pageOfSpan(pageOffsets, pages, anchor.start, anchor.end);
  // The page's text starts where the anchor's joined offset and its offset on the page differ.
  return anchor && on ? { page: on.page, reading: { words: on.page.ocr.words, anchor: { ...anchor, start: on.start, end: on.end }, page: on.page, offset: anchor.start - on.start } } : null;
}

/**
 * One page read again as sparse text: the form with the `wanted` fields it found (and those that come
 * along), and the bordering villages it lists (null on a page without Form C's item); null when it could
 * not be read.
 */
async function lookAgain(
  pool: OcrPool, page: PageRecord, villages: readonly AreaVillage[], fields: FormFields, wanted: readonly SecondLookField[],
): Promise<{ fields: FormFields; found: SecondLookFilled[]; claimantOn: ClaimantOnPage | null; borderingVillages: string[] | null } | null> {
  try {
    const sparse = await pool.recognize(`${page.id}:second-look`, page.image, () => {}, "sparse");
    const { entities } = await nerWorker().call("extract", { text: sparse.text });
    const again = formFromEntities(sparse.text, entities, villages);
    // Wanting no field, it takes none: what comes along is only worth taking with a field it was looked for.
    const better = wanted.length ? withSecondLook(fields, again.fields, villages, wanted) : null;
    const anchor = nameAnchor(again.fields);
    return {
      fields: better?.fields ?? fields, found: better?.found ?? [], borderingVillages: again.borderingVillages,
      claimantOn: better && anchor && { page, reading: { words: sparse.words, anchor, page, offset: null } },
    };
  } catch {
    return null; // the first reading stands; the worker fills the fields
  }
}
