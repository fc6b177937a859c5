import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compareBorderingVillages } from "@/configs/bordering-villages";
import { rows, type Db } from "@/server/db/client";
import { callerFor, openTestDatabase, squareInVillage, type DemoUsers } from "../helpers/db";
import { resolutionToday } from "../helpers/resolution";

let env: Awaited<ReturnType<typeof openTestDatabase>>;
let db: Db;
let users: DemoUsers;
beforeAll(async () => {
  env = await openTestDatabase();
  db = env.db;
  users = env.users;
});
afterAll(() => env.cleanup());

/** Gadchiroli's first demo claim of `type` with a scanned page, as its official opens it, and that page's SVG. */
async function scannedFormOf(type: "CR" | "CFR") {
  const [scanned] = await rows<{ id: string }>(db, sql`SELECT c.id FROM claims c JOIN claim_documents k ON k.claim_id = c.id JOIN districts d ON d.id = c.district_id
    WHERE d.name = 'Gadchiroli' AND c.type = ${type} ORDER BY c.claim_no LIMIT 1`);
  const claim = await callerFor(db, users.gadchiroli).claims.get({ id: scanned!.id });
  const [page] = await rows<{ svg: string }>(db, sql`SELECT convert_from(bytes, 'UTF8') AS svg FROM claim_documents WHERE id = ${claim.documents[0]!.id}`);
  return { claim, page };
}

async function claimIn(district: string, status: string) {
  const [c] = await rows<{ id: string; claim_no: string; version: number; village_id: number }>(
    db,
    sql`SELECT c.id, c.claim_no, c.version, c.village_id FROM claims c JOIN districts d ON d.id = c.district_id
        WHERE d.name = ${district} AND c.status = ${status} AND c.type = 'IFR' ORDER BY c.claim_no LIMIT 1`,
  );
  if (!c) throw new Error(`no ${status} claim in ${district}`);
  return c;
}

