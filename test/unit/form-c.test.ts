// Form C on the tablet: its bordering villages read by the form's layout, its places read past them, and
// its claimant, the village's Gram Sabha. The page text is tesseract.js's reading of a demo CFR claim's
// Form C (seed 2006, MH-GAD-CFR-2008-000428), photographed and cleaned as the app does it.
import { describe, expect, it } from "vitest";
import type { AreaVillage, FormField } from "@/configs/contracts/field";
import { borderingVillagesItem } from "@/workers/field/bordering-villages-item";
import { emptyForm, formFromEntities } from "@/workers/field/form-from-entities";
import { withGramSabhaClaimant } from "@/workers/field/gram-sabha-claimant";
import { secondLookWanted } from "@/workers/field/second-look";
import type { ExtractedEntity } from "@/workers/ner/decode";

const PAGE = `FORM -C
CLAIM FORM FOR RIGHTS TO COMMUNITY FOREST RESOURCE
प्रपत्र - ग : सामुदायिक वन संसाधन के अधिकार हेतु दावा प्रपत्र [56€ rule 11(4)]

Claim No: MH-GAD-CFR-2008-000428
1. Village / Gram Sabha / ग्राम / ग्राम सभा
Berkhed

2. Gram Panchayat / ग्राम पंचायत
Palpada

3. Tehsil / Taluka / तहसील
Gadchiroli

4, District / जिला
Gadchiroli

5. Members of the Gram Sabha: Scheduled Tribe or OTFD / सदस्य
Scheduled Tribe (Gond), list attached

6. Khasra / Compartment No. / खसरा / कक्ष क्रमांक
Compt. 567

7. Bordering villages / सीमावर्ती ग्राम
Ammal, Bhagpalli, Bhagtola, Gatpalli, Kaspur, Korkheda, Mendpur,
Palgatta Khurd, Wadmal

8. Extent of the community forest resource / क्षेत्रफल

1206.80 ha

9. Evidence in support / साक्ष्य
Gram Sabha resolution; elders' statement

Date / दिनांक: 24/02/2008 Signature / Thumb impression
`;
const LISTED = ["Ammal", "Bhagpalli", "Bhagtola", "Gatpalli", "Kaspur", "Korkheda", "Mendpur", "Palgatta Khurd", "Wadmal"];

const square = (x: number, y: number, d = 0.01): AreaVillage["geometry"] => ({ type: "MultiPolygon", coordinates: [[[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]]] });
const village = (id: number, name: string, nameLocal: string): AreaVillage => ({ id, name, nameLocal, censusCode: String(540000 + id), stateCode: "27", gramPanchayat: "Palpada", tehsil: "Gadchiroli", district: "Gadchiroli", geometry: square(80 + id / 100, 19.5) });
const VILLAGES = [village(1, "Berkhed", "बेरखेड"), village(2, "Kotmi", "कोटमी"), village(3, "Bhagtola", "भागटोला")];

describe("Form C's bordering villages, read by the form's layout", () => {
  it("takes the item's answer over the lines its list runs on to, and stops at the next item", () => {
    const item = borderingVillagesItem(PAGE)!;
    expect(item.names).toEqual(LISTED);
    expect(PAGE.slice(item.span.start, item.span.end)).toMatch(/^Bordering villages \/ सीमावर्ती ग्राम\nAmmal.*\nPalgatta Khurd, Wadmal$/);
  });

  it("reads an answer on the label's own line, and stops after a line that does not end the list with a comma", () => {
    expect(borderingVillagesItem("7. Bordering villages: Kotmi, Gatta\n8. Extent of the community forest resource\n12 ha")!.names).toEqual(["Kotmi", "Gatta"]);
    expect(borderingVillagesItem("सीमावर्ती ग्राम\nKotmi, Gatta\nGram Sabha resolution; elders' statement")!.names).toEqual(["Kotmi", "Gatta"]);
    // Typed in capitals throughout, and in Devanagari.
    expect(borderingVillagesItem("7. Bordering villages / सीमावर्ती ग्राम\nKOTMI, GATTA,\nPIPLI TOLA\n8. Extent")!.names).toEqual(["KOTMI", "GATTA", "PIPLI TOLA"]);
    expect(borderingVillagesItem("7. सीमावर्ती ग्राम\nकोटमी, गट्टा\n8. क्षेत्रफल")!.names).toEqual(["कोटमी", "गट्टा"]);
  });

  it("passes over OCR's debris around the list, and goes on past a line whose end OCR lost (bench:forms-c's forms 17 and 18)", () => {
    const sparse = "6. Khasra / Compartment No. / खसरा / कक्ष क्रमांक\nSot\nCompt. 493, Compt. 632\na\n7. Bordering villages / सीमावर्ती ग्राम\ndahl!\nAmwadi, Borgaon, Korsur, Lekhkhed, Palgaon Buzurg\na abi\n8. Extent of the community forest resource / क्षेत्रफल\n774.70 ha";
    expect(borderingVillagesItem(sparse)!.names).toEqual(["Amwadi", "Borgaon", "Korsur", "Lekhkhed", "Palgaon Buzurg"]);
    const lostEnd = "~N\n. Bordering villages / सीमावर्ती ग्राम\nAmpada, Berpur, Chikpur, Lekhkheda, Ma\nMolsur, Saggatta\n00\n. Extent of the community forest resource / क्षेत्रफल\n1219.00 ha";
    expect(borderingVillagesItem(lostEnd)!.names).toEqual(["Ampada", "Berpur", "Chikpur", "Lekhkheda", "Molsur", "Saggatta"]);
  });

  it("finds no names where OCR lost the answer, and no item on a form without one", () => {
    expect(borderingVillagesItem("7. Bordering villages / सीमावर्ती ग्राम\n\n8. Extent of the community forest resource\n12 ha")!.names).toEqual([]);
    expect(borderingVillagesItem("5. Village / ग्राम\nPipgaon\n12. Survey / Khasra No.\n212/3")).toBeNull();
  });

  it("writes a name OCR misread a letter of as the area's village it is, and keeps any other as read, without OCR's specks", () => {
    const item = borderingVillagesItem("7. Bordering villages\nKotrni, Bhagto1a _, Hedri Tola, ~N\n", VILLAGES)!;
    expect(item.names).toEqual(["Kotmi", "Bhagtola", "Hedri Tola"]);
    // By the Devanagari spelling too, and a repeat once.
    expect(borderingVillagesItem("सीमावर्ती ग्राम: कोटमी, Kotmi", VILLAGES)!.names).toEqual(["Kotmi"]);
  });
});

