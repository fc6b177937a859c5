import { describe, expect, it } from "vitest";
import type { AreaVillage } from "@/configs/contracts/field";
import type { Draft } from "@/workers/db/field-db";
import { claimFromDraft, correctionFromDraft, locate } from "@/workers/field/draft-records";
import { editedField, pickedField } from "@/workers/field/edit-field";
import { categoryFromFormLabel, categoryOf, claimTypeOf, emptyForm, formFromEntities, joinSplitNames, khasraAnswer, withoutStrayMarks, withWholeNameLine, matchVillages, villageOnRecord, parseAreaHa, parseDate, relativeRole, claimantEntityRole, isPrintedLabel } from "@/workers/field/form-from-entities";
import { joinPages, pageOfSpan, spanOnPage } from "@/workers/field/pages-text";
import type { OcrWord } from "@/workers/db/field-db";
import { cleanLocalName, holdsLocalName, nameAnchor, nameBracket, nameFromBracketLine, rereadLocalName, withoutLoneLetters, withRereadLocalName, type NameAnchor } from "@/workers/field/devanagari-line";
import { secondLookWanted, withSecondLook } from "@/workers/field/second-look";
import { nameLanguageOfClaim, recordMismatches, withPlaceSpellingsOnRecord, type PlaceOnRecord } from "@/workers/field/village-record";
import { nameLanguageOf } from "@/configs/field";
import { DATE_REREAD_ENLARGEMENTS, impossibleDate, localToday, rereadImpossibleDate, withImpossibleDateFlagged } from "@/workers/field/date-reread";
import { bareNumber, fieldUnsureNumbers, rereadUnsureNumbers, unsureNumbers, wordRegion, type WordReading } from "@/workers/field/unsure-numbers";
import type { ExtractedEntity } from "@/workers/ner/decode";

const square = (x: number, y: number, d = 0.01): AreaVillage["geometry"] => ({ type: "MultiPolygon", coordinates: [[[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]]] });
const village = (id: number, name: string, nameLocal: string, gramPanchayat: string): AreaVillage => ({ id, name, nameLocal, censusCode: String(540000 + id), stateCode: "27", gramPanchayat, tehsil: "Etapalli", district: "Gadchiroli", geometry: square(80 + id / 100, 19.5) });
const VILLAGES = [village(1, "Pipgaon", "पिपगाव", "Gatta"), village(2, "Kotmi", "कोटमी", "Kotmi"), village(3, "Pipli", "पिपली", "Hedri"), village(4, "Gatta", "गट्टा", "Gatta")];

// OCR text of a stacked Form A, with the entities a model would return on it.
const TEXT = "1. Name of the claimant(s) / दावेदार का नाम\nPhulmati Usendi (फुलमती उसेंडी)\n2. Name of the spouse / पति/पत्नी का नाम\nRamesh Usendi\n3. Name of father / mother / पिता/माता का नाम\nMaroti Usendi\n5. Village / ग्राम\nPipgaon\n6. Gram Panchayat\nGatta\n9. Scheduled Tribe or OTFD\nScheduled Tribe (Madia Gond)\n11. Extent of land\n1.25 ha\n12. Survey / Khasra No.\n212/3, 214\nDate: 14/03/2009";
const at = (s: string, label: ExtractedEntity["label"], score = 0.95, from = 0): ExtractedEntity => {
  const start = TEXT.indexOf(s, from);
  if (start < 0) throw new Error(`${s} not in text`);
  return { label, start, end: start + s.length, text: s, score };
};
const ENTITIES: ExtractedEntity[] = [
  at("Phulmati Usendi", "CLAIMANT"), at("फुलमती उसेंडी", "CLAIMANT", 0.9), at("Ramesh Usendi", "RELATIVE"), at("Maroti Usendi", "RELATIVE", 0.7),
  at("Pipgaon", "VILLAGE"), at("Gatta", "GRAM_PANCHAYAT", 0.99, TEXT.indexOf("Gram Panchayat")), at("Scheduled Tribe", "CATEGORY", 0.9, TEXT.indexOf("OTFD")),
  at("1.25 ha", "AREA"), at("212/3", "KHASRA"), at("214", "KHASRA", 0.85, TEXT.indexOf("212/3")), at("14/03/2009", "DATE"),
];

function draftFrom(entities = ENTITIES): Draft {
  const read = formFromEntities(TEXT, entities);
  return {
    id: "0b8a3f5e-6c1d-4d7e-9a0b-1c2d3e4f5a6b", createdAt: 0, updatedAt: 0, state: "editing", type: read.type ?? "IFR", fields: read.fields, villageId: villageOnRecord(read.fields, VILLAGES), parcel: null,
    extraction: { text: TEXT, pageOffsets: [{ pageId: "p1", start: 0, end: TEXT.length }], entities, modelVersion: 3, backend: "wasm", ms: 12, at: 0 },
    server: null, message: null,
  };
}

describe("reading values from extracted text", () => {
  it("reads areas in hectares and acres, with Devanagari digits", () => {
    expect(parseAreaHa("1.25 ha")).toBe(1.25);
    expect(parseAreaHa("2,5 hectares")).toBe(2.5);
    expect(parseAreaHa("3 acres")).toBeCloseTo(1.2141, 4);
    expect(parseAreaHa("१.५ हेक्टेयर")).toBe(1.5);
    expect(parseAreaHa("two hectares")).toBeNull();
  });

  it("reads dates day first, with month names in English and Hindi, and refuses impossible ones", () => {
    expect(parseDate("14/03/2009")).toBe("2009-03-14");
    expect(parseDate("4-3-09")).toBe("2009-03-04");
    expect(parseDate("14 March 2009")).toBe("2009-03-14");
    expect(parseDate("१४ मार्च २००९")).toBe("2009-03-14");
    expect(parseDate("2009-03-14")).toBe("2009-03-14");
    expect(parseDate("31/04/2009")).toBeNull();
    expect(parseDate("sometime in 2009")).toBeNull();
  });

  it("tells claim types and ST from OTFD in either language", () => {
    expect(claimTypeOf("Individual Forest Right")).toBe("IFR");
    expect(claimTypeOf("FORM - A")).toBe("IFR");
    expect(claimTypeOf("सामुदायिक वन संसाधन")).toBe("CFR");
    expect(claimTypeOf("Community Rights")).toBe("CR");
    expect(categoryOf("Scheduled Tribe")).toBe("ST");
    expect(categoryOf("अन्य परंपरागत वन निवासी")).toBe("OTFD");
    expect(categoryOf("S.T.")).toBe("ST");
  });

  it("tells a spouse from a parent by the words printed before the name", () => {
    expect(relativeRole(TEXT, TEXT.indexOf("Ramesh"))).toBe("spouse");
    expect(relativeRole(TEXT, TEXT.indexOf("Maroti"))).toBe("relative");
    const narrative = "I, Sukhram Kowase, s/o Dasru Kowase, resident of Kotmi";
    expect(relativeRole(narrative, narrative.indexOf("Dasru"))).toBe("relative");
    // Item 10 lists the family, spouse included: none of them is the spouse or the parent of item 2 or 3.
    const family = `${TEXT}\n10. Family members with age / परिवार के सदस्य\nRamesh Usendi (41), Somaji Usendi (12), Raju Usendi (8)`;
    for (const name of ["Ramesh Usendi (41)", "Somaji", "Raju"]) expect(relativeRole(family, family.indexOf(name, family.indexOf("10. Family")))).toBe("family");
    const listed = [...ENTITIES, { label: "RELATIVE" as const, start: family.indexOf("Somaji"), end: family.indexOf("Somaji") + 13, text: "Somaji Usendi", score: 0.99 }];
    expect(formFromEntities(family, listed).fields.relative.value).toBe("Maroti Usendi");
    // A name under no relative's label fills the field only when nothing better does.
    const claimantsOwn = { ...at("उसेंडी", "RELATIVE", 0.99, TEXT.indexOf("(")) };
    expect(relativeRole(TEXT, claimantsOwn.start)).toBe("uncued");
    expect(formFromEntities(TEXT, [...ENTITIES, claimantsOwn]).fields.relative.value).toBe("Maroti Usendi");
    expect(formFromEntities(TEXT, [...ENTITIES.filter((e) => e.text !== "Maroti Usendi"), claimantsOwn]).fields.relative.value).toBe("उसेंडी");
    // A mark with no letter in it is no name, however sure the model was.
    const mark = { label: "RELATIVE" as const, start: TEXT.indexOf("Ramesh") - 1, end: TEXT.indexOf("Ramesh"), text: "\n", score: 0.999 };
    expect(formFromEntities(TEXT, [...ENTITIES, mark]).fields.spouse.value).toBe("Ramesh Usendi");
  });
});

