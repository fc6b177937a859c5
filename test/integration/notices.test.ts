// Rejection notices: the day a rejected claimant received the reasons, the appeal window it opens, and the
// list, map filter and dashboard figures that follow from it, on a real PGlite + PostGIS database.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "@/configs/india-day";
import { APPEAL_DAYS } from "@/configs/workflow";
import { rows, type Db } from "@/server/db/client";
import { callerFor, openTestDatabase, type DemoUsers } from "../helpers/db";

let env: Awaited<ReturnType<typeof openTestDatabase>>;
let db: Db;
let users: DemoUsers;
let today: string;
beforeAll(async () => {
  env = await openTestDatabase();
  db = env.db;
  users = env.users;
  today = (await rows<{ d: string }>(db, sql`SELECT india_today()::text AS d`))[0]!.d;
});
afterAll(() => env.cleanup());


/** A Gadchiroli claim at the DLC, rejected now by its official: a rejection whose notice is not yet delivered. */
async function freshRejection(offset = 0) {
  const [c] = await rows<{ id: string; version: number }>(db, sql`SELECT c.id, c.version FROM claims c JOIN districts d ON d.id = c.district_id
    WHERE d.name = 'Gadchiroli' AND c.status = 'dlc_review' ORDER BY c.claim_no OFFSET ${offset} LIMIT 1`);
  const api = callerFor(db, users.gadchiroli);
  const r = await api.claims.transition({ id: c!.id, action: "dlc_reject", reason: "Evidence does not establish occupation before the cut-off date", expectedVersion: c!.version });
  return { id: c!.id, version: r.version };
}

