// The FRA claim workflow as data: statuses, who may move a claim, and where to.
// Source: FRA Rules 2008 (amended 2012), summarised in shared/docs/fra-domain.md.
import { z } from "zod";
import { addDays, daysBetween } from "./india-day";

export const CLAIM_STATUSES = [
  "received",
  "fld_verified",
  "gs_resolved",
  "sdlc_review",
  "sdlc_remanded",
  "sdlc_recommended",
  "sdlc_rejected",
  "dlc_review",
  "title_granted",
  "dlc_rejected",
  "appeal",
] as const;
export const claimStatusSchema = z.enum(CLAIM_STATUSES);
export type ClaimStatus = z.infer<typeof claimStatusSchema>;

export const CLAIM_TYPES = ["IFR", "CR", "CFR"] as const;
export const claimTypeSchema = z.enum(CLAIM_TYPES);
export type ClaimType = z.infer<typeof claimTypeSchema>;

export const ROLES = ["admin", "district_official", "field_staff"] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const STATUS_LABELS: Record<ClaimStatus, string> = {
  received: "Received by FRC",
  fld_verified: "Field verified",
  gs_resolved: "Gram Sabha resolved",
  sdlc_review: "SDLC review",
  sdlc_remanded: "Remanded to Gram Sabha",
  sdlc_recommended: "SDLC recommended",
  sdlc_rejected: "SDLC rejected",
  dlc_review: "DLC review",
  title_granted: "Title granted",
  dlc_rejected: "DLC rejected",
  appeal: "Under appeal",
};

// Colours chosen to read on a light map and to separate pending / positive / negative at a glance.
export const STATUS_COLORS: Record<ClaimStatus, string> = {
  received: "#9e9e9e",
  fld_verified: "#80cbc4",
  gs_resolved: "#4db6ac",
  sdlc_review: "#ffb300",
  sdlc_remanded: "#8d6e63",
  sdlc_recommended: "#7cb342",
  sdlc_rejected: "#e53935",
  dlc_review: "#fb8c00",
  title_granted: "#2e7d32",
  dlc_rejected: "#b71c1c",
  appeal: "#8e24aa",
};

export const TYPE_LABELS: Record<ClaimType, string> = {
  IFR: "Individual forest right (Form A)",
  CR: "Community rights (Form B)",
  CFR: "Community forest resource (Form C)",
};

export const WORKFLOW_ACTIONS = [
  "verify_in_field",
  "record_gs_resolution",
  "forward_to_sdlc",
  "sdlc_recommend",
  "sdlc_remand",
  "sdlc_reject",
  "forward_to_dlc",
  "grant_title",
  "dlc_reject",
  "file_appeal",
  "hear_appeal",
] as const;
export const workflowActionSchema = z.enum(WORKFLOW_ACTIONS);
export type WorkflowAction = z.infer<typeof workflowActionSchema>;

export type Transition = {
  action: WorkflowAction;
  label: string;
  from: readonly ClaimStatus[];
  // "rejecting_committee": an appeal goes back to the committee whose rejection is appealed.
  to: ClaimStatus | "rejecting_committee";
  roles: readonly Role[];
  // Rejections must be explained to the claimant in writing (Rule 12A), so they need a longer reason.
  minReasonLength: number;
};

const DECISION_REASON = 5;
const REJECTION_REASON = 20;

export const TRANSITIONS: readonly Transition[] = [
  { action: "verify_in_field", label: "Record field verification", from: ["received"], to: "fld_verified", roles: ["district_official", "field_staff"], minReasonLength: DECISION_REASON },
  { action: "record_gs_resolution", label: "Record Gram Sabha resolution", from: ["fld_verified", "sdlc_remanded"], to: "gs_resolved", roles: ["district_official", "field_staff"], minReasonLength: DECISION_REASON },
  { action: "forward_to_sdlc", label: "Forward to SDLC", from: ["gs_resolved"], to: "sdlc_review", roles: ["district_official"], minReasonLength: DECISION_REASON },
  { action: "sdlc_recommend", label: "SDLC: recommend", from: ["sdlc_review"], to: "sdlc_recommended", roles: ["district_official"], minReasonLength: DECISION_REASON },
  { action: "sdlc_remand", label: "SDLC: remand to Gram Sabha", from: ["sdlc_review"], to: "sdlc_remanded", roles: ["district_official"], minReasonLength: DECISION_REASON },
  { action: "sdlc_reject", label: "SDLC: reject", from: ["sdlc_review"], to: "sdlc_rejected", roles: ["district_official"], minReasonLength: REJECTION_REASON },
  { action: "forward_to_dlc", label: "Forward to DLC", from: ["sdlc_recommended"], to: "dlc_review", roles: ["district_official"], minReasonLength: DECISION_REASON },
  { action: "grant_title", label: "DLC: grant title", from: ["dlc_review"], to: "title_granted", roles: ["district_official"], minReasonLength: DECISION_REASON },
  { action: "dlc_reject", label: "DLC: reject", from: ["dlc_review"], to: "dlc_rejected", roles: ["district_official"], minReasonLength: REJECTION_REASON },
  { action: "file_appeal", label: "File appeal", from: ["sdlc_rejected", "dlc_rejected"], to: "appeal", roles: ["district_official", "field_staff"], minReasonLength: DECISION_REASON },
  { action: "hear_appeal", label: "Admit appeal for rehearing", from: ["appeal"], to: "rejecting_committee", roles: ["district_official"], minReasonLength: DECISION_REASON },
];