describe("the form from the model's entities", () => {
  it("drops a stray Devanagari word run into a place written in Latin letters, and shortens its span", () => {
    const text = "8. District / जिला\nGadchiroli हर\n";
    const district: ExtractedEntity = { label: "DISTRICT", start: text.indexOf("Gadchiroli"), end: text.indexOf("हर") + 2, text: "Gadchiroli हर", score: 0.9 };
    const read = formFromEntities(text, [district]).fields.district;
    expect(read).toMatchObject({ value: "Gadchiroli", span: { start: district.start, end: district.start + "Gadchiroli".length } });
    // A place written in Devanagari alone stays whole.
    const local: ExtractedEntity = { ...district, text: "गडचिरोली जिला" };
    expect(formFromEntities(text, [local]).fields.district.value).toBe("गडचिरोली जिला");
  });

  it("fills each field with its value, confidence and span, and matches the village", () => {
    const draft = draftFrom();
    const f = draft.fields;
    expect([f.claimant.value, f.claimantLocal.value, f.spouse.value, f.relative.value]).toEqual(["Phulmati Usendi", "फुलमती उसेंडी", "Ramesh Usendi", "Maroti Usendi"]);
    expect([f.area.value, f.filedOn.value, f.category.value, f.khasra.value, f.tribe.value]).toEqual(["1.25", "2009-03-14", "ST", "212/3, 214", "Madia Gond"]);
    expect(f.relative.confidence).toBe(0.7);
    expect(TEXT.slice(f.village.span!.start, f.village.span!.end)).toBe("Pipgaon");
    expect(draft.villageId).toBe(1);
    expect(f.type.source).toBe("empty");
  });

  it("reads ST/OTFD after the printed label of item 9 when the model marks nothing there, as a field to check", () => {
    const withoutCategory = ENTITIES.filter((e) => e.label !== "CATEGORY");
    const f = formFromEntities(TEXT, withoutCategory).fields;
    expect([f.category.value, f.category.source, f.category.confidence]).toEqual(["ST", "form", null]);
    expect(TEXT.slice(f.category.span!.start, f.category.span!.end)).toBe("Scheduled Tribe");
    expect([f.tribe.value, f.tribe.source]).toEqual(["Madia Gond", "form"]);
    expect(TEXT.slice(f.tribe.span!.start, f.tribe.span!.end)).toBe("Madia Gond");
    // The model's own reading, where it has one, is kept.
    expect(formFromEntities(TEXT, ENTITIES).fields.category.source).toBe("model");
  });

  it("takes the Devanagari name in brackets after the claimant's name where the model missed it or read part of it", () => {
    const bracketed = (f: ReturnType<typeof formFromEntities>["fields"]) => [f.claimantLocal.value, f.claimantLocal.source, TEXT.slice(f.claimantLocal.span!.start, f.claimantLocal.span!.end)];
    const latinOnly = ENTITIES.filter((e) => e.text !== "फुलमती उसेंडी");
    expect(bracketed(formFromEntities(TEXT, latinOnly).fields)).toEqual(["फुलमती उसेंडी", "form", "फुलमती उसेंडी"]);
    const partial = [...latinOnly, at("उसेंडी", "CLAIMANT", 0.9)];
    expect(bracketed(formFromEntities(TEXT, partial).fields)).toEqual(["फुलमती उसेंडी", "form", "फुलमती उसेंडी"]);
    // The model's whole reading stays; a bracket that is not all Devanagari is not a name.
    expect(formFromEntities(TEXT, ENTITIES).fields.claimantLocal.source).toBe("model");
    const garbled = TEXT.replace("(फुलमती उसेंडी)", "(फुलमती Rem)");
    expect(formFromEntities(garbled, latinOnly).fields.claimantLocal.source).toBe("empty");
  });

  it("finds item 9's answer on the label's line or the next, bilingual or garbled, and nothing without the label", () => {
    const sameLine = "9. Scheduled Tribe or OTFD / अनुसूचित जनजाति या अन्य: Other Traditional Forest Dweller\n10. Family";
    const read = categoryFromFormLabel(sameLine)!;
    expect([read.category, sameLine.slice(read.span.start, read.span.end), read.tribe]).toEqual(["OTFD", "Other Traditional Forest Dweller", null]);
    expect(categoryFromFormLabel("9. Scheduled Tribe or OTED /\n  Scheduled Tribe ( Gond )")).toMatchObject({ category: "ST", tribe: { value: "Gond" } });
    expect(categoryFromFormLabel("९. अनुसूचित जनजाति या अन्य: अनुसूचित जनजाति (गोंड)")).toMatchObject({ category: "ST", tribe: { value: "गोंड" } });
    expect(categoryFromFormLabel("Name: Scheduled Tribe certificate attached")).toBeNull();
    expect(categoryFromFormLabel("9. Scheduled Tribe or OTFD:\n")).toBeNull();
    // A blank line between label and answer, as a sparse reading gives it; never the next item, never two blank lines down.
    expect(categoryFromFormLabel("9. Scheduled Tribe or OTFD / अनुसूचित जनजाति या अन्य\n\nScheduled Tribe (Gond)\n")).toMatchObject({ category: "ST", tribe: { value: "Gond" } });
    expect(categoryFromFormLabel("9. Scheduled Tribe or OTFD / अनुसूचित जनजाति या अन्य\n\n10. Other traditional dwellers' families / अन्य\n")).toBeNull();
    expect(categoryFromFormLabel("9. Scheduled Tribe or OTFD\n\n\n\nScheduled Tribe (Gond)")).toBeNull();
  });

  it("joins a name the model cut in two, and never takes a name of the family list for the claimant", () => {
    const lines = "3. Name of father / mother\nMangru Jumnake\n10. Family members with age\nSitabai Kanake (34), Janaba\n";
    const e = (s: string, label: ExtractedEntity["label"], score: number): ExtractedEntity => ({ label, start: lines.indexOf(s), end: lines.indexOf(s) + s.length, text: s, score });
    const split = [e("Mangru", "RELATIVE", 0.79), e("Jumnake", "CLAIMANT", 0.52)];
    expect(joinSplitNames(lines, split)).toEqual([{ label: "RELATIVE", start: lines.indexOf("Mangru"), end: lines.indexOf("Jumnake") + 7, text: "Mangru Jumnake", score: 0.52 }]);
    // Names of one label, names further apart or on two lines, and other entities stay as they are.
    const apart = "Mangru, Jumnake";
    expect(joinSplitNames(apart, [{ ...split[0]!, start: 0, end: 6 }, { ...split[1]!, start: 8, end: 15 }])).toHaveLength(2);
    expect(joinSplitNames(lines, [split[0]!, { ...split[1]!, label: "RELATIVE" }])).toHaveLength(2);
    expect(joinSplitNames(lines, [split[0]!, { ...split[1]!, label: "VILLAGE" }])).toHaveLength(2);
    const form = formFromEntities(lines, [...split, e("Janaba", "CLAIMANT", 0.85)]).fields;
    expect([form.relative.value, form.relative.confidence, form.claimant.source]).toEqual(["Mangru Jumnake", 0.52, "empty"]);
  });

  it("keeps a twin village's last word, Khurd or Budruk, with its name", () => {
    const lines = "5. Village / ग्राम\nNerkhed Buzurg\n6. Gram Panchayat\nMolwadi Khurd, Post Kotmi\n7. Tehsil\nEtapalli Khurdine";
    const e = (s: string, label: ExtractedEntity["label"]): ExtractedEntity => ({ label, start: lines.indexOf(s), end: lines.indexOf(s) + s.length, text: s, score: 0.9 });
    const f = formFromEntities(lines, [e("Nerkhed", "VILLAGE"), e("Molwadi", "GRAM_PANCHAYAT"), e("Etapalli", "TEHSIL")]).fields;
    expect([f.village.value, f.gramPanchayat.value, f.tehsil.value]).toEqual(["Nerkhed Buzurg", "Molwadi Khurd", "Etapalli"]);
    expect(lines.slice(f.village.span!.start, f.village.span!.end)).toBe("Nerkhed Buzurg");
    // Only as a word of its own, on the same line.
    const apart = "Village\nNerkhed\nKhurdapur";
    expect(formFromEntities(apart, [{ label: "VILLAGE", start: 8, end: 15, text: "Nerkhed", score: 0.9 }]).fields.village.value).toBe("Nerkhed");
  });

  it("keeps the hyphenated parts of a place's name with the part the model marked", () => {
    // Goa's villages, as the Census writes them (Portuguese spellings of Budruk and Khurd among them).
    const lines = "5. Village / ग्राम\nIvrem-Buzruco\n6. Gram Panchayat\nMorambi-O-Pequeno (Merces)\n7. Tehsil\nSatari";
    const e = (s: string, label: ExtractedEntity["label"], score = 0.9): ExtractedEntity => ({ label, start: lines.indexOf(s), end: lines.indexOf(s) + s.length, text: s, score });
    const first = formFromEntities(lines, [e("Ivrem", "VILLAGE"), e("Morambi-O", "GRAM_PANCHAYAT")]).fields;
    expect([first.village.value, first.gramPanchayat.value]).toEqual(["Ivrem-Buzruco", "Morambi-O-Pequeno"]);
    expect(lines.slice(first.village.span!.start, first.village.span!.end)).toBe("Ivrem-Buzruco");
    // The model's surer half, whichever it is, takes the other with it.
    expect(formFromEntities(lines, [e("Ivrem", "VILLAGE", 0.5), e("Buzruco", "VILLAGE", 0.7)]).fields.village.value).toBe("Ivrem-Buzruco");
    // Only parts joined with no space: a dash between words, or a line's end, ends the name.
    const apart = "Village\nIvrem - Sattari\nBuzruco";
    expect(formFromEntities(apart, [{ label: "VILLAGE", start: 8, end: 13, text: "Ivrem", score: 0.9 }]).fields.village.value).toBe("Ivrem");
  });

  it("makes a place name whole from its line where the area's record has that whole name", () => {
    // Sikkim's forest villages, as the Census names them; the model marks one or two of their words.
    const sikkim = [{ ...village(5, "Namchi Forest Block", "", "Namchi Forest Block"), tehsil: "Namchi", district: "South Sikkim" }, { ...village(6, "Suntaley (Sumbuk)", "", "Sumbuk"), tehsil: "Namchi", district: "South Sikkim" }];
    const lines = "5. Village / ग्राम\nNamchi Forest Block\n6. Gram Panchayat\nNamchi Forest Block\n7. Tehsil\nNamchi";
    const e = (s: string, label: ExtractedEntity["label"], from = 0): ExtractedEntity => ({ label, start: lines.indexOf(s, from), end: lines.indexOf(s, from) + s.length, text: s, score: 0.9 });
    const gpAt = lines.indexOf("Panchayat");
    const f = formFromEntities(lines, [e("Forest", "VILLAGE"), e("Namchi Forest", "GRAM_PANCHAYAT", gpAt), e("Namchi", "TEHSIL", lines.indexOf("Tehsil"))], sikkim).fields;
    expect([f.village.value, f.gramPanchayat.value, f.tehsil.value]).toEqual(["Namchi Forest Block", "Namchi Forest Block", "Namchi"]);
    expect(lines.slice(f.village.span!.start, f.village.span!.end)).toBe("Namchi Forest Block");
    const bracket = "Village: Suntaley (Sumbuk), GP Sumbuk";
    const suntaley: ExtractedEntity = { label: "VILLAGE", start: 9, end: 17, text: "Suntaley", score: 0.9 };
    expect(formFromEntities(bracket, [suntaley], sikkim).fields.village.value).toBe("Suntaley (Sumbuk)");
    // Only what the page reads: another line, another word or a name not on record leaves the reading as it is.
    expect(formFromEntities(lines, [e("Forest", "VILLAGE")]).fields.village.value).toBe("Forest");
    const broken = "Village\nNamchi Forest\nBlock 4";
    expect(formFromEntities(broken, [{ label: "VILLAGE", start: 8, end: 14, text: "Namchi", score: 0.9 }], sikkim).fields.village.value).toBe("Namchi");
    const longer = "Village: Namchi Forest Blocks";
    expect(formFromEntities(longer, [{ label: "VILLAGE", start: 9, end: 15, text: "Namchi", score: 0.9 }], sikkim).fields.village.value).toBe("Namchi");
    // A part that is not a whole word of the record's name is not that name.
    const inWord = "Village: Namchi Forest Block";
    expect(formFromEntities(inWord, [{ label: "VILLAGE", start: 10, end: 15, text: "amchi", score: 0.9 }], sikkim).fields.village.value).toBe("amchi");
  });

  it("never takes the next item's number for an answer whose line OCR lost", () => {
    // Item 12's answer line is gone; the model marks "13" of "13. Evidence in support" as the khasra number.
    const lostLine = "12. Survey / Khasra No. / खसरा क्रमांक\n\n13. Evidence in support\nVoter ID";
    const thirteen: ExtractedEntity = { label: "KHASRA", start: lostLine.indexOf("13."), end: lostLine.indexOf("13.") + 2, text: "13", score: 0.6 };
    expect(formFromEntities(lostLine, [thirteen]).fields.khasra.source).toBe("empty");
    expect(formFromEntities(lostLine, [{ ...thirteen, end: thirteen.end + 1, text: "13." }]).fields.khasra.source).toBe("empty");
    // A number alone on its line is an answer ("13" as a khasra number), and so is one inside a line.
    const answer = "12. Survey / Khasra No.\n13\n13. Evidence";
    expect(formFromEntities(answer, [{ ...thirteen, start: answer.indexOf("\n13\n") + 1, end: answer.indexOf("\n13\n") + 3 }]).fields.khasra.value).toBe("13");
    const inline = "Survey No. 13. Dated 12/03/2009";
    expect(formFromEntities(inline, [{ ...thirteen, start: inline.indexOf("13"), end: inline.indexOf("13") + 2 }]).fields.khasra.value).toBe("13");
  });

  it("widens a one-word name to the other word on its line", () => {
    // bench:forms --forms 48, forms 27 and 44: "Uikey" of "Kisan Uikey", "Sukhdev" of "Sukhdev Parse".
    const page = "3. Name of father / mother\nKisan Uikey\n2. Name of the spouse\nSukhdev Parse\nShri Tekam\nsaid Ramesh\nRamu Kanake Tekam";
    const person = (s: string, label: ExtractedEntity["label"] = "RELATIVE"): ExtractedEntity => ({ label, start: page.indexOf(s), end: page.indexOf(s) + s.length, text: s, score: 0.8 });
    expect(withWholeNameLine(page, person("Uikey"), [])).toMatchObject({ text: "Kisan Uikey", start: page.indexOf("Kisan"), end: page.indexOf("Kisan") + 11 });
    expect(withWholeNameLine(page, person("Sukhdev"), []).text).toBe("Sukhdev Parse");
    expect(formFromEntities(page, [person("Uikey")]).fields.relative.value).toBe("Kisan Uikey");
    // Not an honorific, a lowercase word, a third word, a place, or a word another entity holds.
    expect(withWholeNameLine(page, person("Tekam"), []).text).toBe("Tekam");
    expect(withWholeNameLine(page, person("Ramesh"), []).text).toBe("Ramesh");
    expect(withWholeNameLine(page, person("Kanake"), []).text).toBe("Kanake");
    expect(withWholeNameLine(page, { ...person("Uikey"), label: "VILLAGE" }, []).text).toBe("Uikey");
    expect(withWholeNameLine(page, person("Uikey"), [person("Kisan", "CLAIMANT")]).text).toBe("Uikey");
    // bench:forms --seed 2008, form 5: the surname called a tehsil, less surely than the first name a
    // relative; the name takes it in, and it is no tehsil any more.
    const tehsil = { ...person("Uikey"), label: "TEHSIL" as const, score: 0.75 };
    const kisan = { ...person("Kisan"), score: 0.9 };
    expect(withWholeNameLine(page, kisan, [kisan, tehsil]).text).toBe("Kisan Uikey");
    expect(withWholeNameLine(page, { ...kisan, score: 0.7 }, [tehsil]).text).toBe("Kisan");
    const read = formFromEntities(page, [kisan, tehsil]).fields;
    expect(read.relative.value).toBe("Kisan Uikey");
    expect(read.tehsil.value).toBe("");
  });

  it("drops the stray marks OCR put at the ends of an entity", () => {
    // form 24 of bench:forms --forms 48: the model took a speck read as a quote mark into the district.
    const page = "District / जिला\nGadchiroli \"\n9. Scheduled Tribe";
    const district: ExtractedEntity = { label: "DISTRICT", start: page.indexOf("Gadchiroli"), end: page.indexOf("\"") + 1, text: "Gadchiroli \"", score: 0.9 };
    expect(formFromEntities(page, [district]).fields.district).toMatchObject({ value: "Gadchiroli", span: { start: district.start, end: district.start + 10 } });
    const marked: ExtractedEntity = { label: "CLAIMANT", start: 0, end: 14, text: "‘ Waman Kanake", score: 0.9 };
    expect(withoutStrayMarks(marked)).toEqual({ ...marked, start: 2, text: "Waman Kanake" });
    // Inside a name a mark stays; an entity of marks alone is left for the letterless rule to drop.
    const inner: ExtractedEntity = { ...marked, end: 9, text: "D'Souza A" };
    expect(withoutStrayMarks(inner)).toBe(inner);
    expect(withoutStrayMarks({ ...marked, end: 2, text: "‘ " }).text).toBe("");
    // A space read as an underscore inside a name (bench:forms --seed 2008, form 7), never in a number.
    expect(withoutStrayMarks({ ...marked, end: 12, text: "Budhu_Kowase" })).toMatchObject({ start: 0, end: 12, text: "Budhu Kowase" });
    expect(withoutStrayMarks({ ...marked, label: "KHASRA", end: 6, text: "Kh_214" }).text).toBe("Kh_214");
    // A speck read as a full stop after a whole name (Goa's forms, --seed 2007, form 15); an initial keeps its own.
    expect(withoutStrayMarks({ ...marked, label: "RELATIVE", end: 12, text: "Dasru Majik." })).toMatchObject({ start: 0, end: 11, text: "Dasru Majik" });
    expect(withoutStrayMarks({ ...marked, end: 9, text: "दसरू माजिक." }).text).toBe("दसरू माजिक");
    expect(withoutStrayMarks({ ...marked, end: 9, text: "Ramesh K." }).text).toBe("Ramesh K.");
    expect(withoutStrayMarks({ ...marked, label: "DISTRICT", end: 9, text: "N. Goa" }).text).toBe("N. Goa");
    // A stamp's edge read as tildes (Sikkim's forms, --seed 2007, form 10).
    expect(withoutStrayMarks({ ...marked, label: "GRAM_PANCHAYAT", end: 8, text: "Chuba ~~" })).toMatchObject({ start: 0, end: 5, text: "Chuba" });
    // A surname's capital read small where both have one shape; Goa's particles and other letters as read.
    expect(withoutStrayMarks({ ...marked, end: 12, text: "Pushpa zalmi" })).toMatchObject({ start: 0, end: 12, text: "Pushpa Zalmi" });
    expect(withoutStrayMarks({ ...marked, end: 17, text: "‘Sunita wadde osa" })).toMatchObject({ start: 1, end: 17, text: "Sunita Wadde Osa" });
    expect(withoutStrayMarks({ ...marked, end: 20, text: "Maria de Souza dos Reis" }).text).toBe("Maria de Souza dos Reis");
    expect(withoutStrayMarks({ ...marked, end: 13, text: "Ramesh kumare" }).text).toBe("Ramesh kumare"); // k and K differ
    expect(withoutStrayMarks({ ...marked, end: 11, text: "sonu wadde" }).text).toBe("sonu wadde"); // no capital to go by
    expect(withoutStrayMarks({ ...marked, label: "VILLAGE", end: 11, text: "Mendha wadi" }).text).toBe("Mendha wadi");
  });

  it("takes no single letter for a name of a person or a place: OCR's speck on an empty answer line", () => {
    // bench:forms --seed 2008, form 36: the spouse's line read as "w z o", each marked a relative.
    const page = "2. Name of the spouse / पति/पत्नी का नाम\nw z o\n3. Name of father / mother\nMaroti Usendi\nOm";
    const at2 = (s: string, from = 0): ExtractedEntity => ({ label: "RELATIVE", start: page.indexOf(s, from), end: page.indexOf(s, from) + s.length, text: s, score: 0.99 });
    const read = formFromEntities(page, [at2("w"), at2("z"), at2("Maroti Usendi"), at2("Om")]).fields;
    expect(read.spouse.value).toBe("");
    expect(read.relative.value).toBe("Maroti Usendi");
    expect(formFromEntities(page, [at2("Om")]).fields.relative.value).toBe("Om");
    // bench:forms, seed 2006 form 41: a speck read as "~N" under the Gram Panchayat, marked one as surely.
    const places = "6. Gram Panchayat / ग्राम पंचायत\nNerkhed Buzurg\n\n~N";
    const gp = (s: string, score: number): ExtractedEntity => ({ label: "GRAM_PANCHAYAT", start: places.indexOf(s), end: places.indexOf(s) + s.length, text: s, score });
    expect(formFromEntities(places, [gp("Nerkhed Buzurg", 0.9991), gp("N", 0.9993)]).fields.gramPanchayat.value).toBe("Nerkhed Buzurg");
  });

  it("takes the khasra numbers from item 12's answer, each number whole", () => {
    // form 10 of bench:forms: the model marked a "4" in OCR's debris of a stamp, and "Kh. 214" as "Kh" and "214".
    const page = "3. Name of father / mother\nSitaram Sidam\n3\nT\ni= 4\n\n12. Survey / Khasra No. / खसरा क्रमांक\nKh. 214\n13. Evidence";
    const mark = (s: string, score: number, from = 0): ExtractedEntity => {
      const start = page.indexOf(s, from);
      return { label: "KHASRA", start, end: start + s.length, text: s, score };
    };
    const read = formFromEntities(page, [mark("4", 0.95, page.indexOf("i=")), mark("Kh", 0.99, page.indexOf("No.")), mark("214", 0.9999)]).fields.khasra;
    expect(read).toMatchObject({ value: "Kh. 214", confidence: 0.99, span: { start: page.indexOf("Kh. 214"), end: page.indexOf("Kh. 214") + 7 } });
    // Without the label the surer answer wins; a prefix with no number after it is no answer.
    const bare = page.replace("Survey / Khasra No. / खसरा क्रमांक", "Land                              ");
    const ids = (e: ExtractedEntity) => ({ ...e, text: bare.slice(e.start, e.end) });
    expect(khasraAnswer(bare, [mark("4", 0.95, page.indexOf("i=")), mark("Kh", 0.99, page.indexOf("No.")), mark("214", 0.9999)].map(ids))?.value).toBe("Kh. 214");
    expect(khasraAnswer(bare, [mark("4", 0.95, page.indexOf("i=")), mark("Kh", 0.99, page.indexOf("No.")), mark("214", 0.9)].map(ids))?.value).toBe("4");
    expect(khasraAnswer(page, [mark("Kh", 0.99, page.indexOf("No."))])).toBeNull();
    // A number and its subdivision marked apart are one number; numbers set apart by a comma stay two.
    const list = "12. Survey / Khasra No.\n212/3, 214";
    const part = (s: string, from = 0): ExtractedEntity => ({ label: "KHASRA", start: list.indexOf(s, from), end: list.indexOf(s, from) + s.length, text: s, score: 0.9 });
    expect(khasraAnswer(list, [part("212"), part("3", list.indexOf("/")), part("214")])?.value).toBe("212/3, 214");
  });

  it("leaves the village to the user when two villages fit equally well", () => {
    const twins = [...VILLAGES, { ...village(9, "Pipgaon", "पिपगाव", "Gatta"), id: 9 }];
    expect(villageOnRecord(formFromEntities(TEXT, ENTITIES).fields, twins)).toBeNull();
    // ...but the Gram Panchayat decides between two villages of the same name.
    const apart = [...VILLAGES, { ...village(9, "Pipgaon", "पिपगाव", "Hedri"), id: 9 }];
    expect(villageOnRecord(formFromEntities(TEXT, ENTITIES).fields, apart)).toBe(1);
    expect(matchVillages(VILLAGES, { village: "Pipgoan" })[0]!.village.name).toBe("Pipgaon");
    expect(matchVillages(VILLAGES, { village: "पिपगाव" })[0]!.village.id).toBe(1);
  });

  it("makes a claim the server's schema accepts, or names the fields to fix", () => {
    const draft = draftFrom();
    const check = claimFromDraft(draft);
    expect(check).toMatchObject({ ok: true, claim: { claimantName: "Phulmati Usendi", claimantNameLocal: "फुलमती उसेंडी", spouseName: "Ramesh Usendi", relativeName: "Maroti Usendi", villageId: 1, areaClaimedHa: 1.25, filedOn: "2009-03-14", surveyNumbers: ["212/3", "214"], category: "ST", type: "IFR" } });
    const broken = { ...draft, villageId: null, fields: { ...draft.fields, area: { ...draft.fields.area, value: "about two" }, category: { ...draft.fields.category, value: "" } } };
    const problems = claimFromDraft(broken);
    expect(problems.ok).toBe(false);
    expect(!problems.ok && problems.problems.join("\n")).toMatch(/Village: choose[\s\S]*Area claimed[\s\S]*ST \/ OTFD/);
    const overCap = { ...draft, fields: { ...draft.fields, area: { ...draft.fields.area, value: "12 acres" } } };
    expect(claimFromDraft(overCap)).toMatchObject({ ok: false, problems: [expect.stringMatching(/Area claimed: an individual claim \(IFR\) is capped at 4 ha/)] });
  });

  it("sends Form C's bordering villages with a community forest resource claim only, one name each, repeats dropped", () => {
    const draft = { ...draftFrom(), borderingVillages: " Kotmi, Gatta;\nkotmi \n, Pipli  Tola " };
    expect(claimFromDraft({ ...draft, type: "CFR" })).toMatchObject({ ok: true, claim: { type: "CFR", borderingVillages: ["Kotmi", "Gatta", "Pipli Tola"] } });
    // Typed while the draft was a CFR, then the type changed: an individual claim names none.
    expect(claimFromDraft(draft)).toMatchObject({ ok: true, claim: { type: "IFR", borderingVillages: [] } });
    // A draft made before the tablet asked for them.
    expect(claimFromDraft({ ...draftFrom(), type: "CFR" })).toMatchObject({ ok: true, claim: { borderingVillages: [] } });
    const tooMany = { ...draft, type: "CFR" as const, borderingVillages: Array.from({ length: 31 }, (_, i) => `Village ${i}`).join(", ") };
    expect(claimFromDraft(tooMany)).toEqual({ ok: false, problems: ["Bordering villages (Form C): name at most 30 bordering villages"] });
  });
});

