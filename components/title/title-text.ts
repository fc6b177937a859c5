// The words of a printed title, in English and in the languages the states of the demo issue titles in
// (Hindi, Marathi: components/print/print-languages.ts). A value the claim holds only in Latin letters (a
// spouse's or dependant's name, a tribe) is printed as it is.
import { BOUNDARY_SIDE_LABELS, TITLE_FORMS, type BoundarySide, type ClaimType } from "@/configs/workflow";
import type { PrintLanguage } from "@/components/print/print-languages";

export type TitleText = {
  kinds: Record<ClaimType, { annexure: string; heading: string }>;
  seeRule: string;
  underAct: string;
  titleNo: string;
  claim: string;
  grantedOn: (date: string) => string;
  holdersIndividual: string;
  holdersCommunity: string;
  and: string;
  parent: string;
  dependants: string;
  village: string;
  censusCode: string;
  gramPanchayat: string;
  tehsil: string;
  district: string;
  category: string;
  scheduledTribe: string;
  otherDweller: string;
  rights: string;
  rightNames: Record<string, string>;
  area: string;
  hectares: (ha: string) => string;
  notStated: string;
  boundaries: string;
  borderingVillages: string;
  sides: Record<BoundarySide, string>;
  khasra: string;
  boundaryAsMapped: string;
  sketch: string;
  north: string;
  metres: string;
  kilometres: string;
  corners: string;
  moreCorners: (n: number) => string;
  signatories: [string, string, string];
  signature: string;
};

const ENGLISH: TitleText = {
  kinds: TITLE_FORMS,
  seeRule: "[See rule 8(h)]",
  underAct: "Under the Scheduled Tribes and Other Traditional Forest Dwellers (Recognition of Forest Rights) Act, 2006",
  titleNo: "Title no.",
  claim: "Claim",
  grantedOn: (date) => `granted by the District Level Committee on ${date}`,
  holdersIndividual: "Name(s) of holder(s) (including spouse)",
  holdersCommunity: "Name(s) of holder(s) (the community)",
  and: " and ",
  parent: "Name of father / mother",
  dependants: "Name(s) of dependants",
  village: "Village / Gram Sabha",
  censusCode: "census code",
  gramPanchayat: "Gram Panchayat",
  tehsil: "Tehsil / Taluka",
  district: "District",
  category: "Scheduled Tribe or other traditional forest dweller",
  scheduledTribe: "Scheduled Tribe",
  otherDweller: "Other traditional forest dweller",
  rights: "Nature of the rights",
  rightNames: {
    nistar: "nistar", minor_forest_produce: "minor forest produce", grazing: "grazing", fish_and_water_bodies: "fish and water bodies",
    pvtg_habitat: "habitat of particularly vulnerable tribal groups", biodiversity_and_traditional_knowledge: "biodiversity and traditional knowledge",
    nomadic_pastoral_access: "access of nomadic and pastoral communities",
  },
  area: "Area",
  hectares: (ha) => `${ha} hectares`,
  notStated: "not stated",
  boundaries: "Description of boundaries by prominent landmarks, with khasra / compartment numbers",
  borderingVillages: "Bordering villages",
  sides: BOUNDARY_SIDE_LABELS,
  khasra: "Khasra / compartment",
  boundaryAsMapped: "the boundary as mapped, sketched below with its corners' coordinates (WGS 84)",
  sketch: "Sketch of the parcel",
  north: "N",
  metres: "m",
  kilometres: "km",
  corners: "Corners (longitude, latitude):",
  moreCorners: (n) => `and ${n} more in the claim's map file`,
  signatories: ["Divisional Forest Officer / Deputy Conservator of Forests", "District Tribal Welfare Officer", "District Collector / Deputy Commissioner"],
  signature: "Signature, seal and date",
};

