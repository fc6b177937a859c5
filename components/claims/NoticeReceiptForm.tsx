"use client";
// A rejection notice's receipt as the review map and the tablet both show it: the appeal window its day
// opened (or that no day is recorded yet), and the form that records or corrects the day. Where the
// record goes (the server at once, or the tablet's outbox) is the caller's.
import { useState } from "react";
import type { NoticeReceiptInput } from "@/configs/contracts/claims";
import { longDate } from "@/configs/india-day";
import { asSentence } from "@/configs/sentence";
import { APPEAL_DAYS, NOTICE_DELIVERIES, NOTICE_DELIVERY_LABELS, receiptDayProblem, type AppealWindow, type NoticeDelivery } from "@/configs/workflow";
import { appealWindowText } from "./appeal-window-text";

export type ReceiptEntry = Pick<NoticeReceiptInput, "receivedOn" | "delivery" | "note">;

/** `rejectedOn`: the day of the rejection, before which no day can be chosen; null where it is not known. */
export function NoticeReceiptForm({ appealWindow, today, rejectedOn, canRecord, busy, error, onRecord }: {
  appealWindow: AppealWindow | null; today: string; rejectedOn: string | null; canRecord: boolean; busy: boolean; error: string | null;
  /** Resolves true once recorded, when the form starts afresh. */
  onRecord: (entry: ReceiptEntry) => Promise<boolean>;
}) {
  const [receivedOn, setReceivedOn] = useState(today);
  const [delivery, setDelivery] = useState<NoticeDelivery>("in_person");
  const [note, setNote] = useState("");
  // A typed date can leave the picker's range: said at once, in the server's words, and not sent.
  const dayProblem = receivedOn ? receiptDayProblem(receivedOn, rejectedOn, today) : null;

  async function record() {
    if (await onRecord({ receivedOn, delivery, note })) setNote("");
  }

  return (
    <>
      <div role="status">
        {appealWindow
          ? <>Notice received by the claimant on {longDate(appealWindow.receivedOn)}: {appealWindowText(appealWindow)}.</>
          : <>Rejection notice not yet recorded as received: the {APPEAL_DAYS} days to appeal start when the claimant receives it.</>}
      </div>
      {canRecord && (
        <details>
          <summary>{appealWindow ? "Correct the day it was received" : "Record the day it was received"}</summary>
          <label>Received on <input type="date" aria-label="Notice received on" value={receivedOn} min={rejectedOn ?? undefined} max={today} onChange={(e) => setReceivedOn(e.target.value)} /></label>
          <select aria-label="How it was delivered" value={delivery} onChange={(e) => setDelivery(e.target.value as NoticeDelivery)}>
            {NOTICE_DELIVERIES.map((d) => <option key={d} value={d}>{NOTICE_DELIVERY_LABELS[d]}</option>)}
          </select>
          <textarea aria-label="Delivery note" placeholder="Who delivered it, and where the signed receipt slip is kept" value={note} onChange={(e) => setNote(e.target.value)} />
          <button disabled={busy || !receivedOn || dayProblem !== null || note.trim().length < 5} onClick={() => void record()}>{busy ? "Recording…" : "Record receipt"}</button>
          {dayProblem && <p className="error" role="alert">{asSentence(dayProblem)}</p>}
          {error && <p className="error" role="alert">{error}</p>}
        </details>
      )}
    </>
  );
}
