import { describe, expect, it } from "vitest";
import { readServerEnv } from "@/configs/server";
import { BoundaryFileError, readBoundaryFile } from "@/server/db/seed/boundary-file";
import { parseCsv } from "@/server/services/csv";
import { districtAbbr } from "@/server/db/seed/boundary-geography";
import { boundaryFixture, FIXTURE_PLACES } from "../helpers/boundary-fixture";

const fixture = boundaryFixture();
const withFeatures = (edit: (features: Array<Record<string, any>>) => void) => {
  const json = JSON.parse(fixture.geojson);
  edit(json.features);
  return JSON.stringify(json);
};

describe("readBoundaryFile", () => {
  it("reads a state's villages and towns with their Census 2011 codes", () => {
    const set = readBoundaryFile(fixture.geojson, fixture.codeTable);
    expect(set.state).toEqual({ code: "30", name: "Goa" });
    expect(set.districts).toEqual([
      { name: "North Goa", code: "585", tehsils: [{ name: "Satari", code: "5613" }, { name: "Pernem", code: "5609" }] },
      { name: "South Goa", code: "586", tehsils: [{ name: "Sanguem", code: "5618" }] },
    ]);
    expect(set.places.map((p) => [p.name, p.kind, p.tehsil, p.censusCode])).toEqual([
      ["Zarme", "village", "Satari", "626770"],
      ["Caranzol", "village", "Satari", "626771"],
      ["Sonal", "village", "Satari", "626772"],
      ["Torxem", "village", "Pernem", "626635"],
      // No SUB_DIST in the file: the tehsil its district's places under the same 2011 code are filed under.
      ["Mopa", "village", "Pernem", "626636"],
      // Not in the code table: it keeps its Census 2001 code.
      ["Pernem", "town", "Pernem", "3001000140101000"],
      ["Netravali", "village", "Sanguem", "626900"],
      // No NAME in the file: the code table's 2011 name, trimmed.
      ["Verlem", "village", "Sanguem", "626901"],
      ["Cotarli", "village", "Sanguem", "626902"],
    ]);
    expect(set.places[1]!.geometry.coordinates[0]).toHaveLength(7);
  });

  it("works without a code table: 2001 codes, and codes made from the state's for districts and tehsils", () => {
    const set = readBoundaryFile(withFeatures((f) => { f[7]!.properties.NAME = "Verlem"; }));
    expect(set.state.code).toBe("30");
    expect(set.districts.map((d) => [d.code, d.tehsils.map((t) => t.code)])).toEqual([
      ["30-D1", ["30-D1-T1", "30-D1-T2", "30-D1-T3"]],
      ["30-D2", ["30-D2-T1"]],
    ]);
    expect(set.places.find((p) => p.name === "Mopa")!.tehsil).toBe("(no sub-district)");
    expect(set.places[0]!.censusCode).toBe(FIXTURE_PLACES[0]!.cen2001);
  });

  it("reads a state split over several files (DataMeet's mh1/mh2) as one, naming the file at fault", () => {
    const json = JSON.parse(fixture.geojson);
    const part = (features: unknown[]) => JSON.stringify({ type: "FeatureCollection", features });
    const [first, second] = [part(json.features.slice(0, 4)), part(json.features.slice(4))];
    expect(readBoundaryFile([first, second], fixture.codeTable)).toEqual(readBoundaryFile(fixture.geojson, fixture.codeTable));
    expect(() => readBoundaryFile([first, "[]"], fixture.codeTable)).toThrow(/^file 2: the boundary file is not a GeoJSON FeatureCollection/);
    expect(() => readBoundaryFile([], fixture.codeTable)).toThrow(/no boundary file given/);
    expect(readServerEnv({ NODE_ENV: "test", FRA_SEED_BOUNDARIES: "mh/mh1.geojson:mh/mh2.geojson" }).FRA_SEED_BOUNDARIES).toEqual(["mh/mh1.geojson", "mh/mh2.geojson"]);
  });

  it("keeps the 2001 code of a place that was split into several 2011 villages", () => {
    const line = fixture.codeTable.split("\n").find((l) => l.includes("626770"))!;
    const split = fixture.codeTable.replace(line, `${line}\n${line.replace("626770", "645598")}`);
    const set = readBoundaryFile(fixture.geojson, split);
    expect(set.places[0]!.censusCode).toBe(FIXTURE_PLACES[0]!.cen2001);
    expect(set.districts[0]!.code).toBe("585");
  });

  it("reads Maharashtra's 18-digit codes, and features without STATE", () => {
    // Maharashtra's code: state 27, 2011 district 507 and sub-district 04046, 2001 village 01276600.
    const set = readBoundaryFile(withFeatures((f) => {
      f.forEach((x, i) => { x.properties.CEN_2001 = `2750704046${String(1276600 + 100 * i).padStart(8, "0")}`; delete x.properties.STATE; });
      f[7]!.properties.NAME = "Verlem";
    }));
    expect(set.state).toEqual({ code: "27", name: "Maharashtra" });
    expect(set.places[0]!.censusCode).toBe("275070404601276600");
    expect(set.notes).toEqual([]);
  });

  it("makes one place of a village's pieces, its unnamed pieces included", () => {
    const sonal = FIXTURE_PLACES[2]!;
    const set = readBoundaryFile(withFeatures((f) => {
      // Zarme's second piece, named; then an unnamed piece under Sonal's code.
      f.push({ ...structuredClone(f[0]!), geometry: structuredClone(f[8]!.geometry) });
      f.push({ ...structuredClone(f[2]!), properties: { ...f[2]!.properties, NAME: null } });
    }), fixture.codeTable);
    expect(set.places).toHaveLength(FIXTURE_PLACES.length);
    const zarme = set.places.find((p) => p.name === "Zarme")!;
    expect(zarme.geometry.type).toBe("MultiPolygon");
    expect(zarme.geometry.coordinates).toHaveLength(2);
    expect(set.places.find((p) => p.name === sonal.name)!.geometry.coordinates).toHaveLength(2);
    expect(set.notes).toEqual(["11 pieces make 9 places: pieces of one Census code and name are one place"]);
  });

  it("leaves out, and notes, a piece with no name anywhere; gives villages that share a code distinct ones", () => {
    const set = readBoundaryFile(withFeatures((f) => { f[1]!.properties.CEN_2001 = f[0]!.properties.CEN_2001; }));
    // Without the code table, Verlem (feature 7) has no name at all.
    expect(set.places.map((p) => p.name)).not.toContain("Verlem");
    expect(set.places.filter((p) => p.name === "Zarme" || p.name === "Caranzol").map((p) => p.censusCode)).toEqual(["3001000500000100", "3001000500000100-2"]);
    expect(set.notes).toEqual([
      "1 pieces with no NAME, nor a name in the Census code table nor a named piece of their code, are left out: feature 7 (CEN_2001 3002001000000200)",
      '"Caranzol" shares the Census code 3001000500000100 with another place: it is filed as 3001000500000100-2',
    ]);
  });

  it("skips code-table rows for 2011 villages that had no 2001 place", () => {
    const set = readBoundaryFile(fixture.geojson, `${fixture.codeTable}645599,Durgawadi (OG) (Part),30,585,5611,,,30,1,3,\n`);
    expect(set.places).toHaveLength(FIXTURE_PLACES.length);
  });

  it.each([
    ["not JSON", "{", undefined, /not JSON/],
    ["not a FeatureCollection", JSON.stringify({ type: "Feature" }), undefined, /not a GeoJSON FeatureCollection: type/],
    ["an empty collection", JSON.stringify({ type: "FeatureCollection", features: [] }), undefined, /no features/],
    ["a ring that does not close", withFeatures((f) => { f[2]!.geometry.coordinates[0].pop(); }), undefined, /feature 2 \("Sonal"\): geometry.coordinates.0: a polygon ring must end where it starts/],
    ["a point for a village", withFeatures((f) => { f[0]!.geometry = { type: "Point", coordinates: [74, 15] }; }), undefined, /feature 0 \("Zarme"\): geometry.type/],
    ["a longitude out of range", withFeatures((f) => { f[3]!.geometry.coordinates[0][1][0] = 740; }), undefined, /feature 3 \("Torxem"\)/],
    ["a place with no district", withFeatures((f) => { f[4]!.properties.DISTRICT = " "; }), undefined, /feature 4 \("Mopa"\): properties.DISTRICT: a place needs its DISTRICT/],
    ["a malformed Census code", withFeatures((f) => { f[0]!.properties.CEN_2001 = "30-01"; }), undefined, /CEN_2001 must be a Census 2001 code/],
    ["two states in one file", withFeatures((f) => { f[0]!.properties.STATE = "Maharashtra"; }), undefined, /one file holds one state; this one has Maharashtra, Goa/],
    ["places none of which has a name", withFeatures((f) => { for (const x of f) x.properties.NAME = ""; }), undefined, /none of the 9 places has a NAME/],
    ["towns only", withFeatures((f) => { for (const x of f) x.properties.TYPE = "Town"; }), fixture.codeTable, /towns only/],
    ["an unknown state code", withFeatures((f) => { for (const x of f) x.properties.CEN_2001 = `99${x.properties.CEN_2001.slice(2)}`; f[7]!.properties.NAME = "Verlem"; }), undefined, /state code "99"/],
    ["a code table without the needed columns", fixture.geojson, "CEN_2001,village_code_2011\n1,2\n", /lacks the column\(s\) village_name_2011, state_code_2011/],
    ["a code table with a bad code", fixture.geojson, fixture.codeTable.replace(",585,", ",58x,"), /code table's row 1: district_code_2011: district_code_2011 must be digits/],
  ])("refuses %s with a clear error", (_, geojson, codeTable, message) => {
    expect(() => readBoundaryFile(geojson, codeTable)).toThrow(BoundaryFileError);
    expect(() => readBoundaryFile(geojson, codeTable)).toThrow(message);
  });

  it("reports how many features are bad and the first few", () => {
    const bad = withFeatures((f) => { for (const x of f) x.properties.DISTRICT = ""; });
    expect(() => readBoundaryFile(bad, fixture.codeTable)).toThrow(/9 of 9 features are not usable: feature 0 \("Zarme"\).*\(and 4 more\)$/);
  });
});

describe("parseCsv", () => {
  it("reads quoted cells with commas, doubled quotes and line breaks, CRLF rows, a byte-order mark, and skips blank rows", () => {
    expect(parseCsv('\uFEFFa,b\r\n"x, y","say ""hi"""\n\n"two\nlines",\n')).toEqual([["a", "b"], ["x, y", 'say "hi"'], ["two\nlines", ""]]);
    expect(parseCsv("a,b")).toEqual([["a", "b"]]);
  });
});

describe("districtAbbr", () => {
  it("makes three letters from the name, unique within the state", () => {
    const taken = new Set<string>();
    expect(["North Goa", "South Goa", "Satara", "Sangli", "Sa"].map((n) => districtAbbr(n, taken))).toEqual(["NGO", "SGO", "SAT", "SAN", "SAX"]);
    expect(districtAbbr("Satpura", taken)).toBe("SA2");
  });
});
