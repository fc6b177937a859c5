"use client";
// What the district office checked of a title holder's household: PM-KISAN's exclusions, the house and the
// Awaas+ list for PMAY-G, and the household's own tap. Each fact may stay "Not checked"; the scheme advice
// above turns on those given. A version guards against two officials overwriting each other.
import { useState } from "react";
import type { HouseholdFacts } from "@/configs/schemes";
import { HOUSE_LABELS, HOUSES, PM_KISAN_EXCLUSION_LABELS, PM_KISAN_EXCLUSIONS } from "@/configs/schemes";
import { trpc } from "../trpc";
import { useSubmission } from "../ui/useSubmission";

type Recorded = HouseholdFacts & { version: number; recordedBy: string | null; recordedAt: string };

const NOT_CHECKED = "";
const EMPTY: HouseholdFacts = { pmKisanExclusion: null, house: null, onAwaasPlus: null, hasTap: null };

/** A yes/no fact as a select's value, and back. */
const yesNo = (v: boolean | null) => (v === null ? NOT_CHECKED : v ? "yes" : "no");
const fromYesNo = (s: string) => (s === NOT_CHECKED ? null : s === "yes");

export function HouseholdFactsForm({ claimId, recorded, onChanged }: { claimId: string; recorded: Recorded | null; onChanged: () => void }) {
  const [facts, setFacts] = useState<HouseholdFacts>(recorded ?? EMPTY);
  const { busy, error, submit } = useSubmission();
  const set = (patch: Partial<HouseholdFacts>) => setFacts((f) => ({ ...f, ...patch }));
  const unchanged = (Object.keys(EMPTY) as (keyof HouseholdFacts)[]).every((k) => facts[k] === (recorded ?? EMPTY)[k]);
  const record = () =>
    submit(async () => {
      await trpc.claims.recordHousehold.mutate({ claimId, expectedVersion: recorded?.version ?? 0, facts });
      onChanged();
    });
  return (
    <details className="household" open={recorded !== null}>
      <summary>Household facts, as the district office checked them</summary>
      <label>
        PM-KISAN&apos;s exclusions
        <select aria-label="PM-KISAN's exclusions" value={facts.pmKisanExclusion ?? NOT_CHECKED}
          onChange={(e) => set({ pmKisanExclusion: (e.target.value || null) as HouseholdFacts["pmKisanExclusion"] })}>
          <option value={NOT_CHECKED}>Not checked</option>
          <option value="none">None applies</option>
          {PM_KISAN_EXCLUSIONS.map((x) => <option key={x} value={x}>{PM_KISAN_EXCLUSION_LABELS[x]}</option>)}
        </select>
      </label>
      <label>
        House
        <select aria-label="House" value={facts.house ?? NOT_CHECKED} onChange={(e) => set({ house: (e.target.value || null) as HouseholdFacts["house"] })}>
          <option value={NOT_CHECKED}>Not checked</option>
          {HOUSES.map((h) => <option key={h} value={h}>{HOUSE_LABELS[h]}</option>)}
        </select>
      </label>
      <label>
        On the Awaas+ list
        <select aria-label="On the Awaas+ list" value={yesNo(facts.onAwaasPlus)} onChange={(e) => set({ onAwaasPlus: fromYesNo(e.target.value) })}>
          <option value={NOT_CHECKED}>Not checked</option><option value="yes">Yes</option><option value="no">No</option>
        </select>
      </label>
      <label>
        A working tap connection
        <select aria-label="A working tap connection" value={yesNo(facts.hasTap)} onChange={(e) => set({ hasTap: fromYesNo(e.target.value) })}>
          <option value={NOT_CHECKED}>Not checked</option><option value="yes">Yes</option><option value="no">No</option>
        </select>
      </label>
      <button disabled={busy || unchanged} onClick={() => void record()}>{busy ? "Recording…" : "Record household facts"}</button>
      {recorded && <small>Recorded by {recorded.recordedBy ?? "an unknown user"} on {new Date(recorded.recordedAt).toLocaleString("en-IN", { dateStyle: "medium", timeStyle: "short" })}.</small>}
      {error && <p className="error" role="alert">{error}</p>}
    </details>
  );
}