describe("user edits and the correction they make", () => {
  it("keeps the model's spans for what the user left alone", () => {
    const draft = draftFrom();
    const c = correctionFromDraft(draft)!;
    expect(c.predicted).toHaveLength(ENTITIES.length);
    expect(c.corrected.map((s) => `${s.label}:${TEXT.slice(s.start, s.end)}`)).toEqual(expect.arrayContaining(["CLAIMANT:Phulmati Usendi", "RELATIVE:Maroti Usendi", "AREA:1.25 ha", "KHASRA:212/3", "KHASRA:214", "DATE:14/03/2009"]));
  });

  it("points an edited field at where its new value is written, or drops it when the text does not have it", () => {
    const draft = draftFrom([...ENTITIES.filter((e) => e.label !== "RELATIVE"), { ...at("Usendi", "RELATIVE", 0.6, TEXT.indexOf("Maroti")) }]);
    // The form widens the model's "Usendi" to its line's name; the worker says the relative is another.
    expect(draft.fields.relative.value).toBe("Maroti Usendi");
    const fixed = { ...draft, fields: { ...draft.fields, relative: editedField(draft, "relative", "Ramesh Usendi") } };
    expect(fixed.fields.relative).toMatchObject({ source: "user", confidence: null, span: { start: TEXT.indexOf("Ramesh Usendi") } });
    const c = correctionFromDraft(fixed)!;
    expect(c.predicted.some((s) => s.label === "RELATIVE" && TEXT.slice(s.start, s.end) === "Usendi")).toBe(true);
    expect(c.corrected.filter((s) => s.label === "RELATIVE").map((s) => TEXT.slice(s.start, s.end))).toEqual(["Ramesh Usendi"]);
    const unreadable = { ...draft, fields: { ...draft.fields, district: editedField(draft, "district", "Gadchiroli") } };
    expect(unreadable.fields.district.span).toBeNull();
    expect(correctionFromDraft(unreadable)!.corrected.some((s) => s.label === "DISTRICT")).toBe(false);
  });

  it("keeps the span of a normalised field when the user's value still reads from it", () => {
    const draft = draftFrom();
    expect(editedField(draft, "area", "1.25 hectares").span).toEqual(draft.fields.area.span);
    expect(editedField(draft, "area", "2").span).toBeNull();
    expect(editedField(draft, "area", draft.fields.area.value)).toBe(draft.fields.area);
  });

  it("takes a selection of the OCR text as the exact span", () => {
    const draft = draftFrom();
    const start = TEXT.indexOf("Madia Gond");
    expect(pickedField(draft, "tribe", start, start + "Madia Gond".length)).toEqual({ value: "Madia Gond", source: "user", confidence: null, span: { start, end: start + 10 } });
    const line = TEXT.indexOf("\nPipgaon");
    expect(pickedField(draft, "village", line, line + 9)).toMatchObject({ value: "Pipgaon", span: { start: line + 1, end: line + 8 } });
    expect(pickedField(draft, "filedOn", TEXT.indexOf("14/03"), TEXT.indexOf("14/03") + 10).value).toBe("2009-03-14");
  });

  it("finds a value nearest to where the model looked", () => {
    expect(locate("Usendi, Maroti Usendi", "usendi", 15)).toEqual({ start: 15, end: 21 });
    expect(locate("abc", "x")).toBeNull();
  });
});

