// A granted individual title's household facts, against the seeded PGlite + PostGIS database: recorded by
// the claim's district office, version by version (a stale version refused), only for such a title, and
// read by the title's scheme advice, the dashboard's tally and the schemes' lists alike.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HouseholdFacts } from "@/configs/schemes";
import { rows } from "@/server/db/client";
import { parseCsv } from "@/server/services/csv";
import { schemeListCsv } from "@/server/services/scheme-list";
import { callerFor, openTestDatabase } from "../helpers/db";

let env: Awaited<ReturnType<typeof openTestDatabase>>;
beforeAll(async () => {
  env = await openTestDatabase();
});
afterAll(() => env.cleanup());

const NONE: HouseholdFacts = { pmKisanExclusion: null, house: null, onAwaasPlus: null, hasTap: null };

async function gadchiroliClaim(type: string, status: string): Promise<{ id: string; claim_no: string; district_id: number }> {
  const [c] = await rows<{ id: string; claim_no: string; district_id: number }>(env.db, sql`
    SELECT c.id, c.claim_no, c.district_id FROM claims c JOIN districts d ON d.id = c.district_id
    WHERE d.name = 'Gadchiroli' AND c.type = ${type} AND c.status = ${status} ORDER BY c.claim_no LIMIT 1`);
  return c!;
}

async function listed(scheme: "pm_kisan" | "pmay_g", districtId: number) {
  let text = "";
  for await (const chunk of schemeListCsv(env.db, env.users.gadchiroli, scheme, districtId)) text += chunk;
  const [header, ...body] = parseCsv(text);
  return body.map((cells) => Object.fromEntries(header!.map((h, i) => [h, cells[i]!])));
}


describe("a title holder's household facts", () => {
  it("records what the office checked, and the title's schemes, the dashboard and the lists follow", async () => {
    const title = await gadchiroliClaim("IFR", "title_granted");
    const api = callerFor(env.db, env.users.gadchiroli);
    const before = await api.geo.dashboard({ districtId: title.district_id });
    const pmKisanBefore = before.titlesByScheme.find((t) => t.scheme === "pm_kisan")!.byVerdict;
    expect((await api.claims.get({ claimNo: title.claim_no })).household).toBeNull();
    expect((await api.claims.get({ claimNo: title.claim_no })).canRecordHousehold).toBe(true);

    const recorded = await api.claims.recordHousehold({ claimId: title.id, expectedVersion: 0, facts: { ...NONE, pmKisanExclusion: "income_tax", house: "pucca" } });
    expect(recorded).toMatchObject({ pmKisanExclusion: "income_tax", house: "pucca", onAwaasPlus: null, hasTap: null, version: 1, recordedBy: env.users.gadchiroli.displayName });

    const after = await api.geo.dashboard({ districtId: title.district_id });
    const pmKisanAfter = after.titlesByScheme.find((t) => t.scheme === "pm_kisan")!.byVerdict;
    expect(pmKisanAfter).toEqual({ ...pmKisanBefore, eligible: pmKisanBefore.eligible - 1, not_eligible: pmKisanBefore.not_eligible + 1 });
    const pmay = after.titlesByScheme.find((t) => t.scheme === "pmay_g")!.byVerdict;
    expect(pmay.not_eligible).toBe(1);
    // Every title still counted once a scheme.
    for (const t of after.titlesByScheme) expect(Object.values(t.byVerdict).reduce((a, n) => a + n, 0)).toBe(Object.values(pmKisanBefore).reduce((a, n) => a + n, 0));
    expect((await listed("pm_kisan", title.district_id)).some((r) => r.claim_no === title.claim_no)).toBe(false);
    expect((await listed("pmay_g", title.district_id)).some((r) => r.claim_no === title.claim_no)).toBe(false);

    // Corrected: on the Awaas+ list after all, in a kutcha house, no exclusion.
    await api.claims.recordHousehold({ claimId: title.id, expectedVersion: 1, facts: { pmKisanExclusion: "none", house: "kutcha", onAwaasPlus: true, hasTap: null } });
    const pmayList = await listed("pmay_g", title.district_id);
    expect(pmayList.find((r) => r.claim_no === title.claim_no)).toMatchObject({ verdict: "eligible", why: "The family has a kutcha house and is on the Awaas+ list: a house under PMAY-G as the list's priority reaches it." });
    const [logged] = await rows<{ target: string; detail: { changed: string[] } }>(env.db, sql`
      SELECT target, detail FROM admin_audit WHERE action = 'record_household_facts' ORDER BY id DESC LIMIT 1`);
    expect(logged).toEqual({ target: title.claim_no, detail: { changed: ["pm_kisan_exclusion", "house", "on_awaas_plus"] } });
  });

  it("refuses a stale version, a claim that is no granted individual title, another district's claim, field staff and facts it does not know, changing nothing", async () => {
    const title = await gadchiroliClaim("IFR", "title_granted");
    const api = callerFor(env.db, env.users.gadchiroli);
    const stored = async () => rows(env.db, sql`SELECT * FROM title_households ORDER BY claim_id`);
    const before = await stored();
    await expect(api.claims.recordHousehold({ claimId: title.id, expectedVersion: 1, facts: NONE }))
      .rejects.toThrow(`${env.users.gadchiroli.displayName} changed this household's facts while you were editing them; reload them`);
    const pending = await gadchiroliClaim("IFR", "dlc_review");
    await expect(api.claims.recordHousehold({ claimId: pending.id, expectedVersion: 0, facts: NONE }))
      .rejects.toThrow(`a household's facts are recorded for a granted individual title; ${pending.claim_no} is not one`);
    const community = await gadchiroliClaim("CFR", "title_granted");
    await expect(api.claims.recordHousehold({ claimId: community.id, expectedVersion: 0, facts: NONE })).rejects.toThrow(/is not one/);
    await expect(callerFor(env.db, env.users.nandurbar).claims.recordHousehold({ claimId: title.id, expectedVersion: 2, facts: NONE }))
      .rejects.toThrow(`no claim ${title.id} in your districts`);
    await expect(callerFor(env.db, env.users.etapalli).claims.recordHousehold({ claimId: title.id, expectedVersion: 2, facts: NONE }))
      .rejects.toThrow(/needs the role admin or district_official/);
    await expect(api.claims.recordHousehold({ claimId: title.id, expectedVersion: 2, facts: { ...NONE, house: "palace" } as never })).rejects.toThrow(/house/);
    await expect(api.claims.recordHousehold({ claimId: title.id, expectedVersion: 2, facts: { ...NONE, income: 5 } as never })).rejects.toThrow(/income/);
    expect(await stored()).toEqual(before);
    // The database holds the same line: no fact outside the lists.
    await expect(env.db.execute(sql`UPDATE title_households SET house = 'palace'`)).rejects.toThrow();
    expect((await api.claims.get({ claimNo: pending.claim_no })).canRecordHousehold).toBe(false);
  });
});
