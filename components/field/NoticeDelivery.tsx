"use client";
// A rejected claim's notice on the tablet: field staff often hand it to the claimant in the village, with
// no network. The day it was received (it starts the 60 days to appeal) waits in the outbox like any step
// (workers/field/claim-steps.ts), and the window shown counts from it by the tablet's own calendar.
import { useState } from "react";
import type { AreaClaim } from "@/configs/contracts/field";
import { indiaDayOf, longDate } from "@/configs/india-day";
import { APPEAL_DAYS, appealWindow, NOTICE_DELIVERIES, NOTICE_DELIVERY_LABELS, type NoticeDelivery as Delivery } from "@/configs/workflow";
import type { FieldDatabase } from "@/workers/db/field-db";
import { recordNoticeReceipt, type SeenClaim, type StepRow } from "@/workers/field/claim-steps";
import { appealWindowText } from "../claims/appeal-window-text";
import { useSubmission } from "../ui/useSubmission";

export function NoticeDelivery({ db, claim, steps, seen, onSyncNow }: {
  db: FieldDatabase; claim: AreaClaim; steps: readonly StepRow[]; seen: SeenClaim; onSyncNow: () => void;
}) {
  const today = indiaDayOf(Date.now());
  const [receivedOn, setReceivedOn] = useState(today);
  const [delivery, setDelivery] = useState<Delivery>("in_person");
  const [note, setNote] = useState("");
  const { busy, error, submit } = useSubmission();
  const appeal = seen.noticeReceivedOn ? appealWindow(seen.noticeReceivedOn, today) : null;

  const record = () => submit(async () => {
    await recordNoticeReceipt(db, claim, steps, { receivedOn, delivery, note });
    setNote("");
    onSyncNow();
  });

  return (
    <div className="notice-delivery" aria-label="Rejection notice">
      <div role="status">
        {appeal
          ? <>Notice received by the claimant on {longDate(appeal.receivedOn)}: {appealWindowText(appeal)}.</>
          : <>Rejection notice not yet recorded as received: the {APPEAL_DAYS} days to appeal start when the claimant receives it.</>}
      </div>
      <details>
        <summary>{appeal ? "Correct the day it was received" : "Record the day it was received"}</summary>
        <label>Received on <input type="date" aria-label="Notice received on" value={receivedOn} max={today} onChange={(e) => setReceivedOn(e.target.value)} /></label>
        <select aria-label="How it was delivered" value={delivery} onChange={(e) => setDelivery(e.target.value as Delivery)}>
          {NOTICE_DELIVERIES.map((d) => <option key={d} value={d}>{NOTICE_DELIVERY_LABELS[d]}</option>)}
        </select>
        <textarea aria-label="Delivery note" placeholder="Who delivered it, and where the signed receipt slip is kept" value={note} onChange={(e) => setNote(e.target.value)} />
        <button disabled={busy || !receivedOn || note.trim().length < 5} onClick={() => void record()}>Record receipt</button>
        {error && <p className="error" role="alert">{error}</p>}
      </details>
    </div>
  );
}
