"use client";
// The Gram Sabha's resolution as its minutes record it: number, day, and the attendance of its members and
// of the claimants whose claims it resolved on. The quorum of Rule 4(2)
// is checked as it is typed, so that a resolution the SDLC would send back is seen before it is recorded.
// Used on the review map (one claim, or a sitting's many) and on the tablet.
import { gramSabhaResolutionSchema } from "@/configs/contracts/claims";
import {
  claimantsNeeded, MAX_GRAM_SABHA_MEMBERS, MAX_RESOLUTION_NUMBER_CHARS, quorumNeeded, resolutionDayProblem, STEP_WITH_RESOLUTION, womenNeeded, type GramSabhaResolution,
} from "@/configs/gram-sabha-resolution";
import { indiaDayOf } from "@/configs/india-day";
import { asSentence } from "@/configs/sentence";

export type ResolutionDraft = Record<keyof GramSabhaResolution, string>;
export const NO_RESOLUTION: ResolutionDraft = { number: "", passedOn: "", members: "", present: "", womenPresent: "", claimants: "", claimantsPresent: "" };

const COUNTS = ["members", "present", "womenPresent", "claimants", "claimantsPresent"] as const;
const wholeNumber = (text: string) => (/^\d{1,6}$/.test(text.trim()) ? Number(text) : null);

/** The resolution typed, or why it cannot be recorded yet (`filedOn`: the claim's filing day, where known):
 *  the contract's first objection (a quorum, a member at least), then the day's. */
export function readResolution(draft: ResolutionDraft, filedOn: string | null, today = indiaDayOf(Date.now())): { resolution: GramSabhaResolution } | { problem: string } {
  const [members, present, womenPresent, claimants, claimantsPresent] = COUNTS.map((k) => wholeNumber(draft[k]));
  if (!draft.number.trim() || !draft.passedOn || members == null || present == null || womenPresent == null || claimants == null || claimantsPresent == null) {
    return { problem: "Give the resolution's number, the day it was passed, the members, those present and the women present, and the claimants and those present, as whole numbers." };
  }
  const parsed = gramSabhaResolutionSchema.safeParse({ number: draft.number, passedOn: draft.passedOn, members, present, womenPresent, claimants, claimantsPresent });
  if (!parsed.success) return { problem: asSentence(parsed.error.issues[0]!.message) };
  const dayProblem = resolutionDayProblem(parsed.data.passedOn, filedOn, today);
  return dayProblem ? { problem: asSentence(dayProblem) } : { resolution: parsed.data };
}

/** What a chosen step takes from the form: the resolution, for a Gram Sabha's step, and whether it is still wanting. */
export function resolutionForStep(action: string, draft: ResolutionDraft, filedOn: string | null, today?: string): { gsResolution: GramSabhaResolution | undefined; wanting: boolean } {
  if (action !== STEP_WITH_RESOLUTION) return { gsResolution: undefined, wanting: false };
  const read = readResolution(draft, filedOn, today);
  return "resolution" in read ? { gsResolution: read.resolution, wanting: false } : { gsResolution: undefined, wanting: true };
}

export function ResolutionFields({ value, onChange, filedOn }: { value: ResolutionDraft; onChange: (next: ResolutionDraft) => void; filedOn: string | null }) {
  const read = readResolution(value, filedOn);
  const typed = COUNTS.some((k) => value[k] !== "");
  const field = (key: keyof GramSabhaResolution, label: string, props: React.InputHTMLAttributes<HTMLInputElement>) => (
    <label>
      {label}
      <input {...props} aria-label={label} value={value[key]} onChange={(e) => onChange({ ...value, [key]: e.target.value })} />
    </label>
  );
  const count = { type: "number", inputMode: "numeric", min: 0, max: MAX_GRAM_SABHA_MEMBERS, step: 1 } as const;
  return (
    <fieldset className="resolution">
      <legend>Gram Sabha resolution, from the minutes</legend>
      {field("number", "Resolution number", { placeholder: "e.g. GS/14/2026", maxLength: MAX_RESOLUTION_NUMBER_CHARS })}
      {field("passedOn", "Passed on", { type: "date", max: indiaDayOf(Date.now()), ...(filedOn ? { min: filedOn } : {}) })}
      {field("members", "Members of the Gram Sabha", count)}
      {field("present", "Members present", count)}
      {field("womenPresent", "Women present", count)}
      {field("claimants", "Claimants whose claims it resolved on", count)}
      {field("claimantsPresent", "Claimants present or represented", count)}
      {"resolution" in read ? (
        <small className="ok" role="status">
          Quorum met (Rule 4(2)): {read.resolution.present} present of {read.resolution.members}, at least {quorumNeeded(read.resolution.members)};
          {" "}{read.resolution.womenPresent} women, at least {womenNeeded(read.resolution.present)};
          {" "}{read.resolution.claimantsPresent} of {read.resolution.claimants} claimants, at least {claimantsNeeded(read.resolution.claimants)}.
        </small>
      ) : typed && <small className="error" role="status">{read.problem}</small>}
    </fieldset>
  );
}
