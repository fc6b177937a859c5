// Real village boundaries for the demo, in the layout DataMeet's indian_village_boundaries publishes them
// (ODbL; README "Demo data"): one GeoJSON FeatureCollection per state, each feature a village or a town
// with NAME, SUB_DIST, DISTRICT, STATE, TYPE and its Census 2001 code CEN_2001; and, beside it, that
// project's code table, which gives each Census 2001 code the Census 2011 village, sub-district, district
// and state codes. Both are read and checked here, before the database sees anything: a bad file is
// refused whole, with what is wrong and where.
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
export type BoundarySet = { state: { code: string; name: string }; districts: BoundaryDistrict[]; places: BoundaryPlace[] };

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
    STATE: text.min(1, "a place needs its STATE"),
    TYPE: text.nullish(),
    CEN_2001: z.union([z.string(), z.number().int()]).transform(String).pipe(z.string().regex(/^\d{8,16}$/, "CEN_2001 must be a Census 2001 code (8 to 16 digits)")),
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

  const stateNames = new Set(features.map((f) => f.properties.STATE));
  if (stateNames.size > 1) throw new BoundaryFileError(`one file holds one state; this one has ${[...stateNames].join(", ")}`);
  const stateCode = mostCommon(features.map((f) => codeOf(f)?.state_code_2011 ?? f.properties.CEN_2001.slice(0, 2)));
  const state = STATES_BY_CENSUS_CODE[stateCode];
  if (!state) throw new BoundaryFileError(`state code "${stateCode}" (from the Census codes) is not a Census 2011 state`);

  const unnamed = features.flatMap((f, i) => (f.properties.NAME || codeOf(f)?.village_name_2011 ? [] : [`feature ${i} (CEN_2001 ${f.properties.CEN_2001})`]));
  if (unnamed.length > 0) throw new BoundaryFileError(`${unnamed.length} places have no NAME, nor a name in the Census code table: ${unnamed.slice(0, MAX_REPORTED_ERRORS).join(", ")}`);
  const places = features.map((f): BoundaryPlace => ({
    kind: f.properties.TYPE?.toLowerCase() === "town" ? "town" : "village",
    name: f.properties.NAME || codeOf(f)!.village_name_2011!,
    district: f.properties.DISTRICT,
    tehsil: f.properties.SUB_DIST || tehsilOfCode(features, codeOf, f),
    censusCode: codeOf(f)?.village_code_2011 ?? f.properties.CEN_2001,
    geometry: f.geometry,
  }));
  const repeated = duplicates(places.map((p) => p.censusCode));
  if (repeated.length > 0) throw new BoundaryFileError(`census codes must be unique; repeated: ${repeated.slice(0, MAX_REPORTED_ERRORS).join(", ")}`);
  if (!places.some((p) => p.kind === "village")) throw new BoundaryFileError("the file has towns only: claims are filed in villages");

  return { state: { code: stateCode, name: state.name }, districts: districtsOf(features, places, codeOf, stateCode), places };
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

// A place the file leaves without a sub-district takes the one that its district's places under the same
// Census 2011 sub-district code are filed under.
function tehsilOfCode(features: Feature[], codeOf: (f: Feature) => CodeRow | undefined, place: Feature): string {
  const code = codeOf(place)?.sub_district_code_2011;
  const named = features.filter((f) => f.properties.SUB_DIST && f.properties.DISTRICT === place.properties.DISTRICT && code !== undefined && codeOf(f)?.sub_district_code_2011 === code);
  return named.length > 0 ? mostCommon(named.map((f) => f.properties.SUB_DIST)) : "(no sub-district)";
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

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  return [...new Set(values.filter((v) => seen.has(v) || !seen.add(v)))];
}
