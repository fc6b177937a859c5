import { describe, expect, it } from "vitest";
import {
  batchTransitionInputSchema, claimFilterSchema, claimListInputSchema, decodeFilterParam, encodeFilterParam, newClaimSchema, transitionInputSchema,
} from "@/configs/contracts/claims";
import { areaClaimSchema } from "@/configs/contracts/field";
import { decisionPayloadSchema, syncRecordSchema } from "@/configs/contracts/sync";
import { polygonGeometrySchema } from "@/configs/contracts/geojson";

describe("claim filter contract", () => {
  it("round-trips through a URL parameter, Devanagari included", () => {
    const filter = { types: ["IFR" as const], statuses: ["sdlc_review" as const], q: "आत्राम", areaMinHa: 0.5, filedFrom: "2010-01-01" };
    expect(decodeFilterParam(encodeFilterParam(filter))).toEqual(filter);
  });

  it("refuses malformed filters with a reason", () => {
    expect(claimFilterSchema.safeParse({ statuses: ["approved"] }).success).toBe(false);
    expect(claimFilterSchema.safeParse({ filedFrom: "2020-13-45" }).success).toBe(false);
    // JavaScript's own parser reads 30 February as 2 March; the contract does not.
    expect(claimFilterSchema.safeParse({ filedFrom: "2026-02-30" }).success).toBe(false);
    expect(claimFilterSchema.safeParse({ filedFrom: "2024-02-29" }).success).toBe(true);
    expect(claimFilterSchema.safeParse({ notice: "appeal_open" }).success).toBe(true);
    expect(claimFilterSchema.safeParse({ notice: "lost" }).success).toBe(false);
    expect(claimFilterSchema.safeParse({ filedFrom: "2021-01-01", filedTo: "2020-01-01" }).success).toBe(false);
    expect(claimFilterSchema.safeParse({ bbox: [81, 20, 80, 21] }).success).toBe(false);
    expect(claimFilterSchema.safeParse({ unknownKey: 1 }).success).toBe(false);
    expect(() => decodeFilterParam("%%%")).toThrow(/base64url/);
    expect(() => decodeFilterParam(Buffer.from("{not json").toString("base64url"))).toThrow(/JSON/);
  });

  it("caps the page size", () => {
    const r = claimListInputSchema.safeParse({ limit: 100_000 });
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toContain("at most 200");
    expect(claimListInputSchema.parse({}).limit).toBe(50);
  });

  it("refuses an IFR claim above the 4 ha ceiling", () => {
    const r = newClaimSchema.safeParse({ type: "IFR", claimantName: "Lalsu Atram", category: "ST", villageId: 1, areaClaimedHa: 6, filedOn: "2024-01-10" });
    expect(r.success).toBe(false);
  });
});

