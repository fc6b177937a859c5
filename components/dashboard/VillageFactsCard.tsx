"use client";
// The village facts the scheme advice reads (Jal Jeevan Mission's taps, DAJGUA's list): how many of the
// district's villages have them, and, for an official or admin, the import of a department's CSV.
import { useState } from "react";
import { MAX_VILLAGE_FACTS_BYTES, VILLAGE_FACTS_COLUMNS } from "@/configs/contracts/village-facts";
import { indiaDayOf } from "@/configs/india-day";
import { trpc } from "../trpc";
import { useAction } from "../ui/useAction";

type Coverage = { villages: number; withTaps: number; withDajgua: number };

export function VillageFactsCard({ coverage, canImport }: { coverage: Coverage | undefined; canImport: boolean }) {
  const [file, setFile] = useState<File | null>(null);
  const [asOf, setAsOf] = useState("");
  const action = useAction();
  const fmt = (n: number) => n.toLocaleString("en-IN");
  const tooBig = file !== null && file.size > MAX_VILLAGE_FACTS_BYTES;
  const importFile = () =>
    action.run(async () => {
      const done = await trpc.geo.importVillageFacts.mutate({ csv: await file!.text(), fileName: file!.name, asOf });
      const ignored = done.ignoredColumns.length ? `; columns passed over: ${done.ignoredColumns.join(", ")}` : "";
      return `Recorded the facts of ${fmt(done.villages)} ${done.villages === 1 ? "village" : "villages"} (tap figures for ${fmt(done.taps)}, DAJGUA listing for ${fmt(done.dajgua)})${ignored}.`;
    });
  return (
    <div className="card">
      <h3>Village facts from the line departments</h3>
      <dl className="headline" aria-label="Village facts on record">
        <dt>Tap figures (Jal Jeevan Mission)</dt>
        <dd>{coverage ? `${fmt(coverage.withTaps)} of ${fmt(coverage.villages)} villages` : "…"}</dd>
        <dt>DAJGUA listing</dt>
        <dd>{coverage ? `${fmt(coverage.withDajgua)} of ${fmt(coverage.villages)} villages` : "…"}</dd>
      </dl>
      {canImport && (
        <form
          className="facts-import"
          aria-label="Import village facts"
          onSubmit={(e) => {
            e.preventDefault();
            void importFile();
          }}
        >
          <label>
            CSV file
            <input type="file" accept=".csv,text/csv" aria-label="Village facts file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          </label>
          <label>
            Figures as of
            <input type="date" aria-label="Figures as of" value={asOf} max={indiaDayOf(Date.now())} onChange={(e) => setAsOf(e.target.value)} required />
          </label>
          <button type="submit" disabled={!file || !asOf || tooBig || action.busy}>{action.busy ? "Importing…" : "Import"}</button>
          {tooBig && <p className="error" role="alert">The file is over {MAX_VILLAGE_FACTS_BYTES / 1e6} MB: split it by district.</p>}
          <small>
            Columns read: {VILLAGE_FACTS_COLUMNS.join(", ")} (dajgua: yes or no; a blank cell leaves what is recorded). Other columns are passed over.
            A file with any bad row changes nothing.
          </small>
        </form>
      )}
      {action.message && <p className={action.message.ok ? "ok" : "error"} role={action.message.ok ? "status" : "alert"}>{action.message.text}</p>}
    </div>
  );
}
