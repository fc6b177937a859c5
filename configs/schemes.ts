// The convergence schemes a titled family or community may draw on, read from its title and from what the
// line departments report of its village, by rules, not by a model (the domain brief, "Schemes that titled
// families are eligible for"). A title settles some eligibility outright; the village's facts (Jal Jeevan
// Mission's tap count, DAJGUA's list of villages, imported by census code) settle more; what turns on the
// household's own facts stays "check", with what to check and where. Nothing here decides: it tells the
// district official which line departments to send the title holder to.
import { longDate } from "./india-day";
import type { ClaimStatus, ClaimType } from "./workflow";

export const SCHEMES = ["pm_kisan", "mgnrega", "pmay_g", "jjm", "dajgua"] as const;
export type Scheme = (typeof SCHEMES)[number];

export const SCHEME_NAMES: Record<Scheme, string> = {
  pm_kisan: "PM-KISAN",
  mgnrega: "MGNREGA",
  pmay_g: "PM Awas Yojana - Gramin",
  jjm: "Jal Jeevan Mission",
  dajgua: "Dharti Aaba Janjatiya Gram Utkarsh Abhiyan",
};

/** eligible: the title (and its village) meet the scheme's rule, leaving only the scheme's own exclusions;
 *  check: facts not on record decide it; covered: the village's figures say the need is met already;
 *  not_eligible: the village's facts rule it out; not_for_this_title: the scheme does not reach this kind of title. */
export const SCHEME_VERDICTS = ["eligible", "check", "covered", "not_eligible", "not_for_this_title"] as const;
export type SchemeVerdict = (typeof SCHEME_VERDICTS)[number];
export const VERDICT_LABELS: Record<SchemeVerdict, string> = {
  eligible: "Eligible", check: "To check", covered: "Already covered", not_eligible: "Not eligible", not_for_this_title: "Not for this title",
};

export type SchemeAdvice = { scheme: Scheme; verdict: SchemeVerdict; why: string; basis: string };

/** A village's facts as the line departments reported them; null where nothing is recorded. */
export type VillageFacts = {
  households: number | null;
  householdsWithTap: number | null;
  tapAsOf: string | null;
  dajgua: boolean | null;
  dajguaAsOf: string | null;
};

/** PM-KISAN's exclusions that a title holder's family may fall under ("none" once checked and none does). */
export const PM_KISAN_EXCLUSIONS = ["income_tax", "pension", "professional", "constitutional_post"] as const;
export type PmKisanExclusion = (typeof PM_KISAN_EXCLUSIONS)[number];
export const PM_KISAN_EXCLUSION_LABELS: Record<PmKisanExclusion, string> = {
  income_tax: "a member paid income tax in the last assessment year",
  pension: "a member draws a pension of ₹10,000 a month or more",
  professional: "a member practises as a doctor, engineer, lawyer, chartered accountant or architect",
  constitutional_post: "a member holds or held a constitutional post",
};
export const HOUSES = ["pucca", "kutcha", "houseless"] as const;
export type House = (typeof HOUSES)[number];
export const HOUSE_LABELS: Record<House, string> = { pucca: "a pucca house", kutcha: "a kutcha house", houseless: "no house" };

/** What the district office has checked of a title holder's household; null where it has not. */
export type HouseholdFacts = {
  pmKisanExclusion: "none" | PmKisanExclusion | null;
  house: House | null;
  onAwaasPlus: boolean | null;
  hasTap: boolean | null;
};

export type TitleFacts = {
  type: ClaimType; status: ClaimStatus; areaTitledHa: number | null; villageName: string;
  villageFacts: VillageFacts | null; household: HouseholdFacts | null;
};

/** All that a verdict turns on: the title's type, two of its village's facts and its household's. The
 *  dashboard counts titles by these, so a state's titles are tallied from a few groups, not one by one. */
export type SchemeKey = { type: ClaimType; villageAllTaps: boolean | null; dajgua: boolean | null; household?: HouseholdFacts | null };

export function schemeKey(type: ClaimType, facts: VillageFacts | null, household: HouseholdFacts | null = null): SchemeKey {
  const { households, householdsWithTap } = facts ?? {};
  return {
    type,
    villageAllTaps: households != null && householdsWithTap != null ? householdsWithTap >= households : null,
    dajgua: facts?.dajgua ?? null,
    household,
  };
}