describe("workflow step contract", () => {
  const step = { id: "6f1c2a4e-8b0d-4c3e-9f7a-1b2c3d4e5f60", reason: "DLC approved the verified extent", expectedVersion: 3 };
  const resolution = { number: "GS/14/2026", passedOn: "2026-03-02", members: 120, present: 60, womenPresent: 20, claimants: 9, claimantsPresent: 5 };
  const messages = (r: { success: boolean; error?: { issues: Array<{ message: string }> } }) => r.error?.issues.map((i) => i.message) ?? [];

  it("takes the area recognised with a grant of title, and only with it", () => {
    expect(transitionInputSchema.parse({ ...step, action: "grant_title", areaTitledHa: 1.25 })).toMatchObject({ areaTitledHa: 1.25 });
    expect(messages(transitionInputSchema.safeParse({ ...step, action: "grant_title" }))).toEqual(["a grant of title needs the area recognised on the title, in hectares"]);
    expect(messages(transitionInputSchema.safeParse({ ...step, action: "sdlc_recommend", areaTitledHa: 1 }))).toEqual(["an area recognised goes only with a grant of title"]);
    expect(messages(transitionInputSchema.safeParse({ ...step, action: "grant_title", areaTitledHa: 1.255 }))).toEqual(["give the area to two decimals (0.01 ha)"]);
    expect(messages(transitionInputSchema.safeParse({ ...step, action: "grant_title", areaTitledHa: -1 }))).toContain("the area recognised must be more than 0 ha");
  });

  it("holds the same rule for a step synced from a tablet", () => {
    expect(messages(decisionPayloadSchema.safeParse({ ...step, action: "verify_in_field", areaTitledHa: 1 }))).toEqual(["an area recognised goes only with a grant of title"]);
    expect(decisionPayloadSchema.safeParse({ ...step, action: "verify_in_field" }).success).toBe(true);
  });

  it("takes the boundary's landmarks with a field verification only, trimmed, with at least one side named", () => {
    const landmarks = { north: " seasonal nala ", east: "", south: "forest road", west: "" };
    expect(transitionInputSchema.parse({ ...step, action: "verify_in_field", landmarks }).landmarks).toEqual({ ...landmarks, north: "seasonal nala" });
    expect(decisionPayloadSchema.parse({ ...step, action: "verify_in_field", landmarks }).landmarks?.south).toBe("forest road");
    for (const schema of [transitionInputSchema, decisionPayloadSchema]) {
      expect(messages(schema.safeParse({ ...step, action: "record_gs_resolution", landmarks, gsResolution: resolution }))).toEqual(["boundary landmarks go only with a field verification"]);
      expect(messages(schema.safeParse({ ...step, action: "verify_in_field", landmarks: { north: " ", east: "", south: "", west: "" } }))).toEqual(["name a landmark on at least one side, or leave the landmarks out"]);
    }
    expect(transitionInputSchema.safeParse({ ...step, action: "verify_in_field", landmarks: { north: "nala" } }).success).toBe(false); // every side, if only empty
    expect(transitionInputSchema.safeParse({ ...step, action: "verify_in_field", landmarks: { ...landmarks, up: "sky" } }).success).toBe(false);
  });

  it("takes a Gram Sabha resolution with that step only, and then requires it, with a quorum under Rule 4(2)", () => {
    const batch = { action: "record_gs_resolution", reason: step.reason, claims: [{ id: step.id, expectedVersion: 3 }] };
    for (const [schema, base] of [[transitionInputSchema, step], [decisionPayloadSchema, step], [batchTransitionInputSchema, batch]] as const) {
      const resolving = { ...base, action: "record_gs_resolution" };
      expect(schema.parse({ ...resolving, gsResolution: { ...resolution, number: " GS/14/2026 " } }).gsResolution).toEqual(resolution); // exactly half, a third of them women
      expect(messages(schema.safeParse(resolving))).toEqual(["a Gram Sabha resolution needs its number, the day it was passed, and the members and claimants present (Rule 4(2))"]);
      expect(messages(schema.safeParse({ ...base, action: "forward_to_sdlc", gsResolution: resolution }))).toEqual(["the resolution's number, day and attendance go only with recording a Gram Sabha resolution"]);
      expect(messages(schema.safeParse({ ...resolving, gsResolution: { ...resolution, present: 59 } }))).toEqual(["no quorum: 59 of 120 members were present, and Rule 4(2) needs at least half (60)"]);
      expect(messages(schema.safeParse({ ...resolving, gsResolution: { ...resolution, womenPresent: 19 } }))).toEqual(["no quorum: 19 of the 60 present were women, and Rule 4(2) needs at least a third (20)"]);
      expect(messages(schema.safeParse({ ...resolving, gsResolution: { ...resolution, claimantsPresent: 4 } })))
        .toEqual(["no quorum for claims: 4 of the 9 claimants were present or represented, and Rule 4(2) needs at least half (5)"]);
    }
    // One sitting's resolution on many claims heard at least a claimant for each.
    const sitting = { ...batch, claims: [{ id: step.id, expectedVersion: 3 }, { id: "0b6a8f52-3c1d-4e7f-8a9b-2c3d4e5f6a71", expectedVersion: 1 }] };
    expect(messages(batchTransitionInputSchema.safeParse({ ...sitting, gsResolution: { ...resolution, claimants: 1, claimantsPresent: 1 } })))
      .toEqual(["one resolution on 2 claims heard at least 2 claimants, not 1: each claim has at least one"]);
    expect(batchTransitionInputSchema.safeParse({ ...sitting, gsResolution: { ...resolution, claimants: 2, claimantsPresent: 1 } }).success).toBe(true);
    const parse = (r: object) => messages(transitionInputSchema.safeParse({ ...step, action: "record_gs_resolution", gsResolution: r }));
    expect(parse({ ...resolution, members: 0, present: 0, womenPresent: 0 })).toEqual(["a Gram Sabha has at least one member"]);
    expect(parse({ ...resolution, present: 60.5 })).toContain("the number of members present is a whole number");
    expect(parse({ ...resolution, members: 50_001 })).toContain("the number of the Gram Sabha's members is at most 50000");
    expect(parse({ ...resolution, number: "x".repeat(41) })).toEqual(["the resolution's number is at most 40 characters"]);
    expect(parse({ ...resolution, passedOn: "2 March 2026" })).toContain("use a date as YYYY-MM-DD");
    expect(parse({ ...resolution, quorum: true })).not.toEqual([]);
    const { claimants: _c, claimantsPresent: _p, ...withoutClaimants } = resolution;
    expect(parse(withoutClaimants)).toEqual(["give the number of claimants whose claims were resolved on", "give the number of claimants present or represented"]);
  });
});

