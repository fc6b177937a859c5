// What crosses the wire about claims: filters, pages, workflow steps, new claims. Used by the tRPC
// routers, the tile and export routes, and the browser.
import { z } from "zod";
import {
  IFR_MAX_HA, LANDMARKS_ONLY_WITH_VERIFICATION, MAX_LANDMARK_CHARS, NOTICE_DELIVERIES, NOTICE_STATES, STEP_WITH_BOUNDARY, STEP_WITH_TITLED_AREA, TITLED_AREA_ONLY_WITH_GRANT,
  TITLED_AREA_REQUIRED, claimStatusSchema, claimTypeSchema, workflowActionSchema, type BoundaryLandmarks, type BoundarySide, type WorkflowAction,
} from "../workflow";
import { BORDERING_ONLY_CFR, MAX_BORDERING_VILLAGES, MAX_VILLAGE_NAME_CHARS } from "../bordering-villages";
import { COMMUNITY_RIGHTS, CR_NAMES_A_RIGHT, RIGHTS_ONLY_COMMUNITY } from "../community-rights";
import {
  claimantsForClaimsProblem, claimantsQuorumProblem, MAX_GRAM_SABHA_MEMBERS, MAX_RESOLUTION_NUMBER_CHARS, membersQuorumProblem, RESOLUTION_ONLY_WITH_STEP, RESOLUTION_REQUIRED, STEP_WITH_RESOLUTION, type GramSabhaResolution,
} from "../gram-sabha-resolution";
import { polygonGeometrySchema } from "./geojson";

// A calendar day that exists: JavaScript's parser takes 30 February as 2 March, so the day must read back the same.
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "use a date as YYYY-MM-DD")
  .refine((s) => !Number.isNaN(Date.parse(s)) && new Date(Date.parse(s)).toISOString().slice(0, 10) === s, "not a real date");
const id = z.number().int().positive();

export const bboxSchema = z
  .tuple([z.number().min(-180).max(180), z.number().min(-90).max(90), z.number().min(-180).max(180), z.number().min(-90).max(90)])
  .refine(([w, s, e, n]) => w <= e && s <= n, "bbox must be [west, south, east, north]");

export const claimFilterSchema = z
  .object({
    types: z.array(claimTypeSchema).max(3).optional(),
    statuses: z.array(claimStatusSchema).max(11).optional(),
    districtId: id.optional(),
    tehsilId: id.optional(),
    villageId: id.optional(),
    filedFrom: isoDate.optional(),
    filedTo: isoDate.optional(),
    areaMinHa: z.number().min(0).max(1_000_000).optional(),
    areaMaxHa: z.number().min(0).max(1_000_000).optional(),
    q: z.string().trim().min(1).max(100).optional(),
    bbox: bboxSchema.optional(),
    // Rejected claims by their notice: not yet delivered, or the appeal window open or closed today.
    notice: z.enum(NOTICE_STATES).optional(),
  })
  .strict()
  .refine((f) => !f.filedFrom || !f.filedTo || f.filedFrom <= f.filedTo, "filedFrom must not be after filedTo")
  .refine((f) => f.areaMinHa === undefined || f.areaMaxHa === undefined || f.areaMinHa <= f.areaMaxHa, "areaMinHa must not exceed areaMaxHa");
export type ClaimFilter = z.infer<typeof claimFilterSchema>;

export const MAX_PAGE_SIZE = 200;
export const claimSortSchema = z.enum(["recent", "filed", "area", "claim_no"]);

export const claimListInputSchema = z
  .object({
    filter: claimFilterSchema.default({}),
    sort: claimSortSchema.default("recent"),
    limit: z.number().int().min(1).max(MAX_PAGE_SIZE, `at most ${MAX_PAGE_SIZE} claims per page`).default(50),
    offset: z.number().int().min(0).max(100_000).default(0),
  })
  .strict();
export type ClaimListInput = z.infer<typeof claimListInputSchema>;

export const claimIdSchema = z.object({ id: z.string().uuid("not a claim id") }).strict();
// The map's tiles carry claim numbers, not ids (a uuid was a third of a tile's bytes), so a claim opens by either.
export const claimNoSchema = z.string().trim().min(1).max(40).regex(/^[A-Za-z0-9][A-Za-z0-9/-]*$/, "not a claim number");
export const claimRefSchema = z.union([claimIdSchema, z.object({ claimNo: claimNoSchema }).strict()], { error: "give the claim's id or its claim number (one of the two)" });
export type ClaimRef = z.infer<typeof claimRefSchema>;

// A boundary's landmarks, side by side; a side with none named is an empty string.
const landmark = (side: BoundarySide) => z.string().trim().max(MAX_LANDMARK_CHARS, `the landmark to the ${side} is at most ${MAX_LANDMARK_CHARS} characters`);
export const boundaryLandmarksSchema = z
  .object({ north: landmark("north"), east: landmark("east"), south: landmark("south"), west: landmark("west") })
  .strict()
  .refine((l) => Object.values(l).some((side) => side !== ""), "name a landmark on at least one side, or leave the landmarks out");

