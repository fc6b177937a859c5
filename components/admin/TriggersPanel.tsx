"use client";
// Retrain triggers: their settings, which fired and why, and whether a firing trigger launches a run.
import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { RetrainTriggers } from "@/configs/training";
import { trpc } from "../trpc";
import { useAction } from "../ui/useAction";

export function TriggersPanel() {
  const triggers = useQuery({ queryKey: ["triggers"], queryFn: () => trpc.admin.triggers.query(), refetchInterval: 30_000 });
  const [draft, setDraft] = useState<RetrainTriggers | null>(null);
  const action = useAction(["triggers"]);
  useEffect(() => {
    if (triggers.data && !draft) setDraft(triggers.data.settings);
  }, [triggers.data, draft]);
  if (!draft || !triggers.data) return <section className="card">Loading triggers…</section>;
  const num = (v: string) => Number(v);
  const save = () => action.run(async () => {
    await trpc.admin.setTriggers.mutate(draft);
    return "Saved";
  });
  const d = draft;
  return (
    <div className="admin-grid">
      <section className="card" aria-label="Trigger state">
        <h3>Now</h3>
        <ul className="gates">{triggers.data.results.map((r) => <li key={r.trigger} className={r.fired ? "fail" : "pass"}>{r.fired ? "● fired" : r.enabled ? "○ quiet" : "– off"} <strong>{r.trigger}</strong>: {r.detail}</li>)}</ul>
      </section>
      <section className="card triggers" aria-label="Trigger settings">
        <h3>Settings</h3>
        <label><input type="checkbox" checked={d.autoLaunch} onChange={(e) => setDraft({ ...d, autoLaunch: e.target.checked })} /> Launch a run automatically when a trigger fires (at most one a day)</label>
        <label>Auto runs use <select value={d.preset} onChange={(e) => setDraft({ ...d, preset: e.target.value as RetrainTriggers["preset"] })}><option value="tiny">tiny</option><option value="default">default</option><option value="full">full</option></select> on <select value={d.launcher} onChange={(e) => setDraft({ ...d, launcher: e.target.value as RetrainTriggers["launcher"] })}><option value="local">local</option><option value="ssh">ssh</option><option value="ray">ray</option></select></label>
        <label><input type="checkbox" checked={d.corrections.enabled} onChange={(e) => setDraft({ ...d, corrections: { ...d.corrections, enabled: e.target.checked } })} /> After <input type="number" min={1} value={d.corrections.threshold} onChange={(e) => setDraft({ ...d, corrections: { ...d.corrections, threshold: num(e.target.value) } })} /> new accepted corrections</label>
        <label><input type="checkbox" checked={d.schedule.enabled} onChange={(e) => setDraft({ ...d, schedule: { ...d.schedule, enabled: e.target.checked } })} /> Every <input type="number" min={1} value={d.schedule.everyHours} onChange={(e) => setDraft({ ...d, schedule: { ...d.schedule, everyHours: num(e.target.value) } })} /> hours</label>
        <label><input type="checkbox" checked={d.drift.enabled} onChange={(e) => setDraft({ ...d, drift: { ...d.drift, enabled: e.target.checked } })} /> When mean field confidence falls below <input type="number" step={0.01} min={0} max={1} value={d.drift.minMeanConfidence} onChange={(e) => setDraft({ ...d, drift: { ...d.drift, minMeanConfidence: num(e.target.value) } })} /> over {d.drift.windowDays} days</label>
        <label><input type="checkbox" checked={d.freshF1.enabled} onChange={(e) => setDraft({ ...d, freshF1: { ...d.freshF1, enabled: e.target.checked } })} /> When F1 on fresh corrections falls below <input type="number" step={0.01} min={0} max={1} value={d.freshF1.minF1} onChange={(e) => setDraft({ ...d, freshF1: { ...d.freshF1, minF1: num(e.target.value) } })} /></label>
        <button className="primary" onClick={save}>Save triggers</button>
        {action.message && <span className={action.message.ok ? "ok" : "error"}> {action.message.text}</span>}
      </section>
    </div>
  );
}
