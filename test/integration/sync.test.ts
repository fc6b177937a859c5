// Field sync against the real server code and a real PGlite + PostGIS: idempotent resends, conflicts,
// rejections that write nothing, pulls scoped to the user's area, and a fault test that drops the
// connection at random points while 1,000 outbox records go up from the tablet's Dexie outbox.
// Test double: IndexedDB in Node is fake-indexeddb (an in-memory implementation of the standard); Dexie,
// the outbox and the server are the app's own. The browser test runs the same store on Chromium's IndexedDB.
import "fake-indexeddb/auto";
import Dexie from "dexie";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SyncOutcome, SyncRecord } from "@/configs/contracts/sync";
import { addDays, indiaDayOf, longDate } from "@/configs/india-day";
import { nerExampleSchema } from "@/configs/ner";
import { asSentence } from "@/configs/sentence";
import { APPEAL_DAYS } from "@/configs/workflow";
import { rows, sqlList } from "@/server/db/client";
import { applyPulledChanges, claimsOfVillage, replaceAreaClaims } from "@/workers/db/area-claims";
import { FieldDatabase } from "@/workers/db/field-db";
import { describeStep, dismissRefusedStep, keepVerificationParcel, recordDecision, recordNoticeReceipt, refusedStep, refusedSteps, stepsByClaim, withWaitingSteps } from "@/workers/field/claim-steps";
import { emptyForm } from "@/workers/field/form-from-entities";
import { dexieOutbox, enqueue } from "@/workers/sync/dexie-outbox";
import { backoffDelay, flushOutbox } from "@/workers/sync/outbox";
import { storeArea, syncNow } from "@/workers/sync/sync-engine";
import { callerFor, openTestDatabase, squareInVillage } from "../helpers/db";
import { resolutionToday } from "../helpers/resolution";

let env: Awaited<ReturnType<typeof openTestDatabase>>;
let villageId: number;
let otherVillageId: number;
let today: string; // in India, by the database's clock
beforeAll(async () => {
  env = await openTestDatabase();
  today = (await rows<{ d: string }>(env.db, sql`SELECT india_today()::text AS d`))[0]!.d;
  const [mine] = await rows<{ id: number }>(env.db, sql`SELECT v.id FROM villages v WHERE v.tehsil_id = ${env.users.etapalli.tehsilIds[0]!} ORDER BY v.id LIMIT 1`);
  const [other] = await rows<{ id: number }>(env.db, sql`SELECT v.id FROM villages v WHERE v.tehsil_id <> ALL(${sql.raw(`ARRAY[${env.users.etapalli.tehsilIds.join(",")}]::int[]`)}) ORDER BY v.id LIMIT 1`);
  villageId = mine!.id;
  otherVillageId = other!.id;
});
afterAll(() => env.cleanup());

const deviceId = "7d1f3c5e-0c1a-4e52-9a51-5d3b2f0c9a11";
const field = () => callerFor(env.db, env.users.etapalli);

function claimRecord(n: number, village = villageId): SyncRecord {
  return {
    kind: "claim",
    id: crypto.randomUUID(),
    payload: { type: "IFR", claimantName: `Claimant ${n} Usendi`, claimantNameLocal: "", category: "ST", villageId: village, areaClaimedHa: 1 + (n % 3) / 2, filedOn: "2025-03-14", surveyNumbers: [`${100 + n}/2`], borderingVillages: [], rightsClaimed: [], evidence: [] },
  };
}

function correctionRecord(claimId: string | null): SyncRecord {
  const text = "Village: Pipgaon District: Gadchiroli";
  return {
    kind: "correction",
    id: crypto.randomUUID(),
    payload: { claimId, text, predicted: [{ start: 9, end: 12, label: "VILLAGE" }], corrected: [{ start: 9, end: 16, label: "VILLAGE" }, { start: 27, end: 37, label: "DISTRICT" }], modelVersion: 1 },
  };
}

