"use client";
// The field model's versions: compare a candidate with the stable model (F1 per entity, size, latency,
// misread examples), see each gate pass or fail and why, publish to beta or stable, roll a channel back.
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { FIELD_MODEL_NAME, type ModelChannel } from "@/configs/models";
import { errorMessage, trpc } from "../trpc";
import { useAction } from "../ui/useAction";

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function Compare({ version }: { version: number }) {
  const compare = useQuery({ queryKey: ["compare", version], queryFn: () => trpc.admin.compare.query({ version }) });
  const [reason, setReason] = useState("");
  const action = useAction();
  const publish = (channel: ModelChannel) => action.run(async () => {
    await trpc.models.publish.mutate({ name: FIELD_MODEL_NAME, version, channel, reason });
    return `v${version} is now the ${channel} model: tablets on ${channel} update at their next check`;
  });
  if (compare.error) return <section className="card"><p className="error">{errorMessage(compare.error)}</p></section>;
  if (!compare.data) return <section className="card">Measuring v{version} against the stable model…</section>;
  const { candidate, stable, gates, confusion } = compare.data;
  const entities = Object.keys({ ...candidate.perEntity, ...(stable?.perEntity ?? {}) });
  // The server refuses a publish whose gates fail; the buttons say so before anyone presses them.
  const failing = (channel: ModelChannel) => gates.filter((g) => !g.passed && g.requiredFor.includes(channel)).map((g) => g.gate);
  const blocked = { beta: failing("beta"), stable: failing("stable") };
  return (
    <section className="card compare" aria-label="Candidate and stable">
      <h3>v{candidate.version} beside stable {stable ? `v${stable.version}` : "(none)"}</h3>
      <table className="grid">
        <thead><tr><th></th><th>candidate v{candidate.version}</th><th>stable {stable ? `v${stable.version}` : "-"}</th></tr></thead>
        <tbody>
          <tr><td>Entity F1 (held-out, int8)</td><td>{candidate.f1.toFixed(4)}</td><td>{stable?.f1.toFixed(4) ?? "-"}</td></tr>
          {entities.map((e) => <tr key={e}><td>· {e}</td><td>{candidate.perEntity[e]?.f1.toFixed(3) ?? "-"}</td><td>{stable?.perEntity[e]?.f1.toFixed(3) ?? "-"}</td></tr>)}
          <tr><td>int8 file</td><td>{candidate.quantizedBytes.toLocaleString("en")} B</td><td>{stable?.quantizedBytes.toLocaleString("en") ?? "-"}</td></tr>
          <tr><td>Latency per sentence</td><td>{candidate.latencyMs.toFixed(2)} ms</td><td>{stable ? `${stable.latencyMs.toFixed(2)} ms` : "-"}</td></tr>
          <tr><td>Dataset</td><td>{candidate.datasetVersion ?? "-"}</td><td>{stable?.datasetVersion ?? "-"}</td></tr>
        </tbody>
      </table>
      <h4>Gates</h4>
      <ul className="gates" aria-label="Gates">
        {gates.map((g) => <li key={g.gate} className={g.passed ? "pass" : "fail"}>{g.passed ? "✔" : "✘"} <strong>{g.gate}</strong> ({g.requiredFor.join(", ")}): {g.detail}</li>)}
      </ul>
      <div className="publish">
        <input placeholder="Why publish (shown in the history)" value={reason} onChange={(e) => setReason(e.target.value)} aria-label="Reason" />
        <button onClick={() => publish("beta")} disabled={action.busy || blocked.beta.length > 0}>Publish to beta</button>
        <button className="primary" onClick={() => publish("stable")} disabled={action.busy || blocked.stable.length > 0}>Publish to stable</button>
      </div>
      {(["beta", "stable"] as const).filter((c) => blocked[c].length).map((c) => (
        <p key={c} className="muted" data-testid={`blocked-${c}`}>Not for {c}: {blocked[c].join(", ")} failed.</p>
      ))}
      {action.message && <p className={action.message.ok ? "ok" : "error"} role={action.message.ok ? "status" : "alert"}>{action.message.text}</p>}
      <h4>Misread on the held-out set</h4>
      {confusion.swapped.length > 0 && <p className="muted">{confusion.swapped.map(([k, n]) => `${k}: ${n}`).join(" · ")}</p>}
      {confusion.examples.map((ex, i) => (
        <div key={i} className="confusion">
          <pre>{ex.text}</pre>
          <div><strong>truth</strong> {ex.truth.map((s) => `${s.label}=“${s.text}”`).join(", ")}</div>
          <div><strong>read</strong> {ex.read.map((s) => `${s.label}=“${s.text}”`).join(", ")}</div>
        </div>
      ))}
    </section>
  );
}

export function ModelsPanel() {
  const list = useQuery({ queryKey: ["models"], queryFn: () => trpc.models.list.query({ name: FIELD_MODEL_NAME }) });
  const [selected, setSelected] = useState<number | null>(null);
  const action = useAction();
  async function rollback(channel: ModelChannel) {
    const reason = window.prompt(`Why roll ${channel} back?`, "field reports of wrong fields");
    if (!reason) return;
    await action.run(async () => {
      const r = await trpc.models.rollback.mutate({ name: FIELD_MODEL_NAME, channel, reason });
      return `${channel} rolled back from v${r.from} to v${r.version}`;
    });
  }
  const channels = list.data?.channels ?? {};
  return (
    <div className="admin-grid">
      <section className="card" aria-label="Model versions">
        <h3>{FIELD_MODEL_NAME}: stable v{channels.stable ?? "-"}, beta v{channels.beta ?? "-"}</h3>
        <p><button onClick={() => rollback("stable")}>Roll stable back</button> <button onClick={() => rollback("beta")}>Roll beta back</button> {action.message && <span role="status">{action.message.text}</span>}</p>
        <table className="grid">
          <thead><tr><th>Version</th><th>F1</th><th>int8</th><th>Run</th><th>Channel</th><th></th></tr></thead>
          <tbody>
            {(list.data?.versions ?? []).map((v) => (
              <tr key={v.version} className={v.version === selected ? "selected" : ""}>
                <td>v{v.version}</td><td>{pct(v.metrics.onnx.test.overall.f1)}</td><td>{(v.metrics.onnx.quantizedBytes / 1024).toFixed(0)} KB</td><td>{v.parentRun?.slice(0, 8) ?? "-"}</td>
                <td>{[channels.stable === v.version && "stable", channels.beta === v.version && "beta"].filter(Boolean).join(", ")}</td>
                <td><button onClick={() => setSelected(v.version)}>Compare</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {selected !== null && <Compare key={selected} version={selected} />}
    </div>
  );
}
