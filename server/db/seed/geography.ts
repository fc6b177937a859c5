// The demo state: a hand-drawn outline of Maharashtra (about 45 vertices, traced from general knowledge
// of its shape, not from a licensed boundary file) and its 36 districts placed at their approximate
// centres. District shapes are Voronoi cells of those centres clipped to the outline: plausible, not
// surveyed. See README "Demo data".
import type { Bilingual } from "./names";

export const STATE = { code: "27", name: "Maharashtra", nameLocal: "महाराष्ट्र" };

// [lon, lat], clockwise from the Gujarat border on the coast.
export const STATE_OUTLINE: ReadonlyArray<readonly [number, number]> = [
  [72.65, 20.15], [73.0, 20.25], [73.45, 20.6], [73.6, 21.05], [73.85, 21.45], [74.1, 21.95], [74.3, 22.05],
  [74.75, 21.85], [75.2, 21.6], [75.9, 21.45], [76.4, 21.5], [77.0, 21.8], [77.6, 21.4], [78.2, 21.55],
  [78.9, 21.65], [79.4, 21.55], [80.0, 21.75], [80.45, 21.6], [80.6, 21.0], [80.9, 20.6], [80.6, 19.8],
  [80.4, 19.2], [80.05, 18.75], [79.8, 19.0], [79.3, 19.5], [78.8, 19.65], [78.3, 19.9], [77.8, 19.3],
  [77.5, 18.6], [77.3, 18.15], [76.9, 17.9], [76.45, 17.35], [76.2, 17.05], [75.7, 16.95], [75.3, 16.7],
  [74.7, 16.4], [74.35, 15.95], [74.05, 15.75], [73.7, 15.75], [73.45, 16.1], [73.3, 16.8], [73.15, 17.5],
  [73.0, 18.05], [72.85, 18.65], [72.8, 19.2], [72.7, 19.7],
];

export type DistrictSeed = {
  code: string; // Census 2011 district code; Palghar (2014) has none, so it gets P01
  abbr: string;
  name: string;
  nameLocal: string;
  lat: number;
  lon: number;
  // Relative share of FRA claims: the forested, tribal districts carry most of them.
  claimWeight: number;
};