function pmayVerdict(h: HouseholdFacts | null): SchemeVerdict {
  if (h?.house === "pucca") return "not_eligible";
  if (h?.onAwaasPlus === true && h.house !== null) return "eligible";
  return "check";
}

export function schemeVerdicts(k: SchemeKey): Record<Scheme, SchemeVerdict> {
  const family = k.type === "IFR";
  const h = family ? (k.household ?? null) : null; // a community has no household
  const excluded = h?.pmKisanExclusion != null && h.pmKisanExclusion !== "none";
  return {
    pm_kisan: !family ? "not_for_this_title" : excluded ? "not_eligible" : "eligible",
    mgnrega: family ? "eligible" : "check", // a community's works go through the Gram Panchayat's labour budget
    pmay_g: family ? pmayVerdict(h) : "not_for_this_title", // the Awaas+ list and the house decide, not the title
    // The household's own tap, where checked, outranks the village's count.
    jjm: h?.hasTap === true ? "covered" : h?.hasTap === false ? "eligible" : k.villageAllTaps === true ? "covered" : "check",
    // A CFR title's management plan is funded wherever the Abhiyan runs; a village's schemes only on its list.
    dajgua: k.type === "CFR" || k.dajgua === true ? "eligible" : k.dajgua === false ? "not_eligible" : "check",
  };
}

const BASIS: Record<Scheme, string> = {
  pm_kisan: "Department of Agriculture's directive to the states of February 2019; MoEFCC and MoTA letter of March 2024",
  mgnrega: "MoRD directive of January 2014 (150 days); MGNREGA Schedule I, paragraph 5 (individual assets)",
  pmay_g: "MoRD, January 2014 (FRA title holders in rural housing); PMAY-G's Awaas+ list",
  jjm: "Jal Jeevan Mission: a functional tap connection for every rural household",
  dajgua: "MoTA's guidelines for DAJGUA's interventions, 30 October 2024",
};

const NOT_FAMILY = "A community's title: this scheme is for families, on their own land or home.";

function whyPmKisan(t: TitleFacts): string {
  if (t.type !== "IFR") return NOT_FAMILY;
  const exclusion = t.household?.pmKisanExclusion ?? null;
  if (exclusion !== null && exclusion !== "none") return `Excluded from PM-KISAN: ${PM_KISAN_EXCLUSION_LABELS[exclusion]}.`;
  const land = t.areaTitledHa === null ? "land" : `${t.areaTitledHa.toFixed(2)} ha of land`; // titles granted before the area was recorded have none
  const benefit = `A family holding ${land} by an individual title: ₹6,000 a year once the title is in the record of rights`;
  return exclusion === "none"
    ? `${benefit}; none of PM-KISAN's exclusions applies to the household.`
    : `${benefit}, unless one of PM-KISAN's exclusions applies (an income-tax payer, a pensioner of ₹10,000 a month or more, a practising professional, a holder of a constitutional post).`;
}

function whyMgnrega(t: TitleFacts): string {
  return t.type === "IFR"
    ? "Up to 150 days of wage work a year for the household, 50 beyond the Act's 100, and works on its own land (levelling, bunding, a farm pond, plantation) as individual assets."
    : "Soil and water conservation and plantation on the community's forest land can go into the Gram Panchayat's MGNREGA labour budget as public works: check the Gram Sabha's plan.";
}

function whyPmayG(t: TitleFacts, verdict: SchemeVerdict): string {
  if (t.type !== "IFR") return NOT_FAMILY;
  const h = t.household;
  if (verdict === "not_eligible") return "The family has a pucca house: PMAY-G builds for the houseless and those in kutcha houses.";
  if (verdict === "eligible") return `The family has ${HOUSE_LABELS[h!.house!]} and is on the Awaas+ list: a house under PMAY-G as the list's priority reaches it.`;
  if (h?.onAwaasPlus === false) return `The family has ${h.house ? HOUSE_LABELS[h.house] : "a house not yet checked"} and is not on the Awaas+ list: check whether the Gram Sabha can add it at the list's next revision.`;
  return "Title holders were brought into rural housing in 2014; PMAY-G now draws on the Awaas+ survey: check that the family is on it and has no pucca house.";
}

