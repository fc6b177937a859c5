"use client";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { ClaimFilter } from "@/configs/contracts/claims";
import type { Bbox } from "../map/geojson-helpers";
import { SCHEME_NAMES, SCHEMES, VERDICT_LABELS, type SchemeVerdict } from "@/configs/schemes";
import { CLAIM_STATUSES, CLAIM_TYPES, CLOSING_SOON_DAYS, NOTICE_STATE_LABELS, PENDING_STATUSES, REJECTED_STATUSES, STATUS_COLORS, STATUS_LABELS, DISTRICT_OFFICE_ROLES, type ClaimStatus, type Role } from "@/configs/workflow";
import { errorMessage, trpc } from "../trpc";
import { VillageFactsCard } from "./VillageFactsCard";

const fmt = (n: number) => n.toLocaleString("en-IN", { maximumFractionDigits: 0 });
const percent = (part: number, whole: number) => (whole > 0 ? `${((100 * part) / whole).toFixed(1)}%` : "–");

type Row = { type: string; status: ClaimStatus; n: number; area: number; areaTitled: number };
/** A title no scheme reaches is left out of the table: the claim panel says so for each title. */
const TALLIED: readonly SchemeVerdict[] = ["eligible", "check", "covered", "not_eligible"];
const sum = (rows: readonly Row[], pick: (r: Row) => number) => rows.reduce((a, r) => a + pick(r), 0);

/**
 * The figures a district reports each month (claims received, titled, rejected, pending; extent claimed
 * and recognised) and how long pending claims have waited. A count opens the map filtered to its claims.
 */