// A Gram Sabha's resolution, from its minutes; its attendance must make a quorum (Rule 4(2)).
const headcount = (what: string) => z.number({ error: `give the number of ${what}` }).int(`the number of ${what} is a whole number`).min(0).max(MAX_GRAM_SABHA_MEMBERS, `the number of ${what} is at most ${MAX_GRAM_SABHA_MEMBERS}`);
export const gramSabhaResolutionSchema = z
  .object({
    number: z.string().trim().min(1, "give the resolution's number, as the minutes have it").max(MAX_RESOLUTION_NUMBER_CHARS, `the resolution's number is at most ${MAX_RESOLUTION_NUMBER_CHARS} characters`),
    passedOn: isoDate,
    members: headcount("the Gram Sabha's members").min(1, "a Gram Sabha has at least one member"),
    present: headcount("members present"),
    womenPresent: headcount("women present"),
    claimants: headcount("claimants whose claims were resolved on").min(1, "a resolution on claims has at least one claimant"),
    claimantsPresent: headcount("claimants present or represented"),
  })
  .strict()
  .superRefine((r, ctx) => {
    const members = membersQuorumProblem(r); // said first: without it no resolution of the meeting stands
    const problem = members ?? claimantsQuorumProblem(r);
    if (problem) ctx.addIssue({ code: "custom", message: problem, path: [members ? "present" : "claimantsPresent"] });
  });

// The fields of a step; the sync's decision payload extends them (zod cannot extend a refined object).
export const transitionFieldsSchema = z
  .object({
    id: z.string().uuid("not a claim id"),
    action: workflowActionSchema,
    reason: z.string().trim().max(4_000),
    expectedVersion: z.number().int().positive(),
    // Hectares, to the title's two decimals: only with a grant, and then required.
    areaTitledHa: z.number().positive("the area recognised must be more than 0 ha").max(100_000).multipleOf(0.01, "give the area to two decimals (0.01 ha)").optional(),
    // What bounds the land on each side, as walked: only with a field verification, and then optional.
    landmarks: boundaryLandmarksSchema.optional(),
    // The resolution a Gram Sabha step records: with that step, and then required.
    gsResolution: gramSabhaResolutionSchema.optional(),
  })
  .strict();

/**
 * The rules between a step and what it carries: a grant states the area recognised on the title, and no
 * other step carries one; only a field verification names the boundary's landmarks; recording a Gram
 * Sabha's resolution states it (number, day, attendance), and no other step does.
 */
export function stepFieldsRule(
  step: { action: WorkflowAction; areaTitledHa?: number | undefined; landmarks?: BoundaryLandmarks | undefined; gsResolution?: GramSabhaResolution | undefined },
  ctx: z.RefinementCtx,
): void {
  const grant = step.action === STEP_WITH_TITLED_AREA;
  if (grant && step.areaTitledHa === undefined) ctx.addIssue({ code: "custom", message: TITLED_AREA_REQUIRED, path: ["areaTitledHa"] });
  if (!grant && step.areaTitledHa !== undefined) ctx.addIssue({ code: "custom", message: TITLED_AREA_ONLY_WITH_GRANT, path: ["areaTitledHa"] });
  if (step.landmarks !== undefined && step.action !== STEP_WITH_BOUNDARY) ctx.addIssue({ code: "custom", message: LANDMARKS_ONLY_WITH_VERIFICATION, path: ["landmarks"] });
  resolutionRule(step, ctx);
}

function resolutionRule(step: { action: WorkflowAction; gsResolution?: GramSabhaResolution | undefined }, ctx: z.RefinementCtx): void {
  const resolving = step.action === STEP_WITH_RESOLUTION;
  if (resolving && step.gsResolution === undefined) ctx.addIssue({ code: "custom", message: RESOLUTION_REQUIRED, path: ["gsResolution"] });
  if (!resolving && step.gsResolution !== undefined) ctx.addIssue({ code: "custom", message: RESOLUTION_ONLY_WITH_STEP, path: ["gsResolution"] });
}

export const transitionInputSchema = transitionFieldsSchema.superRefine(stepFieldsRule);
export type TransitionInput = z.infer<typeof transitionInputSchema>;

