"use client";
// A rejected claim's notice on the review map: the link to print it, the day the claimant received it
// (from the receipt slip they signed) and the 60-day appeal window that day opened, and the form that
// records it on the server.
import type { AppealWindow } from "@/configs/workflow";
import { trpc } from "../trpc";
import { useSubmission } from "../ui/useSubmission";
import { NoticeReceiptForm, type ReceiptEntry } from "./NoticeReceiptForm";

export type ClaimNotice = { appealWindow: AppealWindow | null; today: string; rejectedOn: string | null; canRecordReceipt: boolean };

export function NoticeReceipt({ claim, onChanged }: {
  claim: { id: string; claimNo: string; version: number; notice: ClaimNotice };
  onChanged: () => void;
}) {
  const { busy, error, submit } = useSubmission();
  const record = (entry: ReceiptEntry) => submit(async () => {
    await trpc.claims.recordNoticeReceipt.mutate({ id: claim.id, expectedVersion: claim.version, ...entry });
    onChanged();
  });

  return (
    <div className="notice-delivery" aria-label="Rejection notice">
      <a href={`/claims/${encodeURIComponent(claim.claimNo)}/notice`} target="_blank" rel="noreferrer">Rejection notice, to print</a>
      <NoticeReceiptForm
        appealWindow={claim.notice.appealWindow} today={claim.notice.today} rejectedOn={claim.notice.rejectedOn} canRecord={claim.notice.canRecordReceipt} busy={busy} error={error} onRecord={record}
      />
    </div>
  );
}
