"use client";
// The list beside the map: the filtered claims inside the current map view, kept in step with it.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { ClaimFilter } from "@/configs/contracts/claims";
import { nameLanguageTagOf } from "@/configs/field";
import { stateCodeOfClaimNo } from "@/configs/states";
import type { Role } from "@/configs/workflow";
import type { Bbox } from "../map/ClaimMap";
import { errorMessage, trpc } from "../trpc";
import { BatchDecision, type ChosenClaim } from "./BatchDecision";
import { StatusBadge } from "./StatusBadge";

const PAGE = 50;
// A parcel point is shown this far around when picked from the list.
const FOCUS_PAD = 0.004;

const MAP_VIEW_WAIT_MS = 4000;

export function ClaimList(props: {
  filter: ClaimFilter;
  viewport: Bbox | null;
  selectedClaimNo: string | null;
  dataVersion: number;
  role: Role;
  onSelect: (claimNo: string, bbox?: Bbox) => void;
  /** After a decision on the chosen claims: the map and lists show their new status. */
  onChanged: () => void;
}) {
  const [offset, setOffset] = useState(0);
  const [inView, setInView] = useState(true);
  useEffect(() => setOffset(0), [props.filter, props.viewport, inView]);
  // Claims chosen for a committee's decision, as they were listed (their version is what the step applies
  // to). Another filter is another question: the choice starts again.
  const [chosen, setChosen] = useState<Map<string, ChosenClaim>>(new Map());
  const [recorded, setRecorded] = useState<string | null>(null);
  useEffect(() => setChosen(new Map()), [props.filter]);
  const toggle = (c: ChosenClaim, on: boolean) => {
    setRecorded(null);
    setChosen((prev) => {
      const next = new Map(prev);
      if (on) next.set(c.id, { id: c.id, claimNo: c.claimNo, status: c.status, version: c.version, filedOn: c.filedOn });
      else next.delete(c.id);
      return next;
    });
  };
  // "Only in map view" waits for the map's view rather than first listing the whole state: that query
  // would hold the database while the map's first tiles wait. Should the map never report (no WebGL),
  // the list goes ahead without it after a few seconds.
  const [mapLate, setMapLate] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setMapLate(true), MAP_VIEW_WAIT_MS);
    return () => clearTimeout(timer);
  }, []);
  const filter = inView && props.viewport ? { ...props.filter, bbox: props.viewport } : props.filter;
  const list = useQuery({
    queryKey: ["claims", filter, offset, props.dataVersion],
    queryFn: () => trpc.claims.list.query({ filter, limit: PAGE, offset, sort: "recent" }),
    placeholderData: keepPreviousData,
    enabled: !inView || props.viewport !== null || mapLate,
  });
  const data = list.data;
  const pageItems = data?.items ?? [];
  const allChosen = pageItems.length > 0 && pageItems.every((c) => chosen.has(c.id));
  return (
    <div className="list" aria-label="Claims list">
      {chosen.size > 0 && (
        <BatchDecision
          chosen={[...chosen.values()]} role={props.role} onClear={() => setChosen(new Map())}
          onRecorded={(text) => {
            setRecorded(text);
            setChosen(new Map());
            props.onChanged();
          }}
        />
      )}
      {recorded && chosen.size === 0 && <p className="ok batch-done" role="status">{recorded}</p>}
      <div className="summary">
        <span>{data ? `${data.total.toLocaleString("en-IN")}${data.totalIsCapped ? "+" : ""} ${data.total === 1 && !data.totalIsCapped ? "claim" : "claims"}` : "…"}{list.isFetching ? " · updating" : ""}</span>
        <label><input type="checkbox" checked={inView} onChange={(e) => setInView(e.target.checked)} /> only in map view</label>
      </div>
      {pageItems.length > 0 && (
        <label className="choose-page">
          <input type="checkbox" checked={allChosen} onChange={(e) => pageItems.forEach((c) => toggle(c, e.target.checked))} /> choose all on this page
        </label>
      )}
      {list.error && <div className="error" style={{ padding: 12 }}>{errorMessage(list.error)}</div>}
      <ul>
        {data?.items.map((c) => (
          <li
            key={c.id}
            className={c.claimNo === props.selectedClaimNo ? "selected" : ""}
            onClick={() => props.onSelect(c.claimNo, c.lon !== null && c.lat !== null ? [c.lon - FOCUS_PAD, c.lat - FOCUS_PAD, c.lon + FOCUS_PAD, c.lat + FOCUS_PAD] : undefined)}
          >
            <input
              type="checkbox" className="choose" aria-label={`Choose ${c.claimNo}`} checked={chosen.has(c.id)}
              onClick={(e) => e.stopPropagation()} onChange={(e) => toggle(c, e.target.checked)}
            />
            <div className="name">{c.claimantName} <span lang={nameLanguageTagOf(stateCodeOfClaimNo(c.claimNo))}>{c.claimantNameLocal}</span></div>
            <div className="meta"><StatusBadge status={c.status} /> {c.claimNo}</div>
            <div className="meta">{c.village} · {c.areaClaimedHa.toFixed(2)} ha · filed {c.filedOn}</div>
          </li>
        ))}
      </ul>
      {data && data.total > PAGE && (
        <div className="summary">
          <button disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>Previous</button>
          <span>{offset + 1}-{Math.min(offset + PAGE, data.total)}</span>
          <button disabled={offset + PAGE >= data.total} onClick={() => setOffset(offset + PAGE)}>Next</button>
        </div>
      )}
    </div>
  );
}
