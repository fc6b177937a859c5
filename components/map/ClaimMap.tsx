"use client";
// The claims map: vector tiles from /api/tiles (PostGIS), styled by status. Low zooms show counts per
// district, tehsil or village, higher zooms every claim. The filter travels in the tile URL.
import * as maplibregl from "maplibre-gl";
import { useEffect, useRef, useState } from "react";
import { basemapParts, type Basemap } from "@/configs/basemap";
import { encodeFilterParam, type ClaimFilter } from "@/configs/contracts/claims";
import { countUnitAt, ZOOM, type CountUnit } from "@/configs/map-zoom";
import { CLAIM_STATUSES, STATUS_COLORS, STATUS_LABELS } from "@/configs/workflow";
import { useClaim } from "../claims/useClaim";
import { bboxOf, setSourceData, type Bbox } from "./geojson-helpers";
import { LABEL_FONT } from "./label-font";

export type { Bbox };

const STATE_VIEW = { center: [77.6, 19.3] as [number, number], zoom: 5.6 }; // for a user with no districts
// Clicking a count circle goes down one level (district → its tehsils → their villages → the claims),
// half a zoom into the next level's tiles.
const ZOOM_BELOW_COUNT_LEVEL: Record<string, number> = { district: ZOOM.districtCounts + 1.5, tehsil: ZOOM.tehsilCounts + 1.5, village: ZOOM.villageCounts + 1.5 };

const statusColor: maplibregl.ExpressionSpecification = [
  "match", ["get", "status"],
  ...CLAIM_STATUSES.flatMap((s) => [s, STATUS_COLORS[s]]),
  "#777",
] as unknown as maplibregl.ExpressionSpecification;

// A count circle takes the colour of its largest group: titled, rejected or pending.
const COUNT_GROUP_COLORS = { titled: STATUS_COLORS.title_granted, rejected: STATUS_COLORS.dlc_rejected, pending: STATUS_COLORS.sdlc_review };
const countsColor: maplibregl.ExpressionSpecification = [
  "case",
  [">=", ["get", "granted"], ["max", ["get", "rejected"], ["get", "pending"]]], COUNT_GROUP_COLORS.titled,
  [">=", ["get", "rejected"], ["get", "pending"]], COUNT_GROUP_COLORS.rejected,
  COUNT_GROUP_COLORS.pending,
];

/** What the map shows now: count circles of one unit (the tiles' zoom is the map's, rounded down), or the claims. */
const shownAt = (map: maplibregl.Map): CountUnit | null => countUnitAt(Math.floor(map.getZoom()));

/**
 * The legend of what is on the map: the count circles' colours below claim zoom, the statuses above it.
 * It folds away (one element for both, so it stays folded across zooms): on a tablet it covers the map.
 */
function Legend({ counts }: { counts: CountUnit | null }) {
  const dot = (color: string) => <span className="dot" style={{ background: color }} />;
  return (
    <details className="legend" aria-label="Legend" open>
      <summary>{counts ? `Claims per ${counts}` : "Claim status"}</summary>
      <div className="legend-body">
        {counts ? (
          <>
            {(["titled", "rejected", "pending"] as const).map((g) => <span key={g}>{dot(COUNT_GROUP_COLORS[g])} Most {g}</span>)}
            <span className="muted">Size: number of claims. Click or zoom in for each claim.</span>
          </>
        ) : (
          CLAIM_STATUSES.map((s) => <span key={s}>{dot(STATUS_COLORS[s])} {STATUS_LABELS[s]}</span>)
        )}
      </div>
    </details>
  );
}

const NOTHING_SELECTED: GeoJSON.FeatureCollection = { type: "FeatureCollection", features: [] };

/** The selected claim as the map draws it: its parcel, and a point for the zooms where a parcel is too small to see. */
function selectedFeatures(claim: { claimNo: string; status: string; geometry: GeoJSON.Geometry | null; bbox: Bbox | null } | undefined): GeoJSON.FeatureCollection {
  if (!claim?.geometry || !claim.bbox) return NOTHING_SELECTED;
  const properties = { claim_no: claim.claimNo, status: claim.status };
  const [w, s, e, n] = claim.bbox;
  return {
    type: "FeatureCollection",
    features: [
      { type: "Feature", properties, geometry: claim.geometry },
      { type: "Feature", properties, geometry: { type: "Point", coordinates: [(w + e) / 2, (s + n) / 2] } },
    ],
  };
}