const trailLength = async (id: string) => (await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM claim_transitions WHERE claim_id = ${id}`))[0]!.n;
const noticeOf = async (id: string) => (await rows<{ on: string | null; version: number }>(db, sql`SELECT notice_received_on::text AS on, version FROM claims WHERE id = ${id}`))[0]!;

describe("rejection notices", () => {
  it("records the day the claimant received the notice, audits it, and opens a 60-day appeal window", async () => {
    const c = await freshRejection(0);
    const api = callerFor(db, users.gadchiroli);
    expect((await api.claims.get({ id: c.id })).notice).toEqual({ appealWindow: null, today, rejectedOn: today, canRecordReceipt: true });
    const r = await api.claims.recordNoticeReceipt({ id: c.id, expectedVersion: c.version, receivedOn: today, delivery: "in_person", note: "Handed over by the FRC secretary; slip in the file" });
    expect(r).toEqual({ id: c.id, version: c.version + 1, appealWindow: { receivedOn: today, appealBy: addDays(today, APPEAL_DAYS), daysLeft: APPEAL_DAYS } });
    const detail = await api.claims.get({ id: c.id });
    expect(detail.status).toBe("dlc_rejected");
    expect(detail.notice?.appealWindow?.appealBy).toBe(addDays(today, APPEAL_DAYS));
    expect(detail.history.at(-1)).toMatchObject({
      action: "record_notice_receipt", fromStatus: "dlc_rejected", toStatus: "dlc_rejected", noticeReceivedOn: today, claimVersion: c.version + 1,
      reason: expect.stringContaining(`received by the claimant on ${today}, handed to the claimant: Handed over by the FRC secretary`),
    });
    // The list and the map's filter find it among the open windows, no longer among the undelivered.
    const open = await api.claims.list({ filter: { notice: "appeal_open", q: detail.claimNo } });
    expect(open.items.map((i) => i.id)).toEqual([c.id]);
    expect((await api.claims.list({ filter: { notice: "undelivered", q: detail.claimNo } })).total).toBe(0);
  });

  it("corrects a wrong day by recording it again; the window follows the later record", async () => {
    const [c] = await rows<{ id: string; version: number; on: string }>(db, sql`SELECT c.id, c.version, c.notice_received_on::text AS on
      FROM claims c JOIN districts d ON d.id = c.district_id
      WHERE d.name = 'Gadchiroli' AND c.status = 'sdlc_rejected' AND c.notice_received_on < india_today() - 1 ORDER BY c.claim_no LIMIT 1`);
    const api = callerFor(db, users.gadchiroli);
    const corrected = addDays(c!.on, 1);
    const r = await api.claims.recordNoticeReceipt({ id: c!.id, expectedVersion: c!.version, receivedOn: corrected, delivery: "registered_post", note: "Correction: the postal acknowledgement is dated a day later" });
    expect(r.appealWindow).toMatchObject({ receivedOn: corrected, appealBy: addDays(corrected, APPEAL_DAYS) });
    expect((await noticeOf(c!.id)).on).toBe(corrected);
    const receipts = (await api.claims.get({ id: c!.id })).history.filter((h) => h.action === "record_notice_receipt");
    expect(receipts.map((h) => h.noticeReceivedOn)).toEqual([c!.on, corrected]);
  });

  it("refuses a day before the rejection, a day after today, a stale version and a claim not rejected, changing nothing", async () => {
    const c = await freshRejection(2);
    const api = callerFor(db, users.gadchiroli);
    const before = { trail: await trailLength(c.id), notice: await noticeOf(c.id) };
    const note = "Handed over at the Gram Sabha meeting";
    await expect(api.claims.recordNoticeReceipt({ id: c.id, expectedVersion: c.version, receivedOn: addDays(today, -400), delivery: "gram_sabha", note }))
      .rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("the claim was rejected on") });
    await expect(api.claims.recordNoticeReceipt({ id: c.id, expectedVersion: c.version, receivedOn: addDays(today, 1), delivery: "gram_sabha", note }))
      .rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("after today in India") });
    await expect(api.claims.recordNoticeReceipt({ id: c.id, expectedVersion: c.version - 1, receivedOn: today, delivery: "gram_sabha", note }))
      .rejects.toMatchObject({ code: "CONFLICT" });
    await expect(api.claims.recordNoticeReceipt({ id: c.id, expectedVersion: c.version, receivedOn: "2026-02-30", delivery: "gram_sabha", note }))
      .rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(api.claims.recordNoticeReceipt({ id: c.id, expectedVersion: c.version, receivedOn: today, delivery: "gram_sabha", note: "ok" }))
      .rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("who delivered it") });
    expect({ trail: await trailLength(c.id), notice: await noticeOf(c.id) }).toEqual(before);

    const [pending] = await rows<{ id: string; version: number }>(db, sql`SELECT c.id, c.version FROM claims c JOIN districts d ON d.id = c.district_id
      WHERE d.name = 'Gadchiroli' AND c.status = 'sdlc_review' ORDER BY c.claim_no LIMIT 1`);
    await expect(api.claims.recordNoticeReceipt({ id: pending!.id, expectedVersion: pending!.version, receivedOn: today, delivery: "in_person", note }))
      .rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("only a rejected claim") });
  });

  it("keeps the receipt to the district's officials and the block's field staff: not another district, not an admin", async () => {
    const c = await freshRejection(3);
    const input = { id: c.id, expectedVersion: c.version, receivedOn: today, delivery: "in_person" as const, note: "Handed to the claimant at home" };
    await expect(callerFor(db, users.nandurbar).claims.recordNoticeReceipt(input)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor(db, users.admin).claims.recordNoticeReceipt(input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await noticeOf(c.id)).on).toBeNull();
  });

  it("clears the receipt when an appeal leaves the rejection, and keeps it in the trail", async () => {
    const c = await freshRejection(4);
    const api = callerFor(db, users.gadchiroli);
    const r = await api.claims.recordNoticeReceipt({ id: c.id, expectedVersion: c.version, receivedOn: today, delivery: "in_person", note: "Handed over by the forest guard" });
    await api.claims.transition({ id: c.id, action: "file_appeal", reason: "Claimant petitioned with the 1998 encroachment register", expectedVersion: r.version });
    const detail = await api.claims.get({ id: c.id });
    expect(detail.status).toBe("appeal");
    expect(detail.notice).toBeNull();
    expect((await noticeOf(c.id)).on).toBeNull();
    expect(detail.history.some((h) => h.noticeReceivedOn === today)).toBe(true);
  });

  it("the database refuses a receipt on a claim that is not rejected", async () => {
    const [granted] = await rows<{ id: string }>(db, sql`SELECT id FROM claims WHERE status = 'title_granted' LIMIT 1`);
    const refused = await db.execute(sql`UPDATE claims SET notice_received_on = india_today() WHERE id = ${granted!.id}`).then(() => null, (e: Error) => e);
    expect(String((refused?.cause as Error | undefined)?.message)).toMatch(/claims_notice_received_on_check/);
    expect((await noticeOf(granted!.id)).on).toBeNull();
  });
});

describe("seeded notices and the dashboard", () => {
  it("seeds receipts that match their audit entries, and appeals that follow the receipt", async () => {
    const mismatched = await rows<{ claim_no: string }>(db, sql`
      SELECT c.claim_no FROM claims c
      WHERE c.notice_received_on IS DISTINCT FROM (
        SELECT t.notice_received_on FROM claim_transitions t WHERE t.claim_id = c.id AND t.action = 'record_notice_receipt'
          AND t.id > (SELECT max(r.id) FROM claim_transitions r WHERE r.claim_id = c.id AND r.from_status IS DISTINCT FROM r.to_status)
        ORDER BY t.id DESC LIMIT 1)`);
    expect(mismatched).toEqual([]);
    const [seeded] = await rows<{ received: number; rejected: number; appeals_after_receipt: number }>(db, sql`SELECT
      (SELECT count(*)::int FROM claims WHERE notice_received_on IS NOT NULL) AS received,
      (SELECT count(*)::int FROM claims WHERE status IN ('sdlc_rejected', 'dlc_rejected')) AS rejected,
      (SELECT count(*)::int FROM claim_transitions a WHERE a.action = 'file_appeal' AND EXISTS (
         SELECT 1 FROM claim_transitions r WHERE r.claim_id = a.claim_id AND r.action = 'record_notice_receipt' AND r.id = a.id - 1 AND r.at < a.at)) AS appeals_after_receipt`);
    expect(seeded!.received).toBeGreaterThan(0.8 * seeded!.rejected);
    expect(seeded!.appeals_after_receipt).toBeGreaterThan(0);
  });

  it("counts undelivered notices and open windows as the list's filters find them", async () => {
    const api = callerFor(db, users.gadchiroli);
    const [district] = await rows<{ id: number }>(db, sql`SELECT id FROM districts WHERE name = 'Gadchiroli'`);
    // One rejection of each kind made here, so that neither count is 0 by chance of the seed.
    const undelivered = await freshRejection(5);
    const delivered = await freshRejection(6);
    await api.claims.recordNoticeReceipt({ id: delivered.id, expectedVersion: delivered.version, receivedOn: today, delivery: "in_person", note: "Slip signed at the tehsil office" });
    const dash = await api.geo.dashboard({ districtId: district!.id });
    const listed = async (notice: "undelivered" | "appeal_open" | "appeal_closed") => (await api.claims.list({ filter: { districtId: district!.id, notice }, limit: 1 })).total;
    expect(dash.notices.undelivered).toBe(await listed("undelivered"));
    expect(dash.notices.appealOpen).toBe(await listed("appeal_open"));
    const rejected = dash.byStatusType.filter((r) => r.status === "dlc_rejected" || r.status === "sdlc_rejected").reduce((a, r) => a + r.n, 0);
    expect(rejected - dash.notices.undelivered - dash.notices.appealOpen).toBe(await listed("appeal_closed"));
    expect(dash.notices.undelivered).toBeGreaterThan(0);
    expect(dash.notices.appealOpen).toBeGreaterThan(0);
    expect(dash.notices.closingSoon).toBeLessThanOrEqual(dash.notices.appealOpen);
    expect((await api.claims.list({ filter: { notice: "undelivered", q: (await api.claims.get({ id: undelivered.id })).claimNo } })).total).toBe(1);
  });
});