describe("whose name an entity is, by the form's printed labels", () => {
  it("takes a name the model called the claimant's under item 2's or 3's label for the spouse's or the parent's", () => {
    expect(claimantEntityRole(TEXT, TEXT.indexOf("Phulmati"))).toBe("claimant");
    expect(claimantEntityRole(TEXT, TEXT.indexOf("फुलमती"))).toBe("claimant");
    expect(claimantEntityRole(TEXT, TEXT.indexOf("Ramesh"))).toBe("spouse");
    expect(claimantEntityRole(TEXT, TEXT.indexOf("Maroti"))).toBe("relative");
    // A claimant's own label printed after the spouse's, as a sparse reading may order them, is the nearer.
    const reordered = "2. Name of the spouse\n1. Name of the claimant(s)\nPhulmati Usendi";
    expect(claimantEntityRole(reordered, reordered.indexOf("Phulmati"))).toBe("claimant");
    // bench:forms --forms 72, form 57: the father under item 3 called the claimant, less surely than the claimant.
    const entities = ENTITIES.map((e) => (e.text === "Maroti Usendi" ? { ...e, label: "CLAIMANT" as const, score: 0.96 } : e));
    const { fields } = formFromEntities(TEXT, entities);
    expect(fields.relative).toMatchObject({ value: "Maroti Usendi", source: "model", confidence: 0.96 });
    expect(fields.claimant.value).toBe("Phulmati Usendi");
    // The claimant's line lost, the father's name called the claimant's: no claimant, so a second look asks for one.
    const lostClaimant = formFromEntities(TEXT, entities.filter((e) => !e.text.startsWith("Phulmati") && !e.text.startsWith("फुलमती"))).fields;
    expect(lostClaimant.claimant.value).toBe("");
    expect(secondLookWanted(lostClaimant)).toEqual(["claimant"]);
  });

  it("never takes the form's own printed words for a person's name", () => {
    const entity = (text: string, label: ExtractedEntity["label"] = "RELATIVE"): ExtractedEntity => ({ label, start: 0, end: text.length, text, score: 0.9 });
    expect(isPrintedLabel(entity("Signature"))).toBe(true);
    expect(isPrintedLabel(entity("Signature / Thumb impression", "CLAIMANT"))).toBe(true);
    expect(isPrintedLabel(entity("हस्ताक्षर"))).toBe(true);
    expect(isPrintedLabel(entity("Maroti Usendi"))).toBe(false);
    expect(isPrintedLabel(entity("Name Usendi"))).toBe(false);
    expect(isPrintedLabel(entity("Date", "DATE"))).toBe(false);
    // bench:forms --forms 72, form 57: "Signature" under the last item was the only uncued relative.
    const signed = `${TEXT}\nSignature / Thumb impression`;
    const signature = { label: "RELATIVE" as const, start: signed.lastIndexOf("Signature"), end: signed.lastIndexOf("Signature") + 9, text: "Signature", score: 0.9 };
    expect(formFromEntities(signed, [...ENTITIES.filter((e) => e.text !== "Maroti Usendi"), signature]).fields.relative.value).toBe("");
  });
});

