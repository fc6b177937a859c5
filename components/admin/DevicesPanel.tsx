"use client";
// Which model version each field tablet runs (as it last reported), and the admin log.
import { useQuery } from "@tanstack/react-query";
import { trpc } from "../trpc";
import { EmptyNote } from "./EmptyNote";

export function DevicesPanel() {
  const devices = useQuery({ queryKey: ["devices"], queryFn: () => trpc.admin.devices.query(), refetchInterval: 15_000 });
  const log = useQuery({ queryKey: ["admin-log"], queryFn: () => trpc.admin.log.query(), refetchInterval: 15_000 });
  return (
    <div className="admin-grid">
      <section className="card" aria-label="Devices">
        <h3>Field tablets</h3>
        <table className="grid">
          <thead><tr><th>Device</th><th>User</th><th>Model</th><th>Runs on</th><th>Waiting</th><th>Last seen</th></tr></thead>
          <tbody>{(devices.data ?? []).map((d) => <tr key={d.id}><td>{d.id.slice(0, 8)}</td><td>{d.user}</td><td>{d.modelVersion ? `v${d.modelVersion}` : "none"}</td><td>{d.backend ?? "-"}</td><td>{d.pendingRecords}</td><td>{d.lastSeen.slice(0, 16)}</td></tr>)}</tbody>
        </table>
        <EmptyNote rows={devices.data}>No tablet has synced yet. Each one shows here after its first sync, with the model it runs.</EmptyNote>
      </section>
      <section className="card" aria-label="Admin log">
        <h3>Admin log</h3>
        <table className="grid">
          <thead><tr><th>When</th><th>Who</th><th>Action</th><th>On</th></tr></thead>
          <tbody>{(log.data ?? []).map((e) => <tr key={e.id}><td>{e.at.slice(0, 19)}</td><td>{e.actor ?? "system"}</td><td>{e.action}</td><td>{e.target}</td></tr>)}</tbody>
        </table>
        <EmptyNote rows={log.data}>Nothing yet: launches, cancellations, snapshots, publications, rollbacks and trigger changes are logged here.</EmptyNote>
      </section>
    </div>
  );
}
