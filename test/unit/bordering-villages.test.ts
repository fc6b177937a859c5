import { describe, expect, it } from "vitest";
import { borderingVillagesFromText, compareBorderingVillages, titleBorderingVillages } from "@/configs/bordering-villages";
import { newClaimSchema } from "@/configs/contracts/claims";

const ON_MAP = [
  { name: "Gatta", nameLocal: "गट्टा" },
  { name: "Kotmi", nameLocal: "कोटमी" },
  { name: "Pipli Tola", nameLocal: "पिपली टोला" },
];

describe("Form C's bordering villages against the mapped boundary", () => {
  it("matches a name written on the form to a village on the map by either spelling, whatever the case, spacing and punctuation", () => {
    expect(compareBorderingVillages(["GATTĀ", "कोटमी", "Pipli-tola"], ON_MAP)).toEqual({ confirmed: ON_MAP, notOnMap: [], notNamed: [] });
    // A vowel sign makes another name.
    expect(compareBorderingVillages(["कटमी"], ON_MAP).notOnMap).toEqual(["कटमी"]);
  });

  it("names what the form lists that the boundary does not reach, and what the boundary reaches that the form does not list", () => {
    expect(compareBorderingVillages(["Gatta", "Hedri"], ON_MAP)).toEqual({
      confirmed: [ON_MAP[0]], notOnMap: ["Hedri"], notNamed: [ON_MAP[1], ON_MAP[2]],
    });
    expect(compareBorderingVillages([], ON_MAP)).toEqual({ confirmed: [], notOnMap: [], notNamed: ON_MAP });
  });

  it("prints on a title the form's names with their spelling on record where the map has them, or the map's where the form named none", () => {
    expect(titleBorderingVillages(["kotmi", "Hedri"], ON_MAP)).toEqual([ON_MAP[1], { name: "Hedri", nameLocal: "" }]);
    expect(titleBorderingVillages([], ON_MAP)).toEqual(ON_MAP);
  });

  it("reads a typed list: commas, semicolons or lines between names, spaces tidied, a repeat dropped", () => {
    expect(borderingVillagesFromText("Gatta,  Kotmi;\nPipli   Tola\n\ngatta, ")).toEqual(["Gatta", "Kotmi", "Pipli Tola"]);
    expect(borderingVillagesFromText(" , ;")).toEqual([]);
  });

  it("is part of a community forest resource claim only, at most 30 names, none blank", () => {
    const claim = { type: "CFR", claimantName: "Gram Sabha Gatta", category: "ST", villageId: 1, areaClaimedHa: 120, filedOn: "2011-02-01" };
    expect(newClaimSchema.parse({ ...claim, borderingVillages: ["Kotmi"] }).borderingVillages).toEqual(["Kotmi"]);
    expect(newClaimSchema.parse(claim).borderingVillages).toEqual([]);
    const issues = (input: object) => newClaimSchema.safeParse(input).error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(issues({ ...claim, type: "CR", rightsClaimed: ["grazing"], borderingVillages: ["Kotmi"] })).toEqual(["borderingVillages: only a community forest resource claim (Form C) names its bordering villages"]);
    expect(issues({ ...claim, borderingVillages: Array.from({ length: 31 }, (_, i) => `V${i}`) })).toEqual(["borderingVillages: name at most 30 bordering villages"]);
    expect(issues({ ...claim, borderingVillages: ["Kotmi", "  "] })).toEqual(["borderingVillages.1: a bordering village needs a name"]);
  });
});
