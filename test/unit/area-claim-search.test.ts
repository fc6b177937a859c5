// Finding a claim on the tablet by claimant or claim number (workers/db/area-claims.ts).
import { describe, expect, it } from "vitest";
import type { AreaClaim } from "@/configs/contracts/field";
import { matchClaims } from "@/workers/db/area-claims";

const claim = (claimNo: string, claimantName: string): AreaClaim => ({ id: crypto.randomUUID(), claimNo, type: "IFR", status: "received", claimantName, villageId: 1, version: 1, lon: null, lat: null, parcel: null });
const claims = [
  claim("MH-GAD-IFR-2008-000344", "Bhiku Kowase"),
  claim("MH-GAD-IFR-2011-000698", "Anil Netam"),
  claim("MH-GAD-CR-2012-000017", "Gram Sabha Kasansur"),
  claim("MH-GAD-IFR-2013-001344", "Sakhu Pallo"),
  claim("MH-GAD-IFR-2014-000012", "Zoë Ángel Tōru"),
];
const numbers = (query: string) => matchClaims(claims, query).map((c) => c.claimNo);

describe("matchClaims", () => {
  it("finds a claimant by any part of the name, whatever the case", () => {
    expect(numbers("kowase")).toEqual(["MH-GAD-IFR-2008-000344"]);
    expect(numbers("NETAM")).toEqual(["MH-GAD-IFR-2011-000698"]);
  });

  it("finds a claim by any part of its number", () => {
    expect(numbers("000698")).toEqual(["MH-GAD-IFR-2011-000698"]);
    expect(numbers("-CR-")).toEqual(["MH-GAD-CR-2012-000017"]);
    expect(numbers("344")).toEqual(["MH-GAD-IFR-2008-000344", "MH-GAD-IFR-2013-001344"]);
  });

  it("needs every word, in any order, across name and number", () => {
    expect(numbers("344 pallo")).toEqual(["MH-GAD-IFR-2013-001344"]);
    expect(numbers("  bhiku   2008 ")).toEqual(["MH-GAD-IFR-2008-000344"]);
    expect(numbers("bhiku 2011")).toEqual([]);
  });

  it("ignores accents on either side", () => {
    expect(numbers("zoe angel toru")).toEqual(["MH-GAD-IFR-2014-000012"]);
    expect(matchClaims([claim("MH-GAD-IFR-2015-000001", "Zoe Angel")], "Zoë")).toHaveLength(1);
  });

  it("finds nothing for an empty query", () => {
    expect(matchClaims(claims, "   ")).toEqual([]);
  });
});
