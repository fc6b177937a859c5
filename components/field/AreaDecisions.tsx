"use client";
// The workflow steps field staff take where there is no network: a field verification after walking the
// land, the Gram Sabha's resolution, a rejection notice handed over, an appeal. Claims come from the
// tablet's copy of its area, a village at a time, found by claimant or claim number, or picked on its map;
// each step waits in the outbox until the next sync (workers/field/claim-steps.ts). Steps the server
// refused come first, until their worker sets them aside.
import { useLiveQuery } from "dexie-react-hooks";
import { useCallback, useState } from "react";
import type { AreaClaim, AreaVillage } from "@/configs/contracts/field";
import { resolutionText, STEP_WITH_RESOLUTION } from "@/configs/gram-sabha-resolution";
import { indiaDayOf } from "@/configs/india-day";
import { appealWindow, availableActions, landmarksText, NO_LANDMARKS, REJECTED_STATUSES, STATUS_LABELS, STEP_WITH_BOUNDARY, type WorkflowAction } from "@/configs/workflow";
import { allAreaClaims, matchClaims } from "@/workers/db/area-claims";
import type { FieldDatabase, ParcelRecord } from "@/workers/db/field-db";
import { describeStep, dismissRefusedStep, keepVerificationParcel, recordDecision, refusedStep, refusedSteps, withWaitingSteps, type StepRow } from "@/workers/field/claim-steps";
import { LandmarkFields } from "../claims/LandmarkFields";
import { NO_RESOLUTION, ResolutionFields, resolutionForStep } from "../claims/ResolutionFields";
import { LateAppealWarning } from "../claims/LateAppealWarning";
import { StatusBadge } from "../claims/StatusBadge";
import { useSubmission } from "../ui/useSubmission";
import { AreaClaimsMap } from "./AreaClaimsMap";
import { NoticeDelivery } from "./NoticeDelivery";
import { ParcelMap } from "./ParcelMap";

// Enough for any village; a search narrows the area's thousands.
const LIST_LIMIT = 200;

