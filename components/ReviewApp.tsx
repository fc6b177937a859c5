"use client";
// The district official's workspace: filters and a list on the left, the map in the middle, the
// selected claim on the right; or the dashboard.
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";
import type { ClaimFilter } from "@/configs/contracts/claims";
import type { SessionUser } from "@/server/auth/session";
import { ClaimList } from "./claims/ClaimList";
import { ClaimPanel } from "./claims/ClaimPanel";
import { FilterBar } from "./claims/FilterBar";
import { Dashboard } from "./dashboard/Dashboard";
import { ClaimMap, type Bbox } from "./map/ClaimMap";
import { LogoutButton } from "./ui/LogoutButton";

export function ReviewApp({ user, basemapUrl }: { user: SessionUser; basemapUrl: string | null }) {
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 15_000, retry: 1 } } }));
  const [view, setView] = useState<"map" | "dashboard">("map");
  const [filter, setFilter] = useState<ClaimFilter>({});
  const [viewport, setViewport] = useState<Bbox | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [focus, setFocus] = useState<{ bbox: Bbox; key: number } | null>(null);
  // Bumped after a decision so that tiles and lists show the new status at once.
  const [dataVersion, setDataVersion] = useState(0);


  return (
    <QueryClientProvider client={queryClient}>
      <div className="app">
        <header className="topbar">
          <span className="brand">FRA Atlas</span>
          <nav>
            <button className={view === "map" ? "active" : ""} onClick={() => setView("map")}>Claims map</button>
            <button className={view === "dashboard" ? "active" : ""} onClick={() => setView("dashboard")}>Dashboard</button>
          </nav>
          {user.role === "admin" && <a className="topbar-link" href="/admin">Admin console</a>}
          <span className="user">{user.displayName} · {user.role.replace("_", " ")}</span>
          <LogoutButton />
        </header>
        {view === "dashboard" ? (
          <Dashboard />
        ) : (
          <div className={`workspace${selectedId ? " with-panel" : ""}`}>
            <aside className="sidebar">
              <FilterBar filter={filter} onChange={setFilter} onFocus={(bbox) => setFocus({ bbox, key: Date.now() })} />
              <ClaimList
                filter={filter}
                viewport={viewport}
                selectedId={selectedId}
                dataVersion={dataVersion}
                onSelect={(id, bbox) => {
                  setSelectedId(id);
                  if (bbox) setFocus({ bbox, key: Date.now() });
                }}
              />
            </aside>
            <ClaimMap
              filter={filter}
              basemapUrl={basemapUrl}
              selectedId={selectedId}
              focus={focus}
              dataVersion={dataVersion}
              onSelect={setSelectedId}
              onViewportChange={setViewport}
            />
            {selectedId && (
              <ClaimPanel
                id={selectedId}
                onClose={() => setSelectedId(null)}
                onChanged={() => {
                  setDataVersion((v) => v + 1);
                  void queryClient.invalidateQueries();
                }}
                onFocus={(bbox) => setFocus({ bbox, key: Date.now() })}
              />
            )}
          </div>
        )}
      </div>
    </QueryClientProvider>
  );
}
