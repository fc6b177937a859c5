// The optional basemap under the claims (FRA_BASEMAP_URL): an XYZ raster template, or the URL of a
// MapLibre style (a vector basemap). Either is drawn only when it loads: the claims map never waits for
// it, so offline it is simply absent.
import { z } from "zod";
import { describeIssues } from "./zod-issues";

export type Basemap = { kind: "raster"; tiles: string } | { kind: "style"; url: string };

const PLACEHOLDERS = ["{z}", "{x}", "{y}"];

export const basemapUrlSchema = z
  .string()
  .url()
  .refine((u) => /^https?:/.test(u), "the basemap must be an http(s) URL")
  .refine((u) => PLACEHOLDERS.every((p) => u.includes(p)) || PLACEHOLDERS.every((p) => !u.includes(p)), "a raster basemap URL needs all of {z}, {x} and {y}; a style URL none")
  .transform((u): Basemap => (u.includes("{z}") ? { kind: "raster", tiles: u } : { kind: "style", url: u }));

// What the map takes from a basemap style: its sources and its layers. Only the fields read here are
// checked; MapLibre checks the rest when each source and layer is added.
const basemapStyleSchema = z.object({
  version: z.literal(8),
  sources: z.record(z.string(), z.object({ type: z.string() }).passthrough()),
  layers: z.array(z.object({ id: z.string().min(1), type: z.string(), source: z.string().optional(), paint: z.record(z.string(), z.unknown()).optional() }).passthrough()),
});

type StyleLayer = z.infer<typeof basemapStyleSchema>["layers"][number];
export type BasemapParts = { sources: Record<string, { type: string }>; layers: StyleLayer[]; dropped: string[] };

const PREFIX = "basemap:";
// The app's styles name no glyph server and no sprite (labels are drawn from the device's fonts), so a
// basemap's labels, icons and patterns could not be drawn: those layers are left out.
const needsSpriteOrGlyphs = (layer: StyleLayer) =>
  layer.type === "symbol" || Object.keys(layer.paint ?? {}).some((k) => k.endsWith("-pattern"));

/** A fetched basemap style, checked, as sources and layers renamed so that they cannot clash with the app's. */
export function basemapParts(style: unknown): BasemapParts {
  const parsed = basemapStyleSchema.safeParse(style);
  if (!parsed.success) throw new Error(`the basemap style is not a MapLibre style: ${describeIssues(parsed.error)}`);
  const sources = Object.fromEntries(Object.entries(parsed.data.sources).map(([id, source]) => [PREFIX + id, source]));
  const kept = parsed.data.layers.filter((l) => !needsSpriteOrGlyphs(l) && (l.source === undefined || PREFIX + l.source in sources));
  return {
    sources,
    layers: kept.map((l) => ({ ...l, id: PREFIX + l.id, ...(l.source !== undefined ? { source: PREFIX + l.source } : {}) })),
    dropped: parsed.data.layers.filter((l) => !kept.includes(l)).map((l) => l.id),
  };
}