export function Dashboard({ role, onShowClaims }: { role: Role; onShowClaims: (filter: ClaimFilter, bbox: Bbox | null) => void }) {
  // The district office imports village facts and sends scheme lists to the line departments.
  const districtOffice = DISTRICT_OFFICE_ROLES.includes(role);
  const [districtId, setDistrictId] = useState<number | undefined>(undefined);
  const districts = useQuery({ queryKey: ["districts"], queryFn: () => trpc.geo.districts.query() });
  const dash = useQuery({ queryKey: ["dashboard", districtId], queryFn: () => trpc.geo.dashboard.query({ districtId }) });
  if (dash.error) return <div className="dashboard"><p className="error">{errorMessage(dash.error)}</p></div>;
  const d = dash.data;
  // Until the figures arrive every number reads "…", never a 0 that the district does not have.
  const show = (n: number | undefined) => (d && n !== undefined ? fmt(n) : "…");
  const rows: Row[] = d?.byStatusType ?? [];
  const count = (where: (r: Row) => boolean) => sum(rows.filter(where), (r) => r.n);
  const titled = rows.filter((r) => r.status === "title_granted");
  const byStatus = CLAIM_STATUSES.map((s) => ({ s, n: count((r) => r.status === s) }));
  const max = Math.max(1, ...byStatus.map((x) => x.n));
  const scope: ClaimFilter = districtId ? { districtId } : {};
  const scopeBbox = districts.data?.find((x) => x.id === districtId)?.bbox ?? null;
  const link = (label: string, filter: ClaimFilter, text: string, bbox = scopeBbox) => (
    <button className="link" title={`Show ${label} on the map`} onClick={() => onShowClaims({ ...scope, ...filter }, bbox)}>{text}</button>
  );
  const rejected = count((r) => REJECTED_STATUSES.includes(r.status));
  const disposed = rejected + count((r) => r.status === "title_granted");
  const claimedByTitled = sum(titled, (r) => r.area);
  return (
    <div className="dashboard" aria-label="Dashboard" aria-busy={!d}>
      <div className="card">
        <h3>Scope</h3>
        <select aria-label="Dashboard district" value={districtId ?? ""} onChange={(e) => setDistrictId(e.target.value ? Number(e.target.value) : undefined)}>
          <option value="">All my districts</option>
          {districts.data?.map((x) => <option key={x.id} value={x.id}>{x.name}</option>)}
        </select>
        <p className="big">{show(d?.total)} claims</p>
        <dl className="headline" aria-label="Headline figures">
          <dt>Disposed of</dt>
          <dd>{d ? `${percent(disposed, d.total)} (${fmt(disposed)} titled or rejected)` : "…"}</dd>
          <dt>Area claimed</dt>
          <dd>{show(d?.areaClaimedHa)} ha</dd>
          <dt>Area recognised on titles</dt>
          <dd>
            {show(d?.areaGrantedHa)} ha
            {d && claimedByTitled > 0 ? ` of ${fmt(claimedByTitled)} ha those claims asked for (${percent(d.areaGrantedHa, claimedByTitled)})` : ""}
          </dd>
        </dl>
      </div>
      <div className="card">
        <h3>By status</h3>
        {byStatus.map(({ s, n }) => (
          <div className="bar" key={s}>
            {link(STATUS_LABELS[s], { statuses: [s] }, STATUS_LABELS[s])}
            <span className="fill" style={{ width: `${(100 * n) / max}%`, background: STATUS_COLORS[s] }} />
            <span>{show(d && n)}</span>
          </div>
        ))}
      </div>
      <div className="card">
        <h3>Rejections and appeals</h3>
        {/* A rejected claimant must be told the reasons in writing, and has 60 days from then to appeal. */}
        <dl className="headline" aria-label="Rejection notices">
          <dt>{link("rejected claims", { statuses: [...REJECTED_STATUSES] }, "Rejected")}</dt>
          <dd>{show(d && rejected)}</dd>
          <dt>{link(NOTICE_STATE_LABELS.undelivered.toLowerCase(), { notice: "undelivered" }, "Notice not yet delivered")}</dt>
          <dd>{show(d?.notices.undelivered)}</dd>
          <dt>{link(NOTICE_STATE_LABELS.appeal_open.toLowerCase(), { notice: "appeal_open" }, "Appeal window open")}</dt>
          <dd>{d ? `${fmt(d.notices.appealOpen)} (${fmt(d.notices.closingSoon)} closing within ${CLOSING_SOON_DAYS} days)` : "…"}</dd>
          <dt>{link(NOTICE_STATE_LABELS.appeal_closed.toLowerCase(), { notice: "appeal_closed" }, "Appeal window closed")}</dt>
          <dd>{show(d && rejected - d.notices.undelivered - d.notices.appealOpen)}</dd>
          <dt>{link(STATUS_LABELS.appeal, { statuses: ["appeal"] }, "Under appeal")}</dt>
          <dd>{show(d && count((r) => r.status === "appeal"))}</dd>
        </dl>
      </div>
      <div className="card">
        <h3>By type</h3>
        <table className="grid" aria-label="Claims by type">
          <thead><tr><th>Type</th><th>Claims</th><th>Titled</th><th>Rejected</th><th>Pending</th><th>Area claimed (ha)</th><th>Area titled (ha)</th></tr></thead>
          <tbody>
            {CLAIM_TYPES.map((t) => {
              const ofType = rows.filter((r) => r.type === t);
              return (
                <tr key={t}>
                  <td>{link(`${t} claims`, { types: [t] }, t)}</td>
                  <td>{show(d && sum(ofType, (r) => r.n))}</td>
                  <td>{show(d && sum(ofType.filter((r) => r.status === "title_granted"), (r) => r.n))}</td>
                  <td>{show(d && sum(ofType.filter((r) => REJECTED_STATUSES.includes(r.status)), (r) => r.n))}</td>
                  <td>{show(d && sum(ofType.filter((r) => PENDING_STATUSES.includes(r.status)), (r) => r.n))}</td>
                  <td>{show(d && sum(ofType, (r) => r.area))}</td>
                  <td>{show(d && sum(ofType, (r) => r.areaTitled))}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="card">
        <h3>Titles by the schemes they open</h3>
        <table className="grid" aria-label="Titles by scheme">
          <thead><tr><th>Scheme</th>{TALLIED.map((v) => <th key={v}>{VERDICT_LABELS[v]}</th>)}{districtOffice && <th>List</th>}</tr></thead>
          <tbody>
            {SCHEMES.map((scheme) => {
              const tally = d?.titlesByScheme.find((t) => t.scheme === scheme);
              return (
                <tr key={scheme}>
                  <td>{SCHEME_NAMES[scheme]}</td>
                  {TALLIED.map((v) => <td key={v}>{show(tally?.byVerdict[v])}</td>)}
                  {districtOffice && (
                    <td>
                      <a href={`/api/export/scheme?scheme=${scheme}${districtId ? `&districtId=${districtId}` : ""}`} download title={`The titles ${SCHEME_NAMES[scheme]} takes or that are to be checked for it, with why (CSV)`}>
                        CSV
                      </a>
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
        <small>By rule, from each title&apos;s type and its village&apos;s facts from the line departments: a household&apos;s own facts decide those to check. The claim panel says why for each title; a scheme&apos;s list carries the same words for its department.</small>
      </div>
      <VillageFactsCard coverage={d?.villageFacts} canImport={districtOffice} />
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
          <thead><tr><th>Tehsil</th><th>Titled</th><th>Rejected</th><th>Pending</th><th>Area titled (ha)</th></tr></thead>
          <tbody>
            {d?.byTehsil.map((t) => (
              <tr key={t.tehsilId}>
                <td>{link(`${t.tehsil}'s claims`, { districtId: t.districtId, tehsilId: t.tehsilId }, t.tehsil, t.bbox)}</td>
                <td>{fmt(t.granted)}</td><td>{fmt(t.rejected)}</td><td>{fmt(t.pending)}</td><td>{fmt(t.areaTitledHa)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
