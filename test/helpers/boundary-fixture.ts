// A small state in the layout of DataMeet's village boundary files, made here (no fetched data): two
// districts of Goa on a grid of 0.02-degree cells (about 2 km), with an L-shaped village (concave, as
// surveyed ones are), a town, a village the file leaves unnamed and one it leaves without a sub-district.
// The Census code table beside it names the unnamed one and gives 2011 codes.
type Cell = readonly [col: number, row: number];
type Place = { name: string; district: string; subDist: string; type: "Village" | "Town"; cen2001: string; cells: Cell[]; code2011?: string; name2011?: string };

const ORIGIN = [74.1, 15.2] as const;
const SIZE = 0.02;

export const FIXTURE_PLACES: readonly Place[] = [
  { name: "Zarme", district: "North Goa", subDist: "Satari", type: "Village", cen2001: "3001000500000100", cells: [[0, 0]], code2011: "626770" },
  { name: "Caranzol", district: "North Goa", subDist: "Satari", type: "Village", cen2001: "3001000500000200", cells: [[1, 0], [2, 0], [2, 1]], code2011: "626771" },
  { name: "Sonal", district: "North Goa", subDist: "Satari", type: "Village", cen2001: "3001000500000300", cells: [[0, 1], [1, 1]], code2011: "626772" },
  { name: "Torxem", district: "North Goa", subDist: "Pernem", type: "Village", cen2001: "3001000100000100", cells: [[0, 2]], code2011: "626635" },
  { name: "Mopa", district: "North Goa", subDist: "", type: "Village", cen2001: "3001000100000200", cells: [[1, 2]], code2011: "626636" },
  { name: "Pernem", district: "North Goa", subDist: "Pernem", type: "Town", cen2001: "3001000140101000", cells: [[2, 2]] },
  { name: "Netravali", district: "South Goa", subDist: "Sanguem", type: "Village", cen2001: "3002001000000100", cells: [[0, 3]], code2011: "626900" },
  { name: "", district: "South Goa", subDist: "Sanguem", type: "Village", cen2001: "3002001000000200", cells: [[1, 3]], code2011: "626901", name2011: "Verlem" },
  { name: "Cotarli", district: "South Goa", subDist: "Sanguem", type: "Village", cen2001: "3002001000000300", cells: [[2, 3]], code2011: "626902" },
];

const SUB_DISTRICT_2011: Record<string, [district: string, subDistrict: string]> = {
  Satari: ["585", "5613"], Pernem: ["585", "5609"], Sanguem: ["586", "5618"],
};

/** The outline of a set of grid cells that make one rectangle or an L (cells listed along the shape). */
function outline(cells: Cell[]): Array<[number, number]> {
  const corner = (c: number, r: number): [number, number] => [+(ORIGIN[0] + c * SIZE).toFixed(6), +(ORIGIN[1] + r * SIZE).toFixed(6)];
  const cols = cells.map(([c]) => c);
  const rows = cells.map(([, r]) => r);
  const [c0, c1, r0, r1] = [Math.min(...cols), Math.max(...cols) + 1, Math.min(...rows), Math.max(...rows) + 1];
  const full = (c1 - c0) * (r1 - r0) === cells.length;
  if (full) return [corner(c0, r0), corner(c1, r0), corner(c1, r1), corner(c0, r1), corner(c0, r0)];
  // The L of cells (1,0), (2,0), (2,1): the top-left cell of its box is missing.
  return [corner(c0, r0), corner(c1, r0), corner(c1, r1), corner(c1 - 1, r1), corner(c1 - 1, r0 + 1), corner(c0, r0 + 1), corner(c0, r0)];
}

export function boundaryFixture(places: readonly Place[] = FIXTURE_PLACES): { geojson: string; codeTable: string } {
  const features = places.map((p) => ({
    type: "Feature",
    properties: { SUB_DIST: p.subDist, DISTRICT: p.district, STATE: "Goa", TYPE: p.type, NAME: p.name, CEN_2001: p.cen2001 },
    geometry: { type: "Polygon", coordinates: [outline(p.cells)] },
  }));
  const header = "village_code_2011,village_name_2011,state_code_2011,district_code_2011,sub_district_code_2011,village_code_2001,village_name_2001,state_code_2001,district_code_2001,sub_district_code_2001,CEN_2001";
  const lines = places.filter((p) => p.code2011).map((p) => {
    const [district, sub] = SUB_DISTRICT_2011[p.subDist || "Pernem"]!;
    const name = p.name2011 ?? p.name;
    return [p.code2011, `"${name} "`, "30", district, sub, p.cen2001.slice(-4), name, "30", "1", "1", p.cen2001].join(",");
  });
  return { geojson: JSON.stringify({ type: "FeatureCollection", features }), codeTable: [header, ...lines, ""].join("\n") };
}