describe("a second look for what the first reading lost", () => {
  // The first reading as OCR gave it when page layout analysis dropped the claimant's line ("N" left).
  const lost = () => formFromEntities(TEXT, [at("N", "CLAIMANT", 0.4, TEXT.indexOf("Phulmati")), ...ENTITIES.filter((e) => e.label !== "CLAIMANT")]).fields;
  // ...and when it dropped the father's or mother's line instead.
  const noParent = () => formFromEntities(TEXT, ENTITIES.filter((e) => e.text !== "Maroti Usendi")).fields;
  // A sparse reading of the same page: the names found, each after its printed label, the rest in another order.
  const SPARSE = "Usendi\n1. Name of the claimant(s)\nPhulmati Usendi\n(फुलमती उसेंडी)\n3. Name of father / mother\nMaroti Usendi\nGatta\n1.25 ha";
  const sparseAt = (s: string, label: ExtractedEntity["label"]): ExtractedEntity => ({ label, start: SPARSE.indexOf(s), end: SPARSE.indexOf(s) + s.length, text: s, score: 0.9 });
  const sparse = () => formFromEntities(SPARSE, [sparseAt("Phulmati Usendi", "CLAIMANT"), sparseAt("फुलमती उसेंडी", "CLAIMANT"), sparseAt("Maroti Usendi", "RELATIVE"), sparseAt("1.25 ha", "AREA")]).fields;

  it("looks for the claimant, the father or mother or item 9 when missing (a name: or a stray letter or two), never for what was typed", () => {
    expect(secondLookWanted(lost())).toEqual(["claimant"]);
    const noCategory = formFromEntities(TEXT.replace("Scheduled Tribe (Madia Gond)", " ".repeat(28)), ENTITIES.filter((e) => e.label !== "CATEGORY")).fields;
    expect(noCategory.category.value).toBe("");
    expect(secondLookWanted(noCategory)).toEqual(["category"]);
    // Form B and Form C ask their members' status too.
    expect(secondLookWanted({ ...noCategory, type: { value: "CFR", source: "user", confidence: null, span: null } })).toEqual(["category"]);
    expect(secondLookWanted({ ...noCategory, type: { value: "CR", source: "user", confidence: null, span: null } })).toEqual(["category"]);
    // Form C names no person: its claimant is the Gram Sabha, and there is no father or mother.
    expect(secondLookWanted({ ...lost(), type: { value: "CFR", source: "user", confidence: null, span: null } })).toEqual([]);
    expect(secondLookWanted({ ...noParent(), type: { value: "CFR", source: "user", confidence: null, span: null } })).toEqual([]);
    expect(secondLookWanted(formFromEntities(TEXT, ENTITIES.filter((e) => e.label !== "CLAIMANT")).fields)).toEqual(["claimant"]);
    expect(secondLookWanted(noParent())).toEqual(["relative"]);
    expect(secondLookWanted(formFromEntities(TEXT, ENTITIES).fields)).toEqual([]);
    // Item 12, the survey or khasra numbers: not asked of Form B, which names no land.
    const noKhasra = formFromEntities(TEXT, ENTITIES.filter((e) => e.label !== "KHASRA")).fields;
    expect(secondLookWanted(noKhasra)).toEqual(["khasra"]);
    expect(secondLookWanted({ ...noKhasra, type: { value: "CR", source: "user", confidence: null, span: null } })).toEqual([]);
    // Item 11, the area, likewise (bench:forms --forms 48, form 35: its line lost with the spouse's).
    const noArea = formFromEntities(TEXT, ENTITIES.filter((e) => e.label !== "AREA")).fields;
    expect(secondLookWanted(noArea)).toEqual(["area"]);
    expect(secondLookWanted({ ...noArea, type: { value: "CFR", source: "user", confidence: null, span: null } })).toEqual(["area"]);
    expect(withSecondLook(noArea, sparse(), VILLAGES)).toEqual({ fields: { ...noArea, area: { ...sparse().area, span: null } }, found: ["area"] });
    expect(sparse().area.value).toBe("1.25");
    // Devanagari numerals are a khasra number too: no second look for "२१२/३".
    expect(secondLookWanted({ ...noKhasra, khasra: { value: "२१२/३", source: "model", confidence: 0.9, span: null } })).toEqual([]);
    const typed = { ...lost(), claimant: { value: "Om", source: "user" as const, confidence: null, span: null } };
    expect(secondLookWanted(typed)).toEqual([]);
    // OCR's debris of a name is no name (Goa's forms, --seed 2007): a digit in it, or no word of three letters.
    const read = (value: string) => ({ value, source: "model" as const, confidence: 0.9, span: null });
    const all = formFromEntities(TEXT, ENTITIES).fields;
    expect(secondLookWanted({ ...all, claimant: read("Ramabai 28107") })).toEqual(["claimant"]);
    expect(secondLookWanted({ ...all, relative: read("Ra Ui Ma ka") })).toEqual(["relative"]);
    expect(secondLookWanted({ ...all, claimant: read("Om Prakash"), relative: read("D'Souza") })).toEqual([]);
  });

  it("takes the Devanagari name from a second look even where the Latin name it found is debris", () => {
    // --seed 2007, Goa, form 43: the first reading lost the claimant's line; the sparse one marked a stamp's
    // "5 el ns" as the claimant, above "Sunil Gaonkar (सुनील गांवकर)".
    const SPARSE_DEBRIS = "1. Name of the claimant(s)\n5 el ns\nSunil Gaonkar (सुनील गांवकर)";
    const debris = (s: string, label: ExtractedEntity["label"]): ExtractedEntity => ({ label, start: SPARSE_DEBRIS.indexOf(s), end: SPARSE_DEBRIS.indexOf(s) + s.length, text: s, score: 0.99 });
    const again = formFromEntities(SPARSE_DEBRIS, [debris("5 el ns", "CLAIMANT"), debris("सुनील गांवकर", "CLAIMANT")]).fields;
    const first = formFromEntities(TEXT, ENTITIES.filter((e) => e.label !== "CLAIMANT")).fields;
    const merged = withSecondLook(first, again, VILLAGES)!;
    expect(merged.found).toEqual(["claimantLocal"]);
    expect(merged.fields.claimant.value).toBe("");
    expect(merged.fields.claimantLocal).toMatchObject({ value: "सुनील गांवकर", span: null });
  });

  it("takes only the missing names from the second reading, without spans, and keeps every other field", () => {
    const first = lost();
    const merged = withSecondLook(first, sparse(), VILLAGES)!;
    expect(merged.found).toEqual(["claimant"]);
    expect(merged.fields.claimant).toMatchObject({ value: "Phulmati Usendi", source: "model", span: null });
    expect(merged.fields.claimantLocal).toMatchObject({ value: "फुलमती उसेंडी", span: null });
    for (const key of ["spouse", "relative", "village", "gramPanchayat", "category", "area", "khasra", "filedOn"] as const) expect(merged.fields[key]).toEqual(first[key]);
    // The father's name, read after its label in the sparse text; the claimant the first reading had stays.
    const parent = withSecondLook(noParent(), sparse(), VILLAGES)!;
    expect(parent.found).toEqual(["relative"]);
    expect(parent.fields.relative).toMatchObject({ value: "Maroti Usendi", span: null });
    expect(parent.fields.claimant).toEqual(noParent().claimant);
    // A Devanagari name the first reading had stays; a second reading without the names changes nothing.
    const withLocal = { ...first, claimantLocal: { value: "फुलमती", source: "model" as const, confidence: 0.8, span: { start: 1, end: 7 } } };
    expect(withSecondLook(withLocal, sparse(), VILLAGES)!.fields.claimantLocal).toEqual(withLocal.claimantLocal);
    expect(withSecondLook(first, lost(), VILLAGES)).toBeNull();
    // Item 9 after its printed label in the sparse text, with the tribe that comes along.
    const SPARSE_ITEM_9 = "9. Scheduled Tribe or OTFD / अनुसूचित जनजाति या अन्य\n\nScheduled Tribe (Gond)\n\nUsendi";
    const noItem9 = { ...formFromEntities(TEXT, ENTITIES).fields, category: emptyForm().category, tribe: emptyForm().tribe };
    const item9 = withSecondLook(noItem9, formFromEntities(SPARSE_ITEM_9, []).fields, VILLAGES)!;
    expect(item9.found).toEqual(["category"]);
    expect(item9.fields.category).toMatchObject({ value: "ST", source: "form", span: null });
    expect(item9.fields.tribe).toMatchObject({ value: "Gond", span: null });
    // Item 12's numbers, as the model found them after their label in the sparse text.
    const SPARSE_ITEM_12 = "12. Survey / Khasra No. / खसरा क्रमांक\nKh. 206\n13. Evidence";
    const noKhasra = { ...formFromEntities(TEXT, ENTITIES).fields, khasra: emptyForm().khasra };
    const kh = SPARSE_ITEM_12.indexOf("Kh. 206");
    const item12 = withSecondLook(noKhasra, formFromEntities(SPARSE_ITEM_12, [{ label: "KHASRA", start: kh, end: kh + 7, text: "Kh. 206", score: 0.9 }]).fields, VILLAGES)!;
    expect(item12.found).toEqual(["khasra"]);
    expect(item12.fields.khasra).toMatchObject({ value: "Kh. 206", source: "model", span: null });
    // Only what is wanted: a name the worker typed meanwhile is not looked for (its Devanagari name, which
    // the first reading did not have, still comes along).
    expect(withSecondLook(first, sparse(), VILLAGES, [])!.found).toEqual(["claimantLocal"]);
  });

  it("looks for a lost village (item 5), and matches the village on record again from what it finds", () => {
    const noVillage = formFromEntities(TEXT, ENTITIES.filter((e) => e.label !== "VILLAGE"));
    expect(noVillage.fields.village.value).toBe("");
    expect(secondLookWanted(noVillage.fields)).toEqual(["village"]);
    // A CFR claim names its village too.
    expect(secondLookWanted({ ...noVillage.fields, type: { value: "CFR", source: "user", confidence: null, span: null } })).toEqual(["village"]);
    const SPARSE_ITEM_5 = "5. Village / ग्राम\nPipgaon\n6. Gram Panchayat\nGatta";
    const again = formFromEntities(SPARSE_ITEM_5, [{ label: "VILLAGE", start: SPARSE_ITEM_5.indexOf("Pipgaon"), end: SPARSE_ITEM_5.indexOf("Pipgaon") + 7, text: "Pipgaon", score: 0.9 }]).fields;
    const merged = withSecondLook(noVillage.fields, again, VILLAGES)!;
    expect(merged.found).toEqual(["village"]);
    expect(merged.fields.village).toMatchObject({ value: "Pipgaon", span: null });
    // A stamp's "GRAM SABHA" in sparse text is the form's printed words, no village; and a village the
    // area does not hold is not taken.
    const stamp = "5. Village / ग्राम\nGRAM SABHA";
    expect(formFromEntities(stamp, [{ label: "VILLAGE", start: stamp.indexOf("SABHA"), end: stamp.length, text: "SABHA", score: 0.9 }]).fields.village.value).toBe("");
    const elsewhere = "5. Village / ग्राम\nKorkheda";
    const stamped = formFromEntities(elsewhere, [{ label: "VILLAGE", start: elsewhere.indexOf("Korkheda"), end: elsewhere.length, text: "Korkheda", score: 0.9 }]).fields;
    expect(stamped.village.value).toBe("Korkheda");
    expect(withSecondLook(noVillage.fields, stamped, VILLAGES)).toBeNull();
    // Gatta's Gram Panchayat has two villages: without the village's name none is clearly on record.
    expect(villageOnRecord(noVillage.fields, VILLAGES)).toBeNull();
    expect(villageOnRecord(merged.fields, VILLAGES)).toBe(1);
  });

  it("takes the spouse, tehsil and district along from a second look where the first reading had none, and never asks one for them", () => {
    const SPARSE_PLACES = "2. Name of the spouse\nRamesh Usendi\n7. Tehsil\nEtapalli\n8. District\nGadchiroli\n1. Name of the claimant(s)\nPhulmati Usendi";
    const sparseEntity = (s: string, label: ExtractedEntity["label"]): ExtractedEntity => ({ label, start: SPARSE_PLACES.indexOf(s), end: SPARSE_PLACES.indexOf(s) + s.length, text: s, score: 0.9 });
    const again = formFromEntities(SPARSE_PLACES, [sparseEntity("Ramesh Usendi", "RELATIVE"), sparseEntity("Etapalli", "TEHSIL"), sparseEntity("Gadchiroli", "DISTRICT"), sparseEntity("Phulmati Usendi", "CLAIMANT")]).fields;
    const noSpouse = { ...lost(), spouse: emptyForm().spouse };
    expect(secondLookWanted(noSpouse)).toEqual(["claimant"]);
    const merged = withSecondLook(noSpouse, again, VILLAGES)!;
    expect(merged.found).toEqual(["claimant", "spouse", "tehsil", "district"]);
    expect(merged.fields.spouse).toMatchObject({ value: "Ramesh Usendi", span: null });
    expect(merged.fields.district).toMatchObject({ value: "Gadchiroli", source: "model", span: null });
    // What the first reading had stays; with nothing wanted, the places alone still come along.
    expect(withSecondLook(lost(), again, VILLAGES)!.fields.spouse).toEqual(lost().spouse);
    const complete = formFromEntities(TEXT, ENTITIES).fields;
    expect(secondLookWanted({ ...complete, district: emptyForm().district, spouse: emptyForm().spouse })).toEqual([]);
    expect(withSecondLook(complete, again, VILLAGES, [])!.found).toEqual(["tehsil", "district"]);
  });
});

