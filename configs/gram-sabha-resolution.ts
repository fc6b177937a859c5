// The Gram Sabha's resolution on a claim, as its minutes record it: the resolution's number, the day it
// was passed, and who was there. Rule 4(2) of the FRA Rules (as amended in 2012) makes a meeting's
// resolutions valid only with a quorum of at least half of all the Gram Sabha's members, at least a third
// of those present being women, and its resolutions on claims only with at least half of the claimants
// present, in person or by a representative: an SDLC remands a resolution passed without them, so it is
// refused here.
import { longDate } from "./india-day";
import type { WorkflowAction } from "./workflow";

export type GramSabhaResolution = {
  /** As the minutes number it: "GS/14/2026", "7 of 2025". */
  number: string;
  /** The day of the meeting (India's calendar), YYYY-MM-DD. */
  passedOn: string;
  /** All the Gram Sabha's members: every adult of the village on its electoral roll. */
  members: number;
  present: number;
  womenPresent: number;
  /** The claimants whose claims the sitting resolved on, and those of them present in person or by a
   *  representative. */
  claimants: number;
  claimantsPresent: number;
};

/** A resolution as the database keeps it: those recorded before FRA Atlas asked for the claimants lack them. */
export type RecordedResolution = Omit<GramSabhaResolution, "claimants" | "claimantsPresent"> & Partial<Pick<GramSabhaResolution, "claimants" | "claimantsPresent">>;

export const STEP_WITH_RESOLUTION: WorkflowAction = "record_gs_resolution";
export const MAX_RESOLUTION_NUMBER_CHARS = 40;
// The largest Gram Sabhas (a big village's adults) are a few thousand; more is a typing slip.
export const MAX_GRAM_SABHA_MEMBERS = 50_000;

export const RESOLUTION_REQUIRED = "a Gram Sabha resolution needs its number, the day it was passed, and the members and claimants present (Rule 4(2))";
export const RESOLUTION_ONLY_WITH_STEP = "the resolution's number, day and attendance go only with recording a Gram Sabha resolution";

/** Rule 4(2)'s quorum, in whole people: at least half of the members, a third of those present women, and
 *  half of the claimants present. */
export const quorumNeeded = (members: number) => Math.ceil(members / 2);
export const womenNeeded = (present: number) => Math.ceil(present / 3);
export const claimantsNeeded = (claimants: number) => Math.ceil(claimants / 2);

type Attendance = Pick<RecordedResolution, "members" | "present" | "womenPresent" | "claimants" | "claimantsPresent">;

/** Why the meeting's attendance makes no valid resolution, in words for the person recording it; null when it
 *  does. The members' quorum comes first: without it no resolution of the meeting stands. */
export function quorumProblem(r: Attendance): string | null {
  return membersQuorumProblem(r) ?? claimantsQuorumProblem(r);
}

/** The members' and women's quorum of Rule 4(2). */
export function membersQuorumProblem(r: Pick<Attendance, "members" | "present" | "womenPresent">): string | null {
  if (r.present > r.members) return `${r.present} present is more than the Gram Sabha's ${r.members} members`;
  if (r.womenPresent > r.present) return `${r.womenPresent} women present is more than the ${r.present} members present`;
  if (r.present < quorumNeeded(r.members)) {
    return `no quorum: ${r.present} of ${r.members} members were present, and Rule 4(2) needs at least half (${quorumNeeded(r.members)})`;
  }
  if (r.womenPresent < womenNeeded(r.present)) {
    return `no quorum: ${r.womenPresent} of the ${r.present} present were women, and Rule 4(2) needs at least a third (${womenNeeded(r.present)})`;
  }
  return null;
}

/** Rule 4(2)'s further proviso: half of the claimants whose claims it resolves on, present or represented. */
export function claimantsQuorumProblem({ claimants, claimantsPresent }: Pick<Attendance, "claimants" | "claimantsPresent">): string | null {
  if (claimants === undefined || claimantsPresent === undefined) return null; // recorded before they were asked
  if (claimantsPresent > claimants) return `${claimantsPresent} claimants present is more than the ${claimants} whose claims were resolved on`;
  if (claimantsPresent < claimantsNeeded(claimants)) {
    return `no quorum for claims: ${claimantsPresent} of the ${claimants} claimants were present or represented, and Rule 4(2) needs at least half (${claimantsNeeded(claimants)})`;
  }
  return null;
}

/** Why one resolution cannot cover `claims` claims: each has a claimant (a community's, its representatives),
 *  so a sitting heard at least as many claimants as the claims it resolved on. */
export function claimantsForClaimsProblem(claimants: number, claims: number): string | null {
  return claimants < claims ? `one resolution on ${claims} claims heard at least ${claims} claimants, not ${claimants}: each claim has at least one` : null;
}

/** Why the meeting cannot have been on `passedOn`: before the claim was filed, or after today in India. */
export function resolutionDayProblem(passedOn: string, filedOn: string | null, today: string): string | null {
  if (filedOn !== null && passedOn < filedOn) return `the resolution cannot have been passed on ${passedOn}: the claim was filed on ${filedOn}`;
  if (passedOn > today) return `the day the resolution was passed (${passedOn}) is after today in India (${today})`;
  return null;
}

/** "Resolution GS/14/2026 of 2 Mar 2026: 64 of 120 members present, 23 of them women; 9 of 12 claimants". */
export function resolutionText(r: RecordedResolution): string {
  const claimants = r.claimants === undefined ? "" : `; ${r.claimantsPresent ?? 0} of ${r.claimants} claimants`;
  return `Resolution ${r.number} of ${longDate(r.passedOn)}: ${r.present} of ${r.members} members present, ${r.womenPresent} of them women${claimants}`;
}
