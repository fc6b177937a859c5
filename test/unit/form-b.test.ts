// Form B on the tablet: the claimant community (item 1) and the rights claimed (item 7) read by the form's
// layout, its places read past them, and no person's name read from it. The page texts are tesseract.js's
// readings of demo CR claims' Form B (seed 2006, MH-GAD-CR-2009-000022 and MH-GAD-CR-2010-000800),
// photographed and cleaned as the app does it (`npm run bench:forms-b`, forms 6 and 13).
import { describe, expect, it } from "vitest";
import { newClaimSchema } from "@/configs/contracts/claims";
import type { AreaVillage } from "@/configs/contracts/field";
import { claimFromDraft } from "@/workers/field/draft-records";
import { claimantCommunityItem, communityRightsItem } from "@/workers/field/form-b-items";
import { emptyForm, formFromEntities } from "@/workers/field/form-from-entities";
import { withGramSabhaClaimant } from "@/workers/field/gram-sabha-claimant";
import { secondLookWanted } from "@/workers/field/second-look";
import type { Draft } from "@/workers/db/field-db";

const PAGE = `FORM -B
CLAIM FORM FOR COMMUNITY RIGHTS
प्रपत्र - ख : सामुदायिक अधिकारों के लिए दावा प्रपत्र [See rule 11(1)(a) and (4)]

Claim No: MH-GAD-CR-2009-000022

1. Name of the claimant community / दावेदार समुदाय
Hedkhed Gram Sabha (Gond community)

2. Scheduled Tribe or OTFD community / अनुसूचित जनजाति या अन्य
Scheduled Tribe (Gond)

3. Village / ग्राम
Hedkhed

4. Gram Panchayat / ग्राम पंचायत
Kottola

5. Tehsil / Taluka / तहसील
Mulchera

6. District / जिला
Gadchiroli

7. Nature of community rights enjoyed / सामुदायिक अधिकारों का स्वरूप

(a) Nistar / निस्तार Yes: firewood, bamboo, house timber
(b) Minor forest produce / लघु वनोपज Nil

(c) Grazing / चराई No

(d) Fish, water bodies / मछली, जल Nil ही कि

(6) Nomadic, pastoral / घुमंतू Yes: seasonal route of herders

(f) PVTG habitat / पर्यावास Yes: habitat and habitation

(g) Biodiversity / जैव विविधता Nil

8. Extent of the area used / क्षेत्रफल
27.55 ha

9. Evidence in support / साक्ष्य
Voter identity card of the claimant; Old survey record or nistar |

Date / दिनांक: 10/03/2009 Signature / Thumb impression
`;
// OCR lost two right lines to the stamp, and garbled the first line's answer.
const STAMPED_PAGE = `FORM - 8
CLAIM FORM FOR COMMUNITY RIGHTS
प्रपत्र - ख : सामुदायिक अधिकारों के लिए दावा प्रपत्र [See rule 11(1)(a) and (4)]

Claim No: MH-GAD-CR-2010-000800

1. Name of the claimant community / दावेदार समुदाय
Todgatta Gram Sabha (Gond community)

2. Scheduled Tribe or OTFD community / अनुसूचित जनजाति या अन्य
Scheduled Tribe (Gond)

3. Village / ग्राम
Todgatta

4. Gram Panchayat / ग्राम पंचायत
Todgatta

5. Tehsil / Taluka / तहसील
Desaiganj (Wadsa)

6. District / जिला
Gadchiroli

7. Nature of community rights enjoyed / सामुदायिक अधिकारों का स्वरूप

(व) Nistar / निस्तार ................... दिए हक EE
(b) Minor forest produce / लघु वनोपज Yes: mahua, tendu leaves, honey
(0) Grazing / चराई BN BN Yes: cattle and goats
NIE ss ee
Mo 0 a हर
(f) PVTG habitat / पर्यावास ~~ Yes: habitat and habitation
(9) Biodiversity / जैव विविधता Yes: medicinal plants, seeds

8. Extent of the area used / क्षेत्रफल
41.68 ha

9. Evidence in support / साक्ष्य

Scheduled Tribe certificate; Ration card showing re ence in the

Date / दिनांक: 23/06/2010 Signature / Thumb impression
`;