// A committee (a Gram Sabha, the SDLC, the DLC) decides many claims at one sitting: one step and one reason,
// its minutes, for each claim chosen, each at the version the user saw; a Gram Sabha's one resolution for
// all of them. A grant states its own area, so it goes one claim at a time.
export const MAX_CLAIMS_PER_DECISION = 100;
const GRANT_ONE_AT_A_TIME = "a title is granted one claim at a time: each states the area it recognises";
export const batchTransitionInputSchema = z
  .object({
    action: workflowActionSchema.refine((a) => a !== STEP_WITH_TITLED_AREA, GRANT_ONE_AT_A_TIME),
    reason: z.string().trim().max(4_000),
    claims: z
      .array(z.object({ id: z.string().uuid("not a claim id"), expectedVersion: z.number().int().positive() }).strict())
      .min(1, "choose at least one claim")
      .max(MAX_CLAIMS_PER_DECISION, `at most ${MAX_CLAIMS_PER_DECISION} claims in one decision`)
      .refine((claims) => new Set(claims.map((c) => c.id)).size === claims.length, "a claim is chosen twice"),
    gsResolution: gramSabhaResolutionSchema.optional(),
  })
  .strict()
  .superRefine((batch, ctx) => {
    resolutionRule(batch, ctx);
    const problem = batch.gsResolution && claimantsForClaimsProblem(batch.gsResolution.claimants, batch.claims.length);
    if (problem) ctx.addIssue({ code: "custom", message: problem, path: ["gsResolution", "claimants"] });
  });
export type BatchTransitionInput = z.infer<typeof batchTransitionInputSchema>;

// The day a rejected claimant received the notice of the reasons, from the receipt slip they signed:
// how it was delivered, and a note (who delivered it, where the slip is kept).
export const noticeReceiptInputSchema = z
  .object({
    id: z.string().uuid("not a claim id"),
    expectedVersion: z.number().int().positive(),
    receivedOn: isoDate,
    delivery: z.enum(NOTICE_DELIVERIES),
    note: z.string().trim().min(5, "say in a few words who delivered it and where the signed slip is kept").max(1_000),
  })
  .strict();
export type NoticeReceiptInput = z.infer<typeof noticeReceiptInputSchema>;

export const parcelUpdateSchema = z
  .object({ id: z.string().uuid(), geometry: polygonGeometrySchema, expectedVersion: z.number().int().positive() })
  .strict();

export const newClaimSchema = z
  .object({
    id: z.string().uuid().optional(), // client-generated ids let offline tablets create claims safely
    type: claimTypeSchema,
    claimantName: z.string().trim().min(2).max(200),
    claimantNameLocal: z.string().trim().max(200).default(""),
    spouseName: z.string().trim().max(200).optional(),
    relativeName: z.string().trim().max(200).optional(),
    community: z.string().trim().max(300).optional(),
    category: z.enum(["ST", "OTFD"]),
    tribe: z.string().trim().max(100).optional(),
    villageId: id,
    areaClaimedHa: z.number().positive().max(100_000),
    filedOn: isoDate,
    surveyNumbers: z.array(z.string().trim().min(1).max(50)).max(50).default([]),
    // Form C's bordering villages, as written on the form.
    borderingVillages: z.array(z.string().trim().min(1, "a bordering village needs a name").max(MAX_VILLAGE_NAME_CHARS))
      .max(MAX_BORDERING_VILLAGES, `name at most ${MAX_BORDERING_VILLAGES} bordering villages`).default([]),
    // Form B's item 7: the community rights claimed.
    rightsClaimed: z.array(z.enum(COMMUNITY_RIGHTS, { message: `a right is one of ${COMMUNITY_RIGHTS.join(", ")}` }))
      .refine((rights) => new Set(rights).size === rights.length, "a right is named twice").default([]),
    evidence: z.array(z.object({ kind: z.string().min(1).max(50), description: z.string().max(500) })).max(50).default([]),
    geometry: polygonGeometrySchema.optional(),
  })
  .strict()
  .refine((c) => c.type === "CFR" || c.borderingVillages.length === 0, { message: BORDERING_ONLY_CFR, path: ["borderingVillages"] })
  .refine((c) => c.type !== "IFR" || c.rightsClaimed.length === 0, { message: RIGHTS_ONLY_COMMUNITY, path: ["rightsClaimed"] })
  .refine((c) => c.type !== "CR" || c.rightsClaimed.length > 0, { message: CR_NAMES_A_RIGHT, path: ["rightsClaimed"] })
  .refine((c) => c.type !== "IFR" || c.areaClaimedHa <= IFR_MAX_HA, { message: `an individual claim (IFR) is capped at ${IFR_MAX_HA} ha by Section 4(6)`, path: ["areaClaimedHa"] });
export type NewClaim = z.infer<typeof newClaimSchema>;

/** Filters in a URL (tiles, export): base64url JSON, validated like any other input. */
export function encodeFilterParam(filter: ClaimFilter): string {
  const json = JSON.stringify(filter);
  const bytes = new TextEncoder().encode(json);
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function decodeFilterParam(param: string | null): ClaimFilter {
  if (!param) return {};
  if (param.length > 4_000 || !/^[A-Za-z0-9_-]+$/.test(param)) throw new Error("the filter parameter is not base64url");
  const binary = atob(param.replace(/-/g, "+").replace(/_/g, "/"));
  const json = new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new Error("the filter parameter is not JSON");
  }
  return claimFilterSchema.parse(raw);
}
