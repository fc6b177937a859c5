// Real village boundaries for the demo, in the layout DataMeet's indian_village_boundaries publishes them
// (ODbL; README "Demo data"): one GeoJSON FeatureCollection per state (two for Maharashtra), each feature
// a village or a town with NAME, SUB_DIST, DISTRICT, STATE, TYPE and its Census 2001 code CEN_2001; and,
// beside it, that project's code table, which gives each Census 2001 code the Census 2011 village,
// sub-district, district and state codes. Both are read and checked here, before the database sees
// anything: a bad file is refused whole, with what is wrong and where. What real files hold and is not an
// error: Maharashtra's codes are 18 digits (state, 2011 district and sub-district, 2001 village), some
// villages come in several pieces under one code, a few pieces have no name at all, and a few codes are
// shared by villages of different names.
import { readFileSync } from "node:fs";
import { z } from "zod";
import { polygonCoords } from "@/configs/contracts/geojson";
import { STATES_BY_CENSUS_CODE } from "@/configs/states";
import { describeIssues } from "@/configs/zod-issues";
import { parseCsv } from "@/server/services/csv";

export type BoundaryGeometry =
  | { type: "Polygon"; coordinates: Array<Array<[number, number]>> }
  | { type: "MultiPolygon"; coordinates: Array<Array<Array<[number, number]>>> };

/** A village (FRA claims are filed in these) or a town (part of its district's shape, not of claims). */
export type BoundaryPlace = {
  kind: "village" | "town";
  name: string;
  district: string;
  tehsil: string;
  /** Census 2011 village code where the code table has it, else the file's Census 2001 code. */
  censusCode: string;
  geometry: BoundaryGeometry;
};

export type BoundaryArea = { name: string; code: string };
export type BoundaryDistrict = BoundaryArea & { tehsils: BoundaryArea[] };
export type BoundarySet = {
  state: { code: string; name: string };
  districts: BoundaryDistrict[];
  places: BoundaryPlace[];
  /** What the reader had to decide for itself, for the seed to print: pieces left out, codes made unique. */
  notes: string[];
};

const MAX_REPORTED_ERRORS = 5;

const boundaryGeometrySchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("Polygon"), coordinates: polygonCoords }),
  z.object({ type: z.literal("MultiPolygon"), coordinates: z.array(polygonCoords).min(1) }),
]);

const text = z.string().trim();
const featureSchema = z.object({
  type: z.literal("Feature"),
  geometry: boundaryGeometrySchema,
  properties: z.object({
    NAME: text.nullish().transform((s) => s ?? ""), // may be blank where the code table names the place
    DISTRICT: text.min(1, "a place needs its DISTRICT"),
    SUB_DIST: text.nullish().transform((s) => s ?? ""),
    STATE: text.nullish(), // the Census code says which state; this only catches two states in one file
    TYPE: text.nullish(),
    CEN_2001: z.union([z.string(), z.number().int()]).transform(String).pipe(z.string().regex(/^\d{8,18}$/, "CEN_2001 must be a Census 2001 code (8 to 18 digits)")),
  }),
});
type Feature = z.infer<typeof featureSchema>;

const collectionSchema = z.object({ type: z.literal("FeatureCollection"), features: z.array(z.unknown()).min(1, "the file has no features") });

const CODE_COLUMNS = ["CEN_2001", "village_code_2011", "village_name_2011", "state_code_2011", "district_code_2011", "sub_district_code_2011"] as const;
const digits = (label: string) => z.string().trim().regex(/^\d+$/, `${label} must be digits`);
const codeRowSchema = z.object({
  CEN_2001: digits("CEN_2001"),
  village_code_2011: digits("village_code_2011").optional(),
  village_name_2011: z.string().trim().optional(),
  state_code_2011: digits("state_code_2011").transform((s) => s.padStart(2, "0")),
  district_code_2011: digits("district_code_2011"),
  sub_district_code_2011: digits("sub_district_code_2011"),
});
type CodeRow = z.infer<typeof codeRowSchema>;

export class BoundaryFileError extends Error {
  override name = "BoundaryFileError";
}

/** The files at these paths (the command line's and FRA_SEED_BOUNDARIES' way in). */
export function readBoundaryFiles(geojsonPaths: readonly string[], codeTablePath?: string): BoundarySet {
  return readBoundaryFile(geojsonPaths.map((p) => readFileSync(p, "utf8")), codeTablePath === undefined ? undefined : readFileSync(codeTablePath, "utf8"));
}

/**
 * Reads a state's village boundary file, or the parts of one (DataMeet splits its largest states:
 * mh1.geojson and mh2.geojson), and, if given, its Census code table. Throws BoundaryFileError.
 */