const square = (x: number, y: number, d = 0.01): AreaVillage["geometry"] => ({ type: "MultiPolygon", coordinates: [[[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]]] });
const village = (id: number, name: string, nameLocal: string, gramPanchayat: string, tehsil: string): AreaVillage => ({ id, name, nameLocal, censusCode: String(540000 + id), stateCode: "27", gramPanchayat, tehsil, district: "Gadchiroli", geometry: square(80 + id / 100, 19.5) });
const VILLAGES = [village(1, "Hedkhed", "हेडखेड", "Kottola", "Mulchera"), village(2, "Todgatta", "तोडगट्टा", "Todgatta", "Desaiganj (Wadsa)")];
const item7 = (answers: Record<string, string>) =>
  `7. Nature of community rights enjoyed / सामुदायिक अधिकारों का स्वरूप\n${Object.entries(answers).map(([label, answer]) => `${label} ${answer}`).join("\n")}\n8. Extent of the area used / क्षेत्रफल\n12.00 ha`;

describe("Form B's rights claimed, read by the form's layout", () => {
  it("reads each right's line: claimed on \"Yes\", not on \"Nil\" or \"No\", in the form's order", () => {
    const item = communityRightsItem(PAGE)!;
    expect(item.claimed).toEqual(["nistar", "nomadic_pastoral_access", "pvtg_habitat"]);
    expect(item.unread).toEqual([]);
    expect(PAGE.slice(item.span.start, item.span.end)).toMatch(/^Nature of community rights enjoyed[^]*\(g\) Biodiversity \/ जैव विविधता Nil$/);
  });

  it("leaves a right whose line OCR lost, or whose answer it garbled, for the worker to decide", () => {
    const item = communityRightsItem(STAMPED_PAGE)!;
    expect(item.claimed).toEqual(["minor_forest_produce", "grazing", "pvtg_habitat", "biodiversity_and_traditional_knowledge"]);
    expect(item.unread).toEqual(["nistar", "fish_and_water_bodies", "nomadic_pastoral_access"]);
    // A garbled "Nil" (bench:forms-b's forms 9 and 14) is no use written out.
    expect(communityRightsItem(item7({ "(d) Fish, water bodies / मछली, जल": "NEw re Nfs) DE", "(e) Nomadic, pastoral / घुमंतू": "Ee Lae बह दे ei" }))!.unread)
      .toEqual(["nistar", "minor_forest_produce", "grazing", "fish_and_water_bodies", "nomadic_pastoral_access", "pvtg_habitat", "biodiversity_and_traditional_knowledge"]);
  });

  it("takes a use written without \"Yes\", Hindi answers, OCR's look-alikes and a printed word read a letter wrong", () => {
    const item = communityRightsItem(item7({
      "(a) Nistat / निस्तार": "firewood and bamboo", "(b) Minor forest produce / लघु वनोपज": "Ni1", "(c) Grazing / चराई": "हाँ", "(d) Fish, water bodies / मछली, जल": "नहीं",
      "(e) Nomadic, pastoral / घुमंतू": "N0", "(f) PVTG habitat / पर्यावास": "Yes", "(g) Biodiversity / जैव विविधता": "none",
    }))!;
    expect(item.claimed).toEqual(["nistar", "grazing", "pvtg_habitat"]);
    expect(item.unread).toEqual([]);
  });

  it("reads nothing past item 7: the evidence's \"nistar patrak\" is no right claimed, and a form without the item has none", () => {
    const nistarNil = PAGE.replace("निस्तार Yes: firewood, bamboo, house timber", "निस्तार Nil");
    expect(nistarNil).toContain("Old survey record or nistar");
    expect(communityRightsItem(nistarNil)!.claimed).toEqual(["nomadic_pastoral_access", "pvtg_habitat"]);
    expect(communityRightsItem("CLAIM FORM FOR COMMUNITY RIGHTS\n5. Village / ग्राम\nPipgaon")).toBeNull();
  });
});

describe("Form B's claimant community", () => {
  it("is the line under item 1's label, or after a colon on it; none where OCR lost it", () => {
    expect(claimantCommunityItem(PAGE)!.community).toBe("Hedkhed Gram Sabha (Gond community)");
    expect(claimantCommunityItem("1. Name of the claimant community: Kotmi Gram Sabha\n2. Scheduled Tribe")!.community).toBe("Kotmi Gram Sabha");
    expect(claimantCommunityItem("1. Name of the claimant community / दावेदार समुदाय\n\n2. Scheduled Tribe or OTFD community")!.community).toBeNull();
    expect(claimantCommunityItem("1. Name of the claimant(s) / दावेदार का नाम\nRamesh Usendi")).toBeNull();
  });
});

