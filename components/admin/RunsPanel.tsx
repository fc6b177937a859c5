"use client";
// Launch a retraining or distillation run, watch the queue live, and open a run: its progress by stage,
// loss and validation F1 curves, log, and the model it produced.
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { LaunchRunInput } from "@/configs/training";
import { trpc, type RouterOutputs } from "../trpc";
import { EmptyNote } from "./EmptyNote";
import { LineChart } from "./LineChart";
import { useAction } from "../ui/useAction";

type Run = RouterOutputs["admin"]["runs"][number];
const COLORS = { teacher: "#6a1b9a", student: "#1565c0", baseline: "#ef6c00" } as const;

function LaunchForm({ runs }: { runs: readonly Run[] }) {
  const overview = useQuery({ queryKey: ["admin-overview"], queryFn: () => trpc.admin.overview.query() });
  const bases = useQuery({ queryKey: ["base-models"], queryFn: () => trpc.admin.baseModels.query() });
  const datasets = useQuery({ queryKey: ["datasets"], queryFn: () => trpc.admin.datasets.query() });
  const [form, setForm] = useState({ kind: "train" as LaunchRunInput["kind"], preset: "tiny" as LaunchRunInput["preset"], launcher: "local" as LaunchRunInput["launcher"], studentEpochs: "", teacherEpochs: "", teacherHidden: "", teacherLayers: "", studentHidden: "", studentLayers: "", temperature: "2", alpha: "0.5", unlabeledExamples: "", teacherFrom: "", datasetVersion: "", publishTo: "" });
  const action = useAction(["runs"]);
  const set = (k: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setForm({ ...form, [k]: e.target.value });
  const teachers = [
    ...runs.filter((r) => r.state === "succeeded").map((r) => ({ value: `run:${r.id}`, label: `run ${r.id.slice(0, 8)} (${r.kind}, F1 ${String(r.summary?.f1 ?? "?")})` })),
    ...(bases.data ?? []).filter((b) => b.state === "ready").map((b) => ({ value: `base:${b.id}`, label: `base ${b.repo}@${b.revision}` })),
  ];

  async function launch(event: React.FormEvent) {
    event.preventDefault();
    const num = (v: string) => (v.trim() === "" ? undefined : Number(v));
    const [fromKind, fromId] = form.teacherFrom.split(":");
    // A size from its width and depth: heads of 32 dimensions (at least 2), feed-forward 4x wide.
    const size = (hidden: string, layers: string) => {
      if (!hidden.trim() && !layers.trim()) return undefined;
      const h = Number(hidden || 64);
      return { hidden: h, layers: Number(layers || 2), heads: Math.max(2, Math.floor(h / 32)), ffn: 4 * h };
    };
    await action.run(async () => {
      const run = await trpc.admin.launch.mutate({
        kind: form.kind, preset: form.preset, launcher: form.launcher,
        studentEpochs: num(form.studentEpochs), teacherEpochs: form.kind === "train" ? num(form.teacherEpochs) : undefined,
        teacher: form.kind === "train" ? size(form.teacherHidden, form.teacherLayers) : undefined, student: size(form.studentHidden, form.studentLayers),
        temperature: num(form.temperature), alpha: num(form.alpha), unlabeledExamples: num(form.unlabeledExamples),
        datasetVersion: form.datasetVersion || undefined,
        teacherFrom: form.kind === "distill" && fromId ? (fromKind === "run" ? { run: fromId } : { baseModel: fromId }) : undefined,
        publishTo: form.publishTo === "beta" || form.publishTo === "stable" ? form.publishTo : null,
      });
      return `Run ${run.id.slice(0, 8)} queued`;
    });
  }

  const launchers = Object.keys(overview.data?.launchers ?? { local: {} });
  return (
    <form className="card launch" onSubmit={launch} aria-label="Launch a run">
      <h3>Launch a run</h3>
      <label>Kind <select value={form.kind} onChange={set("kind")}><option value="train">Retrain teacher and student</option><option value="distill">Distil a new student from a teacher</option></select></label>
      <label>Preset <select value={form.preset} onChange={set("preset")}><option value="tiny">tiny (CI, minutes on a CPU)</option><option value="default">default (the shipped model, CPU)</option><option value="full">full (a GPU)</option></select></label>
      <label>Runs on <select value={form.launcher} onChange={set("launcher")}>{launchers.map((l) => <option key={l} value={l}>{l} ({overview.data?.launchers[l]?.slots ?? 1} slot{overview.data?.launchers[l]?.slots === 1 ? "" : "s"})</option>)}</select></label>
      {form.kind === "distill" ? (
        <label>Teacher <select value={form.teacherFrom} onChange={set("teacherFrom")}><option value="">Choose a teacher…</option>{teachers.map((t) => <option key={t.value} value={t.value}>{t.label}</option>)}</select></label>
      ) : (
        <>
          <label>Teacher size <span><input type="number" min={16} max={1024} placeholder="width" value={form.teacherHidden} onChange={set("teacherHidden")} aria-label="Teacher width" /> × <input type="number" min={1} max={24} placeholder="layers" value={form.teacherLayers} onChange={set("teacherLayers")} aria-label="Teacher layers" /></span></label>
          <label>Teacher epochs <input type="number" min={1} max={100} placeholder="preset" value={form.teacherEpochs} onChange={set("teacherEpochs")} /></label>
          <label>Dataset <select value={form.datasetVersion} onChange={set("datasetVersion")}><option value="">New snapshot (synthetic + accepted corrections + imports)</option>{(datasets.data ?? []).map((d) => <option key={d.version} value={d.version}>{d.version} · {d.counts.train} train rows, {d.corrections} corrections</option>)}</select></label>
        </>
      )}
      <label>Student size <span><input type="number" min={16} max={1024} placeholder="width" value={form.studentHidden} onChange={set("studentHidden")} aria-label="Student width" /> × <input type="number" min={1} max={24} placeholder="layers" value={form.studentLayers} onChange={set("studentLayers")} aria-label="Student layers" /></span></label>
      <label>Student epochs <input type="number" min={1} max={100} placeholder="preset" value={form.studentEpochs} onChange={set("studentEpochs")} /></label>
      <label>Temperature <input type="number" min={1} max={20} step={0.5} value={form.temperature} onChange={set("temperature")} /></label>
      <label>Alpha (weight of the labels) <input type="number" min={0} max={1} step={0.05} value={form.alpha} onChange={set("alpha")} /></label>
      <label>Unlabelled texts the teacher labels <input type="number" min={0} max={4000000} step={1000} placeholder="preset" value={form.unlabeledExamples} onChange={set("unlabeledExamples")} /></label>
      <label>When it succeeds <select value={form.publishTo} onChange={set("publishTo")}><option value="">keep as a candidate</option><option value="beta">publish to beta (integrity gates)</option><option value="stable">publish to stable (all gates)</option></select></label>
      <button className="primary" type="submit">Launch</button>
      {action.message && <div className={action.message.ok ? "ok" : "error"} role={action.message.ok ? "status" : "alert"}>{action.message.text}</div>}
    </form>
  );
}

function RunDetail({ id }: { id: string }) {
  const action = useAction();
  const detail = useQuery({ queryKey: ["run", id], queryFn: () => trpc.admin.run.query({ id }), refetchInterval: (q) => (q.state.data && ["queued", "running"].includes(q.state.data.run.state) ? 2_000 : false) });
  if (!detail.data) return <section className="card">Loading run…</section>;
  const { run, curves, stages, log, messages } = detail.data;
  const roles = Object.keys(curves) as Array<keyof typeof COLORS>;
  async function cancel() {
    const reason = window.prompt("Why cancel this run?", "not needed any more");
    if (!reason) return;
    await action.run(async () => {
      await trpc.admin.cancel.mutate({ id, reason });
      return "Cancel requested"; // not shown: the run's state says it
    });
  }
  return (
    <section className="card run-detail" aria-label="Run details">
      <h3>Run {run.id.slice(0, 8)} · <span className={`run-state ${run.state}`}>{run.state}</span></h3>
      <p>{run.kind === "distill" ? `Distillation from ${run.teacherFrom}` : "Teacher and student"} on {run.launcher}{run.datasetVersion ? `, dataset ${run.datasetVersion}` : ""}{run.trigger ? `, launched by the trigger ${run.trigger}` : run.launchedBy ? `, launched by ${run.launchedBy}` : ""}.</p>
      {(run.state === "running" || run.state === "queued") && <button onClick={cancel}>Cancel run</button>}
      {action.message?.ok === false && <p className="error">{action.message.text}</p>}
      {run.error && <p className="error">{run.error}</p>}
      {run.modelVersion && <p className="ok">Produced model v{run.modelVersion} (F1 {String(run.summary?.f1)}){run.summary?.published ? `, published to ${String(run.summary.published)}` : ""}{run.summary?.publishRefused ? `; not published: ${String(run.summary.publishRefused)}` : ""}</p>}
      <div className="charts">
        <LineChart title="Training loss by step" series={roles.map((r) => ({ name: r, color: COLORS[r], points: curves[r]!.loss }))} yMin={0} />
        <LineChart title="Validation F1 by epoch" series={roles.map((r) => ({ name: r, color: COLORS[r], points: curves[r]!.valF1 }))} yMin={0} yMax={1} />
      </div>
      {stages.length > 0 && <p className="muted">Stages: {stages.map((s) => `${s.stage} ${s.seconds ?? "?"} s`).join(" · ")}</p>}
      {messages.length > 0 && <ul className="muted">{messages.map((m) => <li key={m}>{m}</li>)}</ul>}
      <pre className="log" aria-label="Log">{log.join("\n") || "(no log yet)"}</pre>
    </section>
  );
}

export function RunsPanel() {
  const runs = useQuery({ queryKey: ["runs"], queryFn: () => trpc.admin.runs.query(), refetchInterval: 2_000 });
  const [selected, setSelected] = useState<string | null>(null);
  return (
    <div className="admin-grid">
      <LaunchForm runs={runs.data ?? []} />
      <section className="card" aria-label="Runs">
        <h3>Runs</h3>
        <table className="grid runs">
          <thead><tr><th>Run</th><th>Kind</th><th>State</th><th>Progress</th><th>Model</th><th>Started</th></tr></thead>
          <tbody>
            {(runs.data ?? []).map((r) => (
              <tr key={r.id} className={r.id === selected ? "selected" : ""} onClick={() => setSelected(r.id)} data-testid="run-row">
                <td>{r.id.slice(0, 8)}</td><td>{r.kind}</td><td><span className={`run-state ${r.state}`}>{r.state}</span>{r.stage ? ` · ${r.stage}` : ""}</td>
                <td><progress max={1} value={r.progress} aria-label={`progress of run ${r.id.slice(0, 8)}`} /> {Math.round(r.progress * 100)}%</td>
                <td>{r.modelVersion ? `v${r.modelVersion}` : ""}</td><td>{r.startedAt?.slice(0, 16) ?? "queued"}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <EmptyNote rows={runs.data}>No runs yet: launch one. Its stages, metrics and log show here.</EmptyNote>
      </section>
      {selected && <RunDetail id={selected} />}
    </div>
  );
}
