"use client";
// One draft, in the order the work is done: photograph the pages, check the fields the model read, map
// the parcel, and send.
import { useState } from "react";
import type { Draft, FieldDatabase } from "@/workers/db/field-db";
import { errorMessage } from "@/components/trpc";
import { deleteDraft } from "./drafts";
import { FieldsStep } from "./FieldsStep";
import { PagesStep } from "./PagesStep";
import { ParcelStep } from "./ParcelStep";
import { SendStep } from "./SendStep";
import type { ModelState } from "./useFieldServices";

const STEPS = [
  ["pages", "1 · Pages"],
  ["fields", "2 · Fields"],
  ["parcel", "3 · Parcel"],
  ["send", "4 · Send"],
] as const;
type Step = (typeof STEPS)[number][0];

export function DraftEditor({ db, draft, model, onDeleted, onSyncNow }: { db: FieldDatabase; draft: Draft; model: ModelState; onDeleted: () => void; onSyncNow: () => Promise<void> }) {
  const [step, setStep] = useState<Step>(draft.extraction ? "fields" : "pages");
  const [error, setError] = useState<string | null>(null);
  const locked = draft.state === "queued" || draft.state === "synced";
  async function remove() {
    if (!window.confirm("Delete this draft and its page photos from the tablet?")) return;
    try {
      await deleteDraft(db, draft.id);
      onDeleted();
    } catch (e) {
      setError(errorMessage(e));
    }
  }
  return (
    <section className="field-editor" aria-label="Draft">
      <nav className="steps" role="tablist">
        {STEPS.map(([key, label]) => (
          <button key={key} role="tab" aria-selected={step === key} className={step === key ? "active" : ""} onClick={() => setStep(key)}>{label}</button>
        ))}
        <span className="spacer" />
        {!locked && <button onClick={remove}>Delete draft</button>}
      </nav>
      {error && <p className="error" role="alert">{error}</p>}
      {locked && <p className="muted">This claim is {draft.state === "queued" ? "waiting to sync" : `on the server as ${draft.server?.claimNo ?? "a claim"}`}: it can no longer be edited here.</p>}
      {step === "pages" && <PagesStep db={db} draft={draft} model={model} locked={locked} onExtracted={() => setStep("fields")} />}
      {step === "fields" && <FieldsStep db={db} draft={draft} locked={locked} />}
      {step === "parcel" && <ParcelStep db={db} draft={draft} locked={locked} />}
      {step === "send" && <SendStep db={db} draft={draft} onSyncNow={onSyncNow} />}
    </section>
  );
}
