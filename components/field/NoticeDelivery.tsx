"use client";
// A rejected claim's notice on the tablet: field staff often hand it to the claimant in the village, with
// no network. The day it was received (it starts the 60 days to appeal) waits in the outbox like any step
// (workers/field/claim-steps.ts), and the window shown counts from it by the tablet's own calendar.
import type { AreaClaim } from "@/configs/contracts/field";
import type { AppealWindow } from "@/configs/workflow";
import type { FieldDatabase } from "@/workers/db/field-db";
import { recordNoticeReceipt, type StepRow } from "@/workers/field/claim-steps";
import { NoticeReceiptForm, type ReceiptEntry } from "../claims/NoticeReceiptForm";
import { useSubmission } from "../ui/useSubmission";

/** `appeal`: the window the claim's receipt (waiting or synced) opened, by the tablet's day `today`; null before one. */
export function NoticeDelivery({ db, claim, steps, appeal, today, onSyncNow }: {
  db: FieldDatabase; claim: AreaClaim; steps: readonly StepRow[]; appeal: AppealWindow | null; today: string; onSyncNow: () => void;
}) {
  const { busy, error, submit } = useSubmission();
  const record = (entry: ReceiptEntry) => submit(async () => {
    await recordNoticeReceipt(db, claim, steps, entry);
    onSyncNow();
  });

  return (
    <div className="notice-delivery" aria-label="Rejection notice">
      <NoticeReceiptForm
        appealWindow={appeal} today={today} rejectedOn={claim.rejectedOn ?? null} canRecord busy={busy} error={error} onRecord={record}
      />
    </div>
  );
}
