import { describe, expect, it } from "vitest";
import { SCHEMES, schemesForTitle, titlesByScheme, type HouseholdFacts, type TitleFacts, type VillageFacts } from "@/configs/schemes";

const verdicts = (advice: ReturnType<typeof schemesForTitle>) => Object.fromEntries((advice ?? []).map((a) => [a.scheme, a.verdict]));
const title = (t: Partial<TitleFacts> = {}): TitleFacts => ({ type: "IFR", status: "title_granted", areaTitledHa: 1.25, villageName: "Kasansur", villageFacts: null, household: null, ...t });
const facts = (f: Partial<VillageFacts>): VillageFacts => ({ households: null, householdsWithTap: null, tapAsOf: null, dajgua: null, dajguaAsOf: null, ...f });
const whyOf = (advice: ReturnType<typeof schemesForTitle>, scheme: string) => advice!.find((a) => a.scheme === scheme)!.why;

describe("the schemes a granted title opens (rules, not a model)", () => {
  it("opens none before the title is granted", () => {
    for (const status of ["received", "dlc_review", "dlc_rejected", "appeal"] as const) {
      expect(schemesForTitle(title({ status, areaTitledHa: null }))).toBeNull();
    }
  });

  it("takes an individual title into PM-KISAN and MGNREGA's 150 days, and leaves housing, water and DAJGUA to check when nothing is recorded of its village", () => {
    const advice = schemesForTitle(title())!;
    expect(advice.map((a) => a.scheme)).toEqual([...SCHEMES]);
    expect(verdicts(advice)).toEqual({ pm_kisan: "eligible", mgnrega: "eligible", pmay_g: "check", jjm: "check", dajgua: "check" });
    expect(whyOf(advice, "pm_kisan")).toMatch(/^A family holding 1\.25 ha of land by an individual title: ₹6,000 a year once the title is in the record of rights/);
    expect(whyOf(advice, "mgnrega")).toMatch(/150 days/);
    expect(whyOf(advice, "dajgua")).toMatch(/check that Kasansur is one of them/);
    expect(advice.every((a) => a.basis.length > 0)).toBe(true);
    // A title granted before the area was recorded is worded without one.
    expect(schemesForTitle(title({ areaTitledHa: null }))![0]!.why).toMatch(/^A family holding land by an individual title/);
  });

  it("keeps a community's title out of the family schemes, and takes a CFR title's management plan into DAJGUA", () => {
    expect(verdicts(schemesForTitle(title({ type: "CFR", areaTitledHa: 412.5, villageName: "Gatta" }))))
      .toEqual({ pm_kisan: "not_for_this_title", mgnrega: "check", pmay_g: "not_for_this_title", jjm: "check", dajgua: "eligible" });
    expect(verdicts(schemesForTitle(title({ type: "CR", areaTitledHa: 80, villageName: "Gatta" }))))
      .toEqual({ pm_kisan: "not_for_this_title", mgnrega: "check", pmay_g: "not_for_this_title", jjm: "check", dajgua: "check" });
  });

  it("reads Jal Jeevan Mission's tap count of the village: every household covered, or how many are not", () => {
    const all = schemesForTitle(title({ villageFacts: facts({ households: 120, householdsWithTap: 120, tapAsOf: "2025-03-31" }) }));
    expect(verdicts(all).jjm).toBe("covered");
    expect(whyOf(all, "jjm")).toBe("Every one of Kasansur's 120 households has a tap connection (Jal Jeevan Mission's figures of 31 Mar 2025).");
    const some = schemesForTitle(title({ villageFacts: facts({ households: 120, householdsWithTap: 84, tapAsOf: "2025-03-31" }) }));
    expect(verdicts(some).jjm).toBe("check");
    expect(whyOf(some, "jjm")).toMatch(/^36 of Kasansur's 120 households had no tap connection .*: check whether this household is one of them\.$/);
    const community = schemesForTitle(title({ type: "CR", villageFacts: facts({ households: 50, householdsWithTap: 10, tapAsOf: "2025-03-31" }) }));
    expect(whyOf(community, "jjm")).toMatch(/^40 of Kasansur's 50 households had no tap connection/);
  });

  it("reads DAJGUA's list: a listed village's titles are eligible, an unlisted one's are not, and a CFR plan is either way", () => {
    const listed = facts({ dajgua: true, dajguaAsOf: "2025-01-15" });
    const unlisted = facts({ dajgua: false, dajguaAsOf: "2025-01-15" });
    expect(verdicts(schemesForTitle(title({ villageFacts: listed }))).dajgua).toBe("eligible");
    expect(whyOf(schemesForTitle(title({ villageFacts: listed })), "dajgua")).toMatch(/^Kasansur is one of DAJGUA's villages \(DAJGUA's list as of 15 Jan 2025\)/);
    expect(verdicts(schemesForTitle(title({ villageFacts: unlisted }))).dajgua).toBe("not_eligible");
    expect(verdicts(schemesForTitle(title({ type: "CR", villageFacts: unlisted }))).dajgua).toBe("not_eligible");
    expect(verdicts(schemesForTitle(title({ type: "CFR", villageFacts: unlisted }))).dajgua).toBe("eligible");
    // Tap figures alone leave DAJGUA to check, and the reverse.
    expect(verdicts(schemesForTitle(title({ villageFacts: facts({ households: 9, householdsWithTap: 9, tapAsOf: "2025-03-31" }) }))).dajgua).toBe("check");
    expect(verdicts(schemesForTitle(title({ villageFacts: listed }))).jjm).toBe("check");
  });

  it("reads the household's facts where the office checked them: PM-KISAN's exclusions, the house and Awaas+, its own tap over the village's count", () => {
    const household = (h: Partial<HouseholdFacts>): HouseholdFacts => ({ pmKisanExclusion: null, house: null, onAwaasPlus: null, hasTap: null, ...h });
    const covered = facts({ households: 120, householdsWithTap: 120, tapAsOf: "2025-03-31" });
    const excluded = schemesForTitle(title({ household: household({ pmKisanExclusion: "pension" }) }));
    expect(verdicts(excluded).pm_kisan).toBe("not_eligible");
    expect(whyOf(excluded, "pm_kisan")).toBe("Excluded from PM-KISAN: a member draws a pension of ₹10,000 a month or more.");
    const checked = schemesForTitle(title({ household: household({ pmKisanExclusion: "none", house: "kutcha", onAwaasPlus: true, hasTap: false }), villageFacts: covered }));
    expect(verdicts(checked)).toEqual({ pm_kisan: "eligible", mgnrega: "eligible", pmay_g: "eligible", jjm: "eligible", dajgua: "check" });
    expect(whyOf(checked, "pm_kisan")).toMatch(/; none of PM-KISAN's exclusions applies to the household\.$/);
    expect(whyOf(checked, "pmay_g")).toBe("The family has a kutcha house and is on the Awaas+ list: a house under PMAY-G as the list's priority reaches it.");
    expect(whyOf(checked, "jjm")).toBe("The household in Kasansur has no tap connection: Jal Jeevan Mission's to connect.");
    expect(verdicts(schemesForTitle(title({ household: household({ house: "pucca", onAwaasPlus: true }) }))).pmay_g).toBe("not_eligible");
    expect(whyOf(schemesForTitle(title({ household: household({ house: "houseless", onAwaasPlus: false }) })), "pmay_g")).toMatch(/^The family has no house and is not on the Awaas\+ list: check whether/);
    expect(verdicts(schemesForTitle(title({ household: household({ hasTap: true }) }))).jjm).toBe("covered");
    // A community has no household: facts recorded against one are not read.
    expect(verdicts(schemesForTitle(title({ type: "CR", household: household({ hasTap: false }), villageFacts: covered }))).jjm).toBe("covered");
  });

  it("counts a district's titles by scheme from its titles grouped by type and village facts", () => {
    const tally = Object.fromEntries(titlesByScheme([
      { key: { type: "IFR", villageAllTaps: null, dajgua: null }, n: 100 },
      { key: { type: "IFR", villageAllTaps: true, dajgua: true }, n: 15 },
      { key: { type: "IFR", villageAllTaps: false, dajgua: false }, n: 5 },
      { key: { type: "CR", villageAllTaps: null, dajgua: true }, n: 7 },
      { key: { type: "CFR", villageAllTaps: true, dajgua: false }, n: 3 },
    ]).map((t) => [t.scheme, t.byVerdict]));
    expect(tally.pm_kisan).toEqual({ eligible: 120, check: 0, covered: 0, not_eligible: 0, not_for_this_title: 10 });
    expect(tally.mgnrega).toEqual({ eligible: 120, check: 10, covered: 0, not_eligible: 0, not_for_this_title: 0 });
    expect(tally.pmay_g).toEqual({ eligible: 0, check: 120, covered: 0, not_eligible: 0, not_for_this_title: 10 });
    expect(tally.jjm).toEqual({ eligible: 0, check: 112, covered: 18, not_eligible: 0, not_for_this_title: 0 });
    expect(tally.dajgua).toEqual({ eligible: 25, check: 100, covered: 0, not_eligible: 5, not_for_this_title: 0 });
  });
});