describe("the Devanagari name read again from its line", () => {
  // Item 1 as the English + Hindi reading gave it: a Devanagari surname taken for Latin letters.
  const LINE = "1. Name of the claimant(s)\nSomaji Zoure (सोमाजी FR)\n2. Name of the spouse";
  const PAGE = { width: 1000, height: 1400 };
  const boxes: Record<string, [number, number, number, number]> = {
    "1.": [60, 310, 80, 330], Name: [90, 310, 150, 330], of: [160, 310, 180, 330], the: [190, 310, 230, 330], "claimant(s)": [240, 310, 360, 330],
    Somaji: [60, 345, 150, 370], Zoure: [160, 345, 240, 370], "(सोमाजी": [250, 342, 350, 376], "FR)": [360, 345, 410, 370],
    "2.": [60, 400, 80, 420], spouse: [90, 400, 160, 420],
  };
  const words: OcrWord[] = [];
  let cursor = 0;
  for (const [lineNo, line] of LINE.split("\n").entries()) {
    for (const text of line.split(" ")) {
      const start = LINE.indexOf(text, cursor);
      cursor = start + text.length;
      words.push({ text, confidence: 80, start, end: cursor, line: lineNo, bbox: boxes[text] ?? [0, 0, 10, 10] });
    }
  }
  const nameEnd = LINE.indexOf("Zoure") + "Zoure".length;
  const form = (local: string, source: "model" | "user" | "empty" = "model") => ({
    ...emptyForm(),
    claimant: { value: "Somaji Zoure", source: "model" as const, confidence: 0.9, span: { start: LINE.indexOf("Somaji"), end: nameEnd } },
    claimantLocal: { value: local, source: local ? source : ("empty" as const), confidence: 0.9, span: local ? { start: LINE.indexOf("(स") + 1, end: LINE.indexOf("FR)") + 2 } : null },
  });

  it("calls a name clean only when it is Devanagari words alone, as many as the Latin name's", () => {
    const clean = (local: string) => cleanLocalName(local, "Somaji Zoure");
    expect(clean("सोमाजी झोरे")).toBe(true);
    expect(clean("सोमाजी FR")).toBe(false);
    expect(clean("सोमाजी")).toBe(false);
    expect(clean("")).toBe(false);
    // bench:forms, forms 36 and 39: a dot or an "@" that OCR put into the name.
    expect(clean("सोमाजी. झोरे")).toBe(false);
    expect(clean("@ झोरे")).toBe(false);
    expect(clean("र सोमाजी झोरे")).toBe(false);
  });

  const latin: NameAnchor = { script: "latin", start: LINE.indexOf("Somaji"), end: nameEnd };
  const devanagari: NameAnchor = { script: "devanagari", start: LINE.indexOf("(स") + 1, end: LINE.indexOf("FR)") + 2 };

  it("anchors on the Devanagari name where the reading placed it, else on the Latin name", () => {
    expect(nameAnchor(form("सोमाजी FR"))).toEqual(devanagari);
    expect(nameAnchor(form(""))).toEqual(latin);
    expect(nameAnchor({ ...form(""), claimant: emptyForm().claimant })).toBeNull();
  });

  it("finds the bracket on the claimant's line from either name, padded and inside the page", () => {
    const bracket = nameBracket(words, latin, PAGE)!;
    expect(bracket.text).toBe("(सोमाजी FR)");
    expect(LINE.slice(bracket.span.start, bracket.span.end)).toBe("सोमाजी FR");
    // The bracket's words span x 250-410; the line y 342-376: padded by 0.6 and 0.3 of its height (34).
    expect(bracket.region).toEqual({ left: 230, top: 332, width: 200, height: 54 });
    expect(nameBracket(words, devanagari, PAGE)).toEqual(bracket);
    // The model found only the surname: the bracket still starts at its "(".
    const surname: NameAnchor = { script: "devanagari", start: LINE.indexOf("FR)"), end: LINE.indexOf("FR)") + 2 };
    expect(nameBracket(words, surname, PAGE)).toEqual(bracket);
    expect(nameBracket(words, latin, { width: 400, height: 1400 })!.region.width).toBe(170);
    // Nothing after the Latin name on its line: nothing to read (never the next line).
    expect(nameBracket(words, { script: "latin", start: 3, end: LINE.indexOf("claimant(s)") + "claimant(s)".length }, PAGE)).toBeNull();
  });

  it("takes the Devanagari words inside the brackets of the line's own reading, and nothing else", () => {
    expect(nameFromBracketLine(". (सोमाजी झोरे).\n")).toBe("सोमाजी झोरे");
    expect(nameFromBracketLine("(अनिल सिडाम ")).toBe("अनिल सिडाम");
    // A conjunct written with a joiner and a doubled virama is one conjunct.
    expect(nameFromBracketLine("(पैकू पल\u094d\u200d\u094dलो)")).toBe("पैकू पल्लो");
    expect(nameFromBracketLine("(सोमाजी Zoure)")).toBeNull();
    expect(nameFromBracketLine("( )")).toBeNull();
    expect(nameFromBracketLine("(।)")).toBeNull();
    // A name cut at a conjunct, starting with a virama or a vowel sign, is not a name.
    expect(nameFromBracketLine("(् तोफा)")).toBeNull();
    expect(nameFromBracketLine("(ि तोफा)")).toBeNull();
  });

  it("replaces a name with Latin letters or fewer words, keeps a good one, and gives the new one no span", () => {
    expect(withRereadLocalName(form("सोमाजी FR"), "सोमाजी झोरे")!.claimantLocal).toEqual({ value: "सोमाजी झोरे", source: "form", confidence: null, span: null });
    expect(withRereadLocalName(form("झोरे"), "सोमाजी झोरे")!.claimantLocal.value).toBe("सोमाजी झोरे");
    expect(withRereadLocalName(form(""), "सोमाजी झोरे")!.claimantLocal.value).toBe("सोमाजी झोरे");
    // A clean first reading of the Latin name's length stands: the line may misread it as well.
    expect(withRereadLocalName(form("सोमाजी झोरे"), "सोमाजी झौरे")).toBeNull();
    expect(withRereadLocalName(form("सोमाजी. झोरे"), "सोमाजी झोरे")!.claimantLocal.value).toBe("सोमाजी झोरे");
    expect(withRereadLocalName(form("@ झोरे"), "सोमाजी झोरे")!.claimantLocal.value).toBe("सोमाजी झोरे");
    // Specks read as letters at the line's ends go where the line has more words than the Latin name.
    expect(withRereadLocalName(form("Rmx झोरे"), "र र सोमाजी झोरे")!.claimantLocal.value).toBe("सोमाजी झोरे");
    expect(withoutLoneLetters("सोमाजी झोरे ग", 2)).toBe("सोमाजी झोरे");
    expect(withoutLoneLetters("र. सोमाजी", 2)).toBe("र. सोमाजी");
    expect(withoutLoneLetters("कं सोमाजी झोरे", 2)).toBe("सोमाजी झोरे");
    expect(withoutLoneLetters("का सोमाजी झोरे", 2)).toBe("का सोमाजी झोरे");
    expect(withRereadLocalName(form("सोमाजी FR", "user"), "सोमाजी झोरे")).toBeNull();
    expect(withRereadLocalName(form("सोमाजी FR"), null)).toBeNull();
  });

  it("reads the line only where there is a Devanagari name to mend, and passes the region to the reader", async () => {
    const asked: Array<[unknown, number]> = [];
    const reader = async (rect: unknown, enlarge: number) => {
      asked.push([rect, enlarge]);
      return "(सोमाजी झोरे)";
    };
    const reading = { words, anchor: latin, page: PAGE, offset: 0 };
    const region = nameBracket(words, latin, PAGE)!.region;
    const mended = (await rereadLocalName(form("सोमाजी FR"), reading, reader))!.claimantLocal;
    // Read at the photo's size and twice as large, which agree: no third size is needed.
    expect(asked).toEqual([[region, 1], [region, 2]]);
    // The name keeps the place it was read from, inside the brackets, for the photo and for training.
    expect(mended).toEqual({ value: "सोमाजी झोरे", source: "form", confidence: null, span: { start: LINE.indexOf("सोमाजी"), end: LINE.indexOf("FR") + 2 } });
    // The page's text further into the extraction's; a second look's reading is no part of it.
    expect((await rereadLocalName(form("सोमाजी FR"), { ...reading, offset: 100 }, reader))!.claimantLocal.span).toEqual({ start: LINE.indexOf("सोमाजी") + 100, end: LINE.indexOf("FR") + 102 });
    expect((await rereadLocalName(form("सोमाजी FR"), { ...reading, offset: null }, reader))!.claimantLocal.span).toBeNull();
    // A right name that the line reads the same: one reading, nothing changed.
    asked.length = 0;
    const readRight = words.map((w) => (w.text === "FR)" ? { ...w, text: "झोरे)" } : w));
    expect(await rereadLocalName(form("सोमाजी झोरे"), { ...reading, words: readRight }, reader)).toBeNull();
    expect(asked).toHaveLength(1);
    // A typed name, or no place to look: the line is not read.
    expect(await rereadLocalName(form("सोमाजी FR", "user"), reading, reader)).toBeNull();
    expect(await rereadLocalName(form("सोमाजी FR"), null, reader)).toBeNull();
    // No Devanagari after the Latin name on the first reading: no Devanagari name on the form to read.
    const latinOnly = words.map((w) => (w.text === "(सोमाजी" ? { ...w, text: "(Somaji" } : w));
    expect(await rereadLocalName(form(""), { ...reading, words: latinOnly }, reader)).toBeNull();
    expect(asked).toHaveLength(1);
    // A bracket of debris with no Latin name in it (bench:forms, form 64: "Genu Pallo (7 ue)") is read.
    const debris = words.map((w) => (w.text === "(सोमाजी" ? { ...w, text: "(7" } : w.text === "FR)" ? { ...w, text: "ue)" } : w));
    expect((await rereadLocalName(form(""), { ...reading, words: debris }, reader))!.claimantLocal.value).toBe("सोमाजी झोरे");
    // Nor one of Latin words tesseract was unsure of (Bastar's forms: "(arg Ham)" for "(दगडू पेंदाम)").
    const unsure = words.map((w) => (w.text === "(सोमाजी" ? { ...w, text: "(arg", confidence: 26 } : w.text === "FR)" ? { ...w, text: "Ham)", confidence: 57 } : w));
    expect((await rereadLocalName(form(""), { ...reading, words: unsure }, reader))!.claimantLocal.value).toBe("सोमाजी झोरे");
    expect(holdsLocalName("(Gond)")).toBe(false);
    expect(holdsLocalName("(Gond)", 91)).toBe(false);
    expect(holdsLocalName("(Rmx पुंगाटी)")).toBe(true);
    // Latin words read with little confidence (Bastar's forms, bench:forms form 4: "(दगडू पेंदाम)").
    expect(holdsLocalName("(arg Ham)", 41.5)).toBe(true);
    // A right-looking name with Latin letters mixed into the bracket ("(dm कनाके)") is read again, found
    // from the Devanagari name where the Latin one was misplaced.
    const mixed = words.map((w) => (w.text === "(सोमाजी" ? { ...w, text: "(dm" } : w.text === "FR)" ? { ...w, text: "झोरे)" } : w));
    const misplacedLatin = { ...form("झोरे"), claimant: { ...form("").claimant, value: "Zoure", span: { start: LINE.indexOf("spouse"), end: LINE.length } } };
    expect((await rereadLocalName(misplacedLatin, { ...reading, words: mixed, anchor: devanagari }, reader))!.claimantLocal.value).toBe("सोमाजी झोरे");
  });

  // The line read at the photo's size, twice and three times as large (bench:forms, seed 2006: forms 12, 60, 70).
  const readsBySize = (lines: Record<number, string>) => async (_rect: unknown, enlarge: number) => `(${lines[enlarge] ?? ""})`;

  it("gives a clean first reading up only to a name the line reads the same at every size", async () => {
    const reading = { words, anchor: latin, page: PAGE, offset: 0 };
    const hindiReading = form("तुव्साबाई पुंगाटी");
    const latinName = (f: ReturnType<typeof form>) => ({ ...f, claimant: { ...f.claimant, value: "Tulsabai Pungati" } });
    const mended = await rereadLocalName(latinName(hindiReading), reading, readsBySize({ 1: "तुळसाबाई पुंगाटी", 2: "तुळसाबाई पुंगाटी", 3: "तुळसाबाई पुंगाटी" }));
    expect(mended!.claimantLocal).toMatchObject({ value: "तुळसाबाई पुंगाटी", source: "form" });
    // One size disagreeing keeps the first reading: the photo's size misread "परसे" as "परसै".
    expect(await rereadLocalName(form("सोमाजी परसे"), reading, readsBySize({ 1: "सोमाजी परसै", 2: "सोमाजी परसे", 3: "सोमाजी परसे" }))).toBeNull();
    expect(await rereadLocalName(form("सोमाजी परसे"), reading, readsBySize({ 1: "सोमाजी परसै", 2: "सोमाजी परसै", 3: "सोमाजी पससे" }))).toBeNull();
  });

  it("takes for any other first reading the name two sizes agree on, else the photo size's", async () => {
    const reading = { words, anchor: latin, page: PAGE, offset: 0 };
    const read = (lines: Record<number, string>) => rereadLocalName(form("सोमाजी FR"), reading, readsBySize(lines)).then((f) => f?.claimantLocal.value);
    expect(await read({ 1: "सोमाजी दरवा", 2: "सोमाजी दुर्वा", 3: "सोमाजी दुर्वा" })).toBe("सोमाजी दुर्वा");
    expect(await read({ 1: "सोमाजी झोरे", 2: "सोमाजी झौरे", 3: "सोमाजी झोरे" })).toBe("सोमाजी झोरे");
    expect(await read({ 1: "सोमाजी मट्टमी", 2: "सोमाजी मह्टामी", 3: "सोमाजी मामी" })).toBe("सोमाजी मट्टमी");
    // Nothing readable at the photo's size: the two larger sizes' reading, when they agree.
    expect(await read({ 2: "सोमाजी झोरे", 3: "सोमाजी झोरे" })).toBe("सोमाजी झोरे");
    expect(await read({})).toBeUndefined();
  });
});

