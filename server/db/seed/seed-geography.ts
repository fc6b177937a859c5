// What a seeded geography hands the claim generator, whichever way it was made: the generated Maharashtra
// of demo-geography.ts or a real boundary file's state (boundary-geography.ts).
import type { Role } from "@/configs/workflow";
import type { People } from "./names";

/** A district that gets claims: its claim-number code, its share of claims, and whose names they carry. */
export type ClaimDistrict = { id: number; name: string; abbr: string; claimWeight: number; people: People };

/** A demo account to create if missing, scoped by district and tehsil ids. */
export type DemoUser = { username: string; displayName: string; role: Role; districts: number[]; tehsils: number[] };

export type SeedGeography = {
  stateCode: string;
  /** Every district inserted, whether or not it gets claims. */
  districtCount: number;
  tehsilCount: number;
  claimDistricts: ClaimDistrict[];
  users: DemoUser[];
};
