"use client";
// One claim: its fields, scanned pages, evidence and history, and the workflow decisions the user may take.
import { useEffect, useState } from "react";
import { nameLanguageTagOf } from "@/configs/field";
import { resolutionText, STEP_WITH_RESOLUTION } from "@/configs/gram-sabha-resolution";
import {
  IFR_MAX_HA, landmarksText, namedLandmarks, NO_LANDMARKS, NOTICE_RECEIPT_ENTRY, STATUS_LABELS, STEP_WITH_BOUNDARY, STEP_WITH_TITLED_AREA, TITLE_FORMS, TYPE_LABELS,
  type WorkflowAction,
} from "@/configs/workflow";
import type { Bbox } from "../map/ClaimMap";
import { errorMessage, trpc } from "../trpc";
import { useSubmission } from "../ui/useSubmission";
import { BorderingVillages } from "./BorderingVillages";
import { LandmarkFields } from "./LandmarkFields";
import { LateAppealWarning } from "./LateAppealWarning";
import { NoticeReceipt } from "./NoticeReceipt";
import { NO_RESOLUTION, ResolutionFields, resolutionForStep } from "./ResolutionFields";
import { StatusBadge } from "./StatusBadge";
import { HouseholdFactsForm } from "./HouseholdFactsForm";
import { TitleSchemes } from "./TitleSchemes";
import { useClaim } from "./useClaim";

// Audit entries that leave the status as it was, by what they record.
const SAME_STATUS_ENTRIES: Record<string, string> = { edit_parcel: "Parcel boundary", [NOTICE_RECEIPT_ENTRY]: "Rejection notice received" };

const floorTo2 = (ha: number) => Math.floor(ha * 100 + 1e-6) / 100;

/** The most a title may recognise: what was claimed, and for an individual right 4 ha. */
function titleLimitHa(c: { type: string; areaClaimedHa: number }): number {
  return floorTo2(c.type === "IFR" ? Math.min(c.areaClaimedHa, IFR_MAX_HA) : c.areaClaimedHa);
}

/** What the DLC most often recognises: the boundary as mapped in the field, within the limit. */
function suggestedTitleHa(c: { type: string; areaClaimedHa: number; areaParcelHa: number | null }): string {
  return floorTo2(Math.min(titleLimitHa(c), c.areaParcelHa ?? Infinity)).toFixed(2);
}

/** The typed area if it is one a title may state (more than 0, two decimals, within the limit), else null. */
function parseTitledArea(text: string, limitHa: number): number | null {
  if (!/^\d+(\.\d{1,2})?$/.test(text.trim())) return null;
  const ha = Number(text);
  return ha > 0 && ha <= limitHa ? ha : null;
}

/** A parcel edit from the audit trail, drawn over the map: the boundary it replaced and the one it drew. */
export type ParcelComparison = { claimNo: string; entryId: number; before: GeoJSON.MultiPolygon | null; after: GeoJSON.MultiPolygon };

