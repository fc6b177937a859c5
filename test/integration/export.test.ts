// The export of filtered claims (CSV and GeoJSON) against the seeded PGlite + PostGIS database: the
// same claims as the list, the user's districts only, the report's columns and no more, and cells a
// spreadsheet cannot run as formulas.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ClaimFilter } from "@/configs/contracts/claims";
import { APPEAL_DAYS } from "@/configs/workflow";
import type { SessionUser } from "@/server/auth/session";
import { rows } from "@/server/db/client";
import { parseCsv } from "@/server/services/csv";
import { EXPORT_COLUMNS, exportCsv, exportGeoJson } from "@/server/services/export";
import { callerFor, openTestDatabase } from "../helpers/db";

let env: Awaited<ReturnType<typeof openTestDatabase>>;
beforeAll(async () => {
  env = await openTestDatabase();
});
afterAll(() => env.cleanup());

async function text(chunks: AsyncGenerator<string>): Promise<string> {
  let all = "";
  for await (const chunk of chunks) all += chunk;
  return all;
}

const csvOf = async (user: SessionUser, filter: ClaimFilter) => {
  const [header, ...body] = parseCsv(await text(exportCsv(env.db, user, filter)));
  return body.map((cells) => Object.fromEntries(header!.map((h, i) => [h, cells[i]!])));
};

