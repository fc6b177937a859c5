"use client";
// Training data: dataset versions (snapshots), datasets added by link (with the rows refused and why),
// base teachers from the model-hub mirror, and the field corrections to accept or reject.
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { trpc } from "../trpc";
import { EmptyNote } from "./EmptyNote";
import { useAction } from "../ui/useAction";

function Sources() {
  const sources = useQuery({ queryKey: ["sources"], queryFn: () => trpc.admin.sources.query() });
  const [url, setUrl] = useState("");
  const [sha256, setSha256] = useState("");
  const action = useAction();
  return (
    <section className="card" aria-label="Datasets from links">
      <h3>Add a dataset from a link</h3>
      <form onSubmit={(e) => {
        e.preventDefault();
        void action.run(async () => {
          const s = await trpc.admin.addSource.mutate({ url, sha256: sha256.trim() || undefined });
          return s.state === "imported" ? `${s.rowsAccepted} rows imported` : `not imported: ${s.message}`;
        });
      }}>
        <input placeholder="https://… (JSONL, CSV or a zip of those)" value={url} onChange={(e) => setUrl(e.target.value)} aria-label="Dataset link" />
        <input placeholder="sha256 (optional)" value={sha256} onChange={(e) => setSha256(e.target.value)} aria-label="Expected sha256" />
        <button className="primary" disabled={action.busy}>{action.busy ? "Downloading…" : "Import"}</button>
      </form>
      {action.message && <p className={action.message.ok ? "ok" : "error"} role="status">{action.message.text}</p>}
      <table className="grid">
        <thead><tr><th>Link</th><th>State</th><th>Rows</th><th>Refused</th></tr></thead>
        <tbody>
          {(sources.data ?? []).map((s) => (
            <tr key={s.id}>
              <td title={s.url}>{s.url.slice(0, 60)}</td><td>{s.state}{s.message ? `: ${s.message}` : ""}</td><td>{s.rowsAccepted}</td>
              <td>{s.rowsRejected > 0 && <details><summary>{s.rowsRejected}</summary><ul>{s.rejections.map((r, i) => <li key={i}>{r.where}: {r.message}</li>)}</ul></details>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <EmptyNote rows={sources.data}>No dataset added by link yet.</EmptyNote>
    </section>
  );
}

function Datasets() {
  const datasets = useQuery({ queryKey: ["datasets"], queryFn: () => trpc.admin.datasets.query() });
  const action = useAction();
  return (
    <section className="card" aria-label="Dataset versions">
      <h3>Dataset versions</h3>
      <button disabled={action.busy} onClick={() => void action.run(async () => `snapshot ${(await trpc.admin.snapshot.mutate({ preset: "tiny" })).version}`)}>{action.busy ? "Building…" : "Snapshot now (tiny preset)"}</button>
      {action.message && <span className={action.message.ok ? "ok" : "error"}> {action.message.text}</span>}
      <table className="grid">
        <thead><tr><th>Version</th><th>Train</th><th>Validation</th><th>Test</th><th>Corrections</th><th>Imports</th><th>Made</th></tr></thead>
        <tbody>{(datasets.data ?? []).map((d) => <tr key={d.version}><td>{d.version}</td><td>{d.counts.train}</td><td>{d.counts.validation}</td><td>{d.counts.test}</td><td>{d.corrections}</td><td>{d.imports.length}</td><td>{d.createdAt.slice(0, 16)}</td></tr>)}</tbody>
      </table>
      <EmptyNote rows={datasets.data}>No snapshot yet: each training run with a new snapshot makes one, and so does the button above.</EmptyNote>
    </section>
  );
}

function BaseModels() {
  const bases = useQuery({ queryKey: ["base-models"], queryFn: () => trpc.admin.baseModels.query() });
  const overview = useQuery({ queryKey: ["admin-overview"], queryFn: () => trpc.admin.overview.query() });
  const [repo, setRepo] = useState("");
  const [revision, setRevision] = useState("main");
  const action = useAction();
  return (
    <section className="card" aria-label="Base teachers">
      <h3>Base teachers from the model mirror</h3>
      {!overview.data?.mirror && <p className="muted">No mirror is configured (FRA_MODEL_MIRROR).</p>}
      <form onSubmit={(e) => {
        e.preventDefault();
        void action.run(async () => {
          const b = await trpc.admin.downloadBaseModel.mutate({ repo, revision });
          return b.state === "ready" ? `${b.repo} downloaded and verified (${b.files.length} files)` : `failed: ${b.message}`;
        });
      }}>
        <input placeholder="owner/repository" value={repo} onChange={(e) => setRepo(e.target.value)} aria-label="Repository" />
        <input placeholder="revision" value={revision} onChange={(e) => setRevision(e.target.value)} aria-label="Revision" />
        <button disabled={action.busy}>Download</button>
      </form>
      {action.message && <p className={action.message.ok ? "ok" : "error"}>{action.message.text}</p>}
      <ul>{(bases.data ?? []).map((b) => <li key={b.id}>{b.repo}@{b.revision}: {b.state}{b.message ? ` (${b.message})` : ""}</li>)}</ul>
    </section>
  );
}

function Corrections() {
  const [status, setStatus] = useState<"new" | "accepted" | "rejected">("new");
  const list = useQuery({ queryKey: ["corrections", status], queryFn: () => trpc.admin.corrections.query({ status }) });
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const action = useAction();
  const items = list.data?.items ?? [];
  const review = (to: "accepted" | "rejected") => action.run(async () => {
    const r = await trpc.admin.reviewCorrections.mutate({ ids: [...chosen], status: to });
    setChosen(new Set());
    return `${r.updated} corrections ${to}`;
  });
  return (
    <section className="card" aria-label="Field corrections">
      <h3>Field corrections</h3>
      <p>
        {(["new", "accepted", "rejected"] as const).map((s) => <button key={s} className={status === s ? "active" : ""} onClick={() => setStatus(s)}>{s} ({list.data?.counts[s] ?? 0})</button>)}
        {status === "new" && <> <button disabled={!chosen.size} onClick={() => void review("accepted")}>Accept {chosen.size}</button> <button disabled={!chosen.size} onClick={() => void review("rejected")}>Reject {chosen.size}</button></>}
      </p>
      {action.message && <p className={action.message.ok ? "ok" : "error"}>{action.message.text}</p>}
      <ul className="corrections">
        {items.map((c) => (
          <li key={c.id}>
            {status === "new" && <input type="checkbox" aria-label="choose" checked={chosen.has(c.id)} onChange={(e) => { const next = new Set(chosen); if (e.target.checked) next.add(c.id); else next.delete(c.id); setChosen(next); }} />}
            <span>{c.reviewer}, model v{c.modelVersion ?? "?"}, confidence {c.meanConfidence?.toFixed(2) ?? "?"}: {c.predicted.length} fields read, {c.corrected.length} settled</span>
            <pre>{c.text.slice(0, 240)}</pre>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function DataPanel() {
  return (
    <div className="admin-grid">
      <Datasets />
      <Sources />
      <BaseModels />
      <Corrections />
    </div>
  );
}
