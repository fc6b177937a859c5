"use client";
// The district official's workspace: filters and a list on the left, the map in the middle, the
// selected claim on the right; or the dashboard.
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";
import type { ClaimFilter } from "@/configs/contracts/claims";
import type { Basemap } from "@/configs/basemap";
import type { SessionUser } from "@/server/auth/session";
import type { Unit } from "@/server/services/geo";
import { ClaimList } from "./claims/ClaimList";
import { ClaimPanel, type ParcelComparison } from "./claims/ClaimPanel";
import { FilterBar } from "./claims/FilterBar";
import { Dashboard } from "./dashboard/Dashboard";
import { ClaimMap, type Bbox } from "./map/ClaimMap";
import { LogoutButton } from "./ui/LogoutButton";

/** The box around all of `units`, or null for none. */
function unionBbox(units: readonly Unit[]): Bbox | null {
  if (units.length === 0) return null;
  return units.reduce<Bbox>((b, u) => [Math.min(b[0], u.bbox[0]), Math.min(b[1], u.bbox[1]), Math.max(b[2], u.bbox[2]), Math.max(b[3], u.bbox[3])], [...units[0]!.bbox]);
}

export function ReviewApp({ user, districts, home, basemap, boundarySource }: { user: SessionUser; districts: Unit[]; home: Unit[]; basemap: Basemap | null; boundarySource: string }) {
  const [queryClient] = useState(() => {
    const client = new QueryClient({ defaultOptions: { queries: { staleTime: 15_000, retry: 1 } } });
    client.setQueryData(["districts"], districts);
    return client;
  });
  const [initialBounds] = useState(() => unionBbox(home));
  const [view, setView] = useState<"map" | "dashboard">("map");
  const [filter, setFilter] = useState<ClaimFilter>({});
  const [viewport, setViewport] = useState<Bbox | null>(null);
  // The selected claim by number: the list, the map's tiles and the panel all know it.
  const [selectedClaimNo, setSelectedClaimNo] = useState<string | null>(null);
  const [focus, setFocus] = useState<{ bbox: Bbox; key: number } | null>(null);
  // A parcel edit picked in the open claim's history; it goes with that claim.
  const [comparison, setComparison] = useState<ParcelComparison | null>(null);
  const shownComparison = comparison?.claimNo === selectedClaimNo ? comparison : null;
  // Bumped after a decision so that tiles and lists show the new status at once.
  const [dataVersion, setDataVersion] = useState(0);
  const changed = () => {
    setDataVersion((v) => v + 1);
    void queryClient.invalidateQueries();
  };


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
          {user.role === "field_staff" && <a className="topbar-link" href="/field">Field app</a>}
          <span className="user">{user.displayName} · {user.role.replace("_", " ")}</span>
          <LogoutButton />
        </header>
        {view === "dashboard" ? (
          <Dashboard
            role={user.role}
            onShowClaims={(shown, bbox) => {
              setFilter(shown);
              setSelectedClaimNo(null);
              setView("map");
              // The map shows where the counted claims are: the unit counted, or all of the user's districts.
              const shownBbox = bbox ?? unionBbox(districts);
              if (shownBbox) setFocus({ bbox: shownBbox, key: Date.now() });
            }}
          />
        ) : (
          <div className={`workspace${selectedClaimNo ? " with-panel" : ""}`}>
            <aside className="sidebar">
              <FilterBar filter={filter} onChange={setFilter} onFocus={(bbox) => setFocus({ bbox, key: Date.now() })} />
              <ClaimList
                filter={filter}
                viewport={viewport}
                selectedClaimNo={selectedClaimNo}
                dataVersion={dataVersion}
                role={user.role}
                onSelect={(claimNo, bbox) => {
                  setSelectedClaimNo(claimNo);
                  if (bbox) setFocus({ bbox, key: Date.now() });
                }}
                onChanged={changed}
              />
            </aside>
            <ClaimMap
              filter={filter}
              basemap={basemap}
              boundarySource={boundarySource}
              initialBounds={initialBounds}
              selectedClaimNo={selectedClaimNo}
              focus={focus}
              comparison={shownComparison}
              dataVersion={dataVersion}
              onSelect={setSelectedClaimNo}
              onViewportChange={setViewport}
            />
            {selectedClaimNo && (
              <ClaimPanel
                claimNo={selectedClaimNo}
                onClose={() => setSelectedClaimNo(null)}
                onChanged={changed}
                onFocus={(bbox) => setFocus({ bbox, key: Date.now() })}
                compared={shownComparison}
                onCompare={setComparison}
              />
            )}
          </div>
        )}
      </div>
    </QueryClientProvider>
  );
}
