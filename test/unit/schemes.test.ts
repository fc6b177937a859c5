import { describe, expect, it } from "vitest";
import { SCHEMES, schemesForTitle, titlesByScheme } from "@/configs/schemes";

const verdicts = (advice: ReturnType<typeof schemesForTitle>) => Object.fromEntries((advice ?? []).map((a) => [a.scheme, a.verdict]));

describe("the schemes a granted title opens (rules, not a model)", () => {
  it("opens none before the title is granted", () => {
    for (const status of ["received", "dlc_review", "dlc_rejected", "appeal"] as const) {
      expect(schemesForTitle({ type: "IFR", status, areaTitledHa: null, villageName: "Kasansur" })).toBeNull();
    }
  });

  it("takes an individual title into PM-KISAN and MGNREGA's 150 days, and leaves housing, water and DAJGUA to the household's and village's facts", () => {
    const advice = schemesForTitle({ type: "IFR", status: "title_granted", areaTitledHa: 1.25, villageName: "Kasansur" })!;
    expect(advice.map((a) => a.scheme)).toEqual([...SCHEMES]);
    expect(verdicts(advice)).toEqual({ pm_kisan: "eligible", mgnrega: "eligible", pmay_g: "check", jjm: "check", dajgua: "check" });
    const byScheme = Object.fromEntries(advice.map((a) => [a.scheme, a]));
    expect(byScheme.pm_kisan!.why).toMatch(/^A family holding 1\.25 ha of land by an individual title: ₹6,000 a year once the title is in the record of rights/);
    expect(byScheme.mgnrega!.why).toMatch(/150 days/);
    expect(byScheme.dajgua!.why).toMatch(/check that Kasansur is one of them/);
    expect(advice.every((a) => a.basis.length > 0)).toBe(true);
    // A title granted before the area was recorded is worded without one.
    expect(schemesForTitle({ type: "IFR", status: "title_granted", areaTitledHa: null, villageName: "Kasansur" })![0]!.why).toMatch(/^A family holding land by an individual title/);
  });

  it("keeps a community's title out of the family schemes, and takes a CFR title's management plan into DAJGUA", () => {
    expect(verdicts(schemesForTitle({ type: "CFR", status: "title_granted", areaTitledHa: 412.5, villageName: "Gatta" })))
      .toEqual({ pm_kisan: "not_for_this_title", mgnrega: "check", pmay_g: "not_for_this_title", jjm: "check", dajgua: "eligible" });
    expect(verdicts(schemesForTitle({ type: "CR", status: "title_granted", areaTitledHa: 80, villageName: "Gatta" })))
      .toEqual({ pm_kisan: "not_for_this_title", mgnrega: "check", pmay_g: "not_for_this_title", jjm: "check", dajgua: "check" });
  });

  it("counts a district's titles by scheme from its titles of each type", () => {
    const tally = Object.fromEntries(titlesByScheme({ IFR: 120, CR: 7, CFR: 3 }).map((t) => [t.scheme, t]));
    expect(tally.pm_kisan).toEqual({ scheme: "pm_kisan", eligible: 120, check: 0, eligibleTypes: ["IFR"] });
    expect(tally.mgnrega).toEqual({ scheme: "mgnrega", eligible: 120, check: 10, eligibleTypes: ["IFR"] });
    expect(tally.pmay_g).toEqual({ scheme: "pmay_g", eligible: 0, check: 120, eligibleTypes: [] });
    expect(tally.jjm).toEqual({ scheme: "jjm", eligible: 0, check: 130, eligibleTypes: [] });
    expect(tally.dajgua).toEqual({ scheme: "dajgua", eligible: 3, check: 127, eligibleTypes: ["CFR"] });
  });
});