// The one step that may bring the parcel's boundary as found on the ground (drawn or walked there).
export const STEP_WITH_BOUNDARY: WorkflowAction = "verify_in_field";
export const BOUNDARY_ONLY_WITH_VERIFICATION = "a parcel boundary goes only with a field verification";

// The landmarks on each side of the land, as the FRC names them when it walks the boundary: the title
// describes the boundary by them (Annexures II to IV, "description of boundaries by prominent landmarks").
// They come with the same step as the boundary.
export const BOUNDARY_SIDES = ["north", "east", "south", "west"] as const;
export type BoundarySide = (typeof BOUNDARY_SIDES)[number];
export type BoundaryLandmarks = Record<BoundarySide, string>;
export const BOUNDARY_SIDE_LABELS: Record<BoundarySide, string> = { north: "North", east: "East", south: "South", west: "West" };
export const NO_LANDMARKS: BoundaryLandmarks = { north: "", east: "", south: "", west: "" };
/** The landmarks as a step carries them: trimmed, or none at all when no side is named. */
export function namedLandmarks(landmarks: BoundaryLandmarks): BoundaryLandmarks | undefined {
  const trimmed = { north: landmarks.north.trim(), east: landmarks.east.trim(), south: landmarks.south.trim(), west: landmarks.west.trim() };
  return BOUNDARY_SIDES.some((side) => trimmed[side] !== "") ? trimmed : undefined;
}
/** "North: nala to Kasansur; West: forest road", the sides named, in order. */
export function landmarksText(landmarks: BoundaryLandmarks, labels: Record<BoundarySide, string> = BOUNDARY_SIDE_LABELS): string {
  return BOUNDARY_SIDES.filter((side) => landmarks[side]).map((side) => `${labels[side]}: ${landmarks[side]}`).join("; ");
}
export const LANDMARKS_ONLY_WITH_VERIFICATION = "boundary landmarks go only with a field verification";
export const MAX_LANDMARK_CHARS = 200;

// The one step that records the extent recognised on the title (Forms C, D and E state it): often less than
// claimed, never more, and for an individual right at most 4 ha (Section 4(6)).
export const STEP_WITH_TITLED_AREA: WorkflowAction = "grant_title";
export const TITLED_AREA_REQUIRED = "a grant of title needs the area recognised on the title, in hectares";
export const TITLED_AREA_ONLY_WITH_GRANT = "an area recognised goes only with a grant of title";
export const IFR_MAX_HA = 4;

// The title each kind of claim is issued as, by the Rules' annexures.
export const TITLE_FORMS: Record<ClaimType, { annexure: string; heading: string }> = {
  IFR: { annexure: "Annexure II", heading: "Title for forest land under occupation" },
  CR: { annexure: "Annexure III", heading: "Title to community forest rights" },
  CFR: { annexure: "Annexure IV", heading: "Community forest resource" },
};

// The committees' two refusals (the SDLC's, the DLC's): an appeal reopens either.
export const REJECTED_STATUSES: readonly ClaimStatus[] = ["sdlc_rejected", "dlc_rejected"];
export const PENDING_STATUSES: readonly ClaimStatus[] = CLAIM_STATUSES.filter((s) => s !== "title_granted" && !REJECTED_STATUSES.includes(s));

// A rejected claimant is told the reasons in writing and may appeal within 60 days of receiving them
// (Section 6(2) and (4), Rule 12A). The day of receipt is recorded on the claim, not a step of the workflow:
// the status stays the rejection.
export const APPEAL_DAYS = 60;
// An appeal window closing within this many days is called out on the dashboard.
export const CLOSING_SOON_DAYS = 7;
export const NOTICE_RECEIPT_ENTRY = "record_notice_receipt";
export const NOTICE_RECEIPT_ROLES: readonly Role[] = ["district_official", "field_staff"];
// The district office's work on titles' schemes: importing village facts, checking a title holder's
// household, sending a scheme's list to its line department.
export const DISTRICT_OFFICE_ROLES: readonly Role[] = ["admin", "district_official"];
export const NOTICE_DELIVERIES = ["in_person", "registered_post", "gram_sabha"] as const;
export type NoticeDelivery = (typeof NOTICE_DELIVERIES)[number];
export const NOTICE_DELIVERY_LABELS: Record<NoticeDelivery, string> = {
  in_person: "handed to the claimant",
  registered_post: "by registered post",
  gram_sabha: "handed over at the Gram Sabha",
};
/** A notice's receipt as the audit trail records it (the server's entry, and the demo's). */
export const noticeReceiptReason = (receivedOn: string, delivery: NoticeDelivery, note: string) =>
  `Rejection notice received by the claimant on ${receivedOn}, ${NOTICE_DELIVERY_LABELS[delivery]}: ${note}`;
