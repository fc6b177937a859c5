import { describe, expect, it } from "vitest";
import { appealWindow, availableActions, checkTransition, CLAIM_STATUSES, stepsOpenToAll, TRANSITIONS, type ClaimStatus, type Role } from "@/configs/workflow";

describe("workflow state machine", () => {
  it("moves a claim along the legal path", () => {
    expect(checkTransition({ action: "verify_in_field", from: "received", role: "field_staff", reason: "walked the boundary" })).toEqual({ ok: true, to: "fld_verified" });
    expect(checkTransition({ action: "sdlc_remand", from: "sdlc_review", role: "district_official", reason: "map incomplete" })).toEqual({ ok: true, to: "sdlc_remanded" });
    expect(checkTransition({ action: "grant_title", from: "dlc_review", role: "district_official", reason: "approved by DLC" })).toEqual({ ok: true, to: "title_granted" });
  });

  it("refuses a step from the wrong status with a message naming both", () => {
    const r = checkTransition({ action: "grant_title", from: "received", role: "district_official", reason: "approved by DLC" });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe("ILLEGAL_TRANSITION");
      expect(r.message).toContain("Received by FRC");
      expect(r.message).toContain("DLC review");
    }
  });

  it("keeps committee decisions with officials", () => {
    const r = checkTransition({ action: "grant_title", from: "dlc_review", role: "field_staff", reason: "approved by DLC" });
    expect(r).toMatchObject({ ok: false, code: "FORBIDDEN_ROLE" });
    expect(checkTransition({ action: "sdlc_recommend", from: "sdlc_review", role: "admin", reason: "looks fine" })).toMatchObject({ ok: false, code: "FORBIDDEN_ROLE" });
  });

  it("needs a reason for every decision and a full one for rejections", () => {
    expect(checkTransition({ action: "sdlc_recommend", from: "sdlc_review", role: "district_official", reason: "  " })).toMatchObject({ ok: false, code: "REASON_REQUIRED" });
    expect(checkTransition({ action: "dlc_reject", from: "dlc_review", role: "district_official", reason: "no proof" })).toMatchObject({ ok: false, code: "REASON_REQUIRED" });
    expect(checkTransition({ action: "dlc_reject", from: "dlc_review", role: "district_official", reason: "no proof of occupation before 2005 cut-off" }).ok).toBe(true);
  });

  it("sends an appeal back to the committee that rejected", () => {
    const base = { action: "hear_appeal" as const, from: "appeal" as const, role: "district_official" as const, reason: "fresh evidence" };
    expect(checkTransition({ ...base, rejectedStatus: "sdlc_rejected" })).toEqual({ ok: true, to: "sdlc_review" });
    expect(checkTransition({ ...base, rejectedStatus: "dlc_rejected" })).toEqual({ ok: true, to: "dlc_review" });
    expect(checkTransition({ ...base })).toMatchObject({ ok: false, code: "ILLEGAL_TRANSITION" });
  });

  it("offers a step for many claims at once only when it leaves from every one's stage, and never a grant", () => {
    const actions = (statuses: ClaimStatus[], role: Role) => stepsOpenToAll(statuses, role).map((t) => t.action);
    expect(actions(["sdlc_review", "sdlc_review"], "district_official")).toEqual(["sdlc_recommend", "sdlc_remand", "sdlc_reject"]);
    expect(actions(["fld_verified", "sdlc_remanded"], "field_staff")).toEqual(["record_gs_resolution"]);
    expect(actions(["sdlc_review", "gs_resolved"], "district_official")).toEqual([]);
    expect(actions(["dlc_review"], "district_official")).toEqual(["dlc_reject"]);
    expect(actions(["sdlc_rejected", "dlc_rejected"], "field_staff")).toEqual(["file_appeal"]);
    expect(actions([], "district_official")).toEqual([]);
  });

  it("offers no action on a granted title and none to an admin", () => {
    expect(availableActions("title_granted", "district_official")).toEqual([]);
    for (const s of CLAIM_STATUSES) expect(availableActions(s, "admin")).toEqual([]);
  });

  it("reaches every status from received", () => {
    const reached = new Set<string>(["received"]);
    for (let changed = true; changed; ) {
      changed = false;
      for (const t of TRANSITIONS) {
        if (t.from.some((f) => reached.has(f))) {
          const targets = t.to === "rejecting_committee" ? ["sdlc_review", "dlc_review"] : [t.to];
          for (const to of targets) if (!reached.has(to)) { reached.add(to); changed = true; }
        }
      }
    }
    expect([...reached].sort()).toEqual([...CLAIM_STATUSES].sort());
  });

  it("counts the 60 days to appeal from the day after the notice was received, by India's calendar", () => {
    expect(appealWindow("2026-01-01", "2026-01-01")).toEqual({ receivedOn: "2026-01-01", appealBy: "2026-03-02", daysLeft: 60 });
    expect(appealWindow("2026-01-01", "2026-03-02").daysLeft).toBe(0);
    expect(appealWindow("2026-01-01", "2026-03-03").daysLeft).toBe(-1);
    // A leap year's February has one day more.
    expect(appealWindow("2024-01-01", "2024-01-01").appealBy).toBe("2024-03-01");
    expect(appealWindow("2026-12-15", "2027-01-01")).toMatchObject({ appealBy: "2027-02-13", daysLeft: 43 });
  });
});