describe("rejection notice on the tablet", () => {
  const receipt = { id: "6f1c2a4e-8b0d-4c3e-9f7a-1b2c3d4e5f60", expectedVersion: 4, receivedOn: "2026-03-03", delivery: "gram_sabha", note: "Handed over at the Gram Sabha" };
  const record = (payload: object) => syncRecordSchema.safeParse({ kind: "notice_receipt", id: "0b6a8f52-3c1d-4e7f-8a9b-2c3d4e5f6a70", payload });

  it("syncs a receipt with the same checks as the review side: a real day, a known delivery, a note", () => {
    expect(record(receipt).success).toBe(true);
    expect(record({ ...receipt, receivedOn: "2026-02-30" }).success).toBe(false);
    expect(record({ ...receipt, delivery: "whatsapp" }).success).toBe(false);
    expect(record({ ...receipt, note: "ok" }).success).toBe(false);
    expect(record({ ...receipt, extra: 1 }).success).toBe(false);
  });

  it("reads an area copy from before receipts were kept as not yet recorded, and refuses a day that does not exist", () => {
    const claim = { id: receipt.id, claimNo: "MH-GAD-IFR-2012-000041", type: "IFR", status: "dlc_rejected", claimantName: "Sukhram Usendi", villageId: 7, version: 4, lon: null, lat: null, parcel: null };
    expect(areaClaimSchema.parse(claim).noticeReceivedOn).toBeUndefined();
    expect(areaClaimSchema.parse({ ...claim, noticeReceivedOn: "2026-03-03" }).noticeReceivedOn).toBe("2026-03-03");
    expect(areaClaimSchema.safeParse({ ...claim, noticeReceivedOn: "2026-02-30" }).success).toBe(false);
  });
});

describe("polygon contract", () => {
  const square = [[80, 19], [80.001, 19], [80.001, 19.001], [80, 19.001], [80, 19]];
  it("accepts a closed polygon and drops altitudes", () => {
    const g = polygonGeometrySchema.parse({ type: "Polygon", coordinates: [square.map(([x, y]) => [x, y, 212])] });
    expect(g.coordinates[0]![0]).toEqual([80, 19]);
  });
  it("refuses open rings, too few points and coordinates off the globe", () => {
    expect(polygonGeometrySchema.safeParse({ type: "Polygon", coordinates: [square.slice(0, 4)] }).success).toBe(false);
    expect(polygonGeometrySchema.safeParse({ type: "Polygon", coordinates: [[[80, 19], [81, 19], [80, 19]]] }).success).toBe(false);
    expect(polygonGeometrySchema.safeParse({ type: "Polygon", coordinates: [[[200, 19], [81, 19], [81, 20], [200, 19]]] }).success).toBe(false);
    expect(polygonGeometrySchema.safeParse({ type: "Point", coordinates: [80, 19] }).success).toBe(false);
  });
});