export function readBoundaryFile(geojsonTexts: string | readonly string[], codeTableText?: string): BoundarySet {
  const texts = typeof geojsonTexts === "string" ? [geojsonTexts] : geojsonTexts;
  if (texts.length === 0) throw new BoundaryFileError("no boundary file given");
  const features = texts.flatMap((text, i) => readFeatures(text, texts.length > 1 ? `file ${i + 1}: ` : ""));
  const codes = codeTableText === undefined ? new Map<string, CodeRow>() : readCodeTable(codeTableText);
  const codeOf = (f: Feature) => codes.get(f.properties.CEN_2001);

  const stateNames = new Set(features.flatMap((f) => (f.properties.STATE ? [f.properties.STATE] : [])));
  if (stateNames.size > 1) throw new BoundaryFileError(`one file holds one state; this one has ${[...stateNames].join(", ")}`);
  const stateCode = mostCommon(features.map((f) => codeOf(f)?.state_code_2011 ?? f.properties.CEN_2001.slice(0, 2)));
  const state = STATES_BY_CENSUS_CODE[stateCode];
  if (!state) throw new BoundaryFileError(`state code "${stateCode}" (from the Census codes) is not a Census 2011 state`);

  const notes: string[] = [];
  const wholes = piecesJoined(features, codeOf, notes);
  if (wholes.length === 0) throw new BoundaryFileError(`none of the ${features.length} places has a NAME, nor a name in the Census code table`);
  const tehsilOf = tehsilsByCode(features, codeOf);
  const usedCodes = new Set<string>();
  const places = wholes.map(({ feature: f, name, geometry }): BoundaryPlace => ({
    kind: f.properties.TYPE?.toLowerCase() === "town" ? "town" : "village",
    name,
    district: f.properties.DISTRICT,
    tehsil: f.properties.SUB_DIST || tehsilOf(f),
    censusCode: uniqueCode(codeOf(f)?.village_code_2011 ?? f.properties.CEN_2001, name, usedCodes, notes),
    geometry,
  }));
  if (!places.some((p) => p.kind === "village")) throw new BoundaryFileError("the file has towns only: claims are filed in villages");

  const placeFeatures = wholes.map((w) => w.feature);
  return { state: { code: stateCode, name: state.name }, districts: districtsOf(placeFeatures, places, codeOf, stateCode), places, notes };
}

function readFeatures(geojsonText: string, whichFile: string): Feature[] {
  let json: unknown;
  try {
    json = JSON.parse(geojsonText);
  } catch (error) {
    throw new BoundaryFileError(`${whichFile}the boundary file is not JSON: ${(error as Error).message}`);
  }
  const collection = collectionSchema.safeParse(json);
  if (!collection.success) throw new BoundaryFileError(`${whichFile}the boundary file is not a GeoJSON FeatureCollection: ${describeIssues(collection.error)}`);
  const errors: string[] = [];
  const features: Feature[] = [];
  collection.data.features.forEach((raw, index) => {
    const parsed = featureSchema.safeParse(raw);
    if (parsed.success) features.push(parsed.data);
    else errors.push(`feature ${index}${nameOf(raw)}: ${describeIssues(parsed.error)}`);
  });
  if (errors.length > 0) {
    const more = errors.length > MAX_REPORTED_ERRORS ? ` (and ${errors.length - MAX_REPORTED_ERRORS} more)` : "";
    throw new BoundaryFileError(`${whichFile}${errors.length} of ${collection.data.features.length} features are not usable: ${errors.slice(0, MAX_REPORTED_ERRORS).join("; ")}${more}`);
  }
  return features;
}

const nameOf = (raw: unknown) => {
  const name = (raw as { properties?: { NAME?: unknown } } | null)?.properties?.NAME;
  return typeof name === "string" && name.trim() ? ` ("${name.trim()}")` : "";
};

function readCodeTable(csvText: string): Map<string, CodeRow> {
  const [header, ...records] = parseCsv(csvText);
  if (!header) throw new BoundaryFileError("the Census code table is empty");
  const missing = CODE_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0) throw new BoundaryFileError(`the Census code table lacks the column(s) ${missing.join(", ")}`);
  const out = new Map<string, CodeRow>();
  const split = new Set<string>();
  records.forEach((cells, index) => {
    const row = Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ""]));
    // A 2011 village that had no 2001 counterpart (a new outgrowth) cannot be matched to a feature.
    if (!row.CEN_2001?.trim()) return;
    const parsed = codeRowSchema.safeParse(row);
    if (!parsed.success) throw new BoundaryFileError(`the Census code table's row ${index + 1}: ${describeIssues(parsed.error)}`);
    if (out.has(parsed.data.CEN_2001)) split.add(parsed.data.CEN_2001);
    out.set(parsed.data.CEN_2001, parsed.data);
  });
  // A 2001 place split into several 2011 villages keeps its 2001 code: no one 2011 code is its own.
  for (const code of split) out.set(code, { ...out.get(code)!, village_code_2011: undefined });
  return out;
}

type Whole = { feature: Feature; name: string; geometry: BoundaryGeometry };