type ParcelShapes = { before: GeoJSON.MultiPolygon | null; after: GeoJSON.MultiPolygon };

/** A parcel edit as the map draws it: the old boundary dashed, the new one solid. */
function comparedFeatures(shapes: ParcelShapes | null): GeoJSON.FeatureCollection {
  if (!shapes) return NOTHING_SELECTED;
  const features: GeoJSON.Feature[] = [{ type: "Feature", properties: { shape: "after" }, geometry: shapes.after }];
  if (shapes.before) features.push({ type: "Feature", properties: { shape: "before" }, geometry: shapes.before });
  return { type: "FeatureCollection", features };
}

function tileUrl(filter: ClaimFilter, dataVersion: number): string {
  return `${window.location.origin}/api/tiles/{z}/{x}/{y}?f=${encodeFilterParam(filter)}&v=${dataVersion}`;
}

function buildStyle(filter: ClaimFilter, dataVersion: number, basemap: Basemap | null): maplibregl.StyleSpecification {
  const sources: maplibregl.StyleSpecification["sources"] = {
    fra: { type: "vector", tiles: [tileUrl(filter, dataVersion)], minzoom: 0, maxzoom: 16 },
    // The open claim, drawn from its own record: it stays on the map when the filter leaves it out of the
    // tiles (a decision has just moved it out of the filtered statuses, or it was found by search).
    selected: { type: "geojson", data: NOTHING_SELECTED },
    compared: { type: "geojson", data: NOTHING_SELECTED },
  };
  const layers: maplibregl.LayerSpecification[] = [{ id: "background", type: "background", paint: { "background-color": "#eef0e8" } }];
  if (basemap?.kind === "raster") {
    sources.basemap = { type: "raster", tiles: [basemap.tiles], tileSize: 256 };
    layers.push({ id: "basemap", type: "raster", source: "basemap", paint: { "raster-opacity": 0.85 } });
  }
  layers.push(
    { id: "village-fill", type: "fill", source: "fra", "source-layer": "villages", paint: { "fill-color": "#dfe8d6", "fill-opacity": 0.35 } },
    { id: "village-line", type: "line", source: "fra", "source-layer": "villages", paint: { "line-color": "#8aa37e", "line-width": 0.6 } },
    { id: "tehsil-line", type: "line", source: "fra", "source-layer": "tehsils", paint: { "line-color": "#6f8a72", "line-width": 1, "line-dasharray": [3, 2] } },
    { id: "district-line", type: "line", source: "fra", "source-layer": "districts", paint: { "line-color": "#456052", "line-width": ["interpolate", ["linear"], ["zoom"], 5, 0.8, 12, 2.5] } },
    {
      id: "counts", type: "circle", source: "fra", "source-layer": "counts",
      paint: {
        "circle-color": countsColor, "circle-opacity": 0.8, "circle-stroke-color": "#fff", "circle-stroke-width": 1,
        "circle-radius": ["interpolate", ["linear"], ["sqrt", ["get", "n"]], 1, 3, 10, 12, 100, 40],
      },
    },
    { id: "claim-points", type: "circle", source: "fra", "source-layer": "claims", filter: ["==", ["geometry-type"], "Point"], paint: { "circle-color": statusColor, "circle-radius": 3.5, "circle-stroke-color": "#fff", "circle-stroke-width": 0.6 } },
    { id: "claim-fill", type: "fill", source: "fra", "source-layer": "claims", filter: ["==", ["geometry-type"], "Polygon"], paint: { "fill-color": statusColor, "fill-opacity": ["case", ["==", ["get", "type"], "CFR"], 0.15, 0.65] } },
    { id: "claim-outline", type: "line", source: "fra", "source-layer": "claims", filter: ["==", ["geometry-type"], "Polygon"], paint: { "line-color": statusColor, "line-width": 1 } },
    { id: "claim-selected-fill", type: "fill", source: "selected", filter: ["==", ["geometry-type"], "Polygon"], paint: { "fill-color": statusColor, "fill-opacity": 0.65 } },
    { id: "claim-selected", type: "line", source: "selected", filter: ["==", ["geometry-type"], "Polygon"], paint: { "line-color": "#111", "line-width": 3 } },
    // Below parcel zoom a parcel is a few pixels across: a ring marks where it is.
    { id: "claim-selected-point", type: "circle", source: "selected", maxzoom: 13, filter: ["==", ["geometry-type"], "Point"], paint: { "circle-radius": 7, "circle-color": statusColor, "circle-stroke-color": "#111", "circle-stroke-width": 2.5 } },
    { id: "parcel-after", type: "line", source: "compared", filter: ["==", ["get", "shape"], "after"], paint: { "line-color": "#1f5fbf", "line-width": 3 } },
    { id: "parcel-before", type: "line", source: "compared", filter: ["==", ["get", "shape"], "before"], paint: { "line-color": "#b3261e", "line-width": 3, "line-dasharray": [2, 1.5] } },
    // Labels last, above everything they name.
    {
      id: "count-labels", type: "symbol", source: "fra", "source-layer": "counts",
      layout: {
        "text-field": ["format", ["get", "name"], {}, "\n", {}, ["number-format", ["get", "n"], {}], { "font-scale": 0.85 }],
        "text-font": LABEL_FONT, "text-size": 11, "text-offset": [0, 1.6], "text-anchor": "top", "text-optional": true,
      },
      paint: { "text-color": "#24352c", "text-halo-color": "#fff", "text-halo-width": 1.2 },
    },
    {
      id: "village-labels", type: "symbol", source: "fra", "source-layer": "village_labels",
      layout: { "text-field": ["get", "name"], "text-font": LABEL_FONT, "text-size": 11, "text-padding": 6 },
      paint: { "text-color": "#4d6443", "text-halo-color": "rgba(255,255,255,0.9)", "text-halo-width": 1.2 },
    },
  );
  return { version: 8, sources, layers };
}

