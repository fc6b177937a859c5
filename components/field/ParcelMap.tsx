"use client";
// Map a parcel: draw it on the map of the user's villages (kept on the tablet, so it works offline), or
// walk its boundary with the tablet's GPS, keeping only fixes within the accuracy the user sets. The area
// and every warning show as the shape changes. Used for a new claim's parcel and for the boundary found
// at an existing claim's field verification.
import { useLiveQuery } from "dexie-react-hooks";
import * as maplibregl from "maplibre-gl";
import { useEffect, useRef, useState } from "react";
import { TerraDraw, TerraDrawPolygonMode } from "terra-draw";
import { TerraDrawMapLibreGLAdapter } from "terra-draw-maplibre-gl-adapter";
import type { AreaClaim, AreaVillage } from "@/configs/contracts/field";
import type { ClaimType } from "@/configs/workflow";
import { errorMessage } from "@/components/trpc";
import { claimsOfVillage } from "@/workers/db/area-claims";
import type { FieldDatabase, ParcelRecord } from "@/workers/db/field-db";
import { addFix, DEFAULT_WALK, startWalk, type WalkState } from "@/workers/geo/gps-walk";
import { checkParcelOnTablet, closeRing } from "@/workers/geo/parcel-check";
import type { Ring } from "@/workers/geo/parcel";
import { bboxOf, type Bbox } from "@/components/map/geojson-helpers";
import { areaLayers, claimFeatures, NO_AREA_VIEW, villageFeatures } from "./area-map-style";

type Position = [number, number];

const polygonFeature = (ring: Ring | null): GeoJSON.FeatureCollection => ({
  type: "FeatureCollection",
  features: ring && ring.length >= 4 ? [{ type: "Feature", properties: {}, geometry: { type: "Polygon", coordinates: [ring.map((p) => [p[0], p[1]])] } }] : [],
});

export type ParcelMapProps = {
  db: FieldDatabase;
  villageId: number | null;
  claimType: ClaimType;
  parcel: ParcelRecord | null;
  onChange: (parcel: ParcelRecord | null) => Promise<void>;
  locked: boolean;
  // The claim whose boundary this is, if it is on record: the map opens on it, outlines its parcel on
  // record, and does not count it as an overlap with itself.
  onRecord?: AreaClaim;
};

/** Where the map opens: on the claim on record (its parcel, or its point), else on the village. */
function openingView(village: AreaVillage | null, onRecord: AreaClaim | undefined): { bounds: Bbox } | { center: Position } | null {
  const bounds = bboxOf([onRecord?.parcel ?? village?.geometry]);
  if (bounds) return { bounds };
  if (onRecord?.lon != null && onRecord.lat != null) return { center: [onRecord.lon, onRecord.lat] };
  return null;
}

