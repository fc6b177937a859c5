// Rejection notices: the day a rejected claimant received the reasons in writing, which starts the 60 days
// they have to appeal. Recorded on the claim and in the audit trail; the claim's status stays the rejection.
import { sql } from "drizzle-orm";
import type { NoticeReceiptInput } from "@/configs/contracts/claims";
import { appealWindow, NOTICE_RECEIPT_ENTRY, NOTICE_RECEIPT_ROLES, noticeReceiptReason, receiptDayProblem, REJECTED_STATUSES, STATUS_LABELS } from "@/configs/workflow";
import type { SessionUser } from "@/server/auth/session";
import { rows, type Db } from "@/server/db/client";
import { appendAudit, auditedTransaction, lockClaim } from "./claims";
import { DomainError } from "./errors";
import { REJECTED_ON } from "./rejection-day";
import { requireRole } from "./scope";

/**
 * Records (or, recorded again, corrects) the day the claimant received the notice of the claim's current
 * rejection: not before the rejection, not after today in India. Applied only to the version the user saw.
 */
export async function recordNoticeReceipt(db: Db, user: SessionUser, input: NoticeReceiptInput) {
  return auditedTransaction(db, async (tx) => (await checkedNoticeReceipt(tx, user, input))());
}

/**
 * Checks a notice's receipt inside the caller's transaction (the audit trail locked) and returns the write,
 * so that a sync batch refuses a record before anything of it is written.
 */
export async function checkedNoticeReceipt(tx: Db, user: SessionUser, input: NoticeReceiptInput) {
  requireRole(user, NOTICE_RECEIPT_ROLES);
  const claim = await lockClaim(tx, user, input.id, input.expectedVersion);
  if (!REJECTED_STATUSES.includes(claim.status)) {
    throw new DomainError("BAD_REQUEST", `only a rejected claim has a rejection notice to deliver; this one is at "${STATUS_LABELS[claim.status]}"`);
  }
  const [days] = await rows<{ rejected_on: string | null; today: string }>(tx, sql`
    SELECT ${REJECTED_ON} AS rejected_on, india_today()::text AS today FROM claims c WHERE c.id = ${claim.id}`);
  const { rejected_on: rejectedOn, today } = days!;
  const problem = receiptDayProblem(input.receivedOn, rejectedOn, today);
  if (problem) throw new DomainError("BAD_REQUEST", problem);
  return async () => {
    const [updated] = await rows<{ version: number }>(tx, sql`
      UPDATE claims SET notice_received_on = ${input.receivedOn}::date, version = version + 1, updated_at = now()
      WHERE id = ${claim.id} AND version = ${claim.version} RETURNING version`);
    await appendAudit(tx, {
      claimId: claim.id, action: NOTICE_RECEIPT_ENTRY, from: claim.status, to: claim.status, actorId: user.id, version: updated!.version,
      reason: noticeReceiptReason(input.receivedOn, input.delivery, input.note),
      noticeReceivedOn: input.receivedOn,
    });
    return { id: claim.id, version: updated!.version, appealWindow: appealWindow(input.receivedOn, today) };
  };
}