// The pieces of one village (one Census code and one name in one district) become one place; a piece with
// no name, nor one in the code table, joins a named piece of its code, or is left out (and noted): a
// village needs a name to be claimed in. The first piece stands for the place's other properties.
function piecesJoined(features: Feature[], codeOf: (f: Feature) => CodeRow | undefined, notes: string[]): Whole[] {
  const nameOf = (f: Feature) => f.properties.NAME || codeOf(f)?.village_name_2011 || "";
  const groupOf = (f: Feature, name: string) => `${f.properties.DISTRICT}\u0000${f.properties.CEN_2001}\u0000${name}`;
  const wholes = new Map<string, Whole>();
  const firstNamed = new Map<string, Whole>(); // by district and code: the piece an unnamed one joins
  for (const f of features) {
    const name = nameOf(f);
    if (!name) continue;
    const key = groupOf(f, name);
    const whole = wholes.get(key);
    if (whole) whole.geometry = joined(whole.geometry, f.geometry);
    else wholes.set(key, { feature: f, name, geometry: f.geometry });
    if (!firstNamed.has(groupOf(f, ""))) firstNamed.set(groupOf(f, ""), wholes.get(key)!);
  }
  const leftOut: string[] = [];
  features.forEach((f, index) => {
    if (nameOf(f)) return;
    const whole = firstNamed.get(groupOf(f, ""));
    if (whole) whole.geometry = joined(whole.geometry, f.geometry);
    else leftOut.push(`feature ${index} (CEN_2001 ${f.properties.CEN_2001})`);
  });
  if (leftOut.length > 0) notes.push(`${leftOut.length} pieces with no NAME, nor a name in the Census code table nor a named piece of their code, are left out: ${leftOut.slice(0, MAX_REPORTED_ERRORS).join(", ")}`);
  const pieces = features.length - leftOut.length;
  if (pieces > wholes.size) notes.push(`${pieces} pieces make ${wholes.size} places: pieces of one Census code and name are one place`);
  return [...wholes.values()];
}

function joined(a: BoundaryGeometry, b: BoundaryGeometry): BoundaryGeometry {
  const parts = (g: BoundaryGeometry) => (g.type === "Polygon" ? [g.coordinates] : g.coordinates);
  return { type: "MultiPolygon", coordinates: [...parts(a), ...parts(b)] };
}

// Villages of different names under one code keep it in file order; the later ones get a suffix, noted.
function uniqueCode(code: string, name: string, used: Set<string>, notes: string[]): string {
  let unique = code;
  for (let n = 2; used.has(unique); n++) unique = `${code}-${n}`;
  if (unique !== code) notes.push(`"${name}" shares the Census code ${code} with another place: it is filed as ${unique}`);
  used.add(unique);
  return unique;
}

// A place the file leaves without a sub-district takes the one that its district's places under the same
// Census 2011 sub-district code are filed under.
function tehsilsByCode(features: Feature[], codeOf: (f: Feature) => CodeRow | undefined): (place: Feature) => string {
  const keyOf = (f: Feature) => `${f.properties.DISTRICT}\u0000${codeOf(f)?.sub_district_code_2011 ?? ""}`;
  const named = new Map<string, string[]>();
  for (const f of features) {
    if (!f.properties.SUB_DIST || codeOf(f) === undefined) continue;
    const names = named.get(keyOf(f)) ?? [];
    names.push(f.properties.SUB_DIST);
    named.set(keyOf(f), names);
  }
  const tehsils = new Map([...named].map(([key, names]) => [key, mostCommon(names)]));
  return (place) => (codeOf(place) !== undefined && tehsils.get(keyOf(place))) || "(no sub-district)";
}

// A district's (a tehsil's) code is the Census 2011 code most of its places carry; where the code table
// gives none, or another district already took it, one is made from the state's code.
function districtsOf(features: Feature[], places: BoundaryPlace[], codeOf: (f: Feature) => CodeRow | undefined, stateCode: string): BoundaryDistrict[] {
  const taken = new Set<string>();
  const claim = (candidates: Array<string | undefined>, fallback: string) => {
    const known = candidates.filter((c): c is string => c !== undefined);
    const common = known.length > 0 ? mostCommon(known) : undefined;
    const code = common !== undefined && !taken.has(common) ? common : fallback;
    taken.add(code);
    return code;
  };
  const districtNames = [...new Set(places.map((p) => p.district))];
  return districtNames.map((district, d) => {
    const inDistrict = places.map((p, i) => [p, features[i]!] as const).filter(([p]) => p.district === district);
    const code = claim(inDistrict.map(([, f]) => codeOf(f)?.district_code_2011), `${stateCode}-D${d + 1}`);
    const tehsilNames = [...new Set(inDistrict.map(([p]) => p.tehsil))];
    const tehsils = tehsilNames.map((tehsil, t) => ({
      name: tehsil,
      code: claim(inDistrict.filter(([p]) => p.tehsil === tehsil).map(([, f]) => codeOf(f)?.sub_district_code_2011), `${code}-T${t + 1}`),
    }));
    return { name: district, code, tehsils };
  });
}

function mostCommon(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
}
