// What the tablet's two maps share: its villages and the claims it holds, drawn from its copy of the area
// (no tiles, no network), under whatever each map adds between them and the village names.
import type * as maplibregl from "maplibre-gl";
import type { AreaClaim, AreaVillage } from "@/configs/contracts/field";
import { STATUS_COLORS } from "@/configs/workflow";
import { LABEL_FONT } from "@/components/map/label-font";

export function villageFeatures(villages: readonly AreaVillage[], chosenId: number | null): GeoJSON.FeatureCollection {
  return {
    type: "FeatureCollection",
    features: villages.map((v) => ({ type: "Feature", properties: { id: v.id, name: v.name, chosen: v.id === chosenId }, geometry: v.geometry })),
  };
}

/** Claims as parcels, or as points where none is mapped; `open` marks those a step is open for, to stand out. */
export function claimFeatures(claims: readonly AreaClaim[], open: (claim: AreaClaim) => boolean = () => true): GeoJSON.FeatureCollection {
  return {
    type: "FeatureCollection",
    features: claims.flatMap((c): GeoJSON.Feature[] => {
      const properties = { id: c.id, claimNo: c.claimNo, color: STATUS_COLORS[c.status], open: open(c) };
      if (c.parcel) return [{ type: "Feature", properties, geometry: c.parcel }];
      return c.lon !== null && c.lat !== null ? [{ type: "Feature", properties, geometry: { type: "Point", coordinates: [c.lon, c.lat] } }] : [];
    }),
  };
}

// Where a map of the area opens when the tablet has no village to open on (Gadchiroli's middle).
export const NO_AREA_VIEW = { center: [80.2, 19.6] as [number, number], zoom: 9 };

/** The layers under a map's own (background, villages, claims; from sources `villages` and `claims`), and its labels above them. */
export function areaLayers(pointRadius: number): { below: maplibregl.LayerSpecification[]; labels: maplibregl.LayerSpecification[] } {
  // Claims no step is open for are faded, where a map marks them.
  const opacity = (open: number, closed: number): maplibregl.ExpressionSpecification => ["case", ["get", "open"], open, closed];
  return {
    below: [
      { id: "bg", type: "background", paint: { "background-color": "#eef0e8" } },
      { id: "village-fill", type: "fill", source: "villages", paint: { "fill-color": ["case", ["get", "chosen"], "#cfe3c4", "#e3e8dc"], "fill-opacity": 0.7 } },
      { id: "village-line", type: "line", source: "villages", paint: { "line-color": ["case", ["get", "chosen"], "#2e6b4f", "#9aae8f"], "line-width": ["case", ["get", "chosen"], 2.5, 0.8] } },
      { id: "claim-fill", type: "fill", source: "claims", filter: ["==", ["geometry-type"], "Polygon"], paint: { "fill-color": ["get", "color"], "fill-opacity": opacity(0.55, 0.15) } },
      {
        id: "claim-point", type: "circle", source: "claims", filter: ["==", ["geometry-type"], "Point"],
        paint: { "circle-color": ["get", "color"], "circle-radius": pointRadius, "circle-opacity": opacity(1, 0.3), "circle-stroke-color": "#fff", "circle-stroke-width": opacity(1, 0) },
      },
    ],
    labels: [
      { id: "village-label", type: "symbol", source: "villages", layout: { "text-field": ["get", "name"], "text-font": LABEL_FONT, "text-size": 12 }, paint: { "text-color": "#2e4a3a", "text-halo-color": "#fff", "text-halo-width": 1.2 } },
    ],
  };
}
