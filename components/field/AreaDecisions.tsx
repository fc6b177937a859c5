"use client";
// The workflow steps field staff take where there is no network: a field verification after walking the
// land, the Gram Sabha's resolution, an appeal. One village of the tablet's area at a time, from its copy
// of the area's claims; each step waits in the outbox until the next sync (workers/field/decisions.ts).
import { useLiveQuery } from "dexie-react-hooks";
import { useState } from "react";
import type { AreaClaim, AreaVillage } from "@/configs/contracts/field";
import { availableActions, STATUS_LABELS, transitionFor, type WorkflowAction } from "@/configs/workflow";
import { claimsOfVillage } from "@/workers/db/area-claims";
import type { FieldDatabase } from "@/workers/db/field-db";
import { decisionsByClaim, recordDecision, withWaitingSteps, type DecisionRow } from "@/workers/field/decisions";
import { StatusBadge } from "../claims/StatusBadge";

export function AreaDecisions({ db, villages, onSyncNow }: { db: FieldDatabase; villages: readonly AreaVillage[]; onSyncNow: () => void }) {
  const [villageId, setVillageId] = useState<number | null>(villages[0]?.id ?? null);
  const claims = useLiveQuery(async () => (villageId === null ? [] : (await claimsOfVillage(db, villageId)).sort((a, b) => a.claimNo.localeCompare(b.claimNo))), [db, villageId]);
  const decisions = useLiveQuery(() => decisionsByClaim(db), [db]);
  const shown = (claims ?? []).filter((c) => decisions?.has(c.id) || availableActions(c.status, "field_staff").length > 0);
  return (
    <section className="field-decisions" aria-label="Field verification and Gram Sabha">
      <h2>Field verification and Gram Sabha</h2>
      <p className="muted">Steps recorded here wait on the tablet and reach the district at the next sync, on the claim as this tablet last saw it.</p>
      <label>Village{" "}
        <select aria-label="Village" value={villageId ?? ""} onChange={(e) => setVillageId(Number(e.target.value))}>
          {villages.map((v) => <option key={v.id} value={v.id}>{v.name} ({v.gramPanchayat} GP)</option>)}
        </select>
      </label>
      {claims && shown.length === 0 && <p>No claim of this village waits for a step of yours.</p>}
      <ul>
        {shown.map((c) => <ClaimSteps key={c.id} db={db} claim={c} decisions={decisions?.get(c.id) ?? []} onSyncNow={onSyncNow} />)}
      </ul>
    </section>
  );
}

function ClaimSteps({ db, claim, decisions, onSyncNow }: { db: FieldDatabase; claim: AreaClaim; decisions: readonly DecisionRow[]; onSyncNow: () => void }) {
  const seen = withWaitingSteps(claim, decisions);
  const actions = availableActions(seen.status, "field_staff");
  const [action, setAction] = useState<WorkflowAction | "">("");
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const refused = decisions.filter((d) => d.state === "conflict" || d.state === "rejected").at(-1);
  const chosen = actions.find((a) => a.action === action);

  async function record() {
    if (!action) return;
    setError(null);
    try {
      await recordDecision(db, claim, decisions, action, reason);
      setAction("");
      setReason("");
      onSyncNow();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  return (
    <li className="claim-steps" data-claim-no={claim.claimNo}>
      <div><strong>{claim.claimantName}</strong> <span className="muted">{claim.claimNo}</span> <StatusBadge status={claim.status} /></div>
      {seen.waiting.map((d) => (
        <div key={d.id} className="waiting">Waiting to sync: {transitionFor(d.record.payload.action).label} ({d.record.payload.reason})</div>
      ))}
      {refused && <div className="error">Not recorded ({transitionFor(refused.record.payload.action).label}): {refused.message}</div>}
      {actions.length > 0 && (
        <div className="decide">
          <select aria-label="Step" value={action} onChange={(e) => setAction(e.target.value as WorkflowAction)}>
            <option value="">Record a step…</option>
            {actions.map((a) => <option key={a.action} value={a.action}>{a.label}</option>)}
          </select>
          {action && (
            <>
              <textarea aria-label="Reason" placeholder="What was found, or the resolution's number and date (told to the claimant)" value={reason} onChange={(e) => setReason(e.target.value)} />
              <button className="primary" disabled={reason.trim().length < (chosen?.minReasonLength ?? 1)} onClick={() => void record()}>
                Record as {STATUS_LABELS[chosen && chosen.to !== "rejecting_committee" ? chosen.to : seen.status]}
              </button>
            </>
          )}
        </div>
      )}
      {error && <div className="error" role="alert">{error}</div>}
    </li>
  );
}