// What the list and map can be narrowed to among rejected claims.
export const NOTICE_STATES = ["undelivered", "appeal_open", "appeal_closed"] as const;
export type NoticeState = (typeof NOTICE_STATES)[number];
export const NOTICE_STATE_LABELS: Record<NoticeState, string> = {
  undelivered: "Rejected, notice not yet delivered",
  appeal_open: "Rejected, appeal window open",
  appeal_closed: "Rejected, appeal window closed",
};

export type AppealWindow = { receivedOn: string; appealBy: string; daysLeft: number };

/** The last day to appeal (the 60th after receipt: the day of receipt is not counted) and the days from
 *  `today` to it: 0 on the last day, negative once the window has closed. Days are India's calendar days. */
export function appealWindow(receivedOn: string, today: string): AppealWindow {
  const appealBy = addDays(receivedOn, APPEAL_DAYS);
  return { receivedOn, appealBy, daysLeft: daysBetween(today, appealBy) };
}

/** Why a notice's day of receipt cannot be: before the rejection it gives notice of, or after `today`
 *  (India's days); null when it can. The server and the tablet refuse with the same words. */
export function receiptDayProblem(receivedOn: string, rejectedOn: string | null, today: string): string | null {
  if (rejectedOn !== null && receivedOn < rejectedOn) return `the notice cannot have been received on ${receivedOn}: the claim was rejected on ${rejectedOn}`;
  if (receivedOn > today) return `the day received (${receivedOn}) is after today in India (${today})`;
  return null;
}

export function transitionFor(action: WorkflowAction): Transition {
  const t = TRANSITIONS.find((x) => x.action === action);
  if (!t) throw new Error(`unknown workflow action ${action}`);
  return t;
}

/** The actions a user with `role` may take on a claim in `status`. */
export function availableActions(status: ClaimStatus, role: Role): Transition[] {
  return TRANSITIONS.filter((t) => t.from.includes(status) && t.roles.includes(role));
}

/** The steps `role` may take on every one of claims at `statuses` at once (a committee's decision on
 *  many): each must leave from all of those stages, and a grant, which states each claim's own area, never is. */
export function stepsOpenToAll(statuses: readonly ClaimStatus[], role: Role): Transition[] {
  if (statuses.length === 0) return [];
  return TRANSITIONS.filter((t) => t.action !== STEP_WITH_TITLED_AREA && t.roles.includes(role) && statuses.every((s) => t.from.includes(s)));
}

export type TransitionCheck =
  | { ok: true; to: ClaimStatus }
  | { ok: false; code: "ILLEGAL_TRANSITION" | "FORBIDDEN_ROLE" | "REASON_REQUIRED"; message: string };

/**
 * Pure check of one workflow step. `rejectedStatus` is the rejection an appeal reopens
 * (read from the audit trail by the caller); it is needed only for hear_appeal.
 */
export function checkTransition(args: {
  action: WorkflowAction;
  from: ClaimStatus;
  role: Role;
  reason: string;
  rejectedStatus?: ClaimStatus;
}): TransitionCheck {
  const t = transitionFor(args.action);
  if (!t.from.includes(args.from)) {
    return {
      ok: false,
      code: "ILLEGAL_TRANSITION",
      message: `"${t.label}" is not allowed for a claim that is ${STATUS_LABELS[args.from]} (allowed from: ${t.from.map((s) => STATUS_LABELS[s]).join(", ")})`,
    };
  }
  if (!t.roles.includes(args.role)) {
    return { ok: false, code: "FORBIDDEN_ROLE", message: `the role ${args.role} may not "${t.label}"` };
  }
  if (args.reason.trim().length < t.minReasonLength) {
    return {
      ok: false,
      code: "REASON_REQUIRED",
      message: `"${t.label}" needs a written reason of at least ${t.minReasonLength} characters`,
    };
  }
  if (t.to !== "rejecting_committee") return { ok: true, to: t.to };
  if (args.rejectedStatus === "sdlc_rejected") return { ok: true, to: "sdlc_review" };
  if (args.rejectedStatus === "dlc_rejected") return { ok: true, to: "dlc_review" };
  return { ok: false, code: "ILLEGAL_TRANSITION", message: "the appealed rejection could not be found in the audit trail" };
}
