// Village facts from the line departments, against the seeded PGlite + PostGIS database: the import of a
// department's CSV by census code (whole or not at all, within the importer's districts, never older
// figures over newer), the scheme advice that reads them on a title, the dashboard's tally and a scheme's
// list of title holders, which say the same.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, indiaDayOf } from "@/configs/india-day";
import type { SessionUser } from "@/server/auth/session";
import { rows } from "@/server/db/client";
import { parseCsv } from "@/server/services/csv";
import { SCHEME_LIST_COLUMNS, schemeListCsv } from "@/server/services/scheme-list";
import { callerFor, openTestDatabase } from "../helpers/db";

let env: Awaited<ReturnType<typeof openTestDatabase>>;
beforeAll(async () => {
  env = await openTestDatabase();
});
afterAll(() => env.cleanup());

type Village = { id: number; census_code: string; name: string; district_id: number };

/** A Gadchiroli village with an individual title in it, and the title's claim number. */
async function titledVillage(offset: number): Promise<Village & { claim_no: string }> {
  const [v] = await rows<Village & { claim_no: string }>(env.db, sql`
    SELECT v.id, v.census_code, v.name, v.district_id, min(c.claim_no) AS claim_no
    FROM villages v JOIN districts d ON d.id = v.district_id JOIN claims c ON c.village_id = v.id AND c.type = 'IFR' AND c.status = 'title_granted'
    WHERE d.name = 'Gadchiroli' GROUP BY v.id ORDER BY v.census_code OFFSET ${offset} LIMIT 1`);
  return v!;
}

/** Everything recorded of every village: what a refused import must leave as it was. */
const allFacts = async () => rows(env.db, sql`SELECT * FROM village_facts ORDER BY village_id`);

const importAs = (user: SessionUser, csv: string, asOf = "2025-06-30") =>
  callerFor(env.db, user).geo.importVillageFacts({ csv, fileName: "jjm-gadchiroli.csv", asOf });

async function listOf(user: SessionUser, scheme: Parameters<typeof schemeListCsv>[2], districtId?: number) {
  let text = "";
  for await (const chunk of schemeListCsv(env.db, user, scheme, districtId)) text += chunk;
  const [header, ...body] = parseCsv(text);
  return { header: header!, rows: body.map((cells) => Object.fromEntries(header!.map((h, i) => [h, cells[i]!]))) };
}

