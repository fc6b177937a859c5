"use client";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { encodeFilterParam, type ClaimFilter } from "@/configs/contracts/claims";
import { CLAIM_STATUSES, CLAIM_TYPES, NOTICE_STATE_LABELS, NOTICE_STATES, STATUS_COLORS, STATUS_LABELS, type ClaimStatus, type ClaimType, type NoticeState } from "@/configs/workflow";
import type { Bbox } from "../map/ClaimMap";
import { trpc } from "../trpc";

function toggle<T>(list: readonly T[] | undefined, item: T): T[] | undefined {
  const next = list?.includes(item) ? list.filter((x) => x !== item) : [...(list ?? []), item];
  return next.length ? next : undefined;
}

const numberOrUndefined = (v: string) => (v.trim() === "" || Number.isNaN(Number(v)) ? undefined : Number(v));

export function FilterBar({ filter, onChange, onFocus }: { filter: ClaimFilter; onChange: (f: ClaimFilter) => void; onFocus: (bbox: Bbox) => void }) {
  const [q, setQ] = useState(filter.q ?? "");
  // Typing searches after a short pause, not on every key.
  useEffect(() => {
    const timer = setTimeout(() => {
      if ((filter.q ?? "") !== q.trim()) onChange({ ...filter, q: q.trim() || undefined });
    }, 300);
    return () => clearTimeout(timer);
  }, [q, filter, onChange]);

  const districts = useQuery({ queryKey: ["districts"], queryFn: () => trpc.geo.districts.query() });
  const tehsils = useQuery({
    queryKey: ["tehsils", filter.districtId],
    queryFn: () => trpc.geo.tehsils.query({ districtId: filter.districtId! }),
    enabled: !!filter.districtId,
  });
  const villages = useQuery({
    queryKey: ["villages", filter.tehsilId],
    queryFn: () => trpc.geo.villages.query({ tehsilId: filter.tehsilId! }),
    enabled: !!filter.tehsilId,
  });

  const pick = <T extends { id: number; bbox: Bbox }>(list: T[] | undefined, id: number | undefined) => {
    const unit = list?.find((u) => u.id === id);
    if (unit) onFocus(unit.bbox);
  };

  return (
    <div className="filters" aria-label="Filters">
      <input type="search" placeholder="Search claimant, claim or title number" value={q} onChange={(e) => setQ(e.target.value)} aria-label="Search" />
      <div className="row">
        {CLAIM_TYPES.map((t: ClaimType) => (
          <label key={t} className="chip"><input type="checkbox" checked={filter.types?.includes(t) ?? false} onChange={() => onChange({ ...filter, types: toggle(filter.types, t) })} />{t}</label>
        ))}
      </div>
      <div className="row">
        {CLAIM_STATUSES.map((s: ClaimStatus) => (
          <label key={s} className="chip" title={STATUS_LABELS[s]}>
            <input type="checkbox" checked={filter.statuses?.includes(s) ?? false} onChange={() => onChange({ ...filter, statuses: toggle(filter.statuses, s) })} />
            <span className="dot" style={{ background: STATUS_COLORS[s] }} />{STATUS_LABELS[s]}
          </label>
        ))}
      </div>
      <div className="row">
        <select aria-label="District" value={filter.districtId ?? ""} onChange={(e) => {
          const id = numberOrUndefined(e.target.value);
          onChange({ ...filter, districtId: id, tehsilId: undefined, villageId: undefined });
          pick(districts.data, id);
        }}>
          <option value="">All my districts</option>
          {districts.data?.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
        </select>
        <select aria-label="Tehsil" disabled={!filter.districtId} value={filter.tehsilId ?? ""} onChange={(e) => {
          const id = numberOrUndefined(e.target.value);
          onChange({ ...filter, tehsilId: id, villageId: undefined });
          pick(tehsils.data, id);
        }}>
          <option value="">All tehsils</option>
          {tehsils.data?.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
        </select>
        <select aria-label="Village" disabled={!filter.tehsilId} value={filter.villageId ?? ""} onChange={(e) => {
          const id = numberOrUndefined(e.target.value);
          onChange({ ...filter, villageId: id });
          pick(villages.data, id);
        }}>
          <option value="">All villages</option>
          {villages.data?.map((v) => <option key={v.id} value={v.id}>{v.name}</option>)}
        </select>
      </div>
      <div className="row">
        <select aria-label="Rejection notice" value={filter.notice ?? ""} onChange={(e) => onChange({ ...filter, notice: (e.target.value || undefined) as NoticeState | undefined })}>
          <option value="">Any notice or none</option>
          {NOTICE_STATES.map((n) => <option key={n} value={n}>{NOTICE_STATE_LABELS[n]}</option>)}
        </select>
      </div>
      <div className="row">
        Filed <input type="date" aria-label="Filed from" value={filter.filedFrom ?? ""} onChange={(e) => onChange({ ...filter, filedFrom: e.target.value || undefined })} />
        to <input type="date" aria-label="Filed to" value={filter.filedTo ?? ""} onChange={(e) => onChange({ ...filter, filedTo: e.target.value || undefined })} />
      </div>
      <div className="row">
        Area (ha) <input type="number" min={0} step={0.1} style={{ width: 70 }} aria-label="Minimum area" value={filter.areaMinHa ?? ""} onChange={(e) => onChange({ ...filter, areaMinHa: numberOrUndefined(e.target.value) })} />
        to <input type="number" min={0} step={0.1} style={{ width: 70 }} aria-label="Maximum area" value={filter.areaMaxHa ?? ""} onChange={(e) => onChange({ ...filter, areaMaxHa: numberOrUndefined(e.target.value) })} />
        <button onClick={() => { setQ(""); onChange({}); }}>Clear</button>
      </div>
      <div className="row">
        Export filtered: <a href={`/api/export?format=csv&f=${encodeFilterParam(filter)}`}>CSV</a>
        <a href={`/api/export?format=geojson&f=${encodeFilterParam(filter)}`}>GeoJSON</a>
      </div>
    </div>
  );
}
