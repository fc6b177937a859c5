// India's states and union territories by their Census 2011 code (Telangana, formed in 2014, by the code
// the Local Government Directory gives it), with the short code that begins a claim number
// (MH-GAD-IFR-2019-000123): the state's vehicle-registration letters, which officials already read.
export type StateRecord = { readonly name: string; readonly nameLocal: string; readonly abbr: string };

export const STATES_BY_CENSUS_CODE: Readonly<Record<string, StateRecord>> = {
  "01": { name: "Jammu & Kashmir", nameLocal: "जम्मू और कश्मीर", abbr: "JK" },
  "02": { name: "Himachal Pradesh", nameLocal: "हिमाचल प्रदेश", abbr: "HP" },
  "03": { name: "Punjab", nameLocal: "पंजाब", abbr: "PB" },
  "04": { name: "Chandigarh", nameLocal: "चंडीगढ़", abbr: "CH" },
  "05": { name: "Uttarakhand", nameLocal: "उत्तराखंड", abbr: "UK" },
  "06": { name: "Haryana", nameLocal: "हरियाणा", abbr: "HR" },
  "07": { name: "Delhi", nameLocal: "दिल्ली", abbr: "DL" },
  "08": { name: "Rajasthan", nameLocal: "राजस्थान", abbr: "RJ" },
  "09": { name: "Uttar Pradesh", nameLocal: "उत्तर प्रदेश", abbr: "UP" },
  "10": { name: "Bihar", nameLocal: "बिहार", abbr: "BR" },
  "11": { name: "Sikkim", nameLocal: "सिक्किम", abbr: "SK" },
  "12": { name: "Arunachal Pradesh", nameLocal: "अरुणाचल प्रदेश", abbr: "AR" },
  "13": { name: "Nagaland", nameLocal: "नागालैंड", abbr: "NL" },
  "14": { name: "Manipur", nameLocal: "मणिपुर", abbr: "MN" },
  "15": { name: "Mizoram", nameLocal: "मिज़ोरम", abbr: "MZ" },
  "16": { name: "Tripura", nameLocal: "त्रिपुरा", abbr: "TR" },
  "17": { name: "Meghalaya", nameLocal: "मेघालय", abbr: "ML" },
  "18": { name: "Assam", nameLocal: "असम", abbr: "AS" },
  "19": { name: "West Bengal", nameLocal: "पश्चिम बंगाल", abbr: "WB" },
  "20": { name: "Jharkhand", nameLocal: "झारखंड", abbr: "JH" },
  "21": { name: "Odisha", nameLocal: "ओडिशा", abbr: "OD" },
  "22": { name: "Chhattisgarh", nameLocal: "छत्तीसगढ़", abbr: "CG" },
  "23": { name: "Madhya Pradesh", nameLocal: "मध्य प्रदेश", abbr: "MP" },
  "24": { name: "Gujarat", nameLocal: "गुजरात", abbr: "GJ" },
  "25": { name: "Daman & Diu", nameLocal: "दमन और दीव", abbr: "DD" },
  "26": { name: "Dadra & Nagar Haveli", nameLocal: "दादरा और नगर हवेली", abbr: "DN" },
  "27": { name: "Maharashtra", nameLocal: "महाराष्ट्र", abbr: "MH" },
  "28": { name: "Andhra Pradesh", nameLocal: "आंध्र प्रदेश", abbr: "AP" },
  "29": { name: "Karnataka", nameLocal: "कर्नाटक", abbr: "KA" },
  "30": { name: "Goa", nameLocal: "गोवा", abbr: "GA" },
  "31": { name: "Lakshadweep", nameLocal: "लक्षद्वीप", abbr: "LD" },
  "32": { name: "Kerala", nameLocal: "केरल", abbr: "KL" },
  "33": { name: "Tamil Nadu", nameLocal: "तमिलनाडु", abbr: "TN" },
  "34": { name: "Puducherry", nameLocal: "पुडुचेरी", abbr: "PY" },
  "35": { name: "Andaman & Nicobar Islands", nameLocal: "अंडमान और निकोबार द्वीपसमूह", abbr: "AN" },
  "36": { name: "Telangana", nameLocal: "तेलंगाना", abbr: "TS" },
};

/** The letters a claim number of this state begins with. */
export function stateAbbrOf(censusCode: string): string {
  const state = STATES_BY_CENSUS_CODE[censusCode];
  if (!state) throw new Error(`no state has census code "${censusCode}"`);
  return state.abbr;
}

/** A claim's number: state, district, claim type, year filed, and the district's running serial. */
export function claimNumberOf(stateCode: string, districtAbbr: string, type: string, year: string | number, serial: number): string {
  return `${stateAbbrOf(stateCode)}-${districtAbbr}-${type}-${year}-${String(serial).padStart(6, "0")}`;
}

/** The census code of the state a claim number belongs to (its first letters), if they name one. */
export function stateCodeOfClaimNo(claimNo: string): string | undefined {
  const abbr = claimNo.split("-", 1)[0];
  return Object.keys(STATES_BY_CENSUS_CODE).find((code) => STATES_BY_CENSUS_CODE[code]!.abbr === abbr);
}