describe("village facts from the line departments", () => {
  it("seeds the demo's villages with tap figures and DAJGUA's list, and tallies every title once per scheme", async () => {
    const dash = await callerFor(env.db, env.users.gadchiroli).geo.dashboard({});
    expect(dash.villageFacts.withTaps).toBeGreaterThan(0);
    expect(dash.villageFacts.withTaps).toBeLessThan(dash.villageFacts.villages); // a few villages unreported
    expect(dash.villageFacts.withDajgua).toBe(dash.villageFacts.villages);
    const titles = dash.byStatusType.filter((r) => r.status === "title_granted").reduce((a, r) => a + r.n, 0);
    expect(titles).toBeGreaterThan(0);
    for (const t of dash.titlesByScheme) expect(Object.values(t.byVerdict).reduce((a, n) => a + n, 0)).toBe(titles);
    const jjm = dash.titlesByScheme.find((t) => t.scheme === "jjm")!.byVerdict;
    expect(jjm.covered).toBeGreaterThan(0);
    expect(jjm.check).toBeGreaterThan(0);
  });

  it("imports a department's CSV by census code: the title's advice and the dashboard follow, other columns are passed over, and the import is logged", async () => {
    const a = await titledVillage(0);
    const b = await titledVillage(1);
    const done = await importAs(env.users.gadchiroli, [
      "Village Name,census_code,households,households_with_tap,dajgua",
      `${a.name},${a.census_code},140,140,yes`,
      `${b.name},${b.census_code},90,61,no`,
    ].join("\r\n"));
    expect(done).toEqual({ villages: 2, taps: 2, dajgua: 2, ignoredColumns: ["Village Name"] });

    const claimA = await callerFor(env.db, env.users.gadchiroli).claims.get({ claimNo: a.claim_no });
    expect(claimA.village.facts).toEqual({ households: 140, householdsWithTap: 140, tapAsOf: "2025-06-30", dajgua: true, dajguaAsOf: "2025-06-30" });
    const claimB = await callerFor(env.db, env.users.gadchiroli).claims.get({ claimNo: b.claim_no });
    expect(claimB.village.facts).toMatchObject({ households: 90, householdsWithTap: 61, dajgua: false });

    // On the lists: A's title is covered for water (so not listed) and listed for DAJGUA; B's the reverse.
    const jjm = await listOf(env.users.gadchiroli, "jjm", a.district_id);
    expect(jjm.rows.some((r) => r.claim_no === a.claim_no)).toBe(false);
    expect(jjm.rows.find((r) => r.claim_no === b.claim_no)).toMatchObject({ verdict: "check", village: b.name, census_code: b.census_code });
    expect(jjm.rows.find((r) => r.claim_no === b.claim_no)!.why).toMatch(new RegExp(`^29 of ${b.name}'s 90 households had no tap connection`));
    const dajgua = await listOf(env.users.gadchiroli, "dajgua", a.district_id);
    expect(dajgua.rows.find((r) => r.claim_no === a.claim_no)).toMatchObject({ verdict: "eligible" });
    expect(dajgua.rows.some((r) => r.claim_no === b.claim_no)).toBe(false);

    const [logged] = await rows<{ action: string; target: string; detail: Record<string, unknown> }>(env.db,
      sql`SELECT action, target, detail FROM admin_audit WHERE action = 'import_village_facts' ORDER BY id DESC LIMIT 1`);
    expect(logged).toMatchObject({ target: "jjm-gadchiroli.csv", detail: { asOf: "2025-06-30", villages: 2, taps: 2, dajgua: 2 } });
  });

  it("leaves a fact the file does not give as recorded", async () => {
    const a = await titledVillage(0);
    await importAs(env.users.gadchiroli, `census_code,dajgua\n${a.census_code},no\n`, "2025-07-15");
    const [f] = await rows<{ households: number; households_with_tap: number; tap_as_of: string; dajgua: boolean; dajgua_as_of: string }>(env.db,
      sql`SELECT households, households_with_tap, tap_as_of::text, dajgua, dajgua_as_of::text FROM village_facts WHERE village_id = ${a.id}`);
    expect(f).toEqual({ households: 140, households_with_tap: 140, tap_as_of: "2025-06-30", dajgua: false, dajgua_as_of: "2025-07-15" });
  });

  it("refuses a file with any bad row whole, saying which line and why, and changes nothing", async () => {
    const a = await titledVillage(0);
    const b = await titledVillage(1);
    const [nandurbar] = await rows<{ census_code: string; name: string }>(env.db, sql`
      SELECT v.census_code, v.name FROM villages v JOIN districts d ON d.id = v.district_id WHERE d.name = 'Nandurbar' ORDER BY v.census_code LIMIT 1`);
    const before = await allFacts();
    const refusals: Array<[string, RegExp, string?]> = [
      [`census_code,households,households_with_tap\n${a.census_code},100,120\n`, /line 2: households_with_tap: 120 taps in 100 households/],
      [`census_code,households,households_with_tap\n${a.census_code},100,\n`, /line 2: households_with_tap: give households and households_with_tap together/],
      [`census_code,dajgua\n${a.census_code},maybe\n`, /line 2: dajgua: yes or no/],
      [`census_code,dajgua\n${a.census_code},yes\n999999999,yes\n`, /line 3: no village has the census code 999999999/],
      [`census_code,dajgua\n${b.census_code},yes\n${nandurbar!.census_code},yes\n`, new RegExp(`line 3: ${nandurbar!.name} \\(${nandurbar!.census_code}\\) is not in your districts`)],
      [`census_code,dajgua\n${a.census_code},yes\n${a.census_code},no\n`, new RegExp(`line 3: census code ${a.census_code} is on line 2 too`)],
      [`village,households\nX,10\n`, /line 1: no census_code column/],
      [`census_code,village\n${a.census_code},X\n`, /line 1: no column of facts/],
      [`census_code,dajgua\n${a.census_code},\n`, /line 2: row: the row gives no facts/],
      // The first ten problems of a long list, and the count of the rest (not cut a second time).
      [`census_code,households,households_with_tap\n${Array.from({ length: 14 }, (_, i) => `54${i},-3,0`).join("\n")}\n`, /line 11: households: a whole number; and 4 more$/],
      // Older than the figures on record (taps of 30 June 2025): a sheet sent again, or out of order.
      [`census_code,households,households_with_tap\n${a.census_code},100,50\n`, new RegExp(`line 2: ${a.name} already has tap figures of 30 Jun 2025, newer than this file's 1 Jan 2025`), "2025-01-01"],
      [`census_code,dajgua\n${a.census_code},yes\n`, /a day still to come/, addDays(indiaDayOf(Date.now()), 2)],
    ];
    for (const [csv, message, asOf] of refusals) {
      await expect(importAs(env.users.gadchiroli, csv, asOf)).rejects.toThrow(message);
    }
    await expect(importAs(env.users.gadchiroli, "census_code,dajgua\n", "2025-07-20")).rejects.toThrow(/a header and no villages/);
    await expect(importAs(env.users.gadchiroli, `census_code,dajgua\n${a.census_code},yes\n`, "2025-02-30")).rejects.toThrow(/not a real date/);
    expect(await allFacts()).toEqual(before);
  });

  it("lets only the district office import, and only its own villages", async () => {
    const a = await titledVillage(0);
    const before = await allFacts();
    await expect(importAs(env.users.etapalli, `census_code,dajgua\n${a.census_code},yes\n`, "2025-08-01")).rejects.toThrow(/needs the role admin or district_official/);
    await expect(importAs(env.users.nandurbar, `census_code,dajgua\n${a.census_code},yes\n`, "2025-08-01")).rejects.toThrow(/is not in your districts/);
    expect(await allFacts()).toEqual(before);
    // An admin's scope is every district.
    await expect(importAs(env.users.admin, `census_code,dajgua\n${a.census_code},yes\n`, "2025-08-01")).resolves.toMatchObject({ villages: 1, dajgua: 1 });
  });

  it("lists a scheme's title holders with the dashboard's counts, and nothing more of them than the department needs", async () => {
    const api = callerFor(env.db, env.users.gadchiroli);
    const [gadchiroli] = await rows<{ id: number }>(env.db, sql`SELECT id FROM districts WHERE name = 'Gadchiroli'`);
    const dash = await api.geo.dashboard({ districtId: gadchiroli!.id });
    for (const scheme of ["pm_kisan", "jjm", "dajgua"] as const) {
      const list = await listOf(env.users.gadchiroli, scheme, gadchiroli!.id);
      expect(list.header).toEqual([...SCHEME_LIST_COLUMNS]);
      const counts = dash.titlesByScheme.find((t) => t.scheme === scheme)!.byVerdict;
      expect(list.rows.filter((r) => r.verdict === "eligible").length).toBe(counts.eligible);
      expect(list.rows.filter((r) => r.verdict === "check").length).toBe(counts.check);
      expect(new Set(list.rows.map((r) => r.district))).toEqual(new Set(["Gadchiroli"]));
    }
    const pmKisan = await listOf(env.users.gadchiroli, "pm_kisan");
    expect(pmKisan.rows.every((r) => r.type === "IFR" && /^MH-GAD-T-\d{4}-\d{5}$/.test(r.title_no!) && r.granted_on! <= indiaDayOf(Date.now()))).toBe(true);
    for (const column of ["tribe", "category", "relative_name", "spouse_name", "family_members", "evidence"]) expect(SCHEME_LIST_COLUMNS).not.toContain(column);
    // Another district's official gets none of Gadchiroli's titles.
    expect((await listOf(env.users.nandurbar, "pm_kisan", gadchiroli!.id)).rows).toEqual([]);
  });
});