const count = async (table: string) => (await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM ${sql.raw(table)}`))[0]!.n;

describe("claims router", () => {
  it("lists only the official's district, filtered and paged", async () => {
    const api = callerFor(db, users.gadchiroli);
    const page = await api.claims.list({ filter: { types: ["IFR"], statuses: ["title_granted"] }, limit: 20 });
    expect(page.items.length).toBe(20);
    expect(page.total).toBeGreaterThan(20);
    for (const c of page.items) expect(c.claimNo).toMatch(/^MH-GAD-IFR-/);
    for (const c of page.items) expect(c.status).toBe("title_granted");
    const all = await callerFor(db, users.admin).claims.list({ filter: {}, limit: 200 });
    expect(new Set(all.items.map((c) => c.claimNo.slice(0, 6)))).toEqual(new Set(["MH-GAD", "MH-NDB"]));
  });

  it("searches by claimant name and by claim number", async () => {
    const api = callerFor(db, users.gadchiroli);
    const [first] = (await api.claims.list({ filter: { types: ["IFR"] }, limit: 1 })).items;
    const byNo = await api.claims.list({ filter: { q: first!.claimNo } });
    expect(byNo.items.map((c) => c.id)).toEqual([first!.id]);
    const surname = first!.claimantName.split(" ").pop()!;
    const byName = await api.claims.list({ filter: { q: surname.toLowerCase() }, limit: 200 });
    expect(byName.items.length).toBeGreaterThan(0);
    for (const c of byName.items) expect(c.claimantName.toLowerCase()).toContain(surname.toLowerCase());
    const byLocal = await api.claims.list({ filter: { q: first!.claimantNameLocal.split(" ")[0]! } });
    expect(byLocal.items.some((c) => c.id === first!.id)).toBe(true);
  });

  it("opens a claim with its history, pages and the actions open to the user", async () => {
    const c = await claimIn("Gadchiroli", "sdlc_review");
    const detail = await callerFor(db, users.gadchiroli).claims.get({ id: c.id });
    expect(detail.history.map((h) => h.toStatus)).toEqual(["received", "fld_verified", "gs_resolved", "sdlc_review"]);
    expect(detail.actions.map((a) => a.action).sort()).toEqual(["sdlc_recommend", "sdlc_reject", "sdlc_remand"]);
    expect(detail.geometry?.type).toBe("MultiPolygon");
    expect(detail.areaParcelHa).toBeGreaterThan(0);
  });

  it("remands with a reason, bumps the version, updates the counts and audits it", async () => {
    const c = await claimIn("Gadchiroli", "sdlc_review");
    const counted = async () => (await rows<{ village: number | null; tehsil: number | null }>(db, sql`SELECT
      (SELECT n FROM village_stats WHERE village_id = ${c.village_id} AND type = 'IFR' AND status = 'sdlc_remanded') AS village,
      (SELECT n FROM tehsil_stats WHERE tehsil_id = (SELECT tehsil_id FROM claims WHERE id = ${c.id}) AND type = 'IFR' AND status = 'sdlc_remanded') AS tehsil`))[0]!;
    const before = await counted();
    const api = callerFor(db, users.gadchiroli);
    const r = await api.claims.transition({ id: c.id, action: "sdlc_remand", reason: "Khasra numbers missing on the map", expectedVersion: c.version });
    expect(r).toEqual({ id: c.id, status: "sdlc_remanded", version: c.version + 1 });
    const detail = await api.claims.get({ id: c.id });
    const last = detail.history.at(-1)!;
    expect(last).toMatchObject({ action: "sdlc_remand", fromStatus: "sdlc_review", toStatus: "sdlc_remanded", reason: "Khasra numbers missing on the map", claimVersion: c.version + 1 });
    expect(last.actor).toContain("Asha Kumre");
    const after = await counted();
    expect(after.village).toBe((before.village ?? 0) + 1);
    expect(after.tehsil).toBe((before.tehsil ?? 0) + 1);
  });

  it("refuses a stale version instead of overwriting, and changes nothing", async () => {
    const c = await claimIn("Gadchiroli", "dlc_review");
    const api = callerFor(db, users.gadchiroli);
    await api.claims.transition({ id: c.id, action: "grant_title", reason: "DLC approved the verified extent", expectedVersion: c.version, areaTitledHa: 0.5 });
    const audits = await count("claim_transitions");
    await expect(api.claims.transition({ id: c.id, action: "dlc_reject", reason: "rejected on a stale screen by a second official", expectedVersion: c.version }))
      .rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("changed by someone else") });
    expect(await count("claim_transitions")).toBe(audits);
    expect((await api.claims.get({ id: c.id })).status).toBe("title_granted");
  });

  it("grants a title for the area the DLC recognised, which the claim, its audit entry, the counts and the dashboard keep", async () => {
    const c = await claimIn("Gadchiroli", "dlc_review");
    const api = callerFor(db, users.gadchiroli);
    const detail = await api.claims.get({ id: c.id });
    const claimed = detail.areaClaimedHa;
    const titledSum = async () => (await rows<{ village: number; tehsil: number }>(db, sql`SELECT
      (SELECT coalesce(sum(area_titled_ha), 0)::float8 FROM village_stats WHERE village_id = ${c.village_id}) AS village,
      (SELECT coalesce(sum(area_titled_ha), 0)::float8 FROM tehsil_stats WHERE tehsil_id = (SELECT tehsil_id FROM claims WHERE id = ${c.id})) AS tehsil`))[0]!;
    const before = { audits: await count("claim_transitions"), sums: await titledSum(), dashboard: await api.geo.dashboard({}) };
    const step = { id: c.id, action: "grant_title" as const, reason: "DLC recognised the cultivated part only", expectedVersion: c.version };

    // Refused, each with its reason, and nothing written: no area, an area with another step, more than
    // claimed, a third decimal, nothing at all.
    await expect(api.claims.transition(step)).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("needs the area recognised on the title") });
    await expect(api.claims.transition({ ...step, action: "dlc_reject", reason: "Not in occupation on 13 December 2005 per the field report", areaTitledHa: 0.5 }))
      .rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("only with a grant of title") });
    const tooMuch = Math.round(claimed * 100 + 1) / 100;
    await expect(api.claims.transition({ ...step, areaTitledHa: tooMuch }))
      .rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining(`cannot be more than the area claimed (${Number(claimed.toFixed(4))} ha)`) });
    await expect(api.claims.transition({ ...step, areaTitledHa: 0.123 })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("two decimals") });
    await expect(api.claims.transition({ ...step, areaTitledHa: 0 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await count("claim_transitions")).toBe(before.audits);
    expect((await api.claims.get({ id: c.id })).version).toBe(c.version);

    const part = Math.floor(claimed * 60) / 100; // 60% of the claim, to two decimals
    await api.claims.transition({ ...step, areaTitledHa: part });
    const granted = await api.claims.get({ id: c.id });
    expect(granted).toMatchObject({ status: "title_granted", areaTitledHa: expect.closeTo(part, 5), areaClaimedHa: claimed });
    expect(granted.history.at(-1)).toMatchObject({ action: "grant_title", areaTitledHa: expect.closeTo(part, 5) });
    expect(granted.history.slice(0, -1).every((h) => h.areaTitledHa === null)).toBe(true);
    const after = await titledSum();
    expect(after.village - before.sums.village).toBeCloseTo(part, 4);
    expect(after.tehsil - before.sums.tehsil).toBeCloseTo(part, 4);
    const dashboard = await api.geo.dashboard({});
    expect(dashboard.areaGrantedHa - before.dashboard.areaGrantedHa).toBeCloseTo(part, 2);
    // The district's titled area is what the titles recognised, never more than those claims asked for.
    const titledRows = dashboard.byStatusType.filter((r) => r.status === "title_granted");
    expect(dashboard.areaGrantedHa).toBeLessThan(titledRows.reduce((a, r) => a + r.area, 0));
  });

  it("caps an individual title at 4 ha, whatever was claimed (Section 4(6))", async () => {
    const c = await claimIn("Nandurbar", "dlc_review");
    // Claims filed on paper before the app may ask for more than the Act allows; the title may not give it.
    await db.execute(sql`UPDATE claims SET area_claimed_ha = 5.2 WHERE id = ${c.id}`);
    const api = callerFor(db, users.nandurbar);
    const step = { id: c.id, action: "grant_title" as const, reason: "Recognised up to the statutory limit", expectedVersion: c.version };
    await expect(api.claims.transition({ ...step, areaTitledHa: 4.5 }))
      .rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("at most 4 ha (Section 4(6))") });
    await api.claims.transition({ ...step, areaTitledHa: 4 });
    expect((await api.claims.get({ id: c.id })).areaTitledHa).toBe(4);
    // The database holds the same rule for any writer.
    const refused = await db.execute(sql`UPDATE claims SET area_titled_ha = 4.5 WHERE id = ${c.id}`).then(() => null, (e: Error) => e);
    expect(String((refused?.cause as Error | undefined)?.message)).toContain("claims_area_titled_check");
  });

  it("refuses a title over a claimed area of more decimals than a title has, as a request error", async () => {
    const [c] = await rows<{ id: string; version: number }>(db, sql`SELECT c.id, c.version FROM claims c JOIN districts d ON d.id = c.district_id
      WHERE d.name = 'Nandurbar' AND c.status = 'dlc_review' AND c.type = 'IFR' ORDER BY c.claim_no DESC LIMIT 1`);
    await db.execute(sql`UPDATE claims SET area_claimed_ha = 1.126 WHERE id = ${c!.id}`); // as a tablet may file it
    const api = callerFor(db, users.nandurbar);
    const step = { id: c!.id, action: "grant_title" as const, reason: "Recognised as claimed", expectedVersion: c!.version };
    await expect(api.claims.transition({ ...step, areaTitledHa: 1.13 })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("cannot be more than the area claimed (1.126 ha)") });
    await api.claims.transition({ ...step, areaTitledHa: 1.12 });
    expect((await api.claims.get({ id: c!.id })).areaTitledHa).toBeCloseTo(1.12, 5);
  });

  it("seeds titles with the areas they recognised: some less than claimed, none more, none over 4 ha for an individual", async () => {
    const [seeded] = await rows<{ titled: number; with_area: number; partial: number; over_claim: number; over_cap: number; entries_differ: number }>(db, sql`
      SELECT count(*)::int AS titled, count(area_titled_ha)::int AS with_area,
             count(*) FILTER (WHERE area_titled_ha < area_claimed_ha)::int AS partial,
             count(*) FILTER (WHERE area_titled_ha > area_claimed_ha)::int AS over_claim,
             count(*) FILTER (WHERE type = 'IFR' AND area_titled_ha > 4)::int AS over_cap,
             count(*) FILTER (WHERE area_titled_ha IS DISTINCT FROM (SELECT h.area_titled_ha FROM claim_transitions h WHERE h.claim_id = c.id AND h.action = 'grant_title'
                                                                  ORDER BY h.id DESC LIMIT 1))::int AS entries_differ
      FROM claims c WHERE status = 'title_granted' AND area_claimed_ha > 0 
        AND updated_at < now() - interval '1 day'`); // the seed's own titles, not those granted by the tests above
    expect(seeded!.titled).toBeGreaterThan(100);
    expect(seeded!.with_area).toBe(seeded!.titled);
    expect(seeded!.partial / seeded!.titled).toBeGreaterThan(0.15);
    expect(seeded!.partial / seeded!.titled).toBeLessThan(0.5);
    expect({ overClaim: seeded!.over_claim, overCap: seeded!.over_cap, entriesDiffer: seeded!.entries_differ }).toEqual({ overClaim: 0, overCap: 0, entriesDiffer: 0 });
  });

  it("records the landmarks a field verification names on each side: on the claim and in its audit entry, kept by the steps after it", async () => {
    const c = await claimIn("Gadchiroli", "received");
    const api = callerFor(db, users.gadchiroli);
    const landmarks = { north: "Kh. 114, field of the Usendi family", east: "  seasonal nala  ", south: "", west: "reserved forest, compartment 412" };
    // Landmarks with any other step, or with no side named, are refused at the contract, changing nothing.
    await expect(api.claims.transition({ id: c.id, action: "verify_in_field", reason: "Boundary walked with the FRC", expectedVersion: c.version, landmarks: { north: "", east: " ", south: "", west: "" } }))
      .rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("name a landmark on at least one side") });
    await expect(api.claims.transition({ id: c.id, action: "verify_in_field", reason: "Boundary walked with the FRC", expectedVersion: c.version, landmarks: { ...landmarks, south: "x".repeat(201) } }))
      .rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("at most 200 characters") });
    expect((await api.claims.get({ id: c.id })).version).toBe(c.version);

    const verified = await api.claims.transition({ id: c.id, action: "verify_in_field", reason: "Boundary walked with the FRC", expectedVersion: c.version, landmarks });
    const trimmed = { ...landmarks, east: "seasonal nala" };
    const detail = await api.claims.get({ id: c.id });
    expect(detail.boundaryLandmarks).toEqual(trimmed);
    expect(detail.history.at(-1)).toMatchObject({ action: "verify_in_field", landmarks: trimmed });
    const gsResolution = resolutionToday("GS/4/2026");
    await expect(api.claims.transition({ id: c.id, action: "record_gs_resolution", reason: "Gram Sabha approved the claim", expectedVersion: verified.version, landmarks: trimmed, gsResolution }))
      .rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("boundary landmarks go only with a field verification") });
    // A later step keeps them on the claim, and carries none of its own.
    await api.claims.transition({ id: c.id, action: "record_gs_resolution", reason: "Gram Sabha approved the claim", expectedVersion: verified.version, gsResolution });
    const resolved = await api.claims.get({ id: c.id });
    expect(resolved.boundaryLandmarks).toEqual(trimmed);
    expect(resolved.history.at(-1)).toMatchObject({ action: "record_gs_resolution", landmarks: null });
    // The trail refuses landmarks on any entry but a verification, whoever writes it.
    const misplaced = await db.execute(sql`INSERT INTO claim_transitions (claim_id, action, from_status, to_status, reason, claim_version, boundary_landmarks)
      VALUES (${c.id}, 'forward_to_sdlc', 'gs_resolved', 'sdlc_review', 'x', 99, '{"north":"x","east":"","south":"","west":""}'::jsonb)`).then(() => null, (e: Error) => e);
    expect(String((misplaced?.cause as Error | undefined)?.message)).toMatch(/claim_transitions_boundary_landmarks_check/);
  });

  it("records a Gram Sabha's resolution by its number, day and quorum (Rule 4(2)), on the claim and its audit entry, and refuses one the Rules would not take, changing nothing", async () => {
    const c = await claimIn("Gadchiroli", "fld_verified");
    const api = callerFor(db, users.gadchiroli);
    const [{ filed_on: filedOn } = { filed_on: "" }] = await rows<{ filed_on: string }>(db, sql`SELECT filed_on::text FROM claims WHERE id = ${c.id}`);
    const step = { id: c.id, action: "record_gs_resolution" as const, reason: "Gram Sabha approved the claim after hearing objections", expectedVersion: c.version };
    const resolution = { ...resolutionToday(), number: "  GS/7/2026 " };
    const refusals: Array<[object, string]> = [
      [{}, "a Gram Sabha resolution needs its number, the day it was passed, and the members and claimants present (Rule 4(2))"],
      [{ gsResolution: { ...resolution, present: 59 } }, "no quorum: 59 of 120 members were present, and Rule 4(2) needs at least half (60)"],
      [{ gsResolution: { ...resolution, womenPresent: 21 } }, "no quorum: 21 of the 64 present were women, and Rule 4(2) needs at least a third (22)"],
      [{ gsResolution: { ...resolution, present: 121 } }, "121 present is more than the Gram Sabha's 120 members"],
      [{ gsResolution: { ...resolution, claimantsPresent: 5 } }, "no quorum for claims: 5 of the 12 claimants were present or represented, and Rule 4(2) needs at least half (6)"],
      [{ gsResolution: { ...resolution, number: " " } }, "give the resolution's number"],
      [{ gsResolution: { ...resolution, passedOn: "2026-02-30" } }, "not a real date"],
      [{ gsResolution: { ...resolution, passedOn: "2005-12-12" } }, `the resolution cannot have been passed on 2005-12-12: the claim was filed on ${filedOn}`],
    ];
    for (const [extra, message] of refusals) {
      await expect(api.claims.transition({ ...step, ...extra } as typeof step)).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining(message) });
    }
    expect((await api.claims.get({ id: c.id })).version).toBe(c.version);

    await api.claims.transition({ ...step, gsResolution: resolution });
    const detail = await api.claims.get({ id: c.id });
    const recorded = { ...resolution, number: "GS/7/2026" };
    expect(detail.gsResolution).toEqual(recorded);
    expect(detail.history.at(-1)).toMatchObject({ action: "record_gs_resolution", gsResolution: recorded });
    // Only that step states one; the steps after it keep it on the claim.
    await expect(api.claims.transition({ id: c.id, action: "forward_to_sdlc", reason: "Forwarded with the resolution", expectedVersion: detail.version, gsResolution: recorded }))
      .rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("go only with recording a Gram Sabha resolution") });
    await api.claims.transition({ id: c.id, action: "forward_to_sdlc", reason: "Forwarded with the resolution", expectedVersion: detail.version });
    expect((await api.claims.get({ id: c.id })).gsResolution).toEqual(recorded);
    // The trail refuses that step without its resolution, and a resolution on any other entry, whoever writes them.
    const unstated = await db.execute(sql`INSERT INTO claim_transitions (claim_id, action, from_status, to_status, reason, claim_version)
      VALUES (${c.id}, 'record_gs_resolution', 'fld_verified', 'gs_resolved', 'x', 99)`).then(() => null, (e: Error) => e);
    expect(String((unstated?.cause as Error | undefined)?.message)).toMatch(/claim_transitions_gs_resolution_stated/);
    const misplaced = await db.execute(sql`INSERT INTO claim_transitions (claim_id, action, from_status, to_status, reason, claim_version, gs_resolution)
      VALUES (${c.id}, 'forward_to_sdlc', 'gs_resolved', 'sdlc_review', 'x', 99, ${JSON.stringify(recorded)}::jsonb)`).then(() => null, (e: Error) => e);
    expect(String((misplaced?.cause as Error | undefined)?.message)).toMatch(/claim_transitions_gs_resolution_check/);
  });

  it("records one sitting's resolution on every claim chosen, or on none", async () => {
    const chosen = await rows<{ id: string; version: number }>(db, sql`
      SELECT c.id, c.version FROM claims c JOIN districts d ON d.id = c.district_id
      WHERE d.name = 'Gadchiroli' AND c.status = 'fld_verified' ORDER BY c.claim_no LIMIT 3`);
    expect(chosen).toHaveLength(3);
    const api = callerFor(db, users.gadchiroli);
    const sitting = { action: "record_gs_resolution" as const, reason: "Gram Sabha of 14 March: claims heard, no objection upheld", claims: chosen.map((c) => ({ id: c.id, expectedVersion: c.version })) };
    await expect(api.claims.transitionMany(sitting)).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("needs its number, the day it was passed") });
    await expect(api.claims.transitionMany({ ...sitting, gsResolution: { ...resolutionToday(), womenPresent: 2 } })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("no quorum") });
    await expect(api.claims.transitionMany({ ...sitting, gsResolution: { ...resolutionToday(), claimants: 2, claimantsPresent: 1 } }))
      .rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("one resolution on 3 claims heard at least 3 claimants, not 2: each claim has at least one") });
    const gsResolution = resolutionToday("GS/9/2026");
    await api.claims.transitionMany({ ...sitting, gsResolution });
    const after = await rows<{ status: string; gs_resolution: unknown }>(db, sql`SELECT status, gs_resolution FROM claims WHERE id IN (${sql.join(chosen.map((c) => sql`${c.id}::uuid`), sql`, `)})`);
    expect(after).toEqual(chosen.map(() => ({ status: "gs_resolved", gs_resolution: gsResolution })));
  });

  it("seeds every resolved claim's Gram Sabha resolution, with a quorum, as its latest resolution's audit entry states it", async () => {
    const [seeded] = await rows<{ resolved: number; with_resolution: number; unresolved_with: number; entries_differ: number; no_quorum: number; before_filing: number }>(db, sql`
      SELECT count(*) FILTER (WHERE c.status NOT IN ('received', 'fld_verified'))::int AS resolved,
             count(*) FILTER (WHERE c.status NOT IN ('received', 'fld_verified') AND c.gs_resolution IS NOT NULL)::int AS with_resolution,
             count(*) FILTER (WHERE c.status IN ('received', 'fld_verified') AND c.gs_resolution IS NOT NULL)::int AS unresolved_with,
             count(*) FILTER (WHERE c.gs_resolution IS DISTINCT FROM (SELECT h.gs_resolution FROM claim_transitions h
                                WHERE h.claim_id = c.id AND h.action = 'record_gs_resolution' ORDER BY h.id DESC LIMIT 1))::int AS entries_differ,
             count(*) FILTER (WHERE (c.gs_resolution->>'present')::int * 2 < (c.gs_resolution->>'members')::int
                                 OR (c.gs_resolution->>'womenPresent')::int * 3 < (c.gs_resolution->>'present')::int
                                 OR (c.gs_resolution->>'claimantsPresent')::int * 2 < (c.gs_resolution->>'claimants')::int
                                 OR NOT c.gs_resolution ?& array['claimants', 'claimantsPresent'])::int AS no_quorum,
             count(*) FILTER (WHERE (c.gs_resolution->>'passedOn')::date < c.filed_on)::int AS before_filing
      FROM claims c WHERE c.updated_at < now() - interval '1 day'`); // the seed's own claims, not those the tests changed
    expect(seeded!.resolved).toBeGreaterThan(100);
    expect({ withResolution: seeded!.with_resolution, unresolvedWith: seeded!.unresolved_with, entriesDiffer: seeded!.entries_differ, noQuorum: seeded!.no_quorum, beforeFiling: seeded!.before_filing })
      .toEqual({ withResolution: seeded!.resolved, unresolvedWith: 0, entriesDiffer: 0, noQuorum: 0, beforeFiling: 0 });
  });

  it("seeds the landmarks of every verified claim, as its verification's audit entry names them", async () => {
    const [seeded] = await rows<{ verified: number; with_landmarks: number; unverified_with: number; entries_differ: number }>(db, sql`
      SELECT count(*) FILTER (WHERE c.status <> 'received')::int AS verified,
             count(*) FILTER (WHERE c.status <> 'received' AND c.boundary_landmarks IS NOT NULL)::int AS with_landmarks,
             count(*) FILTER (WHERE c.status = 'received' AND c.boundary_landmarks IS NOT NULL)::int AS unverified_with,
             count(*) FILTER (WHERE c.boundary_landmarks IS DISTINCT FROM (SELECT h.boundary_landmarks FROM claim_transitions h
                                WHERE h.claim_id = c.id AND h.action = 'verify_in_field' ORDER BY h.id DESC LIMIT 1))::int AS entries_differ
      FROM claims c WHERE c.updated_at < now() - interval '1 day'`); // the seed's own claims, not those the tests changed
    expect(seeded!.verified).toBeGreaterThan(100);
    expect({ withLandmarks: seeded!.with_landmarks, unverifiedWith: seeded!.unverified_with, entriesDiffer: seeded!.entries_differ })
      .toEqual({ withLandmarks: seeded!.verified, unverifiedWith: 0, entriesDiffer: 0 });
  });

  it("finds the villages a community forest resource's mapped boundary reaches: every village it touches, none farther than the tolerance, not its own", async () => {
    const api = callerFor(db, users.gadchiroli);
    const [cfr] = await rows<{ id: string; village: string }>(db, sql`SELECT c.id, v.name AS village FROM claims c JOIN villages v ON v.id = c.village_id
      JOIN districts d ON d.id = c.district_id WHERE d.name = 'Gadchiroli' AND c.type = 'CFR' AND c.geom IS NOT NULL ORDER BY c.claim_no LIMIT 1`);
    const named = (await api.claims.get({ id: cfr!.id })).villagesAlongBoundary.map((v) => v.name);
    const touching = await rows<{ name: string }>(db, sql`SELECT v.name FROM villages v, claims c WHERE c.id = ${cfr!.id} AND v.id <> c.village_id AND ST_Intersects(v.geom, c.geom)`);
    // Names repeat across a state: each named village's nearest namesake is the one meant.
    const farthest = await rows<{ m: number }>(db, sql`SELECT coalesce(max(m), 0)::float8 AS m FROM (
      SELECT min(ST_Distance(v.geom::geography, c.geom::geography)) AS m FROM villages v, claims c
      WHERE c.id = ${cfr!.id} AND v.name IN (${sql.join(named.map((n) => sql`${n}`), sql`, `)}) GROUP BY v.name) nearest`);
    expect(touching.length).toBeGreaterThan(0);
    expect(named).toEqual(expect.arrayContaining(touching.map((v) => v.name)));
    expect(named).not.toContain(cfr!.village);
    expect(farthest[0]!.m).toBeLessThan(60);
    // An individual claim has no bordering villages, on its form or from the map.
    const ifr = await claimIn("Gadchiroli", "title_granted");
    expect((await api.claims.get({ id: ifr.id }))).toMatchObject({ borderingVillages: [], villagesAlongBoundary: [] });
  });

  it("keeps Form C's bordering villages as written; the demo's forms mostly agree with the map, some leave one out or add one", async () => {
    const api = callerFor(db, users.gadchiroli);
    const cfrs = await rows<{ id: string }>(db, sql`SELECT c.id FROM claims c JOIN districts d ON d.id = c.district_id
      WHERE d.name = 'Gadchiroli' AND c.type = 'CFR' AND c.geom IS NOT NULL AND c.updated_at < now() - interval '1 day' ORDER BY c.claim_no`);
    const compared = await Promise.all(cfrs.map(async ({ id }) => {
      const c = await api.claims.get({ id });
      return { stated: c.borderingVillages, ...compareBorderingVillages(c.borderingVillages, c.villagesAlongBoundary) };
    }));
    expect(compared.length).toBeGreaterThan(8);
    expect(compared.every((c) => c.stated.length > 0)).toBe(true);
    expect(compared.filter((c) => c.notOnMap.length === 0 && c.notNamed.length === 0).length).toBeGreaterThan(compared.length / 2);
    expect(compared.some((c) => c.notOnMap.length === 1 && c.notNamed.length === 0)).toBe(true); // a farther village added
    expect(compared.some((c) => c.notNamed.length === 1 && c.notOnMap.length === 0)).toBe(true); // one left out
    // No other kind of claim names any, and the database refuses one that would.
    expect((await rows(db, sql`SELECT count(*)::int AS n FROM claims WHERE type <> 'CFR' AND bordering_villages <> '[]'::jsonb`))[0]).toEqual({ n: 0 });
    const ifr = await claimIn("Gadchiroli", "received");
    const refused = await db.execute(sql`UPDATE claims SET bordering_villages = '["Kotmi"]'::jsonb WHERE id = ${ifr.id}`).catch((e: Error) => e);
    expect(((refused as Error).cause as Error).message).toMatch(/claims_bordering_villages_check/);
  });

  it("shows a demo community forest resource claim's scanned Form C, which lists the bordering villages the claim states", async () => {
    const { claim, page } = await scannedFormOf("CFR");
    expect(claim.documents).toEqual([expect.objectContaining({ kind: "form_page", title: "Form C (scanned), page 1" })]);
    expect(page!.svg).toContain("FORM - C");
    expect(page!.svg).toContain(`>${claim.village.name}<`);
    expect(claim.borderingVillages.length).toBeGreaterThan(0);
    for (const name of claim.borderingVillages) expect(page!.svg).toContain(name);
    // Form A is an individual claim's: no community claim has one.
    expect((await rows(db, sql`SELECT count(*)::int AS n FROM claim_documents k JOIN claims c ON c.id = k.claim_id WHERE k.title LIKE 'Form A%' AND c.type <> 'IFR'`))[0]).toEqual({ n: 0 });
  });

  it("files a community forest resource claim with the bordering villages its form names, and refuses them on any other claim, writing nothing", async () => {
    const api = callerFor(db, users.gadchiroli);
    const [village] = await rows<{ id: number }>(db, sql`SELECT v.id FROM villages v JOIN districts d ON d.id = v.district_id WHERE d.name = 'Gadchiroli' ORDER BY v.id LIMIT 1`);
    const claim = { claimantName: "Gram Sabha of the village", category: "ST" as const, villageId: village!.id, areaClaimedHa: 85, filedOn: "2012-05-01", borderingVillages: ["Kotmi", " Gatta "] };
    const made = await api.claims.create({ ...claim, type: "CFR" });
    expect((await api.claims.get({ id: made.id })).borderingVillages).toEqual(["Kotmi", "Gatta"]);
    const before = (await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM claims`))[0]!.n;
    await expect(api.claims.create({ ...claim, type: "CR", rightsClaimed: ["grazing"] })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("only a community forest resource claim (Form C) names its bordering villages") });
    expect((await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM claims`))[0]!.n).toBe(before);
  });

  it("shows a demo community rights claim's scanned Form B, which answers each right the claim states", async () => {
    const { claim, page } = await scannedFormOf("CR");
    expect(claim.documents).toEqual([expect.objectContaining({ kind: "form_page", title: "Form B (scanned), page 1" })]);
    expect(page!.svg).toContain("FORM - B");
    expect(page!.svg).toContain(`>${claim.community}<`);
    // One line per right: "Yes: …" against each right claimed, "Nil" or "No" against the others.
    expect(claim.rightsClaimed.length).toBeGreaterThan(0);
    const answers = [...page!.svg.matchAll(/class="typed">(Yes: [^<]*|Nil|No)</g)].map((m) => m[1]!);
    expect(answers).toHaveLength(7);
    expect(answers.filter((a) => a.startsWith("Yes")).length).toBe(claim.rightsClaimed.length);
  });

  it("files a community rights claim with the rights its form claims, and refuses one that claims none, writing nothing", async () => {
    const api = callerFor(db, users.gadchiroli);
    const [village] = await rows<{ id: number }>(db, sql`SELECT v.id FROM villages v JOIN districts d ON d.id = v.district_id WHERE d.name = 'Gadchiroli' ORDER BY v.id LIMIT 1`);
    const claim = { type: "CR" as const, claimantName: "Gram Sabha of the village", community: "The village's Gram Sabha (Gond community)", category: "ST" as const, villageId: village!.id, areaClaimedHa: 40, filedOn: "2012-05-01" };
    const made = await api.claims.create({ ...claim, rightsClaimed: ["nistar", "fish_and_water_bodies"] });
    expect(await api.claims.get({ id: made.id })).toMatchObject({ community: claim.community, rightsClaimed: ["nistar", "fish_and_water_bodies"] });
    const before = (await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM claims`))[0]!.n;
    await expect(api.claims.create(claim)).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("a community rights claim (Form B) names at least one right it claims") });
    await expect(api.claims.create({ ...claim, rightsClaimed: ["felling"] as never })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("a right is one of nistar") });
    expect((await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM claims`))[0]!.n).toBe(before);
  });

  it("numbers titles in each district's register, in the order they were granted, with no gaps", async () => {
    const registers = await rows<{ district_id: number; year: number; last: number; titles: string[] }>(db, sql`
      SELECT r.district_id, r.year, r.last, array_agg(c.title_no ORDER BY c.status_changed_at, c.claim_no) AS titles
      FROM title_register r JOIN claims c ON c.district_id = r.district_id AND title_year(c.status_changed_at) = r.year AND c.status = 'title_granted'
      GROUP BY 1, 2, 3`); // with the grants of the tests above, made after all of the seed's
    expect(registers.length).toBeGreaterThan(4); // districts times years
    for (const r of registers) {
      expect(r.titles.length).toBe(r.last);
      expect(r.titles.map((t) => Number(t.split("-").at(-1)))).toEqual(r.titles.map((_, i) => i + 1));
      expect(r.titles.every((t) => t.includes(`-T-${r.year}-`))).toBe(true);
    }
    const [unnumbered] = await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM claims WHERE status = 'title_granted' AND title_no IS NULL`);
    expect(unnumbered!.n).toBe(0);
  });

  it("gives a grant the next number of its district's register; a refused grant takes none", async () => {
    const [first, second] = await rows<{ id: string; claim_no: string; version: number; area_claimed_ha: number }>(db, sql`
      SELECT c.id, c.claim_no, c.version, c.area_claimed_ha FROM claims c JOIN districts d ON d.id = c.district_id
      WHERE d.name = 'Gadchiroli' AND c.status = 'dlc_review' AND c.area_claimed_ha BETWEEN 0.01 AND 4 ORDER BY c.claim_no DESC LIMIT 2`);
    const api = callerFor(db, users.gadchiroli);
    const [year] = await rows<{ y: number }>(db, sql`SELECT title_year(now()) AS y`);
    const issued = async () => (await rows<{ last: number }>(db, sql`SELECT coalesce(max(last), 0)::int AS last FROM title_register r JOIN districts d ON d.id = r.district_id
      WHERE d.name = 'Gadchiroli' AND r.year = ${year!.y}`))[0]!.last;
    const before = await issued();
    const grant = (c: typeof first, expectedVersion = c!.version) =>
      api.claims.transition({ id: c!.id, action: "grant_title", reason: "Rights recognised as claimed", expectedVersion, areaTitledHa: Math.floor(c!.area_claimed_ha * 100) / 100 });

    await expect(grant(first, first!.version + 1)).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await issued()).toBe(before);
    await grant(first);
    await grant(second);
    const numbers = [(await api.claims.get({ id: first!.id })).titleNo, (await api.claims.get({ id: second!.id })).titleNo];
    const serial = (n: number) => String(n).padStart(5, "0");
    expect(numbers).toEqual([`MH-GAD-T-${year!.y}-${serial(before + 1)}`, `MH-GAD-T-${year!.y}-${serial(before + 2)}`]);
    expect(await issued()).toBe(before + 2);
    // A holder who brings the title to the office is found by its number.
    expect((await api.claims.list({ filter: { q: numbers[1]! } })).items.map((c) => c.claimNo)).toEqual([second!.claim_no]);
    // Only a granted claim holds a title number, whoever writes.
    const refused = await db.execute(sql`UPDATE claims SET title_no = 'MH-GAD-T-2026-99999' WHERE claim_no = ${(await claimIn("Gadchiroli", "sdlc_review")).claim_no}`)
      .then(() => null, (e: Error) => e);
    expect(String((refused?.cause as Error | undefined)?.message)).toContain("claims_title_no_check");
  });

  describe("a committee's decision on many claims at once", () => {
    const atStage = async (district: string, status: string, n: number) => rows<{ id: string; claim_no: string; version: number }>(db, sql`
      SELECT c.id, c.claim_no, c.version FROM claims c JOIN districts d ON d.id = c.district_id
      WHERE d.name = ${district} AND c.status = ${status} ORDER BY c.claim_no DESC LIMIT ${n}`);
    const statuses = async (ids: string[]) => (await rows<{ status: string }>(db, sql`SELECT status FROM claims WHERE id IN (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)}) ORDER BY claim_no DESC`)).map((r) => r.status);
    const minutes = "SDLC sitting of 20 November 2026, item 4: the Gram Sabha resolutions are in order";

    it("records the step for each claim, each with its own audit entry and the committee's reason", async () => {
      const chosen = await atStage("Gadchiroli", "gs_resolved", 3);
      expect(chosen).toHaveLength(3);
      const api = callerFor(db, users.gadchiroli);
      const audits = await count("claim_transitions");
      const result = await api.claims.transitionMany({ action: "forward_to_sdlc", reason: minutes, claims: chosen.map((c) => ({ id: c.id, expectedVersion: c.version })) });
      expect(result.claims.map((c) => [c.id, c.status, c.version])).toEqual(chosen.map((c) => [c.id, "sdlc_review", c.version + 1]));
      expect(await count("claim_transitions")).toBe(audits + 3);
      for (const c of chosen) {
        expect((await api.claims.get({ id: c.id })).history.at(-1)).toMatchObject({ action: "forward_to_sdlc", fromStatus: "gs_resolved", toStatus: "sdlc_review", reason: minutes, claimVersion: c.version + 1 });
      }
    });

    it("records none when one claim is refused, and names it: a stale version, another stage, another district", async () => {
      const chosen = await atStage("Gadchiroli", "sdlc_review", 3);
      const [elsewhere] = await atStage("Gadchiroli", "received", 1);
      const [nandurbar] = await atStage("Nandurbar", "sdlc_review", 1);
      const api = callerFor(db, users.gadchiroli);
      const before = { audits: await count("claim_transitions"), statuses: await statuses(chosen.map((c) => c.id)) };
      const step = { action: "sdlc_recommend" as const, reason: minutes };
      const asSeen = chosen.map((c) => ({ id: c.id, expectedVersion: c.version }));

      await expect(api.claims.transitionMany({ ...step, claims: [...asSeen.slice(0, 2), { id: chosen[2]!.id, expectedVersion: chosen[2]!.version - 1 }] }))
        .rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(new RegExp(`^${chosen[2]!.claim_no}: this claim was changed by someone else.*nothing was recorded$`)) });
      await expect(api.claims.transitionMany({ ...step, claims: [...asSeen, { id: elsewhere!.id, expectedVersion: elsewhere!.version }] }))
        .rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining(`${elsewhere!.claim_no}: `) });
      await expect(api.claims.transitionMany({ ...step, claims: [...asSeen, { id: nandurbar!.id, expectedVersion: nandurbar!.version }] }))
        .rejects.toMatchObject({ code: "NOT_FOUND", message: `no claim ${nandurbar!.id} in your districts; nothing was recorded` });
      // Field staff record Gram Sabha steps, never an SDLC's.
      await expect(callerFor(db, users.etapalli).claims.transitionMany({ ...step, claims: asSeen })).rejects.toMatchObject({ code: expect.stringMatching(/FORBIDDEN|NOT_FOUND/) });

      expect(await count("claim_transitions")).toBe(before.audits);
      expect(await statuses(chosen.map((c) => c.id))).toEqual(before.statuses);
      expect((await atStage("Gadchiroli", "sdlc_review", 3)).map((c) => c.version)).toEqual(chosen.map((c) => c.version));
    });

    it("refuses a grant, an empty or oversized choice, a claim chosen twice and a short reason before touching anything", async () => {
      const chosen = await atStage("Gadchiroli", "sdlc_review", 2);
      const api = callerFor(db, users.gadchiroli);
      const asSeen = chosen.map((c) => ({ id: c.id, expectedVersion: c.version }));
      const audits = await count("claim_transitions");
      await expect(api.claims.transitionMany({ action: "grant_title", reason: minutes, claims: asSeen })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("one claim at a time") });
      await expect(api.claims.transitionMany({ action: "sdlc_recommend", reason: minutes, claims: [] })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("at least one claim") });
      const many = Array.from({ length: 101 }, (_, i) => ({ id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`, expectedVersion: 1 }));
      await expect(api.claims.transitionMany({ action: "sdlc_recommend", reason: minutes, claims: many })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("at most 100 claims") });
      await expect(api.claims.transitionMany({ action: "sdlc_recommend", reason: minutes, claims: [asSeen[0]!, asSeen[0]!] })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("chosen twice") });
      await expect(api.claims.transitionMany({ action: "sdlc_reject", reason: "no", claims: asSeen })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining(`${chosen[0]!.claim_no}: `) });
      expect(await count("claim_transitions")).toBe(audits);
    });
  });

  it("refuses illegal transitions and missing reasons with clear errors", async () => {
    const c = await claimIn("Gadchiroli", "received");
    const api = callerFor(db, users.gadchiroli);
    await expect(api.claims.transition({ id: c.id, action: "grant_title", reason: "straight to title", expectedVersion: c.version, areaTitledHa: 0.5 }))
      .rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("not allowed for a claim that is Received by FRC") });
    const d = await claimIn("Gadchiroli", "dlc_review");
    await expect(api.claims.transition({ id: d.id, action: "dlc_reject", reason: "no", expectedVersion: d.version }))
      .rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("at least 20 characters") });
    await expect(api.claims.transition({ id: c.id, action: "approve" as never, reason: "x", expectedVersion: 1 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("keeps field staff to field steps in their own block", async () => {
    const field = callerFor(db, users.etapalli);
    const list = await field.claims.list({ filter: {}, limit: 200 });
    expect(list.items.length).toBeGreaterThan(0);
    const [tehsils] = await rows<{ n: number }>(db, sql`SELECT count(DISTINCT tehsil_id)::int AS n FROM claims WHERE id IN (${sql.join(list.items.map((i) => sql`${i.id}`), sql`, `)})`);
    expect(tehsils!.n).toBe(1);
    const dlc = list.items.find((i) => i.status === "dlc_review");
    if (dlc) {
      const detail = await field.claims.get({ id: dlc.id });
      await expect(field.claims.transition({ id: dlc.id, action: "grant_title", reason: "looks right to me", expectedVersion: detail.version, areaTitledHa: 0.5 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });

  it("returns NOT_FOUND for an unknown claim id", async () => {
    await expect(callerFor(db, users.gadchiroli).claims.get({ id: "00000000-0000-4000-8000-000000000000" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor(db, users.gadchiroli).claims.get({ id: "not-a-uuid" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("opens a claim by its number (what the map's tiles carry) as by its id, and refuses a malformed number", async () => {
    const c = await claimIn("Gadchiroli", "sdlc_review");
    const api = callerFor(db, users.gadchiroli);
    const byNumber = await api.claims.get({ claimNo: c.claim_no });
    expect(byNumber).toEqual(await api.claims.get({ id: c.id }));
    await expect(api.claims.get({ claimNo: "MH-GAD-IFR-1999-999999" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api.claims.get({ claimNo: "x' OR 1=1 --" })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("not a claim number") });
    await expect(api.claims.get({ id: c.id, claimNo: c.claim_no } as never)).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("one of the two") });
  });

  it("refuses a huge page size", async () => {
    await expect(callerFor(db, users.admin).claims.list({ filter: {}, limit: 1_000_000 })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("at most 200") });
  });

  it("refuses anonymous callers", async () => {
    await expect(callerFor(db, null).claims.list({ filter: {} })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("keeps the audit trail append-only", async () => {
    await expect(db.execute(sql`UPDATE claim_transitions SET reason = 'rewritten'`)).rejects.toThrow();
    await expect(db.execute(sql`DELETE FROM claim_transitions`)).rejects.toThrow();
  });
});

describe("district isolation", () => {
  it("an official of Gadchiroli can neither read nor change a Nandurbar claim", async () => {
    const c = await claimIn("Nandurbar", "sdlc_review");
    const gad = callerFor(db, users.gadchiroli);
    await expect(gad.claims.get({ id: c.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(gad.claims.get({ claimNo: c.claim_no })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(gad.claims.transition({ id: c.id, action: "sdlc_remand", reason: "trying across the border", expectedVersion: c.version })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const list = await gad.claims.list({ filter: { q: "MH-NDB" } });
    expect(list.total).toBe(0);
    const detail = await callerFor(db, users.nandurbar).claims.get({ id: c.id });
    expect(detail.version).toBe(c.version);
    expect(detail.status).toBe("sdlc_review");
  });

  it("dashboards and unit lists stop at the district line", async () => {
    const gad = callerFor(db, users.gadchiroli);
    expect((await gad.geo.districts()).map((d) => d.name)).toEqual(["Gadchiroli"]);
    const [ndb] = await rows<{ id: number }>(db, sql`SELECT id FROM districts WHERE name = 'Nandurbar'`);
    expect(await gad.geo.tehsils({ districtId: ndb!.id })).toEqual([]);
    const dashGad = await gad.geo.dashboard({});
    const dashNdbAsGad = await gad.geo.dashboard({ districtId: ndb!.id });
    expect(dashGad.total).toBeGreaterThan(0);
    expect(dashNdbAsGad.total).toBe(0);
  });
});

describe("parcels and new claims", () => {
  const villageSquare = (villageId: number, sizeDeg: number, offset?: [number, number]) => squareInVillage(db, villageId, sizeDeg, offset);

  it("refuses a self-intersecting parcel and changes nothing", async () => {
    const c = await claimIn("Gadchiroli", "fld_verified");
    const api = callerFor(db, users.gadchiroli);
    const before = await api.claims.get({ id: c.id });
    const sq = await villageSquare(c.village_id, 0.001);
    const [a, b, cc, d] = sq.coordinates[0]!;
    const bowtie = { type: "Polygon" as const, coordinates: [[a!, cc!, b!, d!, a!]] };
    await expect(api.claims.updateParcel({ id: c.id, geometry: bowtie, expectedVersion: c.version }))
      .rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("Self-intersection") });
    const after = await api.claims.get({ id: c.id });
    expect(after.version).toBe(before.version);
    expect(after.geometry).toEqual(before.geometry);
  });

  it("refuses a parcel outside its village", async () => {
    const c = await claimIn("Gadchiroli", "fld_verified");
    const far = await villageSquare(c.village_id, 0.001, [0.5, 0.5]);
    await expect(callerFor(db, users.gadchiroli).claims.updateParcel({ id: c.id, geometry: far, expectedVersion: c.version }))
      .rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("outside village") });
  });

  it("redraws a parcel inside the village and audits it", async () => {
    const c = await claimIn("Gadchiroli", "fld_verified");
    const api = callerFor(db, users.gadchiroli);
    const r = await api.claims.updateParcel({ id: c.id, geometry: await villageSquare(c.village_id, 0.0008), expectedVersion: c.version });
    expect(r.version).toBe(c.version + 1);
    expect(r.areaParcelHa).toBeGreaterThan(0.5);
    const detail = await api.claims.get({ id: c.id });
    expect(detail.history.at(-1)!.action).toBe("edit_parcel");
  });

  it("keeps the boundary a redraw replaces, and the one it drew, in the audit trail", async () => {
    const c = await claimIn("Gadchiroli", "fld_verified");
    const api = callerFor(db, users.gadchiroli);
    const original = await api.claims.get({ id: c.id });
    const first = await api.claims.updateParcel({ id: c.id, geometry: await villageSquare(c.village_id, 0.0008), expectedVersion: original.version });
    const afterFirst = await api.claims.get({ id: c.id });
    const second = await api.claims.updateParcel({ id: c.id, geometry: await villageSquare(c.village_id, 0.0005, [0.0002, 0.0002]), expectedVersion: first.version });
    const detail = await api.claims.get({ id: c.id });
    const [edit1, edit2] = detail.history.slice(-2);
    // The first edit replaced whatever the claim had; the second replaced exactly what the first drew.
    expect(edit1!.parcel!.before?.geometry ?? null).toEqual(original.geometry);
    expect(edit1!.parcel!.after.geometry).toEqual(afterFirst.geometry);
    expect(edit2!.parcel!.before!.geometry).toEqual(afterFirst.geometry);
    expect(edit2!.parcel!.after.geometry).toEqual(detail.geometry);
    expect(edit2!.parcel!.before!.areaHa).toBeCloseTo(first.areaParcelHa, 6);
    expect(edit2!.parcel!.after.areaHa).toBeCloseTo(second.areaParcelHa, 6);
    expect(edit2!.claimVersion).toBe(detail.version);
    // A workflow step carries no shapes.
    expect(original.history.filter((h) => h.action !== "edit_parcel").every((h) => h.parcel === null)).toBe(true);
  });

  it("creates a claim with a client id, and refuses a village outside the user's scope", async () => {
    const [village] = await rows<{ id: number }>(db, sql`SELECT v.id FROM villages v JOIN districts d ON d.id = v.district_id WHERE d.name = 'Gadchiroli' LIMIT 1`);
    const [other] = await rows<{ id: number }>(db, sql`SELECT v.id FROM villages v JOIN districts d ON d.id = v.district_id WHERE d.name = 'Nandurbar' LIMIT 1`);
    const api = callerFor(db, users.gadchiroli);
    const claims = await count("claims");
    const input = { id: crypto.randomUUID(), type: "IFR" as const, claimantName: "Lalsu Atram", claimantNameLocal: "लालसू आत्राम", category: "ST" as const, villageId: other!.id, areaClaimedHa: 1.2, filedOn: "2025-06-01" };
    await expect(api.claims.create(input)).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("not in your districts") });
    expect(await count("claims")).toBe(claims);
    const created = await api.claims.create({ ...input, villageId: village!.id, geometry: await villageSquare(village!.id, 0.0008) });
    expect(created.claimNo).toMatch(/^MH-GAD-IFR-2025-/);
    const detail = await api.claims.get({ id: created.id });
    expect(detail.status).toBe("received");
    expect(detail.history).toHaveLength(1);
  });
});