describe("pages as one text", () => {
  it("joins read pages in order and maps a span back to its page", () => {
    const ocr = (text: string) => ({ state: "done" as const, text, words: [], confidence: 90, ms: 1, message: null });
    const joined = joinPages([{ id: "b", index: 2, ocr: ocr("Tehsil\nEtapalli\n") }, { id: "a", index: 1, ocr: ocr("Village\nPipgaon\n") }, { id: "c", index: 3, ocr: { ...ocr(""), state: "failed" } }]);
    expect(joined.text).toBe("Village\nPipgaon\n\nTehsil\nEtapalli");
    const at = joined.text.indexOf("Etapalli");
    expect(spanOnPage(joined.pageOffsets, at, at + 8)).toEqual({ pageId: "b", start: 7, end: 15 });
    const pages = [{ id: "a" }, { id: "b" }];
    expect(pageOfSpan(joined.pageOffsets, pages, at, at + 8)).toEqual({ page: pages[1], start: 7, end: 15 });
    expect(pageOfSpan(joined.pageOffsets, [pages[0]!], at, at + 8)).toBeNull();
    expect(emptyForm().claimant).toEqual({ value: "", source: "empty", confidence: null, span: null });
  });
});

describe("a survey number tesseract was unsure of", () => {
  // Item 12 as English + Hindi OCR read it: "510/9," came back as "5160/9," at confidence 0.
  const LINE = "12. Survey / Khasra No.\nKh. 5160/9, Kh. 295\n13. Evidence";
  const PAGE = { width: 1000, height: 1700 };
  const word = (text: string, confidence: number, bbox: [number, number, number, number]): OcrWord => {
    const start = LINE.indexOf(text);
    return { text, confidence, start, end: start + text.length, line: 1, bbox };
  };
  const WORDS = [word("Kh.", 96, [132, 1394, 174, 1415]), word("5160/9,", 0, [199, 1394, 292, 1419]), word("295", 91, [365, 1394, 410, 1419])];
  const span = { start: LINE.indexOf("5160/9"), end: LINE.indexOf("295") + 3 };
  const khasra = { value: "5160/9, 295", source: "model" as const, confidence: 0.97, span };

  it("finds the unsure numbers the field still shows, and the word's box with room around it", () => {
    expect(bareNumber("5160/9,")).toBe("5160/9");
    expect(bareNumber("(212/3)")).toBe("212/3");
    expect(unsureNumbers(khasra, WORDS, span).map((w) => w.text)).toEqual(["5160/9,"]);
    // Sure words, words outside the span, words with no digit and numbers the value no longer shows are not.
    expect(unsureNumbers({ ...khasra, value: "510/9, 295" }, WORDS, span)).toEqual([]);
    expect(unsureNumbers(khasra, WORDS, { start: LINE.indexOf("295"), end: span.end })).toEqual([]);
    expect(unsureNumbers(khasra, [word("Kh.", 10, [132, 1394, 174, 1415])], { start: 0, end: LINE.length })).toEqual([]);
    expect(wordRegion(WORDS[1]!, PAGE)).toEqual({ left: 191, top: 1386, width: 109, height: 41 });
    expect(wordRegion({ ...WORDS[1]!, bbox: [2, 1680, 60, 1698] }, PAGE)).toEqual({ left: 0, top: 1674, width: 66, height: 26 });
  });

  it("takes a second reading of the word only where tesseract is sure of it", async () => {
    const reads: unknown[] = [];
    const reading = (r: WordReading) => async (region: unknown) => {
      reads.push(region);
      return r;
    };
    expect(await rereadUnsureNumbers(khasra, WORDS, span, PAGE, reading({ text: "510/9,\n", confidence: 92 }))).toEqual({ ...khasra, value: "510/9, 295" });
    expect(reads).toEqual([wordRegion(WORDS[1]!, PAGE)]);
    expect(await rereadUnsureNumbers(khasra, WORDS, span, PAGE, reading({ text: "1510/9,", confidence: 18 }))).toBeNull();
    expect(await rereadUnsureNumbers(khasra, WORDS, span, PAGE, reading({ text: "Kh.", confidence: 95 }))).toBeNull();
    // A typed value is the worker's; a field with no unsure word is not read again.
    reads.length = 0;
    expect(await rereadUnsureNumbers({ ...khasra, source: "user" }, WORDS, span, PAGE, reading({ text: "510/9", confidence: 92 }))).toBeNull();
    expect(await rereadUnsureNumbers({ ...khasra, value: "510/9, 295" }, WORDS, span, PAGE, reading({ text: "510/9", confidence: 92 }))).toBeNull();
    expect(reads).toEqual([]);
  });

  it("names the unsure numbers of a field on its page of a joined, many-page text", () => {
    const pages = [{ id: "p1", ocr: { words: [] as OcrWord[] } }, { id: "p2", ocr: { words: WORDS } }];
    const pageOffsets = [{ pageId: "p1", start: 0, end: 10 }, { pageId: "p2", start: 12, end: 12 + LINE.length }];
    const joined = { ...khasra, span: { start: span.start + 12, end: span.end + 12 } };
    expect(fieldUnsureNumbers(joined, pageOffsets, pages)).toEqual(["5160/9"]);
    expect(fieldUnsureNumbers({ ...joined, source: "user" }, pageOffsets, pages)).toEqual([]);
    expect(fieldUnsureNumbers({ ...joined, span: null }, pageOffsets, pages)).toEqual([]);
  });
});

