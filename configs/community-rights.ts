// The community rights a Form B claims (Section 3(1) of the Act; the domain brief, "What the forms
// hold"): one vocabulary for the database, the demo's drawn forms, the tablet's reading and its check
// boxes, and the title's wording.

export const COMMUNITY_RIGHTS = [
  "nistar",
  "minor_forest_produce",
  "grazing",
  "fish_and_water_bodies",
  "pvtg_habitat",
  "biodiversity_and_traditional_knowledge",
  "nomadic_pastoral_access",
] as const;
export type CommunityRight = (typeof COMMUNITY_RIGHTS)[number];

/** What the tablet shows beside each check box. */
export const COMMUNITY_RIGHT_LABELS: Record<CommunityRight, string> = {
  nistar: "Nistar (firewood, bamboo, timber for houses)",
  minor_forest_produce: "Minor forest produce",
  grazing: "Grazing",
  fish_and_water_bodies: "Fish and water bodies",
  nomadic_pastoral_access: "Nomadic or pastoral access",
  pvtg_habitat: "Habitat of a particularly vulnerable tribal group",
  biodiversity_and_traditional_knowledge: "Biodiversity and traditional knowledge",
};

/**
 * Form B's item 7 as the demo prints it: one line per right, English then Hindi (the Rules' "uses or
 * entitlements" split into grazing and fish and water bodies). `word` and
 * `localWord`: the printed words that name the right on its line, which the tablet finds in OCR's text.
 */
export const FORM_B_RIGHT_LINES: ReadonlyArray<{ right: CommunityRight; label: string; word: string; localWord: string }> = [
  { right: "nistar", label: "Nistar / निस्तार", word: "nistar", localWord: "निस्तार" },
  { right: "minor_forest_produce", label: "Minor forest produce / लघु वनोपज", word: "produce", localWord: "वनोपज" },
  { right: "grazing", label: "Grazing / चराई", word: "grazing", localWord: "चराई" },
  { right: "fish_and_water_bodies", label: "Fish, water bodies / मछली, जल", word: "fish", localWord: "मछली" },
  { right: "nomadic_pastoral_access", label: "Nomadic, pastoral / घुमंतू", word: "nomadic", localWord: "घुमंतू" },
  { right: "pvtg_habitat", label: "PVTG habitat / पर्यावास", word: "habitat", localWord: "पर्यावास" },
  { right: "biodiversity_and_traditional_knowledge", label: "Biodiversity / जैव विविधता", word: "biodiversity", localWord: "विविधता" },
];

export const RIGHTS_ONLY_COMMUNITY = "only a community's claim (Form B or Form C) claims community rights";
export const CR_NAMES_A_RIGHT = "a community rights claim (Form B) names at least one right it claims";

/** How a claimant answers a right claimed, or one not claimed, in English or Hindi, on the right's line. */
export const CLAIMED_ANSWERS = ["yes", "हाँ", "हां"] as const;
export const NOT_CLAIMED_ANSWERS = ["nil", "no", "none", "नहीं", "शून्य", "निरंक"] as const;
