// A granted individual title's household facts, as the district office checked them (title_households):
// recorded by an official of the claim's district or an admin, one version after another, a stale version
// refused rather than overwritten. Each change is logged by which facts changed, never their values.
import { sql } from "drizzle-orm";
import type { HouseholdFactsInput } from "@/configs/contracts/household";
import type { HouseholdFacts } from "@/configs/schemes";
import { DISTRICT_OFFICE_ROLES } from "@/configs/workflow";
import type { SessionUser } from "@/server/auth/session";
import { rows, transaction, type Db } from "@/server/db/client";
import { DomainError } from "./errors";
import { requireRole, scopeCondition } from "./scope";
import { recordAdminAction } from "./training/audit";

export type RecordedHousehold = HouseholdFacts & { version: number; recordedBy: string | null; recordedAt: string };

const FACT_COLUMNS = { pmKisanExclusion: "pm_kisan_exclusion", house: "house", onAwaasPlus: "on_awaas_plus", hasTap: "has_tap" } as const;

/** A household's facts as the scheme advice reads them (`h`: title_households). */
export const HOUSEHOLD_FACTS_JSON = sql`json_build_object('pmKisanExclusion', h.pm_kisan_exclusion, 'house', h.house, 'onAwaasPlus', h.on_awaas_plus, 'hasTap', h.has_tap)`;

export async function householdOf(db: Db, claimId: string): Promise<RecordedHousehold | null> {
  const [h] = await rows<RecordedHousehold>(
    db,
    sql`SELECT h.pm_kisan_exclusion AS "pmKisanExclusion", h.house, h.on_awaas_plus AS "onAwaasPlus", h.has_tap AS "hasTap", h.version,
               u.display_name AS "recordedBy", to_char(h.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "recordedAt"
        FROM title_households h LEFT JOIN users u ON u.id = h.recorded_by WHERE h.claim_id = ${claimId}`,
  );
  return h ?? null;
}

export async function recordHouseholdFacts(db: Db, user: SessionUser, input: HouseholdFactsInput): Promise<RecordedHousehold> {
  requireRole(user, DISTRICT_OFFICE_ROLES);
  return transaction(db, async (tx) => {
    const [claim] = await rows<{ claim_no: string; type: string; status: string }>(
      tx,
      sql`SELECT c.claim_no, c.type, c.status FROM claims c WHERE c.id = ${input.claimId} AND ${scopeCondition(user)} FOR UPDATE`,
    );
    if (!claim) throw new DomainError("NOT_FOUND", `no claim ${input.claimId} in your districts`);
    if (claim.type !== "IFR" || claim.status !== "title_granted") {
      throw new DomainError("BAD_REQUEST", `a household's facts are recorded for a granted individual title; ${claim.claim_no} is not one`);
    }
    const before = await householdOf(tx, input.claimId);
    if ((before?.version ?? 0) !== input.expectedVersion) {
      throw new DomainError("CONFLICT", `${before?.recordedBy ?? "someone"} changed this household's facts while you were editing them; reload them`);
    }
    const f = input.facts;
    await tx.execute(sql`
      INSERT INTO title_households (claim_id, pm_kisan_exclusion, house, on_awaas_plus, has_tap, version, recorded_by, recorded_at)
      VALUES (${input.claimId}, ${f.pmKisanExclusion}, ${f.house}, ${f.onAwaasPlus}, ${f.hasTap}, ${input.expectedVersion + 1}, ${user.id}, now())
      ON CONFLICT (claim_id) DO UPDATE SET pm_kisan_exclusion = EXCLUDED.pm_kisan_exclusion, house = EXCLUDED.house,
        on_awaas_plus = EXCLUDED.on_awaas_plus, has_tap = EXCLUDED.has_tap, version = EXCLUDED.version,
        recorded_by = EXCLUDED.recorded_by, recorded_at = EXCLUDED.recorded_at`);
    const changed = (Object.keys(FACT_COLUMNS) as (keyof HouseholdFacts)[]).filter((k) => (before?.[k] ?? null) !== f[k]).map((k) => FACT_COLUMNS[k]);
    await recordAdminAction(tx, user, "record_household_facts", claim.claim_no, { changed });
    return (await householdOf(tx, input.claimId))!;
  });
}
