"use client";
// The landmarks on each side of the land, named at a field verification (a nala, a forest road, the
// neighbour's khasra): the printed title describes the boundary by them. Used on the review map and on the
// tablet, where the verification is made.
import { BOUNDARY_SIDE_LABELS, BOUNDARY_SIDES, MAX_LANDMARK_CHARS, type BoundaryLandmarks } from "@/configs/workflow";

const EXAMPLES: BoundaryLandmarks = { north: "nala towards the village", east: "Kh. 112 of the neighbour", south: "forest road", west: "teak plantation, compartment 412" };

export function LandmarkFields({ value, onChange }: { value: BoundaryLandmarks; onChange: (next: BoundaryLandmarks) => void }) {
  return (
    <fieldset className="landmarks">
      <legend>Landmarks on each side, as walked (printed on the title)</legend>
      {BOUNDARY_SIDES.map((side) => (
        <label key={side}>
          {BOUNDARY_SIDE_LABELS[side]}
          <input
            aria-label={`Landmark to the ${side}`} value={value[side]} maxLength={MAX_LANDMARK_CHARS} placeholder={`e.g. ${EXAMPLES[side]}`}
            onChange={(e) => onChange({ ...value, [side]: e.target.value })}
          />
        </label>
      ))}
    </fieldset>
  );
}