describe("a Form C's fields", () => {
  // What the model (trained on Form A's items) marks on this page: the bordering villages as villages,
  // Gram Panchayats and a tehsil, surer than the claim's own village; "Sabha" of item 1's label as a village.
  const at = (s: string, label: ExtractedEntity["label"], score: number, from = 0): ExtractedEntity => {
    const start = PAGE.indexOf(s, from);
    return { label, start, end: start + s.length, text: s, score };
  };
  const listAt = PAGE.indexOf("Ammal");
  const ENTITIES = [
    at("Sabha", "VILLAGE", 0.93), at("Berkhed", "VILLAGE", 0.97), at("Palpada", "GRAM_PANCHAYAT", 0.98), at("Gadchiroli", "TEHSIL", 0.96), at("Gadchiroli", "DISTRICT", 0.99, PAGE.indexOf("4,")),
    at("Scheduled Tribe", "CATEGORY", 0.99), at("567", "KHASRA", 0.97), at("Bordering", "VILLAGE", 0.6),
    at("Ammal", "VILLAGE", 0.99, listAt), at("Bhagpalli", "VILLAGE", 0.99, listAt), at("Bhagtola", "GRAM_PANCHAYAT", 0.99, listAt), at("Korkheda", "TEHSIL", 0.98, listAt),
    at("community forest resource", "CLAIM_TYPE", 0.99), at("1206.80 ha", "AREA", 0.99), at("24/02/2008", "DATE", 0.99),
  ];

  it("takes the claim's places from their items, not from the bordering villages or the labels' words", () => {
    const read = formFromEntities(PAGE, ENTITIES, VILLAGES);
    expect(read.fields.village.value).toBe("Berkhed");
    expect(read.fields.gramPanchayat.value).toBe("Palpada");
    expect(read.fields.tehsil.value).toBe("Gadchiroli");
    expect(read.type).toBe("CFR");
    expect(read.borderingVillages).toEqual(LISTED);
    // A compartment stays one: the model marked its number alone.
    expect(read.fields.khasra.value).toBe("Compt. 567");
    // Form A has no such item.
    expect(formFromEntities("5. Village / ग्राम\nPipgaon", []).borderingVillages).toBeNull();
  });

  it("reads the model's own entities on the page with the shipped student, past the bordering villages", async () => {
    const { loadPackageModel } = await import("@/server/services/models/onnx-check");
    const { extractEntities } = await import("@/workers/ner/extract");
    const model = await loadPackageModel("models/fra-ner", "model_quantized.onnx");
    try {
      const read = formFromEntities(PAGE, await extractEntities(PAGE, model), VILLAGES);
      expect({ village: read.fields.village.value, gramPanchayat: read.fields.gramPanchayat.value, tehsil: read.fields.tehsil.value, district: read.fields.district.value, type: read.type })
        .toEqual({ village: "Berkhed", gramPanchayat: "Palpada", tehsil: "Gadchiroli", district: "Gadchiroli", type: "CFR" });
      expect(read.borderingVillages).toEqual(LISTED);
      // No second look for a person's name that Form C does not ask.
      expect(secondLookWanted(read.fields)).toEqual([]);
    } finally {
      await model.session.release();
    }
  });

  it("names the village's Gram Sabha as the claimant, following the village chosen, never over a name read or typed", () => {
    const [berkhed, kotmi] = VILLAGES;
    const filled = withGramSabhaClaimant(emptyForm(), "CFR", berkhed);
    expect([filled.claimant, filled.claimantLocal]).toEqual([
      { value: "Gram Sabha Berkhed", source: "record", confidence: null, span: null },
      { value: "ग्रामसभा बेरखेड", source: "record", confidence: null, span: null },
    ]);
    expect(withGramSabhaClaimant(filled, "CFR", kotmi).claimant.value).toBe("Gram Sabha Kotmi");
    const typed: FormField = { value: "Berkhed Gram Sabha (Gond community)", source: "user", confidence: null, span: null };
    expect(withGramSabhaClaimant({ ...filled, claimant: typed }, "CFR", kotmi).claimant).toBe(typed);
    const read: FormField = { value: "Sukhmati Kowase", source: "model", confidence: 0.99, span: { start: 0, end: 15 } };
    expect(withGramSabhaClaimant({ ...emptyForm(), claimant: read }, "CFR", kotmi).claimant).toBe(read);
    // Another type of claim, or no village yet: nothing filled; and a claim that turns out to be another
    // type loses the Gram Sabha, not a name read.
    expect(withGramSabhaClaimant(emptyForm(), "IFR", berkhed)).toEqual(emptyForm());
    expect(withGramSabhaClaimant(emptyForm(), "CFR", undefined)).toEqual(emptyForm());
    expect(withGramSabhaClaimant(filled, "IFR", berkhed)).toEqual(emptyForm());
    expect(withGramSabhaClaimant({ ...emptyForm(), claimant: read }, "CR", kotmi).claimant).toBe(read);
  });
});
