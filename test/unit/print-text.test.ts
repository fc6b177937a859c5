import { describe, expect, it } from "vitest";
import { printLanguagesFor } from "@/components/print/print-languages";
import { NOTICE_TEXT } from "@/components/notice/notice-text";
import { TITLE_TEXT } from "@/components/title/title-text";
import { nameLanguageTagOf } from "@/configs/field";
import { claimNumberOf, stateCodeOfClaimNo } from "@/configs/states";
import { COMMUNITY_RIGHTS } from "@/configs/community-rights";

/** Every piece of a text, functions called with a sample, so that none is left out of a check. */
function allStrings(text: object): string[] {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === "string") out.push(v);
    else if (typeof v === "function") out.push(String((v as (x: string) => string)("12")));
    else if (v && typeof v === "object") Object.values(v).forEach(walk);
  };
  walk(text);
  return out;
}

describe("the printed documents' text", () => {
  it("offers English and the state's language where there is a text for it", () => {
    expect(printLanguagesFor("27")).toEqual(["en", "mr"]); // Maharashtra
    expect(printLanguagesFor("22")).toEqual(["en", "hi"]); // Chhattisgarh
    expect(printLanguagesFor("11")).toEqual(["en"]); // Sikkim: no Nepali text yet
    expect(printLanguagesFor("33")).toEqual(["en"]); // Tamil Nadu: names not in Devanagari
  });

  it("has every label of the title and the rejection notice in Hindi and Marathi written in Devanagari, with the same pieces as the English", () => {
    const devanagari = /[\u0900-\u097F]/;
    for (const texts of [TITLE_TEXT, NOTICE_TEXT]) {
      for (const language of ["hi", "mr"] as const) {
        const untranslated = allStrings(texts[language]).filter((s) => !devanagari.test(s) && !/^\[?\W*$/.test(s));
        // Roman numerals of the annexures and WGS 84 are kept as the Rules print them; nothing else is English.
        expect(untranslated, language).toEqual([]);
        expect(allStrings(texts[language]).length).toBe(allStrings(texts.en).length);
      }
    }
    expect(Object.keys(TITLE_TEXT.hi.rightNames).sort()).toEqual(Object.keys(TITLE_TEXT.en.rightNames).sort());
  });

  it("names every community right the claims may hold", () => {
    for (const language of ["en", "hi", "mr"] as const) expect(Object.keys(TITLE_TEXT[language].rightNames).sort()).toEqual([...COMMUNITY_RIGHTS].sort());
  });

  it("finds a claim's state, and its names' language, from the claim number", () => {
    expect(stateCodeOfClaimNo(claimNumberOf("27", "GAD", "IFR", 2019, 123))).toBe("27");
    expect(stateCodeOfClaimNo("XX-GAD-IFR-2019-000123")).toBeUndefined();
    expect(nameLanguageTagOf(stateCodeOfClaimNo("MH-GAD-IFR-2019-000123"))).toBe("mr");
    expect(nameLanguageTagOf(stateCodeOfClaimNo("CG-BST-IFR-2019-000123"))).toBe("hi");
    expect(nameLanguageTagOf(stateCodeOfClaimNo("SK-GAN-IFR-2019-000123"))).toBe("ne");
    expect(nameLanguageTagOf(undefined)).toBeUndefined();
  });
});
