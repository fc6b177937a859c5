// A community claim is filed by the Gram Sabha of its village (Form C names no person as claimant): the
// claimant's name in English and in the local script, as the demo data and the field tablet both write it.

/** The Gram Sabha of `village`, as a claimant: [English, local script]. */
export const gramSabhaClaimant = (village: { name: string; nameLocal: string }): [string, string] =>
  [`Gram Sabha ${village.name}`, `ग्रामसभा ${village.nameLocal || village.name}`];