const HINDI: TitleText = {
  kinds: {
    IFR: { annexure: "उपाबंध II", heading: "अधिभोग के अधीन वन भूमि के लिए हक" },
    CR: { annexure: "उपाबंध III", heading: "सामुदायिक वन अधिकारों का हक" },
    CFR: { annexure: "उपाबंध IV", heading: "सामुदायिक वन संसाधन" },
  },
  seeRule: "[नियम 8(ज) देखें]",
  underAct: "अनुसूचित जनजाति और अन्य परंपरागत वन निवासी (वन अधिकारों की मान्यता) अधिनियम, 2006 के अधीन",
  titleNo: "हक क्रमांक",
  claim: "दावा",
  grantedOn: (date) => `जिला स्तरीय समिति द्वारा ${date} को प्रदत्त`,
  holdersIndividual: "धारक / धारकों के नाम (पति या पत्नी सहित)",
  holdersCommunity: "धारक / धारकों के नाम (समुदाय)",
  and: " और ",
  parent: "पिता / माता का नाम",
  dependants: "आश्रितों के नाम",
  village: "ग्राम / ग्राम सभा",
  censusCode: "जनगणना कोड",
  gramPanchayat: "ग्राम पंचायत",
  tehsil: "तहसील / तालुका",
  district: "जिला",
  category: "अनुसूचित जनजाति या अन्य परंपरागत वन निवासी",
  scheduledTribe: "अनुसूचित जनजाति",
  otherDweller: "अन्य परंपरागत वन निवासी",
  rights: "अधिकारों का स्वरूप",
  rightNames: {
    nistar: "निस्तार", minor_forest_produce: "लघु वनोपज", grazing: "चराई", fish_and_water_bodies: "मछली और जल निकाय",
    pvtg_habitat: "विशेष रूप से कमजोर जनजातीय समूहों का पर्यावास", biodiversity_and_traditional_knowledge: "जैव विविधता और पारंपरिक ज्ञान",
    nomadic_pastoral_access: "घुमंतू और पशुपालक समुदायों की पहुँच",
  },
  area: "क्षेत्रफल",
  hectares: (ha) => `${ha} हेक्टेयर`,
  notStated: "उल्लेख नहीं",
  boundaries: "प्रमुख चिह्नों द्वारा सीमाओं का विवरण, खसरा / कक्ष क्रमांक सहित",
  borderingVillages: "सीमावर्ती गाँव",
  sides: { north: "उत्तर", east: "पूर्व", south: "दक्षिण", west: "पश्चिम" },
  khasra: "खसरा / कक्ष",
  boundaryAsMapped: "मानचित्र पर अंकित सीमा, जिसका रेखाचित्र कोनों के निर्देशांकों (WGS 84) सहित नीचे है",
  sketch: "भूखंड का रेखाचित्र",
  north: "उ",
  metres: "मी",
  kilometres: "किमी",
  corners: "कोने (देशांतर, अक्षांश):",
  moreCorners: (n) => `और ${n} अन्य, दावे की मानचित्र फ़ाइल में`,
  signatories: ["वन मंडलाधिकारी / उप वन संरक्षक", "जिला आदिवासी कल्याण अधिकारी", "जिला कलेक्टर / उपायुक्त"],
  signature: "हस्ताक्षर, मुहर और दिनांक",
};

const MARATHI: TitleText = {
  kinds: {
    IFR: { annexure: "परिशिष्ट II", heading: "ताब्यातील वनजमिनीचे हक्कपत्र" },
    CR: { annexure: "परिशिष्ट III", heading: "सामूहिक वन हक्कांचे हक्कपत्र" },
    CFR: { annexure: "परिशिष्ट IV", heading: "सामूहिक वन संसाधन" },
  },
  seeRule: "[नियम 8(ज) पहा]",
  underAct: "अनुसूचित जमाती व इतर पारंपरिक वननिवासी (वन हक्कांची मान्यता) अधिनियम, 2006 अन्वये",
  titleNo: "हक्कपत्र क्रमांक",
  claim: "दावा",
  grantedOn: (date) => `जिल्हास्तरीय समितीने ${date} रोजी प्रदान केले`,
  holdersIndividual: "धारकाचे / धारकांचे नाव (पती किंवा पत्नीसह)",
  holdersCommunity: "धारकाचे / धारकांचे नाव (समुदाय)",
  and: " व ",
  parent: "वडिलांचे / आईचे नाव",
  dependants: "अवलंबितांची नावे",
  village: "गाव / ग्रामसभा",
  censusCode: "जनगणना कोड",
  gramPanchayat: "ग्रामपंचायत",
  tehsil: "तहसील / तालुका",
  district: "जिल्हा",
  category: "अनुसूचित जमाती किंवा इतर पारंपरिक वननिवासी",
  scheduledTribe: "अनुसूचित जमाती",
  otherDweller: "इतर पारंपरिक वननिवासी",
  rights: "हक्कांचे स्वरूप",
  rightNames: {
    nistar: "निस्तार", minor_forest_produce: "गौण वनोपज", grazing: "चराई", fish_and_water_bodies: "मासे व जलस्रोत",
    pvtg_habitat: "आदिम जमातींचा अधिवास", biodiversity_and_traditional_knowledge: "जैवविविधता व पारंपरिक ज्ञान",
    nomadic_pastoral_access: "भटक्या व पशुपालक समुदायांचा वापर",
  },
  area: "क्षेत्रफळ",
  hectares: (ha) => `${ha} हेक्टर`,
  notStated: "नमूद नाही",
  boundaries: "ठळक खुणांद्वारे सीमांचे वर्णन, खसरा / कक्ष क्रमांकांसह",
  borderingVillages: "सीमेलगतची गावे",
  sides: { north: "उत्तर", east: "पूर्व", south: "दक्षिण", west: "पश्चिम" },
  khasra: "खसरा / कक्ष",
  boundaryAsMapped: "नकाशावर नोंदवलेली सीमा, जिचे रेखाचित्र कोपऱ्यांच्या निर्देशांकांसह (WGS 84) खाली आहे",
  sketch: "भूखंडाचे रेखाचित्र",
  north: "उ",
  metres: "मी",
  kilometres: "किमी",
  corners: "कोपरे (रेखांश, अक्षांश):",
  moreCorners: (n) => `आणि आणखी ${n}, दाव्याच्या नकाशा फाइलमध्ये`,
  signatories: ["विभागीय वन अधिकारी / उप वनसंरक्षक", "जिल्हा आदिवासी कल्याण अधिकारी", "जिल्हाधिकारी / उपायुक्त"],
  signature: "स्वाक्षरी, शिक्का व दिनांक",
};

export const TITLE_TEXT: Record<PrintLanguage, TitleText> = { en: ENGLISH, hi: HINDI, mr: MARATHI };