/** Adds a vector basemap's sources and layers under the claims once its style loads; offline, or with a
 * style that is not one, the map goes on without it. */
async function addBasemapStyle(map: maplibregl.Map, url: string): Promise<void> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const { sources, layers, dropped } = basemapParts(await response.json());
    for (const [id, source] of Object.entries(sources)) map.addSource(id, source as maplibregl.SourceSpecification);
    for (const layer of layers) map.addLayer(layer as maplibregl.LayerSpecification, "village-fill");
    if (dropped.length) console.info(`basemap: ${dropped.length} label, icon or pattern layers left out (the app loads no glyphs or sprites)`);
  } catch (e) {
    console.warn(`basemap ${url} not drawn: ${e instanceof Error ? e.message : String(e)}`);
  }
}

export function ClaimMap(props: {
  filter: ClaimFilter;
  basemap: Basemap | null;
  boundarySource: string; // credited on the map: the synthetic demo's, or a licensed boundary file's
  initialBounds: Bbox | null; // the user's own area: the map opens on it
  selectedClaimNo: string | null;
  focus: { bbox: Bbox; key: number } | null;
  comparison: ParcelShapes | null; // a parcel edit picked in the claim's history
  dataVersion: number;
  onSelect: (claimNo: string) => void;
  onViewportChange: (bbox: Bbox) => void;
}) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const [counts, setCounts] = useState<CountUnit | null>(null);
  const handlers = useRef(props);
  handlers.current = props;

  useEffect(() => {
    if (!container.current) return;
    maplibregl.setWorkerUrl("/maplibre-gl-csp-worker.js");
    const map = new maplibregl.Map({
      container: container.current,
      style: buildStyle(handlers.current.filter, handlers.current.dataVersion, handlers.current.basemap),
      ...(handlers.current.initialBounds ? { bounds: handlers.current.initialBounds, fitBoundsOptions: { padding: 24 } } : STATE_VIEW),
      maxZoom: 18,
      attributionControl: { compact: true, customAttribution: `Boundaries: ${handlers.current.boundarySource}` },
    });
    mapRef.current = map;
    (window as unknown as { __fraMap?: maplibregl.Map }).__fraMap = map; // for end-to-end tests and debugging
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), "top-right");
    map.addControl(new maplibregl.ScaleControl({ unit: "metric" }), "bottom-right");
    const reportViewport = () => {
      const b = map.getBounds();
      handlers.current.onViewportChange([b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]);
    };
    map.on("load", () => {
      reportViewport();
      const basemap = handlers.current.basemap;
      if (basemap?.kind === "style") void addBasemapStyle(map, basemap.url);
      (window as unknown as { __fraMapReady?: boolean }).__fraMapReady = true;
      // First complete paint (tiles loaded and drawn): what the tile benchmark times.
      map.once("idle", () => ((window as unknown as { __fraMapIdleAt?: number }).__fraMapIdleAt = performance.now()));
    });
    map.on("moveend", reportViewport);
    const showLegend = () => setCounts(shownAt(map));
    showLegend();
    map.on("zoomend", showLegend);
    const clickable = ["claim-fill", "claim-points"];
    map.on("click", (e) => {
      const hit = map.queryRenderedFeatures(e.point, { layers: clickable })[0];
      if (hit?.properties?.claim_no) return handlers.current.onSelect(String(hit.properties.claim_no));
      const count = map.queryRenderedFeatures(e.point, { layers: ["counts"] })[0];
      if (count) map.easeTo({ center: e.lngLat, zoom: Math.max(map.getZoom(), ZOOM_BELOW_COUNT_LEVEL[String(count.properties?.level)] ?? 12.5) });
    });
    const popup = new maplibregl.Popup({ closeButton: false, closeOnClick: false, offset: 8 });
    map.on("mousemove", (e) => {
      const f = map.queryRenderedFeatures(e.point, { layers: [...clickable, "counts", "village-fill"] })[0];
      map.getCanvas().style.cursor = f && f.layer.id !== "village-fill" ? "pointer" : "";
      if (!f) return void popup.remove();
      const p = f.properties ?? {};
      const text = f.layer.id === "counts"
        ? `${p.name}${p.level === "tehsil" ? " tehsil" : ""}: ${p.n} claims (${p.granted} titled, ${p.rejected} rejected, ${p.pending} pending)`
        : f.layer.id === "village-fill" ? `${p.name} ${p.name_local ?? ""} · census ${p.census_code}`
        : `${p.claim_no} · ${STATUS_LABELS[p.status as keyof typeof STATUS_LABELS] ?? p.status} · ${p.area_ha} ha`;
      popup.setLngLat(e.lngLat).setText(text).addTo(map);
    });
    map.on("mouseout", () => popup.remove());
    return () => {
      popup.remove();
      map.remove();
      mapRef.current = null;
    };
  }, []);

  useEffect(() => {
    const source = mapRef.current?.getSource<maplibregl.VectorTileSource>("fra");
    source?.setTiles([tileUrl(props.filter, props.dataVersion)]);
  }, [props.filter, props.dataVersion]);

  // Keyed by claim number: the selected claim's record once loaded, nothing while it loads or with none selected.
  const selected = useClaim(props.selectedClaimNo).data;
  useEffect(() => {
    if (mapRef.current) setSourceData(mapRef.current, "selected", selectedFeatures(selected));
  }, [selected]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const shapes = props.comparison;
    setSourceData(map, "compared", comparedFeatures(shapes));
    if (shapes) {
      const [w, s, e, n] = bboxOf([shapes.after, shapes.before])!;
      map.resize();
      map.fitBounds([[w, s], [e, n]], { padding: 80, maxZoom: 17, duration: 600 });
    }
  }, [props.comparison]);

  useEffect(() => {
    if (!props.focus || !mapRef.current) return;
    const [w, s, e, n] = props.focus.bbox;
    // The claim panel may have just opened beside the map: measure the new size before fitting.
    mapRef.current.resize();
    mapRef.current.fitBounds([[w, s], [e, n]], { padding: 60, maxZoom: 15.5, duration: 600 });
  }, [props.focus]);

  return (
    <section className="map" aria-label="Claims map">
      <div ref={container} className="canvas" data-testid="map" />
      <Legend counts={counts} />
    </section>
  );
}