describe("sync push", () => {
  it("applies a record once, answers a resend as a duplicate and a changed resend as a conflict", async () => {
    const record = claimRecord(1);
    const [first] = await field().sync.push({ deviceId, records: [record] });
    expect(first).toMatchObject({ status: "applied", detail: { claimId: record.id } });
    const [again] = await field().sync.push({ deviceId, records: [record] });
    expect(again).toEqual({ ...first, status: "duplicate" });
    const changed = { ...record, payload: { ...record.payload, areaClaimedHa: 3.5 } } as SyncRecord;
    const [conflict] = await field().sync.push({ deviceId, records: [changed] });
    expect(conflict).toMatchObject({ status: "conflict", server: { id: record.id, areaClaimedHa: 1.5 } });
    const [{ n }] = (await rows<{ n: number }>(env.db, sql`SELECT count(*)::int AS n FROM claims WHERE id = ${record.id}`)) as [{ n: number }];
    expect(n).toBe(1);
  });

  it("files a community forest resource claim with the bordering villages its form names; a record from a tablet that did not ask for them names none", async () => {
    const base = claimRecord(8) as Extract<SyncRecord, { kind: "claim" }>;
    const cfr = { ...base, payload: { ...base.payload, type: "CFR" as const, areaClaimedHa: 60, borderingVillages: ["Kotmi", "Gatta"] } };
    const { borderingVillages: _notAsked, ...olderPayload } = claimRecord(9).payload as Extract<SyncRecord, { kind: "claim" }>["payload"];
    const older = { ...claimRecord(9), payload: olderPayload } as SyncRecord;
    expect((await field().sync.push({ deviceId, records: [cfr, older] })).map((o) => o.status)).toEqual(["applied", "applied"]);
    expect(await rows(env.db, sql`SELECT bordering_villages FROM claims WHERE id IN (${cfr.id}, ${older.id}) ORDER BY type`)).toEqual([{ bordering_villages: ["Kotmi", "Gatta"] }, { bordering_villages: [] }]);
    // On an individual claim they are refused, before anything is written.
    const ifr = { ...base, id: crypto.randomUUID(), payload: { ...base.payload, borderingVillages: ["Kotmi"] } };
    expect(await field().sync.push({ deviceId, records: [ifr] })).toEqual([{ id: ifr.id, status: "rejected", message: expect.stringContaining("only a community forest resource claim (Form C)") }]);
    expect(await rows(env.db, sql`SELECT 1 FROM claims WHERE id = ${ifr.id}`)).toHaveLength(0);
  });

  it("rejects a record it cannot apply, writes nothing, and accepts the fixed record under the same id", async () => {
    const bad = claimRecord(2, otherVillageId);
    const [outcome] = await field().sync.push({ deviceId, records: [bad] });
    expect(outcome).toMatchObject({ status: "rejected", message: expect.stringMatching(/not in your districts/) });
    expect(await rows(env.db, sql`SELECT 1 FROM sync_records WHERE id = ${bad.id}`)).toHaveLength(0);
    const fixed = { ...bad, payload: { ...bad.payload, villageId } } as SyncRecord;
    expect((await field().sync.push({ deviceId, records: [fixed] }))[0]!.status).toBe("applied");
  });

  it("in a mixed batch, refuses only the bad records, applies a record sent twice once, and numbers claims without gaps", async () => {
    const [good, bad, last] = [claimRecord(5), claimRecord(6, otherVillageId), claimRecord(7)];
    const onBad = correctionRecord(bad.id);
    const onGood = correctionRecord(good.id);
    const outcomes = await field().sync.push({ deviceId, records: [good, bad, onBad, onGood, good, last] });
    expect(outcomes.map((o) => o.status)).toEqual(["applied", "rejected", "rejected", "applied", "duplicate", "applied"]);
    expect(outcomes[4]).toMatchObject({ detail: (outcomes[0] as { detail: unknown }).detail });
    const stored = await rows<{ id: string }>(env.db, sql`SELECT id FROM sync_records WHERE id IN (${sqlList([good, bad, onBad, onGood, last].map((r) => r.id))})`);
    expect(stored.map((r) => r.id).sort()).toEqual([good.id, onGood.id, last.id].sort());
    expect(await rows(env.db, sql`SELECT 1 FROM claims WHERE id = ${bad.id}`)).toHaveLength(0);
    // The refused claim drew no number: the two applied claims of the batch are consecutive.
    const serial = (o: SyncOutcome) => Number(String("detail" in o ? (o.detail as { claimNo?: string }).claimNo : "").split("-").at(-1));
    expect(serial(outcomes[5]!) - serial(outcomes[0]!)).toBe(1);
  });

  it("stores corrections for claims earlier in the same batch; refuses a malformed record alone, and a batch it cannot answer whole", async () => {
    const claim = claimRecord(3);
    const correction = correctionRecord(claim.id);
    const outcomes = await field().sync.push({ deviceId, records: [claim, correction] });
    expect(outcomes.map((o) => o.status)).toEqual(["applied", "applied"]);
    const [stored] = await rows<{ corrected: unknown[] }>(env.db, sql`SELECT corrected FROM corrections WHERE id = ${correction.id}`);
    expect(stored!.corrected).toHaveLength(2);
    const broken = correctionRecord(null);
    (broken.payload as { corrected: Array<{ start: number; end: number; label: string }> }).corrected[0]!.end = 500;
    const afterBroken = claimRecord(4);
    expect(await field().sync.push({ deviceId, records: [broken, afterBroken] })).toEqual([
      { id: broken.id, status: "rejected", message: expect.stringMatching(/^not a valid correction record: .*runs past the text/) },
      { id: afterBroken.id, status: "applied", detail: expect.objectContaining({ claimId: afterBroken.id }) },
    ]);
    expect(await rows(env.db, sql`SELECT 1 FROM corrections WHERE id = ${broken.id}`)).toHaveLength(0);
    // A batch whose records cannot be answered by their ids, or with none, is refused whole.
    await expect(field().sync.push({ deviceId, records: [] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(field().sync.push({ deviceId, records: [{ ...claimRecord(10), id: "not-a-uuid" }] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("exports corrections as trainer rows that the trainer's contract accepts", async () => {
    const { correctionRows, toJsonl } = await import("@/server/services/corrections");
    const exported = await correctionRows(env.db, env.users.admin, "all");
    expect(exported.length).toBeGreaterThan(0);
    expect(exported[0]).toEqual({ text: "Village: Pipgaon District: Gadchiroli", spans: [{ start: 9, end: 16, label: "VILLAGE" }, { start: 27, end: 37, label: "DISTRICT" }], source: "field_correction", reviewer: "field.etapalli" });
    expect(toJsonl(exported).trim().split("\n").map((l) => nerExampleSchema.parse(JSON.parse(l)))).toHaveLength(exported.length);
    expect(await correctionRows(env.db, env.users.admin, "accepted")).toEqual([]); // nothing reviewed yet
    await expect(correctionRows(env.db, env.users.gadchiroli)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("applies a field verification made offline to the claim version the tablet had, audited once; a stale, illegal or out-of-area one changes nothing", async () => {
    const [received, otherArea] = await rows<{ id: string; version: number; in_area: boolean }>(env.db, sql`
      (SELECT id, version, true AS in_area FROM claims WHERE status = 'received' AND tehsil_id = ${env.users.etapalli.tehsilIds[0]!} ORDER BY claim_no LIMIT 1)
      UNION ALL (SELECT id, version, false FROM claims WHERE status = 'received' AND tehsil_id <> ${env.users.etapalli.tehsilIds[0]!} ORDER BY claim_no LIMIT 1)`);
    const decision = (claimId: string, action: string, expectedVersion: number, reason = "Boundary walked with the FRC and the forester"): SyncRecord =>
      ({ kind: "decision", id: crypto.randomUUID(), payload: { id: claimId, action, reason, expectedVersion, ...(action === "record_gs_resolution" ? { gsResolution: resolutionToday() } : {}) } }) as SyncRecord;
    const trail = async (claimId: string) => rows<{ action: string; actor: string }>(env.db, sql`
      SELECT t.action, u.username AS actor FROM claim_transitions t JOIN users u ON u.id = t.actor_id WHERE t.claim_id = ${claimId} ORDER BY t.id`);
    const before = (await trail(received!.id)).length;

    // A committee's step, a claim outside the block, a reason too short: refused, nothing written.
    const refused = await field().sync.push({ deviceId, records: [
      decision(received!.id, "sdlc_recommend", received!.version),
      decision(otherArea!.id, "verify_in_field", otherArea!.version),
      decision(received!.id, "verify_in_field", received!.version, "ok"),
    ] });
    expect(refused.map((o) => o.status)).toEqual(["rejected", "rejected", "rejected"]);
    expect(refused.map((o) => ("message" in o ? o.message : ""))).toEqual([
      expect.stringMatching(/needs the role district_official/), expect.stringMatching(/no claim .* in your districts/), expect.stringMatching(/reason/i),
    ]);
    expect(await trail(received!.id)).toHaveLength(before);

    // Verified, then the Gram Sabha's resolution, in one batch: the second step builds on the first.
    const verify = decision(received!.id, "verify_in_field", received!.version);
    const resolve = decision(received!.id, "record_gs_resolution", received!.version + 1, "Gram Sabha resolution 14/2026 of 2 March");
    const applied = await field().sync.push({ deviceId, records: [verify, resolve] });
    expect(applied).toEqual([
      { id: verify.id, status: "applied", detail: { claimId: received!.id, status: "fld_verified", version: received!.version + 1 } },
      { id: resolve.id, status: "applied", detail: { claimId: received!.id, status: "gs_resolved", version: received!.version + 2 } },
    ]);
    // A resend (its answer was lost) is a duplicate: audited once.
    expect((await field().sync.push({ deviceId, records: [verify] }))[0]!.status).toBe("duplicate");
    expect((await trail(received!.id)).slice(before)).toEqual([{ action: "verify_in_field", actor: "field.etapalli" }, { action: "record_gs_resolution", actor: "field.etapalli" }]);

    // Another tablet's verification of the same claim, made on the version before: a conflict, with the
    // server's state, and nothing changed.
    const stale = decision(received!.id, "verify_in_field", received!.version);
    const [conflict] = await field().sync.push({ deviceId, records: [stale] });
    expect(conflict).toMatchObject({ status: "conflict", message: expect.stringMatching(/changed by someone else/), server: { id: received!.id, status: "gs_resolved", version: received!.version + 2 } });
    expect(await trail(received!.id)).toHaveLength(before + 2);
    expect(await rows(env.db, sql`SELECT 1 FROM sync_records WHERE id = ${stale.id}`)).toHaveLength(0);
  });

  it("applies a field verification with the boundary as found: the parcel's edit, then the verification, each audited; a boundary outside the village refuses both", async () => {
    const [claim] = await rows<{ id: string; version: number; village_id: number; area_parcel_ha: number | null }>(env.db, sql`
      SELECT id, version, village_id, area_parcel_ha FROM claims WHERE status = 'received' AND tehsil_id = ${env.users.etapalli.tehsilIds[0]!} ORDER BY claim_no LIMIT 1 OFFSET 3`);
    const verify = (parcel: unknown) => ({ kind: "decision", id: crypto.randomUUID(), payload: { id: claim!.id, action: "verify_in_field", reason: "Boundary walked with the FRC and the forester", expectedVersion: claim!.version, parcel } }) as SyncRecord;
    const trail = async () => rows<{ action: string; reason: string; claim_version: number }>(env.db, sql`
      SELECT action, reason, claim_version FROM claim_transitions WHERE claim_id = ${claim!.id} ORDER BY id`);
    const before = await trail();

    // Outside the village: refused with the reason, and neither the parcel nor the status changes.
    const far = await squareInVillage(env.db, claim!.village_id, 0.001, [0.5, 0.5]);
    const [outside] = await field().sync.push({ deviceId, records: [verify(far)] });
    expect(outside).toMatchObject({ status: "rejected", message: expect.stringContaining("outside village") });
    expect(await trail()).toEqual(before);
    expect((await rows(env.db, sql`SELECT status, version, area_parcel_ha FROM claims WHERE id = ${claim!.id}`))[0]).toEqual({ status: "received", version: claim!.version, area_parcel_ha: claim!.area_parcel_ha });

    // Inside: the parcel (version + 1), then the verification (version + 2), in one record.
    const found = await squareInVillage(env.db, claim!.village_id, 0.0009);
    const record = verify(found);
    const [applied] = await field().sync.push({ deviceId, records: [record] });
    expect(applied).toEqual({ id: record.id, status: "applied", detail: { claimId: claim!.id, status: "fld_verified", version: claim!.version + 2 } });
    expect((await trail()).slice(before.length)).toEqual([
      { action: "edit_parcel", reason: expect.stringMatching(/^Parcel boundary mapped at the field verification \(\d+\.\d\d ha\)$/), claim_version: claim!.version + 1 },
      { action: "verify_in_field", reason: "Boundary walked with the FRC and the forester", claim_version: claim!.version + 2 },
    ]);
    const [stored] = await rows<{ area_parcel_ha: number; same: boolean }>(env.db, sql`
      SELECT area_parcel_ha, ST_Equals(geom, ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(found)}), 4326))) AS same FROM claims WHERE id = ${claim!.id}`);
    expect(stored!.same).toBe(true);
    expect(stored!.area_parcel_ha).toBeGreaterThan(0.5);
  });

  it("applies a notice's receipt recorded offline to the claim version the tablet had, audited once and pulled back with its day; a stale, unrejected or future one changes nothing", async () => {
    const { cursor } = await drain(0);
    const c = await rejectedInEtapalli(0);
    const [received] = await rows<{ id: string; version: number }>(env.db, sql`SELECT id, version FROM claims WHERE status = 'received' AND tehsil_id = ${env.users.etapalli.tehsilIds[0]!} ORDER BY claim_no LIMIT 1 OFFSET 5`);
    const trail = async (claimId: string) => rows<{ action: string; actor: string; on: string | null }>(env.db, sql`
      SELECT t.action, u.username AS actor, t.notice_received_on::text AS on FROM claim_transitions t JOIN users u ON u.id = t.actor_id WHERE t.claim_id = ${claimId} ORDER BY t.id`);
    const before = (await trail(c.id)).length;

    const record = noticeReceipt(c.id, c.version, today);
    expect(await field().sync.push({ deviceId, records: [record] })).toEqual([
      { id: record.id, status: "applied", detail: { claimId: c.id, version: c.version + 1, appealBy: addDays(today, APPEAL_DAYS) } },
    ]);
    expect((await field().sync.push({ deviceId, records: [record] }))[0]!.status).toBe("duplicate"); // its answer was lost
    expect((await trail(c.id)).slice(before)).toEqual([{ action: "record_notice_receipt", actor: "field.etapalli", on: today }]);

    // Another tablet's receipt on the version before, one on a claim not rejected, one dated tomorrow: nothing written.
    const stale = noticeReceipt(c.id, c.version, today);
    const notRejected = noticeReceipt(received!.id, received!.version, today);
    const future = noticeReceipt(c.id, c.version + 1, addDays(today, 1));
    const refused = await field().sync.push({ deviceId, records: [stale, notRejected, future] });
    expect(refused).toEqual([
      { id: stale.id, status: "conflict", message: expect.stringMatching(/changed by someone else/), server: expect.objectContaining({ id: c.id, status: c.status, version: c.version + 1 }) },
      { id: notRejected.id, status: "rejected", message: expect.stringMatching(/only a rejected claim has a rejection notice/) },
      { id: future.id, status: "rejected", message: expect.stringMatching(/after today in India/) },
    ]);
    expect(await trail(c.id)).toHaveLength(before + 1);
    expect(await rows(env.db, sql`SELECT 1 FROM sync_records WHERE id IN (${sqlList([stale.id, notRejected.id, future.id])})`)).toHaveLength(0);
    // A day that does not exist is refused by the contract.
    const unreal = noticeReceipt(c.id, c.version + 1, "2026-02-30");
    expect(await field().sync.push({ deviceId, records: [unreal] })).toEqual([{ id: unreal.id, status: "rejected", message: "not a valid notice_receipt record: not a real date" }]);

    // The pull and the area's copy carry the day, for every tablet of the block.
    const pulled = (await field().sync.pull({ cursor, limit: 500 })).changes.filter((ch) => ch.claimId === c.id);
    expect(pulled.at(-1)).toMatchObject({ action: "record_notice_receipt", status: c.status, version: c.version + 1, noticeReceivedOn: today });
    expect(pulled.slice(0, -1).every((ch) => !("noticeReceivedOn" in ch))).toBe(true);
    expect((await field().field.area()).claims.find((a) => a.id === c.id)).toMatchObject({ version: c.version + 1, noticeReceivedOn: today });
  });

  it("refuses a parcel sent with any step but a field verification by the contract, writing nothing", async () => {
    const [claim] = await rows<{ id: string; version: number; village_id: number }>(env.db, sql`
      SELECT id, version, village_id FROM claims WHERE status = 'fld_verified' AND tehsil_id = ${env.users.etapalli.tehsilIds[0]!} ORDER BY claim_no LIMIT 1`);
    const parcel = await squareInVillage(env.db, claim!.village_id, 0.0009);
    const record = { kind: "decision", id: crypto.randomUUID(), payload: { id: claim!.id, action: "record_gs_resolution", reason: "Gram Sabha resolution 3/2026", expectedVersion: claim!.version, parcel, gsResolution: resolutionToday() } } as SyncRecord;
    expect(await field().sync.push({ deviceId, records: [record] })).toEqual([{ id: record.id, status: "rejected", message: expect.stringContaining("a parcel boundary goes only with a field verification") }]);
    expect((await rows(env.db, sql`SELECT version FROM claims WHERE id = ${claim!.id}`))[0]).toEqual({ version: claim!.version });
  });

  it("answers a Gram Sabha step an older app queued without its resolution as refused, with why, and still applies the records after it", async () => {
    const [claim] = await rows<{ id: string; version: number }>(env.db, sql`
      SELECT id, version FROM claims WHERE status = 'fld_verified' AND tehsil_id = ${env.users.etapalli.tehsilIds[0]!} ORDER BY claim_no OFFSET 1 LIMIT 1`);
    const step = { id: claim!.id, action: "record_gs_resolution", reason: "Gram Sabha resolution 3/2026 of 2 March", expectedVersion: claim!.version };
    const older = { kind: "decision", id: crypto.randomUUID(), payload: step } as SyncRecord;
    const next = claimRecord(11);
    expect(await field().sync.push({ deviceId, records: [older, next] })).toEqual([
      { id: older.id, status: "rejected", message: "not a valid decision record: a Gram Sabha resolution needs its number, the day it was passed, and the members and claimants present (Rule 4(2))" },
      { id: next.id, status: "applied", detail: expect.objectContaining({ claimId: next.id }) },
    ]);
    // One queued before the claimants were asked is refused in the contract's words too.
    const { claimants: _c, claimantsPresent: _p, ...membersOnly } = resolutionToday();
    const beforeClaimants = { kind: "decision", id: crypto.randomUUID(), payload: { ...step, gsResolution: membersOnly } } as unknown as SyncRecord;
    expect(await field().sync.push({ deviceId, records: [beforeClaimants] })).toEqual([{
      id: beforeClaimants.id, status: "rejected",
      message: "not a valid decision record: give the number of claimants whose claims were resolved on; give the number of claimants present or represented",
    }]);
    expect((await rows(env.db, sql`SELECT version FROM claims WHERE id = ${claim!.id}`))[0]).toEqual({ version: claim!.version });
    // Recorded again with its resolution, it goes in; sent again in the older form (an answer lost), it is that same record.
    const recorded = { ...older, payload: { ...step, gsResolution: resolutionToday() } } as SyncRecord;
    expect((await field().sync.push({ deviceId, records: [recorded] }))[0]!.status).toBe("applied");
    expect((await field().sync.push({ deviceId, records: [older] }))[0]).toMatchObject({ status: "duplicate", detail: { claimId: claim!.id, status: "gs_resolved" } });
  });

  it("refuses users who do not sync", async () => {
    await expect(callerFor(env.db, env.users.admin).sync.push({ deviceId, records: [claimRecord(5)] })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("sync pull", () => {
  it("returns workflow changes in the user's area after a cursor, and nothing from elsewhere", async () => {
    const { cursor } = await drain(0);
    const record = claimRecord(6);
    await field().sync.push({ deviceId, records: [record] });
    const [claim] = await rows<{ version: number }>(env.db, sql`SELECT version FROM claims WHERE id = ${record.id}`);
    await field().claims.transition({ id: record.id, action: "verify_in_field", reason: "Boundary walked with the FRC", expectedVersion: claim!.version });
    const after = await field().sync.pull({ cursor });
    expect(after.changes.map((c) => [c.claimId, c.status])).toEqual([[record.id, "received"], [record.id, "fld_verified"]]);
    expect((await callerFor(env.db, env.users.nandurbar).sync.pull({ cursor })).changes).toEqual([]);
  });
});

async function drain(cursor: number): Promise<{ cursor: number }> {
  for (;;) {
    const page = await field().sync.pull({ cursor, limit: 500 });
    cursor = page.cursor;
    if (!page.more) return { cursor };
  }
}

const tablet = (name: string) => new FieldDatabase(name, "test-field");
const draftFor = (id: string) => ({ id, createdAt: 0, updatedAt: 0, state: "queued" as const, type: "IFR" as const, fields: emptyForm(), villageId, parcel: null, extraction: null, server: null, message: null });
const noWait = { baseMs: 1, maxMs: 1, maxAttempts: 1_000, sleep: async () => {}, random: Math.random };
/** The sync engine's links to the server as field staff of Etapalli, with no waits and no uploads. */
const tabletSync = () => ({ push: (batch: SyncRecord[]) => field().sync.push({ deviceId, records: batch }), pull: (cursor: number) => field().sync.pull({ cursor, limit: 500 }), fetchFn: (async () => new Response(null, { status: 404 })) as typeof fetch, backoff: noWait });

/** A tablet whose copy of the area holds one received claim of Etapalli (the `nth` from the last by number), as the server has it. */
async function tabletHolding(name: string, nth: number) {
  const db = tablet(name);
  const [claim] = await rows<{ id: string; claim_no: string; version: number; village_id: number }>(env.db, sql`
    SELECT id, claim_no, version, village_id FROM claims WHERE status = 'received' AND tehsil_id = ${env.users.etapalli.tehsilIds[0]!} ORDER BY claim_no DESC LIMIT 1 OFFSET ${nth}`);
  const cachedClaim = { id: claim!.id, claimNo: claim!.claim_no, type: "IFR" as const, status: "received" as const, claimantName: "Cached", villageId: claim!.village_id, version: claim!.version, lon: null, lat: null, parcel: null };
  await replaceAreaClaims(db, [cachedClaim]);
  return { db, claim: claim!, cachedClaim };
}

/** A claim of Etapalli at a committee's review, rejected now by Gadchiroli's official (`nth` by number): its notice not yet delivered. */
async function rejectedInEtapalli(nth: number) {
  const [c] = await rows<{ id: string; claim_no: string; version: number; village_id: number; status: string }>(env.db, sql`
    SELECT id, claim_no, version, village_id, status FROM claims WHERE status IN ('sdlc_review', 'dlc_review') AND tehsil_id = ${env.users.etapalli.tehsilIds[0]!}
    ORDER BY claim_no LIMIT 1 OFFSET ${nth}`);
  const action = c!.status === "dlc_review" ? "dlc_reject" : "sdlc_reject";
  const done = await callerFor(env.db, env.users.gadchiroli).claims.transition({ id: c!.id, action, reason: "Evidence does not establish occupation before the cut-off date", expectedVersion: c!.version });
  return { id: c!.id, claimNo: c!.claim_no, villageId: c!.village_id, version: done.version, status: done.status };
}

const noticeReceipt = (claimId: string, expectedVersion: number, receivedOn: string): SyncRecord =>
  ({ kind: "notice_receipt", id: crypto.randomUUID(), payload: { id: claimId, expectedVersion, receivedOn, delivery: "in_person", note: "Handed to the claimant at home; the signed slip is with the FRC" } });

/** `parcel` is `polygon` as a MultiPolygon, to the 7 decimals (about 1 cm) that PostGIS writes. */
function expectSameParcel(parcel: { type: string; coordinates: number[][][][] } | null | undefined, polygon: { coordinates: number[][][] }) {
  expect(parcel?.type).toBe("MultiPolygon");
  const expected = polygon.coordinates.flat(2);
  expect(parcel!.coordinates.flat(3).length).toBe(expected.length);
  parcel!.coordinates.flat(3).forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 6));
}

describe("sync under a failing network (Dexie outbox on fake-indexeddb)", () => {
  it("delivers 1,000 outbox records exactly once while the connection drops at random points", async () => {
    const db = tablet("faults");
    const records: SyncRecord[] = [];
    const claimIds: string[] = [];
    for (let n = 0; n < 1000; n++) {
      // Two claims, then a correction of one of the claims made so far, and so on.
      const record = n % 3 === 2 ? correctionRecord(claimIds[(n * 7) % claimIds.length]!) : claimRecord(100 + n);
      if (record.kind === "claim") claimIds.push(record.id);
      records.push(record);
    }
    await db.drafts.bulkAdd(claimIds.map(draftFor));
    for (let i = 0; i < records.length; i += 100) await enqueue(db, records.slice(i, i + 100));
    let seed = 2006;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const faults = { beforeSend: 0, midBatch: 0, answerLost: 0 };
    const transport = async (batch: SyncRecord[]) => {
      const r = random();
      if (r < 0.15) {
        faults.beforeSend++;
        throw new Error("network is offline");
      }
      if (r < 0.3) {
        faults.midBatch++;
        await field().sync.push({ deviceId, records: batch.slice(0, Math.max(1, Math.floor(random() * batch.length))) });
        throw new Error("connection reset mid-batch");
      }
      const outcomes = await field().sync.push({ deviceId, records: batch });
      if (r < 0.45) {
        faults.answerLost++;
        throw new Error("timeout waiting for the answer");
      }
      return outcomes;
    };
    const report = await flushOutbox(dexieOutbox(db), transport, { batchSize: 50, backoff: { ...noWait, random } });

    expect(report).toMatchObject({ pending: 0, conflicts: 0, rejected: 0 });
    expect(report.failedAttempts).toBe(faults.beforeSend + faults.midBatch + faults.answerLost);
    expect(Math.min(faults.beforeSend, faults.midBatch, faults.answerLost)).toBeGreaterThan(0);
    expect(await db.outbox.where("state").notEqual("synced").count()).toBe(0);
    // Every draft learnt its claim number from the server, whichever attempt got the answer through.
    const drafts = await db.drafts.toArray();
    expect(drafts.every((d) => d.state === "synced" && /^MH-GAD-IFR-2025-\d{6}$/.test(d.server?.claimNo ?? ""))).toBe(true);
    const idList = sql.raw(`ARRAY[${records.map((r) => `'${r.id}'`).join(",")}]::uuid[]`);
    const [counts] = await rows<{ claims: number; corrections: number; ledger: number; numbers: number }>(env.db, sql`
      SELECT (SELECT count(*)::int FROM claims WHERE id = ANY(${idList})) AS claims,
             (SELECT count(DISTINCT claim_no)::int FROM claims WHERE id = ANY(${idList})) AS numbers,
             (SELECT count(*)::int FROM corrections WHERE id = ANY(${idList})) AS corrections,
             (SELECT count(*)::int FROM sync_records WHERE id = ANY(${idList})) AS ledger`);
    expect(counts).toEqual({ claims: claimIds.length, numbers: claimIds.length, corrections: 1000 - claimIds.length, ledger: 1000 });
    db.close();
  });

  it("marks a refused draft with the server's reason, and sends it again once fixed", async () => {
    const db = tablet("refusal");
    const bad = claimRecord(2000, otherVillageId);
    await db.drafts.add(draftFor(bad.id));
    await enqueue(db, [bad]);
    const push = (batch: SyncRecord[]) => field().sync.push({ deviceId, records: batch });
    expect(await flushOutbox(dexieOutbox(db), push, { backoff: noWait })).toMatchObject({ rejected: 1, pending: 0 });
    expect(await db.drafts.get(bad.id)).toMatchObject({ state: "rejected", message: expect.stringMatching(/not in your districts/) });
    await enqueue(db, [{ ...bad, payload: { ...bad.payload, villageId } } as SyncRecord]);
    expect(await flushOutbox(dexieOutbox(db), push, { backoff: noWait })).toMatchObject({ synced: 1, pending: 0 });
    expect((await db.drafts.get(bad.id))!.state).toBe("synced");
    await expect(enqueue(db, [bad])).rejects.toThrow(/already on the server/);
    db.close();
  });

  it("syncs end to end: outbox, then the review decisions made since, with the cursor kept", async () => {
    const db = tablet("pull");
    const record = claimRecord(3000);
    await db.drafts.add(draftFor(record.id));
    await enqueue(db, [record]);
    const deps = { push: (batch: SyncRecord[]) => field().sync.push({ deviceId, records: batch }), pull: (cursor: number) => field().sync.pull({ cursor, limit: 50 }), fetchFn: (async () => new Response(null, { status: 404 })) as typeof fetch, backoff: noWait };
    const first = await syncNow(db, deps);
    expect(first).toMatchObject({ ok: true, outbox: { synced: 1 }, error: null });
    const draft = (await db.drafts.get(record.id))!;
    // The area cache, as the tablet's last refresh left it: the new claim and another of the village.
    const cached = (id: string, n: number) => ({ id, claimNo: `MH-GAD-IFR-2025-${n}`, type: "IFR" as const, status: "received" as const, claimantName: "Cached", villageId, version: 1, lon: null, lat: null, parcel: null });
    const neighbour = crypto.randomUUID();
    await replaceAreaClaims(db, [cached(record.id, 1), cached(neighbour, 2)]);
    await field().claims.transition({ id: record.id, action: "verify_in_field", reason: "Boundary walked with the FRC", expectedVersion: draft.server!.version });
    const second = await syncNow(db, deps);
    expect(second.pulled).toBe(1);
    expect((await db.drafts.get(record.id))!.server).toMatchObject({ status: "fld_verified", version: 2 });
    expect((await claimsOfVillage(db, villageId)).map((c) => [c.id, c.status, c.version])).toEqual([[record.id, "fld_verified", 2], [neighbour, "received", 1]]);
    expect((await db.changes.where("claimId").equals(record.id).sortBy("seq")).map((c) => [c.status, c.reason])).toEqual([["received", "Claim entered from the FRC register"], ["fld_verified", "Boundary walked with the FRC"]]);
    expect((await syncNow(db, deps)).pulled).toBe(0);
    db.close();
  });

  it("keeps a step taken offline on a claim that moved on meanwhile as refused, with the reason, and offers the next step on the claim as it now is", async () => {
    const { db, claim, cachedClaim } = await tabletHolding("decision-conflict", 0);
    await recordDecision(db, cachedClaim, [], "verify_in_field", "Boundary walked with the FRC and the forester");
    const waiting = (await stepsByClaim(db)).get(claim!.id)!;
    expect(withWaitingSteps(cachedClaim, waiting)).toMatchObject({ status: "fld_verified", version: claim!.version + 1 });
    // Refused on the tablet, before the outbox: a committee's step, and a reason too short.
    await expect(recordDecision(db, cachedClaim, waiting, "sdlc_recommend", "Recommended by the SDLC")).rejects.toThrow('"SDLC: recommend" is not allowed for a claim that is Field verified');
    await expect(recordDecision(db, cachedClaim, waiting, "record_gs_resolution", "ok")).rejects.toThrow(/needs a written reason of at least 5 characters/);
    // Meanwhile an official verified the same claim online.
    await callerFor(env.db, env.users.gadchiroli).claims.transition({ id: claim!.id, action: "verify_in_field", reason: "Verified by the SDLC's team", expectedVersion: claim!.version });
    const deps = tabletSync();
    const summary = await syncNow(db, deps);
    expect(summary.outbox).toMatchObject({ conflicts: 1, pending: 0 });
    const [refused] = (await stepsByClaim(db)).get(claim!.id)!;
    expect(refused).toMatchObject({ state: "conflict", message: expect.stringMatching(/changed by someone else/) });
    expect(refusedSteps(await stepsByClaim(db)).map((d) => d.id)).toEqual([refused!.id]);
    // The pull brought the official's step: the claim is verified, nothing waits, and the next step is the tablet's to take.
    const [now] = await claimsOfVillage(db, claim!.village_id);
    expect(now).toMatchObject({ status: "fld_verified", version: claim!.version + 1 });
    expect(withWaitingSteps(now!, [refused!])).toEqual({ status: "fld_verified", version: claim!.version + 1, noticeReceivedOn: null, waiting: [] });
    await recordDecision(db, now!, [refused!], "record_gs_resolution", "Gram Sabha approved the claim", { gsResolution: resolutionToday("GS/15/2026") });
    // Still shown while the new step waits; the new step, once on the server, answers it.
    expect(refusedSteps(await stepsByClaim(db))).toHaveLength(1);
    expect((await syncNow(db, deps)).outbox).toMatchObject({ synced: 1, conflicts: 0 });
    const steps = (await stepsByClaim(db)).get(claim!.id)!;
    expect(steps.map((d) => d.state)).toEqual(["conflict", "synced"]);
    expect(refusedStep(steps)).toBeUndefined();
    db.close();
  });

  it("records a field verification offline with the boundary as found, kept on the tablet until then, and builds the next step on both versions", async () => {
    const { db, claim, cachedClaim } = await tabletHolding("decision-parcel", 2);
    const square = await squareInVillage(env.db, claim!.village_id, 0.0009);
    const [a, b, c, d] = square.coordinates[0]!;
    // A boundary that crosses itself is refused on the tablet, and stays kept to be mapped again.
    await keepVerificationParcel(db, claim!.id, { geometry: { type: "Polygon", coordinates: [[a!, c!, b!, d!, a!]] }, method: "walked", areaHa: 0, warnings: [], accuracyM: 5 });
    await expect(recordDecision(db, cachedClaim, [], "verify_in_field", "Boundary walked with the FRC")).rejects.toThrow(/crosses itself/);
    expect(await db.verificationParcels.count()).toBe(1);
    expect(await db.outbox.count()).toBe(0);

    await keepVerificationParcel(db, claim!.id, { geometry: square, method: "walked", areaHa: 0.93, warnings: [], accuracyM: 5 });
    const landmarks = { north: " seasonal nala ", east: "", south: "Kh. 88, field of the Kowase family", west: "" };
    await expect(recordDecision(db, cachedClaim, [], "verify_in_field", "Boundary walked with the FRC", { landmarks: { ...landmarks, west: "x".repeat(201) } })).rejects.toThrow(/the landmark to the west is at most 200 characters/);
    await recordDecision(db, cachedClaim, [], "verify_in_field", "Boundary walked with the FRC", { landmarks });
    expect(await db.verificationParcels.count()).toBe(0); // it went into the step, in the same transaction
    const waiting = (await stepsByClaim(db)).get(claim!.id)!;
    const named = { ...landmarks, north: "seasonal nala" };
    expect(waiting[0]!.record.payload).toMatchObject({ action: "verify_in_field", expectedVersion: claim!.version, parcel: square, landmarks: named });
    const gsResolution = resolutionToday("GS/16/2026");
    await expect(recordDecision(db, cachedClaim, waiting, "record_gs_resolution", "Gram Sabha approved the claim", { landmarks: named, gsResolution })).rejects.toThrow(/only with a field verification/);
    expect(withWaitingSteps(cachedClaim, waiting)).toMatchObject({ status: "fld_verified", version: claim!.version + 2 });
    // A resolution without its number, day and attendance, or without a quorum, is refused on the tablet.
    await expect(recordDecision(db, cachedClaim, waiting, "record_gs_resolution", "Gram Sabha approved the claim")).rejects.toThrow(/needs its number, the day it was passed/);
    await expect(recordDecision(db, cachedClaim, waiting, "record_gs_resolution", "Gram Sabha approved the claim", { gsResolution: { ...gsResolution, present: 59 } }))
      .rejects.toThrow("no quorum: 59 of 120 members were present, and Rule 4(2) needs at least half (60)");
    await expect(recordDecision(db, cachedClaim, waiting, "record_gs_resolution", "Gram Sabha approved the claim", { gsResolution: { ...gsResolution, claimantsPresent: 5 } }))
      .rejects.toThrow("no quorum for claims: 5 of the 12 claimants were present or represented, and Rule 4(2) needs at least half (6)");
    await expect(recordDecision(db, cachedClaim, waiting, "record_gs_resolution", "Gram Sabha approved the claim", { gsResolution: { ...gsResolution, passedOn: addDays(gsResolution.passedOn, 1) } }))
      .rejects.toThrow(/is after today in India/);
    expect((await stepsByClaim(db)).get(claim!.id)).toHaveLength(1);
    await recordDecision(db, cachedClaim, waiting, "record_gs_resolution", "Gram Sabha approved the claim", { gsResolution });
    // A resolution takes no boundary, even one kept for the claim.
    await keepVerificationParcel(db, claim!.id, { geometry: square, method: "drawn", areaHa: 0.93, warnings: [], accuracyM: null });
    expect((await stepsByClaim(db)).get(claim!.id)!.at(-1)!.record.payload).not.toHaveProperty("parcel");

    const deps = tabletSync();
    expect((await syncNow(db, deps)).outbox).toMatchObject({ synced: 2, conflicts: 0, rejected: 0 });
    expect((await rows(env.db, sql`SELECT status, version, boundary_landmarks, gs_resolution FROM claims WHERE id = ${claim!.id}`))[0])
      .toEqual({ status: "gs_resolved", version: claim!.version + 3, boundary_landmarks: named, gs_resolution: gsResolution });
    const [now] = await claimsOfVillage(db, claim!.village_id);
    expect(now).toMatchObject({ status: "gs_resolved", version: claim!.version + 3 });
    expectSameParcel(now!.parcel, square); // as the server wrote it, pulled after the sync
    db.close();
  });

  it("takes a boundary redrawn elsewhere from the pull into its copy of the claim, keeping the step's history without it", async () => {
    const { db, claim } = await tabletHolding("pulled-parcel", 3);
    const square = await squareInVillage(env.db, claim!.village_id, 0.0007);
    const [{ cursor }] = await rows<{ cursor: number }>(env.db, sql`SELECT max(id)::int AS cursor FROM claim_transitions`) as [{ cursor: number }];
    const redrawn = await callerFor(env.db, env.users.gadchiroli).claims.updateParcel({ id: claim!.id, geometry: square, expectedVersion: claim!.version });
    const [pulled, ...others] = (await field().sync.pull({ cursor })).changes;
    expect(others).toEqual([]);
    expect(pulled).toMatchObject({ claimId: claim!.id, action: "edit_parcel", version: redrawn.version, parcel: { type: "MultiPolygon" } });
    expectSameParcel(pulled!.parcel, square);

    expect((await syncNow(db, tabletSync())).ok).toBe(true);
    const [now] = await claimsOfVillage(db, claim!.village_id);
    expect(now).toMatchObject({ version: redrawn.version, parcel: pulled!.parcel });
    const step = await db.changes.where("claimId").equals(claim!.id).last();
    expect(step).toMatchObject({ action: "edit_parcel", version: redrawn.version });
    expect(step).not.toHaveProperty("parcel");
    db.close();
  });

  it("records a notice's receipt offline and then the appeal on the version after it; the tablet shows the window until the appeal leaves the notice behind", async () => {
    const db = tablet("notice-receipt");
    const c = await rejectedInEtapalli(1);
    const other = await rejectedInEtapalli(2);
    const cached = (r: typeof c) => ({ id: r.id, claimNo: r.claimNo, type: "IFR" as const, status: r.status, claimantName: "Cached", villageId: r.villageId, version: r.version, lon: null, lat: null, parcel: null, noticeReceivedOn: null });
    await replaceAreaClaims(db, [cached(c), cached(other)]);
    const tabletToday = indiaDayOf(Date.now());
    const delivered = { receivedOn: tabletToday, delivery: "gram_sabha" as const, note: "Read out and handed over at the Gram Sabha of 3 March" };

    // Refused on the tablet, before the outbox: a claim not rejected, a note too short, a day not yet come.
    await expect(recordNoticeReceipt(db, { ...cached(c), status: "gs_resolved" }, [], delivered)).rejects.toThrow(/Only a rejected claim/);
    await expect(recordNoticeReceipt(db, cached(c), [], { ...delivered, note: "ok" })).rejects.toThrow(/say in a few words who delivered it/);
    await expect(recordNoticeReceipt(db, cached(c), [], { ...delivered, receivedOn: addDays(tabletToday, 1) })).rejects.toThrow(/after today/);
    expect(await db.outbox.count()).toBe(0);

    await recordNoticeReceipt(db, cached(c), [], delivered);
    let steps = (await stepsByClaim(db)).get(c.id)!;
    expect(describeStep(steps[0]!.record)).toEqual({ step: `Rejection notice received on ${longDate(tabletToday)}, handed over at the Gram Sabha`, words: "Read out and handed over at the Gram Sabha of 3 March" });
    expect(withWaitingSteps(cached(c), steps)).toMatchObject({ status: c.status, version: c.version + 1, noticeReceivedOn: tabletToday });
    // The appeal is made on the version after the receipt, and leaves the notice behind.
    await recordDecision(db, cached(c), steps, "file_appeal", "Appeal filed by the claimant with the Gram Sabha's support");
    steps = (await stepsByClaim(db)).get(c.id)!;
    expect(steps.map((s) => s.record.payload.expectedVersion)).toEqual([c.version, c.version + 1]);
    expect(withWaitingSteps(cached(c), steps)).toMatchObject({ status: "appeal", version: c.version + 2, noticeReceivedOn: null });

    // Meanwhile the district recorded the other claim's receipt online.
    await callerFor(env.db, env.users.gadchiroli).claims.recordNoticeReceipt({ id: other.id, expectedVersion: other.version, receivedOn: today, delivery: "registered_post", note: "Acknowledgement card returned by the post office" });
    expect((await syncNow(db, tabletSync())).outbox).toMatchObject({ synced: 2, conflicts: 0, rejected: 0 });
    expect((await rows(env.db, sql`SELECT status, version, notice_received_on FROM claims WHERE id = ${c.id}`))[0]).toEqual({ status: "appeal", version: c.version + 2, notice_received_on: null });
    const village = new Map((await claimsOfVillage(db, c.villageId)).concat(await claimsOfVillage(db, other.villageId)).map((a) => [a.id, a]));
    expect(village.get(c.id)).toMatchObject({ status: "appeal", version: c.version + 2, noticeReceivedOn: null });
    expect(village.get(other.id)).toMatchObject({ status: other.status, version: other.version + 1, noticeReceivedOn: today });
    db.close();
  });

  it("knows the day of a rejection from its copy of the area and from the pull, and refuses at once a notice received before it", async () => {
    const db = tablet("rejection-day");
    const before = await rejectedInEtapalli(3);
    await storeArea(db, env.users.etapalli.id, await field().field.area());
    const after = await rejectedInEtapalli(4);
    const pulled = await syncNow(db, tabletSync());
    expect(pulled.ok).toBe(true);
    const copyOf = async (r: typeof before) => (await claimsOfVillage(db, r.villageId)).find((c) => c.id === r.id)!;
    expect(await copyOf(before)).toMatchObject({ status: before.status, rejectedOn: today });
    expect(await copyOf(after)).toMatchObject({ status: after.status, version: after.version, rejectedOn: today });
    expect((await db.changes.where("claimId").equals(after.id).last())).toMatchObject({ action: expect.stringMatching(/_reject$/), indiaDay: today });
    // A claim at another status has no day of rejection.
    expect((await field().field.area()).claims.filter((c) => c.status === "received").every((c) => c.rejectedOn === null)).toBe(true);

    const dayBefore = addDays(today, -1);
    const receipt = { receivedOn: dayBefore, delivery: "in_person" as const, note: "Handed to the claimant at home; the signed slip is with the FRC" };
    const refusal = `the notice cannot have been received on ${dayBefore}: the claim was rejected on ${today}`;
    for (const r of [before, after]) await expect(recordNoticeReceipt(db, await copyOf(r), [], receipt)).rejects.toThrow(asSentence(refusal));
    expect(await db.outbox.count()).toBe(0);

    // A copy from before the tablet knew the day: the step waits, and the server refuses it in the same words.
    const { rejectedOn: _unknown, ...olderCopy } = await copyOf(before);
    await recordNoticeReceipt(db, olderCopy, [], receipt);
    expect((await syncNow(db, tabletSync())).outbox).toMatchObject({ synced: 0, rejected: 1 });
    expect(await db.outbox.toArray()).toMatchObject([{ state: "rejected", message: expect.stringContaining(refusal) }]);
    expect((await rows(env.db, sql`SELECT notice_received_on FROM claims WHERE id = ${before.id}`))[0]).toEqual({ notice_received_on: null });
    db.close();
  });

  it("knows the day each claim was filed from its copy of the area, and refuses at once a Gram Sabha resolution passed before it", async () => {
    const db = tablet("filing-day");
    await storeArea(db, env.users.etapalli.id, await field().field.area());
    const [c] = await rows<{ id: string; village_id: number; filed_on: string }>(env.db, sql`
      SELECT id, village_id, filed_on::text FROM claims WHERE status = 'fld_verified' AND tehsil_id = ${env.users.etapalli.tehsilIds[0]!} ORDER BY claim_no LIMIT 1`);
    const copy = (await claimsOfVillage(db, c!.village_id)).find((a) => a.id === c!.id)!;
    expect(copy.filedOn).toBe(c!.filed_on);

    const dayBefore = addDays(c!.filed_on, -1);
    const gsResolution = { ...resolutionToday("GS/17/2026"), passedOn: dayBefore };
    const refusal = `the resolution cannot have been passed on ${dayBefore}: the claim was filed on ${c!.filed_on}`;
    await expect(recordDecision(db, copy, [], "record_gs_resolution", "Gram Sabha approved the claim", { gsResolution })).rejects.toThrow(asSentence(refusal));
    expect(await db.outbox.count()).toBe(0);

    // A copy from before the tablet knew the day: the step waits, and the server refuses it in the same words.
    const { filedOn: _unknown, ...olderCopy } = copy;
    await recordDecision(db, olderCopy, [], "record_gs_resolution", "Gram Sabha approved the claim", { gsResolution });
    expect((await syncNow(db, tabletSync())).outbox).toMatchObject({ synced: 0, rejected: 1 });
    expect(await db.outbox.toArray()).toMatchObject([{ state: "rejected", message: expect.stringContaining(refusal) }]);
    expect((await rows(env.db, sql`SELECT status, gs_resolution FROM claims WHERE id = ${c!.id}`))[0]).toMatchObject({ status: "fld_verified" });
    db.close();
  });

  it("sets a refused step aside when its worker dismisses it, keeping the record in the outbox as it was", async () => {
    const { db, claim, cachedClaim } = await tabletHolding("decision-dismiss", 1);
    // Made on a version the server has never had: refused as a conflict at the sync.
    await recordDecision(db, { ...cachedClaim, version: claim!.version + 5 }, [], "verify_in_field", "Boundary walked with the FRC and the forester");
    const deps = tabletSync();
    expect((await syncNow(db, deps)).outbox).toMatchObject({ conflicts: 1 });
    const [refused] = refusedSteps(await stepsByClaim(db));
    expect(refused).toMatchObject({ state: "conflict", record: { payload: { id: claim!.id, reason: "Boundary walked with the FRC and the forester" } } });
    await dismissRefusedStep(db, refused!);
    expect(refusedSteps(await stepsByClaim(db))).toEqual([]);
    const kept = await db.outbox.get(refused!.seq!);
    expect(kept).toMatchObject({ state: "conflict", message: refused!.message, record: refused!.record, dismissedAt: expect.any(Number) });
    // Nothing was written on the server, and a dismissed record is never sent again.
    expect((await rows<{ version: number; status: string }>(env.db, sql`SELECT version, status FROM claims WHERE id = ${claim!.id}`))[0]).toEqual({ version: claim!.version, status: "received" });
    expect((await syncNow(db, deps)).outbox).toMatchObject({ sent: 0 });
    db.close();
  });

  it("starts a new tablet's pulls after its copy of the area, but pulls in full on a tablet that has filed claims", async () => {
    const deps = { push: (batch: SyncRecord[]) => field().sync.push({ deviceId, records: batch }), pull: (cursor: number) => field().sync.pull({ cursor, limit: 200 }), fetchFn: (async () => new Response(null, { status: 404 })) as typeof fetch, backoff: noWait };
    const userId = env.users.etapalli.id;
    const everything = await syncNow(tablet("no-area"), deps); // what a tablet pulled before: the area's whole history
    expect(everything.pulled).toBeGreaterThan(200);

    // A new tablet with a copy of the area: nothing from before the copy, then each decision made since.
    const fresh = tablet("area-first");
    const area = await field().field.area();
    await storeArea(fresh, userId, area);
    expect((await syncNow(fresh, deps)).pulled).toBe(0);
    const received = area.claims.find((c) => c.status === "received")!;
    await field().claims.transition({ id: received.id, action: "verify_in_field", reason: "Boundary walked with the FRC", expectedVersion: received.version });
    expect((await syncNow(fresh, deps)).pulled).toBe(1);
    expect((await claimsOfVillage(fresh, received.villageId)).find((c) => c.id === received.id)).toMatchObject({ status: "fld_verified", version: received.version + 1 });

    // The copy arriving while a first sync is pulling (the page's usual order): the pull skips to it.
    const racing = tablet("pull-first");
    const asked: number[] = [];
    let copyCursor = -1;
    const racingDeps = { ...deps, pull: async (cursor: number) => {
      asked.push(cursor);
      const page = await deps.pull(cursor);
      if (copyCursor < 0) {
        const copy = await field().field.area();
        copyCursor = copy.changesCursor;
        await storeArea(racing, userId, copy);
      }
      return page;
    } };
    expect((await syncNow(racing, racingDeps)).pulled).toBe(200);
    expect(asked).toEqual([0, copyCursor]);
    racing.close();

    // A tablet whose claim went up before its first copy of the area keeps that claim's whole history.
    const filer = tablet("filed-first");
    const record = claimRecord(4000);
    await filer.drafts.add(draftFor(record.id));
    await enqueue(filer, [record]);
    await flushOutbox(dexieOutbox(filer), deps.push, { backoff: noWait });
    await storeArea(filer, userId, await field().field.area());
    expect((await syncNow(filer, deps)).pulled).toBeGreaterThan(everything.pulled);
    expect((await filer.changes.where("claimId").equals(record.id).toArray()).map((c) => c.status)).toEqual(["received"]);

    // A page pulled before a fresher copy arrived does not take a claim's status back.
    await applyPulledChanges(fresh, [{ seq: 1, claimId: received.id, villageId: received.villageId, action: "receive", status: "received", version: received.version, reason: "old", at: "2020-01-01" }]);
    expect((await claimsOfVillage(fresh, received.villageId)).find((c) => c.id === received.id)).toMatchObject({ status: "fld_verified" });
    for (const db of [fresh, filer]) db.close();
  });

  it("moves an area cache of one row per claim (database version 1) into rows per village on upgrade", async () => {
    const name = `test-field-upgrade-${crypto.randomUUID()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({ drafts: "id, state, updatedAt", pages: "id, draftId, [draftId+index]", corrections: "id, &draftId", outbox: "++seq, &id, state", meta: "key", area: "key", areaClaims: "id, villageId", changes: "seq, claimId" });
    const claim = (n: number, village: number) => ({ id: crypto.randomUUID(), claimNo: `C-${n}`, type: "IFR", status: "received", claimantName: `C ${n}`, villageId: village, version: 1, lon: null, lat: null, parcel: null });
    const old = [claim(1, 7), claim(2, 8), claim(3, 7)];
    await v1.table("areaClaims").bulkAdd(old);
    v1.close();
    const db = new FieldDatabase(name.replace(/^test-field-/, ""), "test-field");
    expect((await claimsOfVillage(db, 7)).map((c) => c.claimNo).sort()).toEqual(["C-1", "C-3"]);
    expect((await claimsOfVillage(db, 8)).map((c) => c.claimNo)).toEqual(["C-2"]);
    expect(db.tables.map((t) => t.name)).not.toContain("areaClaims");
    await db.delete();
  });

  it("backs off exponentially with jitter, capped", () => {
    const policy = { baseMs: 1000, maxMs: 60_000, random: () => 1 };
    expect([1, 2, 3, 10].map((a) => backoffDelay(a, policy))).toEqual([2000, 4000, 8000, 60_000]);
    expect(backoffDelay(3, { ...policy, random: () => 0.5 })).toBe(4000);
  });
});
