// Rejection notices: the day a rejected claimant received the reasons in writing, which starts the 60 days
// they have to appeal. Recorded on the claim and in the audit trail; the claim's status stays the rejection.
import { sql } from "drizzle-orm";
import type { NoticeReceiptInput } from "@/configs/contracts/claims";
import { appealWindow, NOTICE_DELIVERY_LABELS, NOTICE_RECEIPT_ENTRY, NOTICE_RECEIPT_ROLES, REJECTED_STATUSES, STATUS_LABELS } from "@/configs/workflow";
import type { SessionUser } from "@/server/auth/session";
import { rows, type Db } from "@/server/db/client";
import { appendAudit, auditedTransaction, lockClaim } from "./claims";
import { DomainError } from "./errors";
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
  // The rejection is its latest audit entry into that status; a claim imported without history has its status's date.
  const [days] = await rows<{ rejected_on: string; today: string }>(tx, sql`
    SELECT coalesce(
             (SELECT (t.at AT TIME ZONE 'Asia/Kolkata')::date FROM claim_transitions t
              WHERE t.claim_id = c.id AND t.to_status = c.status AND t.from_status IS DISTINCT FROM t.to_status ORDER BY t.id DESC LIMIT 1),
             (c.status_changed_at AT TIME ZONE 'Asia/Kolkata')::date)::text AS rejected_on,
           india_today()::text AS today
    FROM claims c WHERE c.id = ${claim.id}`);
  const { rejected_on: rejectedOn, today } = days!;
  if (input.receivedOn < rejectedOn) {
    throw new DomainError("BAD_REQUEST", `the notice cannot have been received on ${input.receivedOn}: the claim was rejected on ${rejectedOn}`);
  }
  if (input.receivedOn > today) throw new DomainError("BAD_REQUEST", `the day received (${input.receivedOn}) is after today in India (${today})`);
  return async () => {
    const [updated] = await rows<{ version: number }>(tx, sql`
      UPDATE claims SET notice_received_on = ${input.receivedOn}::date, version = version + 1, updated_at = now()
      WHERE id = ${claim.id} AND version = ${claim.version} RETURNING version`);
    await appendAudit(tx, {
      claimId: claim.id, action: NOTICE_RECEIPT_ENTRY, from: claim.status, to: claim.status, actorId: user.id, version: updated!.version,
      reason: `Rejection notice received by the claimant on ${input.receivedOn}, ${NOTICE_DELIVERY_LABELS[input.delivery]}: ${input.note}`,
      noticeReceivedOn: input.receivedOn,
    });
    return { id: claim.id, version: updated!.version, appealWindow: appealWindow(input.receivedOn, today) };
  };
}
