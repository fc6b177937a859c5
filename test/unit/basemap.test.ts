// The optional basemap: FRA_BASEMAP_URL read as a raster template or a style URL, and a fetched style
// turned into sources and layers that cannot clash with the app's own.
import { describe, expect, it } from "vitest";
import { basemapParts } from "@/configs/basemap";
import { readServerEnv } from "@/configs/server";

const env = (vars: Record<string, string>) => readServerEnv(vars as NodeJS.ProcessEnv);
const basemapOf = (url: string) => env({ FRA_BASEMAP_URL: url }).FRA_BASEMAP_URL;

describe("FRA_BASEMAP_URL", () => {
  it("is a raster template with {z}, {x} and {y}, or a style URL with none", () => {
    expect(basemapOf("https://tiles.example.org/{z}/{x}/{y}.png")).toEqual({ kind: "raster", tiles: "https://tiles.example.org/{z}/{x}/{y}.png" });
    expect(basemapOf("https://maps.example.org/styles/liberty.json")).toEqual({ kind: "style", url: "https://maps.example.org/styles/liberty.json" });
    expect(env({}).FRA_BASEMAP_URL).toBeUndefined();
  });

  it("stops start-up with a clear message for a half template or a URL that is not http(s)", () => {
    expect(() => basemapOf("https://tiles.example.org/{z}/{x}.png")).toThrow(/FRA_BASEMAP_URL: a raster basemap URL needs all of \{z\}, \{x\} and \{y\}/);
    expect(() => basemapOf("ftp://tiles.example.org/style.json")).toThrow(/FRA_BASEMAP_URL: the basemap must be an http\(s\) URL/);
    expect(() => basemapOf("tiles/{z}/{x}/{y}")).toThrow(/FRA_BASEMAP_URL/);
  });
});

describe("a vector basemap's style", () => {
  const style = {
    version: 8,
    glyphs: "https://maps.example.org/fonts/{fontstack}/{range}.pbf",
    sources: { osm: { type: "vector", url: "https://maps.example.org/osm.json" } },
    layers: [
      { id: "background", type: "background", paint: { "background-color": "#f8f4f0" } },
      { id: "water", type: "fill", source: "osm", "source-layer": "water", paint: { "fill-color": "#a0c8f0" } },
      { id: "wetland", type: "fill", source: "osm", "source-layer": "landcover", paint: { "fill-pattern": "wetland" } },
      { id: "roads", type: "line", source: "osm", "source-layer": "transportation" },
      { id: "place-names", type: "symbol", source: "osm", "source-layer": "place", layout: { "text-field": "{name}" } },
      { id: "stray", type: "line", source: "elsewhere", "source-layer": "x" },
    ],
  };

  it("keeps its sources and drawable layers under new names, in order, with their other fields", () => {
    const parts = basemapParts(style);
    expect(Object.keys(parts.sources)).toEqual(["basemap:osm"]);
    expect(parts.layers.map((l) => [l.id, l.source])).toEqual([
      ["basemap:background", undefined],
      ["basemap:water", "basemap:osm"],
      ["basemap:roads", "basemap:osm"],
    ]);
    expect(parts.layers[1]).toMatchObject({ "source-layer": "water", paint: { "fill-color": "#a0c8f0" } });
  });

  it("leaves out labels and patterns (no glyphs or sprites are loaded) and layers of an unknown source", () => {
    expect(basemapParts(style).dropped).toEqual(["wetland", "place-names", "stray"]);
  });

  it("refuses what is not a MapLibre style, saying what is wrong", () => {
    expect(() => basemapParts({ version: 7, sources: {}, layers: [] })).toThrow(/not a MapLibre style: version/);
    expect(() => basemapParts({ version: 8, sources: {} })).toThrow(/layers/);
    expect(() => basemapParts("<html>")).toThrow(/not a MapLibre style/);
  });
});
