// The landmarks a demo claim's field verification names on each side of the land, as an FRC writes them
// in its verification report: a neighbour's field by khasra number, a nala, a road or cart track, a
// forest compartment, a boundary pillar. Drawn from their own stream (seeded by the claim's serial), so
// that the rest of the demo is what it was before landmarks were recorded.
import type { BoundaryLandmarks, ClaimType } from "@/configs/workflow";
import { fnv1a32 } from "@/workers/hash";
import type { Bilingual } from "./names";
import { createRng, type Rng } from "./random";

type Landmark = (rng: Rng, place: { village: string; surnames: readonly Bilingual[] }) => string;

// Around a cultivated plot: the neighbours' fields come first, then what runs past it.
const AROUND_A_FIELD: readonly Landmark[] = [
  (rng, p) => `Kh. ${rng.int(1, 999)}, field of the ${rng.pick(p.surnames)[0]} family`,
  (rng, p) => `Kh. ${rng.int(1, 999)}, field of the ${rng.pick(p.surnames)[0]} family`,
  () => "seasonal nala",
  (_, p) => `cart track to ${p.village}`,
  (rng) => `reserved forest, compartment ${rng.int(100, 999)}`,
  () => "mahua trees on a stone bund",
  () => "tank bund",
  (rng) => `revenue boundary pillar no. ${rng.int(1, 80)}`,
];

// Around a village's forest: other villages' forests, streams, ridges and roads.
const AROUND_A_FOREST: readonly Landmark[] = [
  (rng) => `reserved forest, compartment ${rng.int(100, 999)}`,
  () => "ridge line of the hill",
  () => "river bank",
  () => "seasonal nala",
  (_, p) => `forest road from ${p.village}`,
  (rng) => `forest boundary pillars no. ${rng.int(1, 40)} to ${rng.int(41, 90)}`,
];

/** `key`: the claim's own, e.g. its district and serial. */
export function demoLandmarks(key: string, type: ClaimType, place: { village: string; surnames: readonly Bilingual[] }): BoundaryLandmarks {
  const rng = createRng(fnv1a32(`landmarks|${key}`));
  const pool = type === "IFR" ? AROUND_A_FIELD : AROUND_A_FOREST;
  const side = () => rng.pick(pool)(rng, place);
  return { north: side(), east: side(), south: side(), west: side() };
}