export function ClaimPanel({ claimNo, onClose, onChanged, onFocus, compared, onCompare }: {
  claimNo: string;
  onClose: () => void;
  onChanged: () => void;
  onFocus: (b: Bbox) => void;
  compared: ParcelComparison | null;
  onCompare: (comparison: ParcelComparison | null) => void;
}) {
  const claim = useClaim(claimNo);
  const [action, setAction] = useState<WorkflowAction | "">("");
  const [reason, setReason] = useState("");
  const [titledArea, setTitledArea] = useState("");
  const [landmarks, setLandmarks] = useState(NO_LANDMARKS);
  const [resolutionDraft, setResolutionDraft] = useState(NO_RESOLUTION);
  const { busy, error, submit, clearError } = useSubmission();
  const [recorded, setRecorded] = useState<string | null>(null);
  useEffect(() => {
    setAction("");
    setReason("");
    setTitledArea("");
    setLandmarks(NO_LANDMARKS);
    setResolutionDraft(NO_RESOLUTION);
    setRecorded(null);
    clearError();
  }, [claimNo, clearError]);

  const c = claim.data;
  const localTag = nameLanguageTagOf(c?.stateCode);
  if (claim.error) return <aside className="panel"><button onClick={onClose}>Close</button><p className="error">{errorMessage(claim.error)}</p></aside>;
  if (!c) return <aside className="panel">Loading claim…</aside>;
  const chosen = c.actions.find((a) => a.action === action);
  const grant = action === STEP_WITH_TITLED_AREA;
  const verification = action === STEP_WITH_BOUNDARY;
  const named = verification ? namedLandmarks(landmarks) : undefined;
  const areaTitledHa = grant ? parseTitledArea(titledArea, titleLimitHa(c)) : null;
  const { gsResolution, wanting: resolutionWanting } = resolutionForStep(action, resolutionDraft, c.filedOn);
  const choose = (next: WorkflowAction | "") => {
    setAction(next);
    if (next === STEP_WITH_TITLED_AREA) setTitledArea(suggestedTitleHa(c));
  };

  async function decide() {
    if (!c || !action) return;
    setRecorded(null);
    await submit(async () => {
      const result = await trpc.claims.transition.mutate({
        id: c.id, action, reason, expectedVersion: c.version, ...(grant && areaTitledHa !== null ? { areaTitledHa } : {}),
        ...(named ? { landmarks: named } : {}), ...(gsResolution ? { gsResolution } : {}),
      });
      setRecorded(`Recorded: now ${STATUS_LABELS[result.status]}`);
      setAction("");
      setReason("");
      setLandmarks(NO_LANDMARKS);
      setResolutionDraft(NO_RESOLUTION);
      onChanged();
    });
  }

  return (
    <aside className="panel" aria-label="Claim details">
      <div style={{ display: "flex", justifyContent: "space-between", gap: 8 }}>
        <div>
          <h2>{c.claimantName}</h2>
          <div lang={localTag}>{c.claimantNameLocal}</div>
        </div>
        <div><button onClick={onClose} aria-label="Close">✕</button></div>
      </div>
      <p><StatusBadge status={c.status} /> <strong>{c.claimNo}</strong> {c.bbox && <button onClick={() => onFocus(c.bbox!)}>Show on map</button>}</p>
      <dl>
        <dt>Type</dt><dd>{TYPE_LABELS[c.type]}</dd>
        {c.spouseName && <><dt>Spouse</dt><dd>{c.spouseName}</dd></>}
        {c.relativeName && <><dt>Father / mother</dt><dd>{c.relativeName}</dd></>}
        {c.community && <><dt>Community</dt><dd>{c.community}</dd></>}
        <dt>Category</dt><dd>{c.category === "ST" ? `Scheduled Tribe${c.tribe ? ` (${c.tribe})` : ""}` : "Other traditional forest dweller"}</dd>
        <dt>Village</dt><dd>{c.village.name} <span lang={localTag}>{c.village.nameLocal}</span> · census {c.village.censusCode}</dd>
        <dt>Gram Panchayat</dt><dd>{c.village.gramPanchayat}</dd>
        <dt>Tehsil, district</dt><dd>{c.tehsil}, {c.district.name}</dd>
        <dt>Area claimed</dt><dd>{c.areaClaimedHa.toFixed(2)} ha</dd>
        <dt>Parcel area</dt><dd>{c.areaParcelHa === null ? "not mapped" : `${c.areaParcelHa.toFixed(2)} ha (mapped)`}</dd>
        {c.areaTitledHa !== null && <><dt>Area titled</dt><dd>{c.areaTitledHa.toFixed(2)} ha (recognised by the DLC)</dd></>}
        {c.notice && <><dt>Notice</dt><dd><NoticeReceipt key={c.id} claim={{ ...c, notice: c.notice }} onChanged={onChanged} /></dd></>}
        {c.status === "title_granted" && (
          <><dt>Title</dt><dd>{c.titleNo ?? "not numbered yet"} · <a href={`/claims/${encodeURIComponent(c.claimNo)}/title`} target="_blank" rel="noreferrer">{TITLE_FORMS[c.type].annexure}, to print</a></dd></>
        )}
        <dt>Survey / khasra</dt><dd>{c.surveyNumbers.join(", ") || "—"}</dd>
        {c.boundaryLandmarks && <><dt>Landmarks</dt><dd>{landmarksText(c.boundaryLandmarks)}</dd></>}
        {c.gsResolution && <><dt>Gram Sabha</dt><dd>{resolutionText(c.gsResolution)}</dd></>}
        {c.type === "CFR" && <><dt>Bordering villages</dt><dd><BorderingVillages stated={c.borderingVillages} alongBoundary={c.villagesAlongBoundary} /></dd></>}
        <dt>Rights claimed</dt><dd>{c.rightsClaimed.map((r) => r.replace(/_/g, " ")).join(", ")}</dd>
        <dt>Filed on</dt><dd>{c.filedOn}</dd>
      </dl>
      <TitleSchemes title={{ type: c.type, status: c.status, areaTitledHa: c.areaTitledHa, villageName: c.village.name, villageFacts: c.village.facts, household: c.household }}>
        {c.canRecordHousehold && <HouseholdFactsForm key={`${c.id}-${c.household?.version ?? 0}`} claimId={c.id} recorded={c.household} onChanged={onChanged} />}
      </TitleSchemes>
      {c.familyMembers.length > 0 && (<><h3>Family</h3><ul>{c.familyMembers.map((m, i) => <li key={i}>{m.name}, {m.age} ({m.relation})</li>)}</ul></>)}
      <h3>Evidence</h3>
      <ul>{c.evidence.map((e, i) => <li key={i}>{e.description}</li>)}</ul>
      <h3>Scanned pages</h3>
      {c.documents.length === 0 ? <p>No scanned pages.</p> : (
        <div className="pages">
          {c.documents.map((d) => (
            <a key={d.id} href={`/api/documents/${d.id}`} target="_blank" rel="noreferrer" title={d.title}>
              {/* eslint-disable-next-line @next/next/no-img-element */}
              <img src={`/api/documents/${d.id}`} alt={d.title} />
            </a>
          ))}
        </div>
      )}
      <h3>Decision</h3>
      {c.actions.length === 0 ? <p>No action is open to you at this stage.</p> : (
        <div className="decide">
          <select aria-label="Action" value={action} onChange={(e) => choose(e.target.value as WorkflowAction | "")}>
            <option value="">Choose an action…</option>
            {c.actions.map((a) => <option key={a.action} value={a.action}>{a.label}</option>)}
          </select>
          <textarea aria-label="Reason" placeholder="Reason (recorded in the audit trail and told to the claimant)" value={reason} onChange={(e) => setReason(e.target.value)} />
          {chosen && <small>At least {chosen.minReasonLength} characters.</small>}
          <LateAppealWarning action={action} appeal={c.notice?.appealWindow} />
          {verification && <LandmarkFields value={landmarks} onChange={setLandmarks} />}
          {action === STEP_WITH_RESOLUTION && <ResolutionFields value={resolutionDraft} onChange={setResolutionDraft} filedOn={c.filedOn} />}
          {grant && (
            <>
              <label className="titled-area">
                Area recognised on the title (ha)
                <input
                  type="text" inputMode="decimal" value={titledArea} onChange={(e) => setTitledArea(e.target.value)}
                  aria-invalid={areaTitledHa === null} aria-describedby="titled-area-hint"
                />
              </label>
              <small id="titled-area-hint">
                Claimed {c.areaClaimedHa.toFixed(2)} ha{c.areaParcelHa !== null ? `, mapped ${c.areaParcelHa.toFixed(2)} ha` : ""}.
                {" "}More than 0 and at most {titleLimitHa(c).toFixed(2)} ha{c.type === "IFR" ? ` (no more than claimed, and ${IFR_MAX_HA} ha for an individual right)` : " (no more than claimed)"}, to two decimals.
              </small>
            </>
          )}
          <button className="primary" disabled={busy || !action || reason.trim().length < (chosen?.minReasonLength ?? 1) || (grant && areaTitledHa === null) || resolutionWanting} onClick={decide}>
            {busy ? "Recording…" : "Record decision"}
          </button>
        </div>
      )}
      {recorded && <p className="ok" role="status">{recorded}</p>}
      {error && <p className="error" role="status">{error}</p>}
      <h3>History</h3>
      <ol className="timeline" aria-label="Audit trail">
        {c.history.map((h) => (
          <li key={h.id}>
            <div><strong>{h.toStatus === h.fromStatus ? (SAME_STATUS_ENTRIES[h.action] ?? h.action.replace(/_/g, " ")) : STATUS_LABELS[h.toStatus]}</strong></div>
            <div className="when">{new Date(h.at).toLocaleString("en-IN", { dateStyle: "medium", timeStyle: "short" })} · {h.actor}</div>
            <div>{h.reason}</div>
            {h.landmarks && <div className="landmarks-named">Landmarks: {landmarksText(h.landmarks)}</div>}
            {h.gsResolution && <div className="resolution-named">{resolutionText(h.gsResolution)}</div>}
            {h.areaTitledHa !== null && <div className="titled-change">Area recognised: {h.areaTitledHa.toFixed(2)} ha of {c.areaClaimedHa.toFixed(2)} ha claimed</div>}
            {h.parcel && (
              <div className="parcel-change">
                {h.parcel.before ? `${h.parcel.before.areaHa.toFixed(2)} ha → ${h.parcel.after.areaHa.toFixed(2)} ha` : `First mapped: ${h.parcel.after.areaHa.toFixed(2)} ha`}{" "}
                <button
                  aria-pressed={compared?.entryId === h.id}
                  onClick={() => onCompare(compared?.entryId === h.id ? null : { claimNo: c.claimNo, entryId: h.id, before: h.parcel!.before?.geometry ?? null, after: h.parcel!.after.geometry })}
                >
                  {compared?.entryId === h.id ? "Hide on map" : h.parcel.before ? "Compare on map" : "Show on map"}
                </button>
                {compared?.entryId === h.id && <div className="parcel-key"><span className="key-before" /> before <span className="key-after" /> after</div>}
              </div>
            )}
          </li>
        ))}
      </ol>
    </aside>
  );
}
