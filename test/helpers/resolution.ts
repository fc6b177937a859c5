// A Gram Sabha resolution as the tests record it: passed today (never before a claim was filed), with a
// quorum under Rule 4(2): 64 of 120 members present, 23 of them women, and 7 of the 12 claimants.
import type { GramSabhaResolution } from "@/configs/gram-sabha-resolution";
import { indiaDayOf } from "@/configs/india-day";

export const resolutionToday = (number = "GS/14/2026"): GramSabhaResolution => ({ number, passedOn: indiaDayOf(Date.now()), members: 120, present: 64, womenPresent: 23, claimants: 12, claimantsPresent: 7 });
