"use client";
// Check the draft as the server will, queue it for sync, and follow it: waiting, on the server (with its
// claim number, page uploads and later review decisions), or back with a conflict or refusal to resolve.
import { useLiveQuery } from "dexie-react-hooks";
import { useState } from "react";
import { STATUS_LABELS } from "@/configs/workflow";
import { errorMessage } from "@/components/trpc";
import type { Draft, FieldDatabase } from "@/workers/db/field-db";
import { claimFromDraft } from "@/workers/field/draft-records";
import { keepServerCopy, queueDraft, resendAsNew, unqueueDraft } from "./drafts";

export function SendStep({ db, draft, onSyncNow }: { db: FieldDatabase; draft: Draft; onSyncNow: () => Promise<void> }) {
  const pages = useLiveQuery(() => db.pages.where("draftId").equals(draft.id).sortBy("index"), [db, draft.id]) ?? [];
  const history = useLiveQuery(() => db.changes.where("claimId").equals(draft.id).sortBy("seq"), [db, draft.id]) ?? [];
  const [problems, setProblems] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const check = claimFromDraft(draft);
  const act = (work: () => Promise<unknown>) => work().then(() => setError(null), (e: unknown) => setError(errorMessage(e)));

  async function queue() {
    const result = await queueDraft(db, draft.id);
    setProblems(result.ok ? [] : result.problems);
    if (result.ok && navigator.onLine) await onSyncNow();
  }

  return (
    <div className="step send-step">
      {error && <p className="error" role="alert">{error}</p>}
      {draft.state === "editing" && (
        <>
          {!check.ok && <ul className="problems">{check.problems.map((p) => <li key={p}>{p}</li>)}</ul>}
          {problems.length > 0 && <ul className="problems" role="alert">{problems.map((p) => <li key={p}>{p}</li>)}</ul>}
          {draft.parcel?.warnings.length ? <ul className="warnings">{draft.parcel.warnings.map((w) => <li key={w}>{w}</li>)}</ul> : null}
          {!draft.parcel && <p className="muted">No parcel mapped: the claim can go without one, and the boundary can be walked later.</p>}
          <button className="primary" disabled={!check.ok} onClick={() => void act(queue)}>Save for sync</button>
          <p className="muted">The claim stays on this tablet until the server has it; it goes up by itself when there is a network.</p>
        </>
      )}
      {draft.state === "queued" && (
        <>
          <p role="status">Waiting to sync. It goes up with the next sync.</p>
          <button onClick={() => void act(() => unqueueDraft(db, draft.id))}>Take back to edit</button>
        </>
      )}
      {draft.state === "rejected" && (
        <>
          <p className="error" role="alert">The server refused this claim: {draft.message}</p>
          <p>Fix it on the Fields or Parcel step and save it for sync again; nothing of it was stored on the server.</p>
          <button onClick={() => void act(() => db.drafts.update(draft.id, { state: "editing" }))}>Edit it</button>
        </>
      )}
      {draft.state === "conflict" && (
        <>
          <p className="error" role="alert">{draft.message}</p>
          {draft.server && <p>The server has claim {draft.server.claimNo} under this id.</p>}
          <button onClick={() => void act(() => keepServerCopy(db, draft.id))}>Keep the server's copy</button>
          <button onClick={() => void act(() => resendAsNew(db, draft.id))}>Send mine as a new claim</button>
        </>
      )}
      {draft.state === "synced" && draft.server && (
        <div aria-label="On the server">
          <p className="ok" role="status">On the server as <strong data-testid="server-claim-no">{draft.server.claimNo}</strong> · {STATUS_LABELS[draft.server.status]}</p>
          {draft.message && <p className="muted">{draft.message}</p>}
          <ul>
            {pages.map((p) => (
              <li key={p.id}>Page {p.index}: {p.upload.state === "done" ? "uploaded" : p.upload.state === "failed" ? `upload failed (${p.upload.message}); retried at the next sync` : "waiting to upload"}</li>
            ))}
          </ul>
          {history.length > 0 && (
            <>
              <h4>Decisions since</h4>
              <ul>{history.map((c) => <li key={c.seq}>{new Date(c.at).toLocaleDateString()}: {STATUS_LABELS[c.status]}: {c.reason}</li>)}</ul>
            </>
          )}
        </div>
      )}
    </div>
  );
}