function whyJjm(t: TitleFacts, verdict: SchemeVerdict): string {
  const f = t.villageFacts;
  const village = t.villageName;
  if (t.type === "IFR" && t.household?.hasTap === true) return "The household has a working tap connection.";
  if (t.type === "IFR" && t.household?.hasTap === false) return `The household in ${village} has no tap connection: Jal Jeevan Mission's to connect.`;
  if (f?.households == null || f.householdsWithTap == null || f.tapAsOf == null) {
    return t.type === "IFR" ? `Check that the household in ${village} has a working tap connection.` : `Check the tap connections of ${village}'s households.`;
  }
  const figures = `Jal Jeevan Mission's figures of ${longDate(f.tapAsOf)}`;
  if (verdict === "covered") return `Every one of ${village}'s ${f.households} households has a tap connection (${figures}).`;
  const without = f.households - f.householdsWithTap;
  return t.type === "IFR"
    ? `${without} of ${village}'s ${f.households} households had no tap connection (${figures}): check whether this household is one of them.`
    : `${without} of ${village}'s ${f.households} households had no tap connection (${figures}).`;
}

function whyDajgua(t: TitleFacts, verdict: SchemeVerdict): string {
  const village = t.villageName;
  const listed = t.villageFacts?.dajguaAsOf ? ` (DAJGUA's list as of ${longDate(t.villageFacts.dajguaAsOf)})` : "";
  if (t.type === "CFR") {
    return "DAJGUA funds the preparation and carrying out of a community forest resource management plan by the Gram Sabha's committee, in the districts the Abhiyan covers.";
  }
  if (verdict === "not_eligible") return `${village} is not one of DAJGUA's villages${listed}.`;
  if (verdict === "eligible") {
    return t.type === "IFR"
      ? `${village} is one of DAJGUA's villages${listed}: the family's schemes are to be saturated there, and title holders trained in sustainable farming.`
      : `${village} is one of DAJGUA's villages${listed}: the Abhiyan saturates its schemes there.`;
  }
  return t.type === "IFR"
    ? `In DAJGUA's villages (tribal-majority, or with a significant tribal population in an aspirational district or block) the family's schemes are to be saturated and title holders trained in sustainable farming: check that ${village} is one of them.`
    : `DAJGUA saturates schemes in its villages: check that ${village} is one of them.`;
}

const WHY: Record<Scheme, (t: TitleFacts, verdict: SchemeVerdict) => string> = {
  pm_kisan: whyPmKisan,
  mgnrega: whyMgnrega,
  pmay_g: whyPmayG,
  jjm: whyJjm,
  dajgua: whyDajgua,
};

const titleVerdicts = (t: TitleFacts) => schemeVerdicts(schemeKey(t.type, t.villageFacts, t.household));
const advised = (t: TitleFacts, scheme: Scheme, verdict: SchemeVerdict): SchemeAdvice => ({ scheme, verdict, why: WHY[scheme](t, verdict), basis: BASIS[scheme] });

/** What one scheme makes of a granted title (a scheme's list words only its own: thousands of titles). */
export function schemeAdvice(t: TitleFacts, scheme: Scheme): SchemeAdvice {
  return advised(t, scheme, titleVerdicts(t)[scheme]);
}

/** The schemes a granted title opens, one entry a scheme in SCHEMES' order; null before a title is granted. */
export function schemesForTitle(t: TitleFacts): SchemeAdvice[] | null {
  if (t.status !== "title_granted") return null;
  const verdicts = titleVerdicts(t);
  return SCHEMES.map((scheme) => advised(t, scheme, verdicts[scheme]));
}

export type SchemeTally = { scheme: Scheme; byVerdict: Record<SchemeVerdict, number> };

/** A district's titles by what each scheme makes of them, from its titles counted by SchemeKey. */
export function titlesByScheme(groups: readonly { key: SchemeKey; n: number }[]): SchemeTally[] {
  const verdicts = groups.map((g) => ({ n: g.n, of: schemeVerdicts(g.key) }));
  return SCHEMES.map((scheme) => {
    const byVerdict = Object.fromEntries(SCHEME_VERDICTS.map((v) => [v, 0])) as Record<SchemeVerdict, number>;
    for (const g of verdicts) byVerdict[g.of[scheme]] += g.n;
    return { scheme, byVerdict };
  });
}
