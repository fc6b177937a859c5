// The convergence schemes a titled family or community may draw on, read from its title by rules, not by a
// model (the domain brief, "Schemes that titled families are eligible for"). A title settles some
// eligibility outright; the rest turns on household or village facts that a claim does not hold, so those
// schemes are marked "check", with what to check and where. Nothing here decides: it tells the district
// official which line departments to send the title holder to.
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

/** eligible: the title meets the scheme's rule, leaving only the scheme's own exclusions; check: facts the
 *  claim does not hold decide it; not_for_this_title: the scheme does not reach this kind of title. */
export type SchemeVerdict = "eligible" | "check" | "not_for_this_title";
export const VERDICT_LABELS: Record<SchemeVerdict, string> = { eligible: "Eligible", check: "To check", not_for_this_title: "Not for this title" };

export type SchemeAdvice = { scheme: Scheme; verdict: SchemeVerdict; why: string; basis: string };

export type TitleFacts = { type: ClaimType; status: ClaimStatus; areaTitledHa: number | null; villageName: string };

const BASIS: Record<Scheme, string> = {
  pm_kisan: "Department of Agriculture's directive to the states of February 2019; MoEFCC and MoTA letter of March 2024",
  mgnrega: "MoRD directive of January 2014 (150 days); MGNREGA Schedule I, paragraph 5 (individual assets)",
  pmay_g: "MoRD, January 2014 (FRA title holders in rural housing); PMAY-G's Awaas+ list",
  jjm: "Jal Jeevan Mission: a functional tap connection for every rural household",
  dajgua: "MoTA's guidelines for DAJGUA's interventions, 30 October 2024",
};

function individualTitle(areaHa: number | null, village: string): Record<Scheme, Omit<SchemeAdvice, "scheme" | "basis">> {
  const land = areaHa === null ? "land" : `${areaHa.toFixed(2)} ha of land`; // titles granted before the area was recorded have none
  return {
    pm_kisan: {
      verdict: "eligible",
      why: `A family holding ${land} by an individual title: ₹6,000 a year once the title is in the record of rights, unless one of PM-KISAN's exclusions applies (an income-tax payer, a pensioner of ₹10,000 a month or more, a practising professional, a holder of a constitutional post).`,
    },
    mgnrega: {
      verdict: "eligible",
      why: `Up to 150 days of wage work a year for the household, 50 beyond the Act's 100, and works on its own land (levelling, bunding, a farm pond, plantation) as individual assets.`,
    },
    pmay_g: {
      verdict: "check",
      why: "Title holders were brought into rural housing in 2014; PMAY-G now draws on the Awaas+ survey: check that the family is on it and has no pucca house.",
    },
    jjm: { verdict: "check", why: `Check that the household in ${village} has a working tap connection.` },
    dajgua: {
      verdict: "check",
      why: `In DAJGUA's villages (tribal-majority, or with a significant tribal population in an aspirational district or block) the family's schemes are to be saturated and title holders trained in sustainable farming: check that ${village} is one of them.`,
    },
  };
}

function communityTitle(type: "CR" | "CFR", village: string): Record<Scheme, Omit<SchemeAdvice, "scheme" | "basis">> {
  const notFamily = "A community's title: this scheme is for families, on their own land or home.";
  return {
    pm_kisan: { verdict: "not_for_this_title", why: notFamily },
    mgnrega: {
      verdict: "check",
      why: "Soil and water conservation and plantation on the community's forest land can go into the Gram Panchayat's MGNREGA labour budget as public works: check the Gram Sabha's plan.",
    },
    pmay_g: { verdict: "not_for_this_title", why: notFamily },
    jjm: { verdict: "check", why: `Check the tap connections of ${village}'s households.` },
    dajgua: type === "CFR"
      ? { verdict: "eligible", why: "DAJGUA funds the preparation and carrying out of a community forest resource management plan by the Gram Sabha's committee, in the districts the Abhiyan covers." }
      : { verdict: "check", why: `DAJGUA saturates schemes in its villages: check that ${village} is one of them.` },
  };
}

/** The schemes a granted title opens, one entry a scheme in SCHEMES' order; null before a title is granted. */
export function schemesForTitle(t: TitleFacts): SchemeAdvice[] | null {
  if (t.status !== "title_granted") return null;
  const advice = t.type === "IFR" ? individualTitle(t.areaTitledHa, t.villageName) : communityTitle(t.type, t.villageName);
  return SCHEMES.map((scheme) => ({ scheme, ...advice[scheme], basis: BASIS[scheme] }));
}

export type SchemeTally = { scheme: Scheme; eligible: number; check: number; eligibleTypes: ClaimType[] };

/** A district's titles by what each scheme makes of them, from its count of titles of each type (the
 *  verdicts turn on the title's type alone; the area and village only word them). */
export function titlesByScheme(titlesByType: Readonly<Record<ClaimType, number>>): SchemeTally[] {
  const verdicts = (Object.keys(titlesByType) as ClaimType[]).map((type) => ({
    type, n: titlesByType[type], advice: schemesForTitle({ type, status: "title_granted", areaTitledHa: null, villageName: "" })!,
  }));
  return SCHEMES.map((scheme) => {
    const of = (verdict: SchemeVerdict) => verdicts.filter((v) => v.advice.find((a) => a.scheme === scheme)!.verdict === verdict);
    return {
      scheme,
      eligible: of("eligible").reduce((a, v) => a + v.n, 0),
      check: of("check").reduce((a, v) => a + v.n, 0),
      eligibleTypes: of("eligible").map((v) => v.type),
    };
  });
}
