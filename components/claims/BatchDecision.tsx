"use client";
// A committee's decision on the claims chosen in the list: one step and one reason (the sitting's minutes)
// for all of them, recorded for each or, if any is refused, for none (claims.transitionMany).
import { useState } from "react";
import { MAX_CLAIMS_PER_DECISION } from "@/configs/contracts/claims";
import { claimantsForClaimsProblem, STEP_WITH_RESOLUTION } from "@/configs/gram-sabha-resolution";
import { asSentence } from "@/configs/sentence";
import { STATUS_LABELS, stepsOpenToAll, type ClaimStatus, type Role } from "@/configs/workflow";
import { trpc } from "../trpc";
import { useSubmission } from "../ui/useSubmission";
import { NO_RESOLUTION, ResolutionFields, resolutionForStep } from "./ResolutionFields";

export type ChosenClaim = { id: string; claimNo: string; status: ClaimStatus; version: number; filedOn: string };

export function BatchDecision({ chosen, role, onClear, onRecorded }: {
  chosen: readonly ChosenClaim[];
  role: Role;
  onClear: () => void;
  onRecorded: (text: string) => void;
}) {
  const [action, setAction] = useState("");
  const [reason, setReason] = useState("");
  const [resolutionDraft, setResolutionDraft] = useState(NO_RESOLUTION);
  const { busy, error, submit } = useSubmission();
  const steps = stepsOpenToAll(chosen.map((c) => c.status), role);
  const step = steps.find((t) => t.action === action);
  const tooMany = chosen.length > MAX_CLAIMS_PER_DECISION;
  // One sitting's resolution covers every claim chosen: it cannot be older than the latest filed of them.
  const lastFiled = chosen.reduce<string | null>((last, c) => (last === null || c.filedOn > last ? c.filedOn : last), null);
  const { gsResolution, wanting: resolutionWanting } = resolutionForStep(action, resolutionDraft, lastFiled);
  const claimantsProblem = gsResolution ? claimantsForClaimsProblem(gsResolution.claimants, chosen.length) : null;

  async function record() {
    if (!step) return;
    await submit(async () => {
      const result = await trpc.claims.transitionMany.mutate({
        action: step.action, reason, claims: chosen.map((c) => ({ id: c.id, expectedVersion: c.version })),
        ...(gsResolution ? { gsResolution } : {}),
      });
      setAction("");
      setReason("");
      setResolutionDraft(NO_RESOLUTION);
      // An admitted appeal goes back to whichever committee rejected each claim: the server says where.
      const now = [...new Set(result.claims.map((c) => STATUS_LABELS[c.status]))].join(" or ");
      onRecorded(`Recorded for ${result.claims.length} ${result.claims.length === 1 ? "claim" : "claims"}: now ${now}`);
    });
  }

  return (
    <div className="batch" aria-label="Decision on the chosen claims">
      <div className="batch-head">
        <strong>{chosen.length} chosen</strong>
        <button onClick={onClear}>Clear</button>
      </div>
      {steps.length === 0 ? (
        <p className="muted">
          {new Set(chosen.map((c) => c.status)).size > 1 ? "The chosen claims are at different stages: no one step is open for all of them." : "No step is open to you for these claims here."}
        </p>
      ) : (
        <>
          <select aria-label="Step for the chosen claims" value={action} onChange={(e) => setAction(e.target.value)}>
            <option value="">Choose a step…</option>
            {steps.map((t) => <option key={t.action} value={t.action}>{t.label}</option>)}
          </select>
          <textarea aria-label="Reason for the chosen claims" placeholder="Reason, e.g. the sitting and item of the minutes (recorded on each claim)" value={reason} onChange={(e) => setReason(e.target.value)} />
          {step && <small>At least {step.minReasonLength} characters.</small>}
          {step?.action === STEP_WITH_RESOLUTION && <ResolutionFields value={resolutionDraft} onChange={setResolutionDraft} filedOn={lastFiled} />}
          {claimantsProblem && <small className="error" role="alert">{asSentence(claimantsProblem)}</small>}
          {tooMany && <small className="error">At most {MAX_CLAIMS_PER_DECISION} claims in one decision.</small>}
          <button className="primary" disabled={busy || !step || tooMany || reason.trim().length < step.minReasonLength || resolutionWanting || claimantsProblem !== null} onClick={() => void record()}>
            {busy ? "Recording…" : `Record for ${chosen.length} ${chosen.length === 1 ? "claim" : "claims"}`}
          </button>
        </>
      )}
      {chosen.some((c) => c.status === "dlc_review") && <small>A title is granted from the claim's own panel, one claim at a time: each states the area it recognises.</small>}
      {error && <p className="error" role="alert">{error}</p>}
    </div>
  );
}