describe("export of the filtered claims", () => {
  it("writes the claims the list finds, with the report's columns only", async () => {
    const filter: ClaimFilter = { types: ["IFR"], statuses: ["title_granted"] };
    const api = callerFor(env.db, env.users.gadchiroli);
    const listed: string[] = [];
    for (let offset = 0, total = 1; offset < total; offset += 200) {
      const page = await api.claims.list({ filter, limit: 200, offset });
      listed.push(...page.items.map((c) => c.claimNo));
      total = page.total;
    }
    const csv = await csvOf(env.users.gadchiroli, filter);
    expect(csv.length).toBeGreaterThan(200); // more than one page of the list
    expect(csv.map((r) => r.claim_no).sort()).toEqual(listed.sort());
    expect(Object.keys(csv[0]!)).toEqual([...EXPORT_COLUMNS]);
    // Personal detail beyond the report (family, relatives, evidence) never leaves.
    for (const column of ["family_members", "relative_name", "spouse_name", "evidence"]) expect(EXPORT_COLUMNS).not.toContain(column);
    for (const r of csv) {
      expect(r).toMatchObject({ type: "IFR", status: "title_granted", district: "Gadchiroli" });
      expect(Number(r.area_titled_ha)).toBeGreaterThan(0);
      expect(Number(r.area_titled_ha)).toBeLessThanOrEqual(Number(r.area_claimed_ha));
      expect(r.title_no).toMatch(/^MH-GAD-T-\d{4}-\d{5}$/);
      // Verified before they were titled: the landmarks the verification named, one column a side.
      expect([r.landmark_north, r.landmark_east, r.landmark_south, r.landmark_west].every((side) => side !== "")).toBe(true);
      // Resolved by their Gram Sabha before that: the resolution's number and day, after the claim was filed.
      expect(r.gs_resolution_no).toMatch(/^GS\/\d+\/\d{4}$/);
      expect(r.gs_resolution_on! >= r.filed_on!).toBe(true);
    }
    expect(new Set(csv.map((r) => r.title_no)).size).toBe(csv.length);
    expect(csv.every((r) => r.bordering_villages === "")).toBe(true); // Form A names none
  });

  it("writes a community forest resource's bordering villages as its form names them", async () => {
    const csv = await csvOf(env.users.gadchiroli, { types: ["CFR"] });
    const api = callerFor(env.db, env.users.gadchiroli);
    const withNames = csv.filter((r) => r.bordering_villages !== "");
    expect(withNames.length).toBeGreaterThan(0);
    for (const r of withNames.slice(0, 5)) {
      const claim = await api.claims.get({ claimNo: r.claim_no! });
      expect(r.bordering_villages).toBe(claim.borderingVillages.join("; "));
    }
  });

  it("writes the same claims as GeoJSON, each with its parcel", async () => {
    const filter: ClaimFilter = { statuses: ["sdlc_review"] };
    const collection = JSON.parse(await text(exportGeoJson(env.db, env.users.gadchiroli, filter))) as {
      type: string; features: Array<{ id: string; geometry: { type: string } | null; properties: Record<string, unknown> }>;
    };
    const csv = await csvOf(env.users.gadchiroli, filter);
    expect(collection.type).toBe("FeatureCollection");
    expect(collection.features.map((f) => f.properties.claim_no)).toEqual(csv.map((r) => r.claim_no));
    const [stored] = await rows<{ n: number }>(env.db, sql`SELECT count(*)::int AS n FROM claims c JOIN districts d ON d.id = c.district_id
      WHERE d.name = 'Gadchiroli' AND c.status = 'sdlc_review' AND c.geom IS NOT NULL`);
    expect(collection.features.filter((f) => f.geometry?.type === "MultiPolygon").length).toBe(stored!.n);
    expect(collection.features.every((f) => f.properties.area_titled_ha === null && f.properties.title_no === null)).toBe(true);
    expect(collection.features.every((f) => f.properties.notice_received_on === null && f.properties.appeal_by === null)).toBe(true);
  });

  it("writes a rejection's notice: the day it was received and the last day to appeal, 60 days on", async () => {
    const csv = await csvOf(env.users.gadchiroli, { notice: "appeal_closed" });
    expect(csv.length).toBeGreaterThan(0);
    for (const r of csv) {
      expect(["sdlc_rejected", "dlc_rejected"]).toContain(r.status);
      const received = Date.parse(`${r.notice_received_on}T00:00:00Z`);
      expect(Date.parse(`${r.appeal_by}T00:00:00Z`) - received).toBe(APPEAL_DAYS * 86_400_000);
    }
    expect((await csvOf(env.users.gadchiroli, { notice: "undelivered" })).every((r) => r.notice_received_on === "" && r.appeal_by === "")).toBe(true);
  });

  it("keeps to the user's districts, whatever the filter asks for", async () => {
    const [nandurbar] = await rows<{ id: number }>(env.db, sql`SELECT id FROM districts WHERE name = 'Nandurbar'`);
    expect(await csvOf(env.users.gadchiroli, { districtId: nandurbar!.id })).toEqual([]);
    const all = await csvOf(env.users.gadchiroli, {});
    expect(all.length).toBeGreaterThan(0);
    expect(new Set(all.map((r) => r.district))).toEqual(new Set(["Gadchiroli"]));
  });

  it("quotes a cell a spreadsheet would run as a formula", async () => {
    const [claim] = await rows<{ id: string; claim_no: string }>(env.db, sql`SELECT c.id, c.claim_no FROM claims c JOIN districts d ON d.id = c.district_id
      WHERE d.name = 'Gadchiroli' ORDER BY c.claim_no LIMIT 1`);
    // Rolled back: the export reads the name inside the same transaction.
    const rolledBack = new Error("rolled back");
    const exported = await env.db.transaction(async (tx) => {
      await tx.execute(sql`UPDATE claims SET claimant_name = '=HYPERLINK("http://x.example","Sita, \"Bai\"")' WHERE id = ${claim!.id}`);
      const [header, ...body] = parseCsv(await text(exportCsv(tx as never, env.users.gadchiroli, { q: claim!.claim_no })));
      throw Object.assign(rolledBack, { found: body.map((cells) => cells[header!.indexOf("claimant_name")]) });
    }).catch((e: unknown) => (e === rolledBack ? (rolledBack as Error & { found: string[] }).found : Promise.reject(e)));
    expect(exported).toEqual(['\'=HYPERLINK("http://x.example","Sita, "Bai"")']);
  });
});