describe("a Form B's fields", () => {
  it("reads the model's own entities with the shipped student, past items 1 and 7, and no person's name", async () => {
    const { loadPackageModel } = await import("@/server/services/models/onnx-check");
    const { extractEntities } = await import("@/workers/ner/extract");
    const model = await loadPackageModel("models/fra-ner", "model_quantized.onnx");
    try {
      const entities = await extractEntities(PAGE, model);
      // What makes the rule needed: the model marks names in item 7 or in the evidence.
      expect(entities.some((e) => e.label === "CLAIMANT" || e.label === "RELATIVE")).toBe(true);
      const read = formFromEntities(PAGE, entities, VILLAGES);
      const values = Object.fromEntries(Object.entries(read.fields).map(([key, field]) => [key, field.value]));
      expect(values).toMatchObject({
        claimant: "", claimantLocal: "", spouse: "", relative: "", village: "Hedkhed", gramPanchayat: "Kottola", tehsil: "Mulchera", district: "Gadchiroli",
        category: "ST", tribe: "Gond", type: "CR", area: "27.55", filedOn: "2009-03-10",
      });
      expect(read.community).toBe("Hedkhed Gram Sabha (Gond community)");
      expect(read.rights).toEqual({ claimed: ["nistar", "nomadic_pastoral_access", "pvtg_habitat"], unread: [] });
      // Nothing Form B asks is missing: no second look.
      expect(secondLookWanted(read.fields)).toEqual([]);
      // The claimant is the village's Gram Sabha.
      expect(withGramSabhaClaimant(read.fields, "CR", VILLAGES[0]).claimant.value).toBe("Gram Sabha Hedkhed");
    } finally {
      await model.session.release();
    }
  });
});

describe("a community rights claim's rights, sent and checked", () => {
  const base = { id: crypto.randomUUID(), claimantName: "Gram Sabha Hedkhed", category: "ST", villageId: 1, areaClaimedHa: 2.75, filedOn: "2009-03-10" } as const;
  const problems = (claim: object) => {
    const parsed = newClaimSchema.safeParse(claim);
    return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  };

  it("needs at least one right on a CR claim, none on an individual's, each a known right once", () => {
    expect(problems({ ...base, type: "CR", rightsClaimed: ["nistar", "grazing"] })).toEqual([]);
    expect(problems({ ...base, type: "CFR", rightsClaimed: ["nistar"] })).toEqual([]);
    expect(problems({ ...base, type: "CR" })).toEqual(["rightsClaimed: a community rights claim (Form B) names at least one right it claims"]);
    expect(problems({ ...base, type: "IFR", rightsClaimed: ["grazing"] })).toEqual(["rightsClaimed: only a community's claim (Form B or Form C) claims community rights"]);
    expect(problems({ ...base, type: "CR", rightsClaimed: ["timber_felling"] })).toEqual([expect.stringMatching(/^rightsClaimed\.0: a right is one of nistar, minor_forest_produce, /)]);
    expect(problems({ ...base, type: "CR", rightsClaimed: ["nistar", "nistar"] })).toEqual(["rightsClaimed: a right is named twice"]);
  });

  it("goes from the tablet's draft with the community, and tells the worker which part is missing", () => {
    const fields = emptyForm();
    const set = (value: string) => ({ value, source: "user" as const, confidence: null, span: null });
    const draft: Draft = {
      id: base.id, createdAt: 0, updatedAt: 0, state: "editing", type: "CR", villageId: 1, parcel: null, extraction: null, server: null, message: null,
      fields: { ...fields, claimant: set("Gram Sabha Hedkhed"), category: set("ST"), area: set("2.75"), filedOn: set("10/03/2009") },
      community: " Hedkhed Gram Sabha (Gond community) ", rightsClaimed: ["nistar", "grazing"],
    };
    const sent = claimFromDraft(draft);
    expect(sent.ok && { community: sent.claim.community, rightsClaimed: sent.claim.rightsClaimed }).toEqual({ community: "Hedkhed Gram Sabha (Gond community)", rightsClaimed: ["nistar", "grazing"] });
    expect(claimFromDraft({ ...draft, rightsClaimed: [] })).toEqual({ ok: false, problems: ["Rights claimed (Form B, item 7): a community rights claim (Form B) names at least one right it claims"] });
    // An individual's claim sends no community and no rights, whatever a draft once held.
    const individual = claimFromDraft({ ...draft, type: "IFR" });
    expect(individual.ok && { community: individual.claim.community, rightsClaimed: individual.claim.rightsClaimed }).toEqual({ community: undefined, rightsClaimed: [] });
  });
});
