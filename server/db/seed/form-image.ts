// Filled-in claim forms drawn as SVG "scans": the printed bilingual form, typewritten answers, a slight
// skew, paper noise and a Gram Sabha stamp, like the photocopies officials receive. Form A is an
// individual claim's, Form B a community rights claim's, Form C a community forest resource claim's (the
// domain brief, "What the forms hold").
import { FORM_B_RIGHT_LINES, type CommunityRight } from "@/configs/community-rights";

export type FormPageData = {
  claimNo: string;
  claimant: readonly [string, string];
  spouse: string;
  relative: string;
  village: string;
  gramPanchayat: string;
  tehsil: string;
  district: string;
  category: "ST" | "OTFD";
  tribe: string;
  family: ReadonlyArray<{ name: string; age: number; relation: string }>;
  areaHa: number;
  survey: readonly string[];
  evidence: readonly string[];
  filedOn: string;
  seed: number;
};

/** Form C's answers: the Gram Sabha's village and its place, the members' status, the customary
 *  boundary's compartments and bordering villages, the extent and the evidence. */
export type CfrFormPageData = Pick<FormPageData, "claimNo" | "village" | "gramPanchayat" | "tehsil" | "district" | "category" | "tribe" | "areaHa" | "survey" | "evidence" | "filedOn" | "seed"> & {
  borderingVillages: readonly string[];
};

/** Form B's answers: the claimant community and its status, its place, the rights it claims, the extent
 *  of the area those rights are used over, and the evidence. */
export type CrFormPageData = Pick<FormPageData, "claimNo" | "village" | "gramPanchayat" | "tehsil" | "district" | "category" | "tribe" | "areaHa" | "evidence" | "filedOn" | "seed"> & {
  community: string;
  rightsClaimed: readonly string[];
};

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

// A typed answer's line holds about this many characters of the typewriter's face.
const TYPED_LINE_CHARS = 78;
const ITEM_HEIGHT = 95;
const CONTINUATION_HEIGHT = 44;

/** One printed item: its number, bilingual label and typed answer. `wraps`: a long answer goes on onto
 *  the next lines (a list of names), where any other is cut at its line's end as a typist would stop.
 *  `rows`: an item printed as sub-items, each answered on its own line after its printed label. */
type FormItem = { label: string; value: string; wraps?: boolean; rows?: ReadonlyArray<{ label: string; value: string }> };
// Where a sub-item's typed answer starts, after its printed label, and how much of a typed line is left it.
const ROW_ANSWER_X = 560;
const ROW_ANSWER_CHARS = 44;

// The items every form prints alike: where the village lies.
const placeItems = (d: Pick<FormPageData, "gramPanchayat" | "tehsil" | "district">): FormItem[] => [
  { label: "Gram Panchayat / ग्राम पंचायत", value: d.gramPanchayat },
  { label: "Tehsil / Taluka / तहसील", value: d.tehsil },
  { label: "District / जिला", value: d.district },
];

const categoryAnswer = (d: Pick<FormPageData, "category" | "tribe">) => (d.category === "ST" ? `Scheduled Tribe (${d.tribe})` : "Other Traditional Forest Dweller");

/** A comma-separated answer cut into typed lines at its commas. */
function typedLines(value: string, wraps: boolean): string[] {
  if (!wraps) return [value.slice(0, TYPED_LINE_CHARS)];
  const lines: string[] = [];
  for (const part of value.split(/(?<=,) /)) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + part.length <= TYPED_LINE_CHARS) lines[lines.length - 1] = `${last} ${part}`;
    else lines.push(part.slice(0, TYPED_LINE_CHARS));
  }
  return lines;
}

