"use client";
// The tablet's area on a map, to pick a claim by where it lies: the claims a step is open for stand out,
// a tap on one picks it, a tap elsewhere in a village picks the village. Drawn from the tablet's copy of
// the area, so it works offline.
import * as maplibregl from "maplibre-gl";
import { useEffect, useRef } from "react";
import type { AreaClaim, AreaVillage } from "@/configs/contracts/field";
import { bboxOf, setSourceData } from "@/components/map/geojson-helpers";
import { areaLayers, claimFeatures, NO_AREA_VIEW, villageFeatures } from "./area-map-style";

const NONE: GeoJSON.FeatureCollection = { type: "FeatureCollection", features: [] };
// A finger covers more than a claim's point: a tap picks what lies within this many pixels.
const TAP_SLOP_PX = 12;

export function AreaClaimsMap({ villages, claims, isOpen, villageId, picked, onPickClaim, onPickVillage }: {
  villages: readonly AreaVillage[];
  claims: readonly AreaClaim[];
  isOpen: (claim: AreaClaim) => boolean; // a step is open for it, or waits or was refused on this tablet
  villageId: number | null;
  picked: AreaClaim | null;
  onPickClaim: (claimId: string) => void;
  onPickVillage: (villageId: number) => void;
}) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const handlers = useRef({ onPickClaim, onPickVillage });
  handlers.current = { onPickClaim, onPickVillage };
  const village = villages.find((v) => v.id === villageId) ?? null;
  // The village the map was last brought to, or tapped in (a tap leaves the view where it is).
  const shownVillage = useRef(villageId);

  useEffect(() => {
    if (!container.current) return;
    maplibregl.setWorkerUrl("/maplibre-gl-csp-worker.js");
    const layers = areaLayers(6);
    const map = new maplibregl.Map({
      container: container.current,
      style: {
        version: 8,
        sources: { villages: { type: "geojson", data: NONE }, claims: { type: "geojson", data: NONE }, picked: { type: "geojson", data: NONE } },
        layers: [
          ...layers.below,
          { id: "picked-line", type: "line", source: "picked", paint: { "line-color": "#111", "line-width": 3 } },
          { id: "picked-point", type: "circle", source: "picked", filter: ["==", ["geometry-type"], "Point"], paint: { "circle-radius": 10, "circle-color": "rgba(0,0,0,0)", "circle-stroke-color": "#111", "circle-stroke-width": 3 } },
          ...layers.labels,
        ],
      },
      ...(village ? { bounds: bboxOf([village.geometry])!, fitBoundsOptions: { padding: 30 } } : NO_AREA_VIEW),
      attributionControl: { compact: true, customAttribution: "Villages and claims cached on this tablet" },
    });
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), "top-right");
    map.addControl(new maplibregl.ScaleControl({ unit: "metric" }), "bottom-right");
    mapRef.current = map;
    (window as unknown as { __fraAreaMap?: maplibregl.Map }).__fraAreaMap = map; // for end-to-end tests
    map.on("click", (e) => {
      const box: [maplibregl.PointLike, maplibregl.PointLike] = [[e.point.x - TAP_SLOP_PX, e.point.y - TAP_SLOP_PX], [e.point.x + TAP_SLOP_PX, e.point.y + TAP_SLOP_PX]];
      const hits = map.queryRenderedFeatures(box, { layers: ["claim-point", "claim-fill"] });
      // An open claim before a faded one.
      const claim = hits.find((f) => f.properties.open) ?? hits[0];
      if (claim) return handlers.current.onPickClaim(String(claim.properties.id));
      const inVillage = map.queryRenderedFeatures(e.point, { layers: ["village-fill"] })[0];
      if (!inVillage) return;
      shownVillage.current = Number(inVillage.properties.id);
      handlers.current.onPickVillage(shownVillage.current);
    });
    map.on("mousemove", (e) => {
      map.getCanvas().style.cursor = map.queryRenderedFeatures(e.point, { layers: ["claim-point", "claim-fill"] }).length > 0 ? "pointer" : "";
    });
    return () => {
      map.remove();
      mapRef.current = null;
    };
    // Built once; its data and view follow the props below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Each source is set once the style has it, and again whenever its data changes.
  const setSource = (id: string, data: GeoJSON.FeatureCollection) => {
    if (mapRef.current) setSourceData(mapRef.current, id, data);
  };
  useEffect(() => setSource("villages", villageFeatures(villages, villageId)), [villages, villageId]);
  useEffect(() => setSource("claims", claimFeatures(claims, isOpen)), [claims, isOpen]);
  useEffect(() => setSource("picked", picked ? claimFeatures([picked]) : NONE), [picked]);

  // A village picked from the list brings the map to it.
  useEffect(() => {
    if (!village || shownVillage.current === village.id) return;
    shownVillage.current = village.id;
    const [w, s, e, n] = bboxOf([village.geometry])!;
    mapRef.current?.fitBounds([[w, s], [e, n]], { padding: 30, duration: 400 });
  }, [village]);

  return <div ref={container} className="area-map" data-testid="area-map" />;
}