export function ParcelMap({ db, villageId, claimType, parcel, onChange, locked, onRecord }: ParcelMapProps) {
  const area = useLiveQuery(() => db.area.get("area"), [db])?.area;
  const claims = useLiveQuery(() => (villageId === null ? [] : claimsOfVillage(db, villageId)), [db, villageId]);
  const claimsRef = useRef(claims);
  claimsRef.current = claims;
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const drawRef = useRef<TerraDraw | null>(null);
  const [mode, setMode] = useState<"idle" | "drawing" | "walking">("idle");
  const [walk, setWalk] = useState<WalkState>(startWalk());
  const [maxAccuracy, setMaxAccuracy] = useState(DEFAULT_WALK.maxAccuracyM);
  const [error, setError] = useState<string | null>(null);
  const watchRef = useRef<number | null>(null);
  const village = area?.villages.find((v) => v.id === villageId) ?? null;
  const saved = parcel?.geometry.type === "Polygon" ? (parcel.geometry.coordinates[0] as Position[]) : null;

  async function save(ring: Ring, method: "drawn" | "walked", accuracyM: number | null) {
    const closed = closeRing(ring);
    const check = checkParcelOnTablet(closed, claimType, village, (claims ?? []).filter((c) => c.id !== onRecord?.id));
    try {
      await onChange({ geometry: { type: "Polygon", coordinates: [closed.map((p) => [p[0], p[1]] as [number, number])] }, method, areaHa: check.areaHa, warnings: check.warnings, accuracyM });
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  useEffect(() => {
    if (!container.current) return;
    maplibregl.setWorkerUrl("/maplibre-gl-csp-worker.js");
    const layers = areaLayers(3);
    const view = openingView(village, onRecord);
    const bounds = view && "bounds" in view ? view.bounds : null;
    const onRecordParcel: GeoJSON.FeatureCollection = { type: "FeatureCollection", features: onRecord?.parcel ? [{ type: "Feature", properties: {}, geometry: onRecord.parcel }] : [] };
    const map = new maplibregl.Map({
      container: container.current,
      style: {
        version: 8,
        sources: { villages: { type: "geojson", data: villageFeatures(area?.villages ?? [], villageId) }, claims: { type: "geojson", data: claimFeatures(claims ?? []) }, parcel: { type: "geojson", data: polygonFeature(saved) }, onRecord: { type: "geojson", data: onRecordParcel }, walk: { type: "geojson", data: { type: "FeatureCollection", features: [] } } },
        layers: [
          ...layers.below,
          { id: "on-record-line", type: "line", source: "onRecord", paint: { "line-color": "#222", "line-width": 2, "line-dasharray": [2, 2] } },
          { id: "parcel-fill", type: "fill", source: "parcel", paint: { "fill-color": "#1565c0", "fill-opacity": 0.35 } },
          { id: "parcel-line", type: "line", source: "parcel", paint: { "line-color": "#0d47a1", "line-width": 2.5 } },
          { id: "walk-line", type: "line", source: "walk", paint: { "line-color": "#d84315", "line-width": 3 } },
          ...layers.labels,
        ],
      },
      bounds: bounds ?? (area?.bbox ? (area.bbox as [number, number, number, number]) : undefined),
      fitBoundsOptions: { padding: 30, maxZoom: 17 },
      center: view && "center" in view ? view.center : bounds || area?.bbox ? undefined : NO_AREA_VIEW.center,
      zoom: view && "center" in view ? 16 : bounds || area?.bbox ? undefined : NO_AREA_VIEW.zoom,
      attributionControl: { compact: true, customAttribution: "Villages and claims cached on this tablet" },
    });
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), "top-right");
    map.addControl(new maplibregl.ScaleControl({ unit: "metric" }), "bottom-right");
    mapRef.current = map;
    (window as unknown as { __fraParcelMap?: maplibregl.Map }).__fraParcelMap = map; // for end-to-end tests
    map.on("load", () => {
      map.getSource<maplibregl.GeoJSONSource>("claims")?.setData(claimFeatures(claimsRef.current ?? []));
      const draw = new TerraDraw({ adapter: new TerraDrawMapLibreGLAdapter({ map }), modes: [new TerraDrawPolygonMode()] });
      draw.start();
      draw.on("finish", (id) => {
        const feature = draw.getSnapshotFeature(id);
        if (feature?.geometry.type === "Polygon") void save(feature.geometry.coordinates[0] as Position[], "drawn", null);
        draw.clear();
        draw.setMode("static");
        setMode("idle");
      });
      drawRef.current = draw;
      (window as unknown as { __fraParcelMapReady?: boolean }).__fraParcelMapReady = true;
    });
    return () => {
      if (watchRef.current !== null) navigator.geolocation.clearWatch(watchRef.current);
      drawRef.current?.stop();
      drawRef.current = null;
      map.remove();
      mapRef.current = null;
      (window as unknown as { __fraParcelMapReady?: boolean }).__fraParcelMapReady = false;
    };
    // The map is built once per village; the parcel source is updated below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [area, villageId]);

  useEffect(() => {
    const source = mapRef.current?.getSource<maplibregl.GeoJSONSource>("claims");
    source?.setData(claimFeatures(claims ?? []));
  }, [claims]);

  useEffect(() => {
    const source = mapRef.current?.getSource<maplibregl.GeoJSONSource>("parcel");
    source?.setData(polygonFeature(saved));
  }, [saved]);

  useEffect(() => {
    const source = mapRef.current?.getSource<maplibregl.GeoJSONSource>("walk");
    source?.setData({ type: "FeatureCollection", features: walk.kept.length >= 2 ? [{ type: "Feature", properties: {}, geometry: { type: "LineString", coordinates: walk.kept.map((p) => [p[0], p[1]]) } }] : [] });
  }, [walk]);

  function startDrawing() {
    drawRef.current?.clear();
    drawRef.current?.setMode("polygon");
    setMode("drawing");
  }

  function startWalking() {
    if (!("geolocation" in navigator)) return setError("This tablet has no GPS access in the browser.");
    setWalk(startWalk());
    setMode("walking");
    watchRef.current = navigator.geolocation.watchPosition(
      (pos) => setWalk((w) => addFix(w, { lon: pos.coords.longitude, lat: pos.coords.latitude, accuracyM: pos.coords.accuracy, at: pos.timestamp }, { ...DEFAULT_WALK, maxAccuracyM: maxAccuracy })),
      (e) => setError(`GPS: ${e.message}. Allow location access, step into the open, and try again.`),
      { enableHighAccuracy: true, maximumAge: 0, timeout: 30_000 },
    );
  }

  async function finishWalking() {
    if (watchRef.current !== null) navigator.geolocation.clearWatch(watchRef.current);
    watchRef.current = null;
    setMode("idle");
    if (walk.kept.length < 3) return setError(`Only ${walk.kept.length} good GPS fixes were kept: walk the whole boundary (and check the accuracy limit).`);
    await save(walk.kept, "walked", maxAccuracy);
  }

  return (
    <div className="step parcel-step">
      <div className="parcel-tools">
        {!locked && mode === "idle" && (
          <>
            <button className="primary" onClick={startDrawing}>{parcel ? "Redraw the parcel" : "Draw the parcel"}</button>
            <button onClick={startWalking}>Walk the boundary (GPS)</button>
            <label>GPS accuracy limit <input type="number" min={2} max={50} value={maxAccuracy} onChange={(e) => setMaxAccuracy(Number(e.target.value))} /> m</label>
            {parcel && <button onClick={() => void onChange(null)}>Remove parcel</button>}
          </>
        )}
        {mode === "drawing" && <span role="status">Tap each corner on the map; tap the first corner again (or press Enter) to close the parcel.</span>}
        {mode === "walking" && (
          <span role="status">
            Walking: {walk.kept.length} points kept, {walk.rejectedInaccurate} fixes refused (worse than {maxAccuracy} m), {walk.skippedJitter} skipped as standing still.
            {walk.lastAccuracyM !== null && ` Current accuracy ${Math.round(walk.lastAccuracyM)} m.`} <button className="primary" onClick={finishWalking}>Close the boundary here</button>
          </span>
        )}
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      {parcel && (
        <div className="parcel-summary" aria-label="Parcel">
          <strong data-testid="parcel-area">{parcel.areaHa.toFixed(2)} ha</strong> · {parcel.method === "walked" ? `walked with GPS (fixes within ${parcel.accuracyM} m)` : "drawn on the map"}
          {parcel.warnings.length > 0 ? <ul className="warnings">{parcel.warnings.map((w) => <li key={w}>{w}</li>)}</ul> : <span className="ok"> · inside {village?.name ?? "the village"}, no overlaps</span>}
        </div>
      )}
      {!area && <p className="muted">The map of your villages has not been downloaded yet: connect once.</p>}
      <div ref={container} className="parcel-map" data-testid="parcel-map" />
    </div>
  );
}
