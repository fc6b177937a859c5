"use client";
import type { Draft } from "@/workers/db/field-db";

const STATE_LABELS: Record<Draft["state"], string> = {
  editing: "Draft",
  queued: "Waiting to sync",
  synced: "On the server",
  conflict: "Conflict: decide",
  rejected: "Refused: fix",
};

export function DraftList({ drafts, selected, onSelect, onNew, onDecisions, refusedSteps }: {
  drafts: readonly Draft[]; selected: string | null; onSelect: (id: string) => void; onNew: () => void; onDecisions: () => void; refusedSteps: number;
}) {
  return (
    <aside className="field-drafts" aria-label="Drafts">
      <button className="primary" onClick={onNew}>New claim from a form</button>
      <button onClick={onDecisions}>
        Field verification and Gram Sabha
        {refusedSteps > 0 && <span className="badge" title="Steps the district did not record">{refusedSteps} not recorded</span>}
      </button>
      <ul>
        {drafts.map((d) => (
          <li key={d.id} className={d.id === selected ? "selected" : ""} onClick={() => onSelect(d.id)}>
            <div className="name">{d.fields.claimant.value || d.fields.claimantLocal.value || "Unnamed claimant"}</div>
            <div className="meta">
              <span className={`draft-state ${d.state}`}>{STATE_LABELS[d.state]}</span>
              <span>{d.server?.claimNo ?? d.type}</span>
              <span>{new Date(d.updatedAt).toLocaleDateString()}</span>
            </div>
          </li>
        ))}
      </ul>
    </aside>
  );
}
