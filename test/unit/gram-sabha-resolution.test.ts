import { describe, expect, it } from "vitest";
import { quorumProblem, resolutionDayProblem, resolutionText } from "@/configs/gram-sabha-resolution";
import { NO_RESOLUTION, readResolution, resolutionForStep } from "@/components/claims/ResolutionFields";

describe("a Gram Sabha resolution's quorum (Rule 4(2))", () => {
  it("needs half of all members present, rounded up, and a third of those present women", () => {
    expect(quorumProblem({ members: 121, present: 61, womenPresent: 21 })).toBeNull();
    expect(quorumProblem({ members: 121, present: 60, womenPresent: 20 })).toBe("no quorum: 60 of 121 members were present, and Rule 4(2) needs at least half (61)");
    expect(quorumProblem({ members: 121, present: 61, womenPresent: 20 })).toBe("no quorum: 20 of the 61 present were women, and Rule 4(2) needs at least a third (21)");
    expect(quorumProblem({ members: 1, present: 1, womenPresent: 1 })).toBeNull();
  });

  it("needs half of the claimants whose claims it resolves on present, in person or by a representative, rounded up", () => {
    const members = { members: 120, present: 64, womenPresent: 23 };
    expect(quorumProblem({ ...members, claimants: 13, claimantsPresent: 7 })).toBeNull();
    expect(quorumProblem({ ...members, claimants: 1, claimantsPresent: 1 })).toBeNull();
    expect(quorumProblem({ ...members, claimants: 13, claimantsPresent: 6 }))
      .toBe("no quorum for claims: 6 of the 13 claimants were present or represented, and Rule 4(2) needs at least half (7)");
    expect(quorumProblem({ ...members, claimants: 1, claimantsPresent: 0 }))
      .toBe("no quorum for claims: 0 of the 1 claimants were present or represented, and Rule 4(2) needs at least half (1)");
    expect(quorumProblem({ ...members, claimants: 5, claimantsPresent: 6 })).toBe("6 claimants present is more than the 5 whose claims were resolved on");
    // The members' quorum is said first: it voids every resolution of the meeting.
    expect(quorumProblem({ ...members, present: 10, womenPresent: 4, claimants: 5, claimantsPresent: 0 })).toMatch(/^no quorum: 10 of 120 members/);
    // A resolution recorded before the claimants were asked is read as it was recorded.
    expect(quorumProblem(members)).toBeNull();
  });

  it("refuses an attendance that cannot be: more present than members, more women than present", () => {
    expect(quorumProblem({ members: 80, present: 81, womenPresent: 30 })).toBe("81 present is more than the Gram Sabha's 80 members");
    expect(quorumProblem({ members: 80, present: 50, womenPresent: 51 })).toBe("51 women present is more than the 50 members present");
  });

  it("is passed after the claim was filed and not after today in India", () => {
    expect(resolutionDayProblem("2026-03-02", "2026-03-02", "2026-03-02")).toBeNull();
    expect(resolutionDayProblem("2026-03-01", "2026-03-02", "2026-03-05")).toBe("the resolution cannot have been passed on 2026-03-01: the claim was filed on 2026-03-02");
    expect(resolutionDayProblem("2026-03-06", null, "2026-03-05")).toBe("the day the resolution was passed (2026-03-06) is after today in India (2026-03-05)");
  });

  it("reads as the claim panel and the audit trail print it, with the claimants where they were recorded", () => {
    const resolution = { number: "GS/14/2026", passedOn: "2026-03-02", members: 120, present: 64, womenPresent: 23 };
    expect(resolutionText({ ...resolution, claimants: 12, claimantsPresent: 9 }))
      .toBe("Resolution GS/14/2026 of 2 Mar 2026: 64 of 120 members present, 23 of them women; 9 of 12 claimants");
    expect(resolutionText(resolution)).toBe("Resolution GS/14/2026 of 2 Mar 2026: 64 of 120 members present, 23 of them women");
  });
});

describe("the resolution as typed into the form", () => {
  const typed = { number: " GS/14/2026 ", passedOn: "2026-03-02", members: "120", present: "64", womenPresent: "23", claimants: "12", claimantsPresent: "9" };

  it("becomes a resolution once every field is filled and the quorum is met", () => {
    expect(readResolution(typed, "2020-01-01", "2026-03-05"))
      .toEqual({ resolution: { number: "GS/14/2026", passedOn: "2026-03-02", members: 120, present: 64, womenPresent: 23, claimants: 12, claimantsPresent: 9 } });
  });

  it("says what is missing or wrong, as a sentence", () => {
    expect(readResolution(NO_RESOLUTION, null, "2026-03-05")).toEqual({ problem: expect.stringMatching(/^Give the resolution's number/) });
    expect(readResolution({ ...typed, present: "6.5" }, null, "2026-03-05")).toEqual({ problem: expect.stringMatching(/as whole numbers\.$/) });
    expect(readResolution({ ...typed, present: "59" }, null, "2026-03-05")).toEqual({ problem: "No quorum: 59 of 120 members were present, and Rule 4(2) needs at least half (60)." });
    expect(readResolution({ ...typed, members: "0", present: "0", womenPresent: "0" }, null, "2026-03-05")).toEqual({ problem: "A Gram Sabha has at least one member." });
    expect(readResolution({ ...typed, claimantsPresent: "" }, null, "2026-03-05")).toEqual({ problem: expect.stringMatching(/the claimants and those present, as whole numbers\.$/) });
    expect(readResolution({ ...typed, claimantsPresent: "5" }, null, "2026-03-05"))
      .toEqual({ problem: "No quorum for claims: 5 of the 12 claimants were present or represented, and Rule 4(2) needs at least half (6)." });
    expect(readResolution({ ...typed, claimants: "0", claimantsPresent: "0" }, null, "2026-03-05")).toEqual({ problem: "A resolution on claims has at least one claimant." });
    expect(readResolution(typed, "2026-03-03", "2026-03-05")).toEqual({ problem: "The resolution cannot have been passed on 2026-03-02: the claim was filed on 2026-03-03." });
    expect(readResolution(typed, null, "2026-03-01")).toEqual({ problem: expect.stringMatching(/is after today in India/) });
  });

  it("goes with a Gram Sabha's step only, and holds that step back until it is whole", () => {
    expect(resolutionForStep("forward_to_sdlc", NO_RESOLUTION, null)).toEqual({ gsResolution: undefined, wanting: false });
    expect(resolutionForStep("record_gs_resolution", NO_RESOLUTION, null)).toEqual({ gsResolution: undefined, wanting: true });
    expect(resolutionForStep("record_gs_resolution", typed, null, "2026-03-05")).toEqual({ gsResolution: expect.objectContaining({ number: "GS/14/2026", present: 64 }), wanting: false });
  });
});
