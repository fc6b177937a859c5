"use client";
// A rejected claim's notice: the link to print it, the day the claimant received it (from the receipt slip
// they signed) and the 60-day appeal window that day opened, and the form that records it.
import { useState } from "react";
import { longDate } from "@/configs/india-day";
import { APPEAL_DAYS, NOTICE_DELIVERIES, NOTICE_DELIVERY_LABELS, type AppealWindow, type NoticeDelivery } from "@/configs/workflow";
import { trpc } from "../trpc";
import { useSubmission } from "../ui/useSubmission";
import { appealWindowText } from "./appeal-window-text";

export type ClaimNotice = { appealWindow: AppealWindow | null; today: string; canRecordReceipt: boolean };

export function NoticeReceipt({ claim, onChanged }: {
  claim: { id: string; claimNo: string; version: number; notice: ClaimNotice };
  onChanged: () => void;
}) {
  const { appealWindow, today, canRecordReceipt } = claim.notice;
  const [receivedOn, setReceivedOn] = useState(today);
  const [delivery, setDelivery] = useState<NoticeDelivery>("in_person");
  const [note, setNote] = useState("");
  const { busy, error, submit } = useSubmission();

  const record = () => submit(async () => {
    await trpc.claims.recordNoticeReceipt.mutate({ id: claim.id, expectedVersion: claim.version, receivedOn, delivery, note });
    setNote("");
    onChanged();
  });

  return (
    <div className="notice-delivery" aria-label="Rejection notice">
      <a href={`/claims/${encodeURIComponent(claim.claimNo)}/notice`} target="_blank" rel="noreferrer">Rejection notice, to print</a>
      <div role="status">
        {appealWindow
          ? <>Received by the claimant on {longDate(appealWindow.receivedOn)}: {appealWindowText(appealWindow)}.</>
          : <>Not yet recorded as received: the {APPEAL_DAYS} days to appeal start when the claimant receives it.</>}
      </div>
      {canRecordReceipt && (
        <details>
          <summary>{appealWindow ? "Correct the day it was received" : "Record the day it was received"}</summary>
          <label>Received on <input type="date" aria-label="Notice received on" value={receivedOn} max={today} onChange={(e) => setReceivedOn(e.target.value)} /></label>
          <select aria-label="How it was delivered" value={delivery} onChange={(e) => setDelivery(e.target.value as NoticeDelivery)}>
            {NOTICE_DELIVERIES.map((d) => <option key={d} value={d}>{NOTICE_DELIVERY_LABELS[d]}</option>)}
          </select>
          <textarea aria-label="Delivery note" placeholder="Who delivered it, and where the signed receipt slip is kept" value={note} onChange={(e) => setNote(e.target.value)} />
          <button disabled={busy || !receivedOn || note.trim().length < 5} onClick={record}>{busy ? "Recording…" : "Record receipt"}</button>
          {error && <p className="error" role="alert">{error}</p>}
        </details>
      )}
    </div>
  );
}
