// What a tablet keeps of tesseract.js's files: the one WebAssembly core its engine runs, and the claimant
// name languages its area needs beyond the page's English and Hindi.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { relaxedSimd, simd } from "wasm-feature-detect";
import { describe, expect, it } from "vitest";
import { NAME_LANGUAGE_BY_STATE } from "@/configs/field";
import { isHoldLanguagesMessage, languageDataPath, ON_DEMAND_LANGUAGES, onDemandLanguageAt, onDemandLanguagesOf } from "@/workers/ocr/ocr-languages";
import { TESSERACT_CORE_FILES, tesseractCoreFile } from "@/workers/ocr/tesseract-core";

describe("the tesseract.js core a device runs", () => {
  it("is the one tesseract.js would pick itself, by the same features", async () => {
    const expected = (await relaxedSimd()) ? TESSERACT_CORE_FILES[0] : (await simd()) ? TESSERACT_CORE_FILES[1] : TESSERACT_CORE_FILES[2];
    expect(tesseractCoreFile()).toBe(expected);
  });

  it("is the relaxed-SIMD build where the engine has relaxed SIMD (Node 20 behind a flag)", () => {
    const script = `import { tesseractCoreFile } from ${JSON.stringify(path.resolve("workers/ocr/tesseract-core.ts"))}; console.log(tesseractCoreFile());`;
    const run = (flags: string[]) => execFileSync(process.execPath, [...flags, "--import", "tsx", "--input-type=module", "-e", script], { encoding: "utf8" }).trim();
    expect(run(["--experimental-wasm-relaxed-simd"])).toBe("tesseract-core-relaxedsimd-lstm.wasm.js");
    expect(run([])).toBe(tesseractCoreFile());
  });

  it("is among the files the app serves", () => {
    for (const file of TESSERACT_CORE_FILES) expect(existsSync(path.join("public/tesseract/core", file)), file).toBe(true);
  });
});

describe("the OCR languages a tablet keeps on demand", () => {
  it("are the name languages the page's own OCR (English + Hindi) does not load", () => {
    expect([...ON_DEMAND_LANGUAGES].sort()).toEqual(["mar", "nep"]);
    expect(new Set(Object.values(NAME_LANGUAGE_BY_STATE))).toEqual(new Set(["hin", ...ON_DEMAND_LANGUAGES]));
  });

  it("are chosen by the states of the area's villages", () => {
    expect(onDemandLanguagesOf(["27", "27"])).toEqual(["mar"]); // Maharashtra
    expect(onDemandLanguagesOf(["30"])).toEqual(["mar"]); // Goa
    expect(onDemandLanguagesOf(["11", "27"])).toEqual(["mar", "nep"]); // Sikkim and Maharashtra
    expect(onDemandLanguagesOf(["22", "21"])).toEqual([]); // Chhattisgarh reads in Hindi; Odisha has no Devanagari name
    expect(onDemandLanguagesOf([])).toEqual([]);
  });

  it("are found by the paths tesseract.js asks for, and no other", () => {
    expect(onDemandLanguageAt(languageDataPath("nep"))).toBe("nep");
    expect(onDemandLanguageAt(languageDataPath("hin"))).toBeNull();
    expect(onDemandLanguageAt("/tesseract/lang/mar.traineddata.gz?x=1")).toBeNull();
    expect(onDemandLanguageAt("/tesseract/lang/../lang/mar.traineddata.gz")).toBeNull();
  });

  it("are asked for by a message the service worker checks before acting on it", () => {
    expect(isHoldLanguagesMessage({ type: "fra-ocr-languages", languages: ["mar"], fetch: true })).toBe(true);
    expect(isHoldLanguagesMessage({ type: "fra-ocr-languages", languages: ["hin"], fetch: true })).toBe(false); // precached, never fetched on demand
    expect(isHoldLanguagesMessage({ type: "fra-ocr-languages", languages: ["../../api/x"], fetch: true })).toBe(false);
    expect(isHoldLanguagesMessage({ type: "fra-ocr-languages", languages: "mar", fetch: true })).toBe(false);
    expect(isHoldLanguagesMessage({ type: "something-else", languages: ["mar"] })).toBe(false);
    expect(isHoldLanguagesMessage(null)).toBe(false);
  });
});
