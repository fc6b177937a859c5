// The Gram Sabha resolution a demo claim's history records: its number in the Gram Sabha's register of
// the year, and an attendance that makes the quorum of Rule 4(2), as the minutes would show it. Drawn from
// its own stream (seeded by the claim and the step), so that the rest of the demo is what it was before
// resolutions were recorded.
import { claimantsNeeded, quorumNeeded, womenNeeded, type GramSabhaResolution } from "@/configs/gram-sabha-resolution";
import { fnv1a32 } from "@/workers/hash";
import { createRng } from "./random";

export function demoResolution(key: string, passedOn: string): GramSabhaResolution {
  const rng = createRng(fnv1a32(`resolution|${key}`));
  const members = rng.int(90, 1400); // a village's adults
  const present = Math.min(members, quorumNeeded(members) + rng.int(0, Math.floor(members * 0.35)));
  const womenPresent = Math.min(present, womenNeeded(present) + rng.int(0, Math.floor(present * 0.25)));
  const number = `GS/${rng.int(1, 24)}/${passedOn.slice(0, 4)}`;
  // The sitting heard this claim among others: a few to a few dozen claimants, most of them there.
  const claimants = rng.int(1, 40);
  const claimantsPresent = Math.min(claimants, claimantsNeeded(claimants) + rng.int(0, Math.ceil(claimants * 0.4)));
  return { number, passedOn, members, present, womenPresent, claimants, claimantsPresent };
}
