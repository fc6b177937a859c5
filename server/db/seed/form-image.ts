// A filled-in Form A (IFR claim) drawn as an SVG "scan": the printed bilingual form, typewritten
// answers, a slight skew, paper noise and a Gram Sabha stamp, like the photocopies officials receive.
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

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function renderFormPageSvg(d: FormPageData): string {
  const skew = ((d.seed * 7919) % 200) / 100 - 1; // -1..1 degrees
  const fields: Array<[string, string, string]> = [
    ["1", "Name of the claimant(s) / दावेदार का नाम", `${d.claimant[0]}  (${d.claimant[1]})`],
    ["2", "Name of the spouse / पति/पत्नी का नाम", d.spouse],
    ["3", "Name of father / mother / पिता/माता का नाम", d.relative],
    ["4", "Address / पता", `At ${d.village}, Post ${d.gramPanchayat}`],
    ["5", "Village / ग्राम", d.village],
    ["6", "Gram Panchayat / ग्राम पंचायत", d.gramPanchayat],
    ["7", "Tehsil / Taluka / तहसील", d.tehsil],
    ["8", "District / जिला", d.district],
    ["9", "Scheduled Tribe or OTFD / अनुसूचित जनजाति या अन्य", d.category === "ST" ? `Scheduled Tribe (${d.tribe})` : "Other Traditional Forest Dweller"],
    ["10", "Family members with age / परिवार के सदस्य", d.family.map((m) => `${m.name} (${m.age})`).join(", ")],
    ["11", "Extent of forest land for self-cultivation / स्व-खेती हेतु भूमि", `${d.areaHa.toFixed(2)} ha`],
    ["12", "Survey / Khasra No. / खसरा क्रमांक", d.survey.join(", ")],
    ["13", "Evidence in support / साक्ष्य", d.evidence.join("; ")],
  ];
  const lines = fields
    .map(([n, label, value], i) => {
      const y = 330 + i * 95;
      return `<text x="90" y="${y}" class="label">${n}. ${escapeXml(label)}</text>
  <line x1="120" y1="${y + 48}" x2="1150" y2="${y + 48}" class="rule"/>
  <text x="130" y="${y + 40}" class="typed">${escapeXml(value.slice(0, 78))}</text>`;
    })
    .join("\n  ");
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="1240" height="1754" viewBox="0 0 1240 1754">
  <defs>
    <filter id="paper"><feTurbulence type="fractalNoise" baseFrequency="0.9" numOctaves="2" seed="${Math.round(d.seed)}"/>
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
  <text x="620" y="110" text-anchor="middle" class="title">FORM - A</text>
  <text x="620" y="160" text-anchor="middle" class="title">CLAIM FORM FOR RIGHTS TO FOREST LAND</text>
  <text x="620" y="205" text-anchor="middle" class="sub">प्रपत्र - क : वन भूमि पर अधिकारों के लिए दावा प्रपत्र  [See rule 11(1)(a)]</text>
  <text x="1150" y="260" text-anchor="end" class="label">Claim No: ${escapeXml(d.claimNo)}</text>
  ${lines}
  <text x="90" y="1620" class="label">Date / दिनांक: </text><text x="300" y="1620" class="typed">${escapeXml(d.filedOn)}</text>
  <text x="760" y="1620" class="label">Signature / Thumb impression</text>
  <g transform="rotate(-12 980 1480)" opacity="0.75">
    <ellipse cx="980" cy="1480" rx="150" ry="80" fill="none" stroke="#6a1b9a" stroke-width="5"/>
    <text x="980" y="1470" text-anchor="middle" class="stamp">GRAM SABHA</text>
    <text x="980" y="1500" text-anchor="middle" class="stamp">${escapeXml(d.village.toUpperCase().slice(0, 18))}</text>
  </g>
  </g>
  <rect width="1240" height="1754" filter="url(#paper)"/>
</svg>`;
}