/** `steps`: the tablet's steps by claim (stepsByClaim), undefined while IndexedDB is read. */
export function AreaDecisions({ db, villages, steps, onSyncNow }: { db: FieldDatabase; villages: readonly AreaVillage[]; steps: ReadonlyMap<string, StepRow[]> | undefined; onSyncNow: () => void }) {
  const [villageId, setVillageId] = useState<number | null>(villages[0]?.id ?? null);
  const [query, setQuery] = useState("");
  const [onMap, setOnMap] = useState(false);
  const [pickedId, setPickedId] = useState<string | null>(null);
  const claims = useLiveQuery(() => allAreaClaims(db), [db]);
  // The boundaries mapped for coming verifications, read once for the page rather than once per claim.
  const keptParcels = useLiveQuery(async () => new Map((await db.verificationParcels.toArray()).map((row) => [row.claimId, row.parcel])), [db]);
  const villageName = new Map(villages.map((v) => [v.id, v.name]));
  const refused = new Set(refusedSteps(steps ?? new Map()).map((d) => d.record.payload.id));
  const attention = (claims ?? []).filter((c) => refused.has(c.id));
  const searching = query.trim() !== "";
  // A claim with a step to take, or one waiting or refused on this tablet.
  const isOpen = useCallback((c: AreaClaim) => steps?.has(c.id) === true || availableActions(c.status, "field_staff").length > 0, [steps]);
  const picked = (claims ?? []).find((c) => c.id === pickedId) ?? null;
  const found = searching
    ? matchClaims(claims ?? [], query)
    : onMap ? (picked ? [picked] : [])
    : (claims ?? []).filter((c) => c.villageId === villageId && isOpen(c));
  // A refused step heads the page; a claim picked on the map shows under the map all the same.
  const listed = onMap && !searching ? found : found.filter((c) => !refused.has(c.id));
  const item = (c: AreaClaim) => <ClaimSteps key={c.id} db={db} claim={c} villageName={villageName.get(c.villageId) ?? ""} steps={steps?.get(c.id) ?? []} kept={keptParcels?.get(c.id) ?? null} onSyncNow={onSyncNow} />;
  return (
    <section className="field-decisions" aria-label="Field verification and Gram Sabha">
      <h2>Field verification and Gram Sabha</h2>
      <p className="muted">Steps recorded here wait on the tablet and reach the district at the next sync, on the claim as this tablet last saw it.</p>
      {attention.length > 0 && (
        <section className="attention" aria-label="Steps not recorded">
          <h3>Not recorded by the district ({attention.length})</h3>
          <ul>{attention.map(item)}</ul>
        </section>
      )}
      <div className="find">
        <label>Find{" "}
          <input type="search" aria-label="Find a claim" placeholder="Claimant or claim number, in the whole area" value={query} onChange={(e) => setQuery(e.target.value)} />
        </label>
        <label>Village{" "}
          <select aria-label="Village" value={villageId ?? ""} disabled={searching} onChange={(e) => setVillageId(Number(e.target.value))}>
            {villages.map((v) => <option key={v.id} value={v.id}>{v.name} ({v.gramPanchayat} GP)</option>)}
          </select>
        </label>
        <span className="toggle" role="group" aria-label="Show claims">
          <button aria-pressed={!onMap} onClick={() => setOnMap(false)}>List</button>
          <button aria-pressed={onMap} onClick={() => setOnMap(true)}>Map</button>
        </span>
      </div>
      {onMap && claims && (
        <AreaClaimsMap villages={villages} claims={claims} isOpen={isOpen} villageId={villageId} picked={picked} onPickClaim={setPickedId} onPickVillage={setVillageId} />
      )}
      {claims && found.length === 0 && (
        <p>
          {searching ? `No claim of this tablet's area matches "${query.trim()}".`
            : onMap ? "Tap a claim on the map: those with a step for you stand out."
            : "No claim of this village waits for a step of yours."}
        </p>
      )}
      {listed.length > LIST_LIMIT && <p className="muted">The first {LIST_LIMIT} of {listed.length} claims: search by claimant or number to find another.</p>}
      <ul>{listed.slice(0, LIST_LIMIT).map(item)}</ul>
    </section>
  );
}