describe("a date no claim can have", () => {
  // The last line of a form as English + Hindi OCR read it: "14/03/2009" came back as "14/03/2609".
  const LINE = "Date / दिनांक: 14/03/2609";
  const PAGE = { width: 1000, height: 1700 };
  const at = LINE.indexOf("14/03/2609");
  const WORDS: OcrWord[] = [
    { text: "दिनांक:", confidence: 88, start: LINE.indexOf("दिनांक"), end: at - 1, line: 1, bbox: [120, 1500, 190, 1525] },
    { text: "14/03/2609", confidence: 71, start: at, end: at + 10, line: 1, bbox: [200, 1500, 330, 1525] },
  ];
  const span = { start: at, end: at + 10 };
  const unread = { value: "14/03/2609", source: "model" as const, confidence: 0, span };
  const TODAY = "2026-11-23";
  const reading = (r: WordReading) => async () => r;

  it("is one the model found that is not a date, or lies after today", () => {
    expect(impossibleDate(unread, TODAY)).toBe(true);
    expect(impossibleDate({ ...unread, value: "2029-03-14" }, TODAY)).toBe(true);
    expect(impossibleDate({ ...unread, value: "2009-03-14" }, TODAY)).toBe(false);
    expect(impossibleDate({ ...unread, value: "2026-11-23" }, TODAY)).toBe(false);
    // What the worker typed, and a date nobody found, are not the reading's to mend.
    expect(impossibleDate({ ...unread, source: "user" }, TODAY)).toBe(false);
    expect(impossibleDate({ ...unread, value: "", source: "empty", span: null }, TODAY)).toBe(false);
  });

  it("reads its numbers again and takes a reading that makes a date that can be, with that reading's confidence", async () => {
    const regions: unknown[] = [];
    const mended = await rereadImpossibleDate(unread, WORDS, span, PAGE, async (region) => {
      regions.push(region);
      return { text: "14/03/2009\n", confidence: 90 };
    }, TODAY);
    expect(mended).toEqual({ value: "2009-03-14", source: "model", confidence: 0.9, span });
    expect(regions).toEqual([wordRegion(WORDS[1]!, PAGE)]); // the label's word is not read again
    // The same misreading again, an unsure reading, or one after today leaves the first reading, flagged.
    expect(await rereadImpossibleDate(unread, WORDS, span, PAGE, reading({ text: "14/03/2609", confidence: 90 }), TODAY)).toBeNull();
    expect(await rereadImpossibleDate(unread, WORDS, span, PAGE, reading({ text: "14/03/2009", confidence: 30 }), TODAY)).toBeNull();
    expect(await rereadImpossibleDate(unread, WORDS, span, PAGE, reading({ text: "14/03/2029", confidence: 90 }), TODAY)).toBeNull();
    // A date after today that parsed is read again from its words too.
    expect(await rereadImpossibleDate({ ...unread, value: "2609-03-14" }, WORDS, span, PAGE, reading({ text: "14/03/2009", confidence: 95 }), TODAY)).toEqual({ ...mended, confidence: 0.95 });
  });

  it("reads the numbers larger where the photo's size gives the same impossible date again", async () => {
    const sizes: number[] = [];
    const byEnlargement: Record<number, WordReading> = { 1: { text: "11/65/2009", confidence: 88 }, 2: { text: "11/05/2009", confidence: 84 }, 3: { text: "11/05/2009", confidence: 91 } };
    const field = { ...unread, value: "11/65/2009" };
    const mended = await rereadImpossibleDate(field, WORDS, span, PAGE, async (_, enlarge) => (sizes.push(enlarge), byEnlargement[enlarge]!), TODAY);
    expect(mended).toEqual({ ...field, value: "2009-05-11", confidence: 0.84 });
    expect(sizes).toEqual([1, 2]); // no larger than it takes
    sizes.length = 0;
    expect(await rereadImpossibleDate(field, WORDS, span, PAGE, async (_, enlarge) => (sizes.push(enlarge), byEnlargement[1]!), TODAY)).toBeNull();
    expect(sizes).toEqual([...DATE_REREAD_ENLARGEMENTS]);
  });

  it("keeps a month's name between the numbers it reads again", async () => {
    const line = "Date: 14 March 2609";
    const words: OcrWord[] = ["14", "March", "2609"].map((text, i) => ({ text, confidence: 80, start: line.indexOf(text), end: line.indexOf(text) + text.length, line: 1, bbox: [100 + i * 60, 10, 150 + i * 60, 30] }));
    const field = { value: "14 March 2609", source: "model" as const, confidence: 0, span: { start: 6, end: line.length } };
    const numbers = ["14", "2009"];
    expect(await rereadImpossibleDate(field, words, field.span, PAGE, async () => ({ text: numbers.shift()!, confidence: 93 }), TODAY)).toMatchObject({ value: "2009-03-14" });
  });

  it("asks to be checked when no reading mends it, whatever the model's score", () => {
    expect(withImpossibleDateFlagged({ ...unread, value: "2029-03-14", confidence: 0.97 }, TODAY).confidence).toBe(0);
    expect(withImpossibleDateFlagged({ ...unread, value: "2009-03-14", confidence: 0.97 }, TODAY).confidence).toBe(0.97);
  });

  it("names today in the tablet's own time zone", () => {
    expect(localToday(new Date(2026, 0, 5, 23, 30))).toBe("2026-01-05");
  });
});

describe("the form's places against the village on record", () => {
  const withPlaces = (places: Partial<Record<PlaceOnRecord, string>>) => {
    const fields = emptyForm();
    for (const [key, value] of Object.entries(places)) fields[key as keyof typeof places] = { value: value!, source: "model", confidence: 0.9, span: null };
    return fields;
  };

  it("names each place the record calls otherwise, and nothing when no village is chosen", () => {
    const fields = withPlaces({ gramPanchayat: "Gatta", tehsil: "Aheri", district: "Chandrapur" });
    expect(recordMismatches(fields, VILLAGES[0]!)).toEqual([
      { key: "tehsil", onForm: "Aheri", onRecord: "Etapalli" },
      { key: "district", onForm: "Chandrapur", onRecord: "Gadchiroli" },
    ]);
    expect(recordMismatches(fields, null)).toEqual([]);
  });

  it("spells the claimant's Devanagari name in its village's state's language, else the area's", () => {
    expect(nameLanguageOfClaim(VILLAGES, VILLAGES[0]!.id)).toBe("mar");
    const inChhattisgarh = { ...VILLAGES[1]!, id: 900, stateCode: "22" };
    const inOdisha = { ...VILLAGES[1]!, id: 901, stateCode: "21" };
    expect(nameLanguageOfClaim([...VILLAGES, inChhattisgarh], inChhattisgarh.id)).toBe("hin");
    // Odisha's forms write names in Odia: no Devanagari name to read.
    expect(nameLanguageOfClaim([...VILLAGES, inOdisha], inOdisha.id)).toBeNull();
    // No village known yet: the area's state when it has one, else none.
    expect(nameLanguageOfClaim(VILLAGES, null)).toBe("mar");
    expect(nameLanguageOfClaim([inChhattisgarh], null)).toBe("hin");
    expect(nameLanguageOfClaim([...VILLAGES, inChhattisgarh], null)).toBeNull();
    expect(nameLanguageOfClaim([], null)).toBeNull();
    expect(nameLanguageOf("27")).toBe("mar");
    // Sikkim writes its names in Nepali: ङ, which Hindi's model reads as ड ("तामाड" for "तामाङ").
    expect(nameLanguageOf("11")).toBe("nep");
    expect(nameLanguageOf("99")).toBeNull();
  });

  it("spells the area's places as the record does where only case, or a speck after a tehsil or district, differs", () => {
    const fields = { ...withPlaces({ gramPanchayat: "GATTA", tehsil: "etapalli", district: "Gadchiroli BN" }), village: { value: "pipli", source: "model" as const, confidence: 0.9, span: { start: 3, end: 8 } } };
    const spelled = withPlaceSpellingsOnRecord(fields, VILLAGES);
    expect([spelled.village, spelled.gramPanchayat.value, spelled.tehsil.value, spelled.district.value]).toEqual([{ ...fields.village, value: "Pipli" }, "Gatta", "Etapalli", "Gadchiroli"]);
    // Another name, a word more, a village's "Bk", the worker's own typing, an empty field: as read.
    const apart = { ...withPlaces({ gramPanchayat: "Gattaa", tehsil: "Etapalli Road" }), village: { ...fields.village, value: "Pipli Bk" }, district: { value: "gadchiroli", source: "user" as const, confidence: null, span: null } };
    expect(withPlaceSpellingsOnRecord(apart, VILLAGES)).toEqual(apart);
  });

  it("takes OCR noise and case for the same place, and leaves empty and Devanagari readings alone", () => {
    const fields = withPlaces({ gramPanchayat: "GATTA", tehsil: "Etapa1li", district: "गडचिरोली" });
    expect(recordMismatches(fields, VILLAGES[0]!)).toEqual([]);
    expect(recordMismatches(withPlaces({}), VILLAGES[1]!)).toEqual([]);
  });
});
