"use client";
// The admin console: training runs, the models they made (compare, publish, roll back), training data
// (dataset versions, imports, base teachers, corrections), retrain triggers, field devices, the admin log.
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";
import type { SessionUser } from "@/server/auth/session";
import { LogoutButton } from "../ui/LogoutButton";
import { DataPanel } from "./DataPanel";
import { DevicesPanel } from "./DevicesPanel";
import { ModelsPanel } from "./ModelsPanel";
import { RunsPanel } from "./RunsPanel";
import { TriggersPanel } from "./TriggersPanel";

const TABS = [
  ["runs", "Training runs"],
  ["models", "Models"],
  ["data", "Training data"],
  ["triggers", "Retrain triggers"],
  ["devices", "Devices & log"],
] as const;
type Tab = (typeof TABS)[number][0];

export function AdminApp({ user }: { user: SessionUser }) {
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 2_000, retry: 1 } } }));
  const [tab, setTab] = useState<Tab>("runs");
  return (
    <QueryClientProvider client={queryClient}>
      <div className="app">
        <header className="topbar">
          <span className="brand">FRA Atlas · Admin</span>
          <nav>
            {TABS.map(([key, label]) => (
              <button key={key} className={tab === key ? "active" : ""} onClick={() => setTab(key)}>{label}</button>
            ))}
          </nav>
          <a className="topbar-link" href="/">Claims</a>
          <span className="user">{user.displayName} · admin</span>
          <LogoutButton />
        </header>
        <main className="admin">
          {tab === "runs" && <RunsPanel />}
          {tab === "models" && <ModelsPanel />}
          {tab === "data" && <DataPanel />}
          {tab === "triggers" && <TriggersPanel />}
          {tab === "devices" && <DevicesPanel />}
        </main>
      </div>
    </QueryClientProvider>
  );
}