function formSheetSvg(sheet: { form: string; heading: string; subheading: string; items: readonly FormItem[]; claimNo: string; filedOn: string; village: string; seed: number }): string {
  const skew = ((sheet.seed * 7919) % 200) / 100 - 1; // -1..1 degrees
  let y = 330;
  const items = sheet.items.map(({ label, value, wraps, rows }, i) => {
    const typed = (line: string, k: number, x = 130) => `<line x1="120" y1="${y + 48 + k * CONTINUATION_HEIGHT}" x2="1150" y2="${y + 48 + k * CONTINUATION_HEIGHT}" class="rule"/>
  <text x="${x}" y="${y + 40 + k * CONTINUATION_HEIGHT}" class="typed">${escapeXml(line)}</text>`;
    const lines = rows
      ? rows.map((row, k) => `<text x="130" y="${y + 40 + k * CONTINUATION_HEIGHT}" class="label">(${String.fromCharCode(97 + k)}) ${escapeXml(row.label)}</text>
  ${typed(row.value.slice(0, ROW_ANSWER_CHARS), k, ROW_ANSWER_X)}`)
      : typedLines(value, wraps ?? false).map((line, k) => typed(line, k));
    const drawn = `<text x="90" y="${y}" class="label">${i + 1}. ${escapeXml(label)}</text>
  ${lines.join("\n  ")}`;
    y += ITEM_HEIGHT + (lines.length - 1) * CONTINUATION_HEIGHT;
    return drawn;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="1240" height="1754" viewBox="0 0 1240 1754">
  <defs>
    <filter id="paper"><feTurbulence type="fractalNoise" baseFrequency="0.9" numOctaves="2" seed="${Math.round(sheet.seed)}"/>
      <feColorMatrix values="0 0 0 0 0.55  0 0 0 0 0.52  0 0 0 0 0.45  0 0 0 0.18 0"/></filter>
    <style>
      .title{font:700 34px 'Noto Serif','DejaVu Serif',serif;fill:#222}
      .sub{font:26px 'Noto Sans Devanagari','Noto Sans',sans-serif;fill:#333}
      .label{font:24px 'Noto Sans','Noto Sans Devanagari',sans-serif;fill:#333}
      .typed{font:28px 'DejaVu Sans Mono','Noto Sans Mono',monospace;fill:#1a237e}
      .rule{stroke:#999;stroke-width:1.5;stroke-dasharray:4 4}
      .stamp{font:700 22px sans-serif;fill:#6a1b9a}
    </style>
  </defs>
  <rect width="1240" height="1754" fill="#f4f1e8"/>
  <g transform="rotate(${skew.toFixed(2)} 620 877)">
  <text x="620" y="110" text-anchor="middle" class="title">${escapeXml(sheet.form)}</text>
  <text x="620" y="160" text-anchor="middle" class="title">${escapeXml(sheet.heading)}</text>
  <text x="620" y="205" text-anchor="middle" class="sub">${escapeXml(sheet.subheading)}</text>
  <text x="1150" y="260" text-anchor="end" class="label">Claim No: ${escapeXml(sheet.claimNo)}</text>
  ${items.join("\n  ")}
  <text x="90" y="1620" class="label">Date / दिनांक: </text><text x="300" y="1620" class="typed">${escapeXml(sheet.filedOn)}</text>
  <text x="760" y="1620" class="label">Signature / Thumb impression</text>
  <g transform="rotate(-12 980 1480)" opacity="0.75">
    <ellipse cx="980" cy="1480" rx="150" ry="80" fill="none" stroke="#6a1b9a" stroke-width="5"/>
    <text x="980" y="1470" text-anchor="middle" class="stamp">GRAM SABHA</text>
    <text x="980" y="1500" text-anchor="middle" class="stamp">${escapeXml(sheet.village.toUpperCase().slice(0, 18))}</text>
  </g>
  </g>
  <rect width="1240" height="1754" filter="url(#paper)"/>
</svg>`;
}

export function renderFormPageSvg(d: FormPageData): string {
  return formSheetSvg({
    form: "FORM - A",
    heading: "CLAIM FORM FOR RIGHTS TO FOREST LAND",
    subheading: "प्रपत्र - क : वन भूमि पर अधिकारों के लिए दावा प्रपत्र  [See rule 11(1)(a)]",
    items: [
      { label: "Name of the claimant(s) / दावेदार का नाम", value: `${d.claimant[0]}  (${d.claimant[1]})` },
      { label: "Name of the spouse / पति/पत्नी का नाम", value: d.spouse },
      { label: "Name of father / mother / पिता/माता का नाम", value: d.relative },
      { label: "Address / पता", value: `At ${d.village}, Post ${d.gramPanchayat}` },
      { label: "Village / ग्राम", value: d.village },
      ...placeItems(d),
      { label: "Scheduled Tribe or OTFD / अनुसूचित जनजाति या अन्य", value: categoryAnswer(d) },
      { label: "Family members with age / परिवार के सदस्य", value: d.family.map((m) => `${m.name} (${m.age})`).join(", ") },
      { label: "Extent of forest land for self-cultivation / स्व-खेती हेतु भूमि", value: `${d.areaHa.toFixed(2)} ha` },
      { label: "Survey / Khasra No. / खसरा क्रमांक", value: d.survey.join(", ") },
      { label: "Evidence in support / साक्ष्य", value: d.evidence.join("; ") },
    ],
    claimNo: d.claimNo, filedOn: d.filedOn, village: d.village, seed: d.seed,
  });
}

/** Form C as the Rules print it: the Gram Sabha's place, its members' status (the list itself goes on a
 *  separate sheet), then the map's compartments and bordering villages, the extent and the evidence. */
export function renderCfrFormPageSvg(d: CfrFormPageData): string {
  return formSheetSvg({
    form: "FORM - C",
    heading: "CLAIM FORM FOR RIGHTS TO COMMUNITY FOREST RESOURCE",
    subheading: "प्रपत्र - ग : सामुदायिक वन संसाधन के अधिकार हेतु दावा प्रपत्र  [See rule 11(4)]",
    items: [
      { label: "Village / Gram Sabha / ग्राम / ग्राम सभा", value: d.village },
      ...placeItems(d),
      { label: "Members of the Gram Sabha: Scheduled Tribe or OTFD / सदस्य", value: `${categoryAnswer(d)}, list attached` },
      { label: "Khasra / Compartment No. / खसरा / कक्ष क्रमांक", value: d.survey.join(", ") },
      { label: "Bordering villages / सीमावर्ती ग्राम", value: d.borderingVillages.join(", "), wraps: true },
      { label: "Extent of the community forest resource / क्षेत्रफल", value: `${d.areaHa.toFixed(2)} ha` },
      { label: "Evidence in support / साक्ष्य", value: d.evidence.join("; ") },
    ],
    claimNo: d.claimNo, filedOn: d.filedOn, village: d.village, seed: d.seed,
  });
}

// What a claimant writes against a right claimed: the use it is, in a few words. A right not claimed is
// answered "Nil" or "No", as claimants answer it.
const RIGHT_USES: Record<CommunityRight, string> = {
  nistar: "Yes: firewood, bamboo, house timber",
  minor_forest_produce: "Yes: mahua, tendu leaves, honey",
  grazing: "Yes: cattle and goats",
  fish_and_water_bodies: "Yes: fishing in the village tank",
  nomadic_pastoral_access: "Yes: seasonal route of herders",
  pvtg_habitat: "Yes: habitat and habitation",
  biodiversity_and_traditional_knowledge: "Yes: medicinal plants, seeds",
};
const NOT_CLAIMED = ["Nil", "No", "Nil"] as const;

/** Form B: the claimant community and its status, its place, then item 7's rights one to a line, each
 *  answered, the extent of the area used and the evidence. */
export function renderCrFormPageSvg(d: CrFormPageData): string {
  const claimed = new Set(d.rightsClaimed);
  return formSheetSvg({
    form: "FORM - B",
    heading: "CLAIM FORM FOR COMMUNITY RIGHTS",
    subheading: "प्रपत्र - ख : सामुदायिक अधिकारों के लिए दावा प्रपत्र  [See rule 11(1)(a) and (4)]",
    items: [
      { label: "Name of the claimant community / दावेदार समुदाय", value: d.community },
      { label: "Scheduled Tribe or OTFD community / अनुसूचित जनजाति या अन्य", value: categoryAnswer(d) },
      { label: "Village / ग्राम", value: d.village },
      ...placeItems(d),
      {
        label: "Nature of community rights enjoyed / सामुदायिक अधिकारों का स्वरूप", value: "",
        rows: FORM_B_RIGHT_LINES.map(({ right, label }, k) => ({ label, value: claimed.has(right) ? RIGHT_USES[right] : NOT_CLAIMED[Math.floor(d.seed + k) % NOT_CLAIMED.length]! })),
      },
      { label: "Extent of the area used / क्षेत्रफल", value: `${d.areaHa.toFixed(2)} ha` },
      { label: "Evidence in support / साक्ष्य", value: d.evidence.join("; ") },
    ],
    claimNo: d.claimNo, filedOn: d.filedOn, village: d.village, seed: d.seed,
  });
}
