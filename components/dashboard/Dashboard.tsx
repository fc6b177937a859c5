"use client";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { CLAIM_STATUSES, CLAIM_TYPES, PENDING_STATUSES, STATUS_COLORS, STATUS_LABELS } from "@/configs/workflow";
import { errorMessage, trpc } from "../trpc";

const fmt = (n: number) => n.toLocaleString("en-IN", { maximumFractionDigits: 0 });

export function Dashboard() {
  const [districtId, setDistrictId] = useState<number | undefined>(undefined);
  const districts = useQuery({ queryKey: ["districts"], queryFn: () => trpc.geo.districts.query() });
  const dash = useQuery({ queryKey: ["dashboard", districtId], queryFn: () => trpc.geo.dashboard.query({ districtId }) });
  if (dash.error) return <div className="dashboard"><p className="error">{errorMessage(dash.error)}</p></div>;
  const d = dash.data;
  const byStatus = CLAIM_STATUSES.map((s) => ({ s, n: d?.byStatusType.filter((r) => r.status === s).reduce((a, r) => a + r.n, 0) ?? 0 }));
  const max = Math.max(1, ...byStatus.map((x) => x.n));
  return (
    <div className="dashboard" aria-label="Dashboard">
      <div className="card">
        <h3>Scope</h3>
        <select aria-label="Dashboard district" value={districtId ?? ""} onChange={(e) => setDistrictId(e.target.value ? Number(e.target.value) : undefined)}>
          <option value="">All my districts</option>
          {districts.data?.map((x) => <option key={x.id} value={x.id}>{x.name}</option>)}
        </select>
        <p className="big">{d ? fmt(d.total) : "…"} claims</p>
        <p>Area claimed {d ? fmt(d.areaClaimedHa) : "…"} ha · titled {d ? fmt(d.areaGrantedHa) : "…"} ha
          {d && d.areaClaimedHa > 0 ? ` (${((100 * d.areaGrantedHa) / d.areaClaimedHa).toFixed(1)}%)` : ""}</p>
      </div>
      <div className="card">
        <h3>By status</h3>
        {byStatus.map(({ s, n }) => (
          <div className="bar" key={s}><span>{STATUS_LABELS[s]}</span><span className="fill" style={{ width: `${(100 * n) / max}%`, background: STATUS_COLORS[s] }} /><span>{fmt(n)}</span></div>
        ))}
      </div>
      <div className="card">
        <h3>By type</h3>
        <table className="grid">
          <thead><tr><th>Type</th><th>Claims</th><th>Titled</th><th>Area claimed (ha)</th></tr></thead>
          <tbody>
            {CLAIM_TYPES.map((t) => {
              const rows = d?.byStatusType.filter((r) => r.type === t) ?? [];
              return <tr key={t}><td>{t}</td><td>{fmt(rows.reduce((a, r) => a + r.n, 0))}</td><td>{fmt(rows.filter((r) => r.status === "title_granted").reduce((a, r) => a + r.n, 0))}</td><td>{fmt(rows.reduce((a, r) => a + r.area, 0))}</td></tr>;
            })}
          </tbody>
        </table>
      </div>
      <div className="card">
        <h3>Pending claims by time at the current stage</h3>
        {/* A stage per row: eight stages across did not fit the card, and their labels are long. */}
        <table className="grid" aria-label="Pending claims by stage and time waiting">
          <thead><tr><th>Stage</th>{d?.pendingAge.map((b) => <th key={b.label}>{b.label}</th>)}</tr></thead>
          <tbody>
            {PENDING_STATUSES.map((s) => (
              <tr key={s}><td>{STATUS_LABELS[s]}</td>{d?.pendingAge.map((b) => <td key={b.label}>{fmt(b.byStatus[s] ?? 0)}</td>)}</tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="card">
        <h3>By tehsil</h3>
        <table className="grid" aria-label="Claims by tehsil">
          <thead><tr><th>Tehsil</th><th>Titled</th><th>Rejected</th><th>Pending</th></tr></thead>
          <tbody>{d?.byTehsil.map((t) => <tr key={t.tehsil}><td>{t.tehsil}</td><td>{fmt(t.granted)}</td><td>{fmt(t.rejected)}</td><td>{fmt(t.pending)}</td></tr>)}</tbody>
        </table>
      </div>
    </div>
  );
}