export const DISTRICTS: readonly DistrictSeed[] = [
  { code: "497", abbr: "NDB", name: "Nandurbar", nameLocal: "नंदुरबार", lat: 21.55, lon: 74.25, claimWeight: 10 },
  { code: "498", abbr: "DHL", name: "Dhule", nameLocal: "धुळे", lat: 21.05, lon: 74.6, claimWeight: 5 },
  { code: "499", abbr: "JLG", name: "Jalgaon", nameLocal: "जळगाव", lat: 20.95, lon: 75.55, claimWeight: 3 },
  { code: "500", abbr: "BLD", name: "Buldhana", nameLocal: "बुलढाणा", lat: 20.45, lon: 76.3, claimWeight: 0.5 },
  { code: "501", abbr: "AKL", name: "Akola", nameLocal: "अकोला", lat: 20.65, lon: 77.05, claimWeight: 0.5 },
  { code: "502", abbr: "WSM", name: "Washim", nameLocal: "वाशिम", lat: 20.2, lon: 77.2, claimWeight: 0.5 },
  { code: "503", abbr: "AMR", name: "Amravati", nameLocal: "अमरावती", lat: 21.05, lon: 77.6, claimWeight: 4 },
  { code: "504", abbr: "WRD", name: "Wardha", nameLocal: "वर्धा", lat: 20.75, lon: 78.6, claimWeight: 1 },
  { code: "505", abbr: "NGP", name: "Nagpur", nameLocal: "नागपूर", lat: 21.1, lon: 79.1, claimWeight: 2 },
  { code: "506", abbr: "BHN", name: "Bhandara", nameLocal: "भंडारा", lat: 21.15, lon: 79.8, claimWeight: 2 },
  { code: "507", abbr: "GND", name: "Gondia", nameLocal: "गोंदिया", lat: 21.35, lon: 80.2, claimWeight: 4 },
  { code: "508", abbr: "GAD", name: "Gadchiroli", nameLocal: "गडचिरोली", lat: 19.75, lon: 80.25, claimWeight: 12 },
  { code: "509", abbr: "CHD", name: "Chandrapur", nameLocal: "चंद्रपूर", lat: 19.95, lon: 79.35, claimWeight: 5 },
  { code: "510", abbr: "YTL", name: "Yavatmal", nameLocal: "यवतमाळ", lat: 20.2, lon: 78.3, claimWeight: 5 },
  { code: "511", abbr: "NED", name: "Nanded", nameLocal: "नांदेड", lat: 18.95, lon: 77.6, claimWeight: 2 },
  { code: "512", abbr: "HNG", name: "Hingoli", nameLocal: "हिंगोली", lat: 19.65, lon: 77.15, claimWeight: 0.5 },
  { code: "513", abbr: "PBN", name: "Parbhani", nameLocal: "परभणी", lat: 19.3, lon: 76.75, claimWeight: 0.2 },
  { code: "514", abbr: "JLN", name: "Jalna", nameLocal: "जालना", lat: 19.85, lon: 75.95, claimWeight: 0.2 },
  { code: "515", abbr: "CSN", name: "Chhatrapati Sambhajinagar", nameLocal: "छत्रपती संभाजीनगर", lat: 19.9, lon: 75.2, claimWeight: 0.5 },
  { code: "516", abbr: "NSK", name: "Nashik", nameLocal: "नाशिक", lat: 20.15, lon: 74.0, claimWeight: 8 },
  { code: "517", abbr: "THN", name: "Thane", nameLocal: "ठाणे", lat: 19.35, lon: 73.3, claimWeight: 4 },
  { code: "P01", abbr: "PLG", name: "Palghar", nameLocal: "पालघर", lat: 19.85, lon: 72.95, claimWeight: 8 },
  { code: "518", abbr: "MSU", name: "Mumbai Suburban", nameLocal: "मुंबई उपनगर", lat: 19.13, lon: 72.88, claimWeight: 0 },
  { code: "519", abbr: "MUM", name: "Mumbai City", nameLocal: "मुंबई शहर", lat: 18.96, lon: 72.83, claimWeight: 0 },
  { code: "520", abbr: "RGD", name: "Raigad", nameLocal: "रायगड", lat: 18.5, lon: 73.15, claimWeight: 2 },
  { code: "521", abbr: "PUN", name: "Pune", nameLocal: "पुणे", lat: 18.6, lon: 74.0, claimWeight: 1 },
  { code: "522", abbr: "AHN", name: "Ahmednagar", nameLocal: "अहमदनगर", lat: 19.1, lon: 74.7, claimWeight: 2 },
  { code: "523", abbr: "BED", name: "Beed", nameLocal: "बीड", lat: 18.9, lon: 75.7, claimWeight: 0.2 },
  { code: "524", abbr: "LTR", name: "Latur", nameLocal: "लातूर", lat: 18.35, lon: 76.6, claimWeight: 0.1 },
  { code: "525", abbr: "DRS", name: "Dharashiv", nameLocal: "धाराशिव", lat: 18.2, lon: 76.0, claimWeight: 0.1 },
  { code: "526", abbr: "SLP", name: "Solapur", nameLocal: "सोलापूर", lat: 17.75, lon: 75.5, claimWeight: 0.1 },
  { code: "527", abbr: "STR", name: "Satara", nameLocal: "सातारा", lat: 17.6, lon: 74.2, claimWeight: 0.5 },
  { code: "528", abbr: "RTN", name: "Ratnagiri", nameLocal: "रत्नागिरी", lat: 17.2, lon: 73.4, claimWeight: 0.5 },
  { code: "529", abbr: "SDG", name: "Sindhudurg", nameLocal: "सिंधुदुर्ग", lat: 16.15, lon: 73.7, claimWeight: 0.5 },
  { code: "530", abbr: "KLP", name: "Kolhapur", nameLocal: "कोल्हापूर", lat: 16.7, lon: 74.1, claimWeight: 0.5 },
  { code: "531", abbr: "SNG", name: "Sangli", nameLocal: "सांगली", lat: 17.0, lon: 74.8, claimWeight: 0.2 },
];

// Real tehsils (north to south) of the focus districts; other districts get generated names.
export const TEHSILS: Record<string, readonly Bilingual[]> = {
  Gadchiroli: [
    ["Korchi", "कोरची"], ["Kurkheda", "कुरखेडा"], ["Desaiganj (Wadsa)", "देसाईगंज (वडसा)"], ["Armori", "आरमोरी"],
    ["Dhanora", "धानोरा"], ["Gadchiroli", "गडचिरोली"], ["Chamorshi", "चामोर्शी"], ["Mulchera", "मुलचेरा"],
    ["Etapalli", "एटापल्ली"], ["Bhamragad", "भामरागड"], ["Aheri", "अहेरी"], ["Sironcha", "सिरोंचा"],
  ],
  Nandurbar: [
    ["Akrani (Dhadgaon)", "अक्राणी (धडगाव)"], ["Akkalkuwa", "अक्कलकुवा"], ["Taloda", "तळोदा"], ["Shahada", "शहादा"],
    ["Nandurbar", "नंदुरबार"], ["Navapur", "नवापूर"],
  ],
};

export const FOCUS_DISTRICTS = ["Gadchiroli", "Nandurbar"] as const;