function ClaimSteps({ db, claim, villageName, steps, kept, onSyncNow }: {
  db: FieldDatabase; claim: AreaClaim; villageName: string; steps: readonly StepRow[]; kept: ParcelRecord | null; onSyncNow: () => void;
}) {
  const seen = withWaitingSteps(claim, steps);
  const actions = availableActions(seen.status, "field_staff");
  const [action, setAction] = useState<WorkflowAction | "">("");
  const [reason, setReason] = useState("");
  const [landmarks, setLandmarks] = useState(NO_LANDMARKS);
  const [resolutionDraft, setResolutionDraft] = useState(NO_RESOLUTION);
  const { busy, error, submit } = useSubmission();
  const [mapping, setMapping] = useState(false);
  const refused = refusedStep(steps);
  const refusedStepText = refused && describeStep(refused.record);
  const chosen = actions.find((a) => a.action === action);
  const rejected = REJECTED_STATUSES.includes(seen.status);
  // The window the claim's receipt opened, by the tablet's own day: its notice form shows it, and an appeal chosen after it is warned of.
  const today = indiaDayOf(Date.now());
  const appeal = rejected && seen.noticeReceivedOn ? appealWindow(seen.noticeReceivedOn, today) : null;
  const filedOn = claim.filedOn ?? null; // absent from a copy fetched before the tablet knew it
  const { gsResolution, wanting: resolutionWanting } = resolutionForStep(action, resolutionDraft, filedOn, today);

  const record = () => submit(async () => {
    if (!action) return;
    await recordDecision(db, claim, steps, action, reason, {
      landmarks: action === STEP_WITH_BOUNDARY ? landmarks : undefined,
      gsResolution,
    });
    setAction("");
    setReason("");
    setLandmarks(NO_LANDMARKS);
    setResolutionDraft(NO_RESOLUTION);
    setMapping(false);
    onSyncNow();
  });

  return (
    <li className="claim-steps" data-claim-no={claim.claimNo}>
      <div><strong>{claim.claimantName}</strong> <span className="muted">{claim.claimNo} · {villageName}</span> <StatusBadge status={claim.status} /></div>
      {seen.waiting.map((d) => {
        const { step, words } = describeStep(d.record);
        return (
          <div key={d.id} className="waiting">
            Waiting to sync: {step} ({words})
            {d.record.kind === "decision" && d.record.payload.parcel && ", with the boundary as found"}
            {d.record.kind === "decision" && d.record.payload.landmarks && `, landmarks: ${landmarksText(d.record.payload.landmarks)}`}
            {d.record.kind === "decision" && d.record.payload.gsResolution && `; ${resolutionText(d.record.payload.gsResolution)}`}
          </div>
        );
      })}
      {refused && refusedStepText && (
        <div className="refused">
          <span>
            <span className="error">Not recorded ({refusedStepText.step}, “{refusedStepText.words}”): {refused.message}</span>
            <span className="muted"> The claim is shown as the district now has it: record the step again if it still applies.</span>
          </span>
          <button onClick={() => void dismissRefusedStep(db, refused)}>Dismiss</button>
        </div>
      )}
      {actions.length === 0 && seen.waiting.length === 0 && <div className="muted">No step is yours to take while the claim is {STATUS_LABELS[seen.status]}.</div>}
      {rejected && <NoticeDelivery key={seen.version} db={db} claim={claim} steps={steps} appeal={appeal} today={today} onSyncNow={onSyncNow} />}
      {actions.length > 0 && (
        <div className="decide">
          <select aria-label="Step" value={action} onChange={(e) => setAction(e.target.value as WorkflowAction)}>
            <option value="">Record a step…</option>
            {actions.map((a) => <option key={a.action} value={a.action}>{a.label}</option>)}
          </select>
          {action && (
            <>
              {action === STEP_WITH_BOUNDARY && (
                <div className="verification-parcel">
                  {kept ? (
                    <span data-testid="verification-parcel">Boundary as found: {kept.areaHa.toFixed(2)} ha, {kept.method === "walked" ? "walked with GPS" : "drawn on the map"}; it goes with this verification.</span>
                  ) : (
                    <span className="muted">{claim.parcel ? "The parcel on record (dashed on the map) stays as it is, unless you map the boundary as found." : "No parcel is on record for this claim: map the boundary as found, if you can."}</span>
                  )}
                  <button onClick={() => setMapping(!mapping)}>{mapping ? "Close the map" : kept ? "Change the boundary" : "Map the boundary as found"}</button>
                </div>
              )}
              {action === STEP_WITH_BOUNDARY && <LandmarkFields value={landmarks} onChange={setLandmarks} />}
              {action === STEP_WITH_RESOLUTION && <ResolutionFields value={resolutionDraft} onChange={setResolutionDraft} filedOn={filedOn} />}
              {action === STEP_WITH_BOUNDARY && mapping && (
                <ParcelMap db={db} villageId={claim.villageId} claimType={claim.type} parcel={kept} onChange={(parcel) => keepVerificationParcel(db, claim.id, parcel)} locked={false} onRecord={claim} />
              )}
              <LateAppealWarning action={action} appeal={appeal} />
              <textarea aria-label="Reason" placeholder="What was found, or what the Gram Sabha resolved (told to the claimant)" value={reason} onChange={(e) => setReason(e.target.value)} />
              <button className="primary" disabled={busy || reason.trim().length < (chosen?.minReasonLength ?? 1) || resolutionWanting} onClick={() => void record()}>
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
