// The words of the notice that tells a claimant their claim was rejected, and why, in writing (the domain
// brief, step 6), in the languages titles print in. Labels both documents share (village, tehsil…) are the
// title's (components/title/title-text.ts).
import { APPEAL_DAYS, type ClaimType } from "@/configs/workflow";
import type { PrintLanguage } from "@/components/print/print-languages";

/** The committees that reject: the SDLC (step 4) and the DLC (step 5). */
export type RejectingCommittee = "sdlc" | "dlc";

export type NoticeText = {
  heading: string;
  committees: Record<RejectingCommittee, string>;
  to: string;
  claimNo: string;
  kinds: Record<ClaimType, string>;
  filedOn: (date: string) => string;
  decided: (committee: string, date: string) => string;
  reasons: string;
  appeal: Record<RejectingCommittee, string>;
  help: string;
  chair: Record<RejectingCommittee, string>;
  received: string;
  claimantSignature: string;
};

const ENGLISH: NoticeText = {
  heading: "Intimation of rejection of claim",
  committees: { sdlc: "Sub-Divisional Level Committee", dlc: "District Level Committee" },
  to: "To",
  claimNo: "Claim no.",
  kinds: { IFR: "individual forest right (Form A)", CR: "community rights (Form B)", CFR: "community forest resource (Form C)" },
  filedOn: (date) => `filed on ${date}`,
  decided: (committee, date) => `The ${committee} considered your claim on ${date} and rejected it, for the reasons below.`,
  reasons: "Reasons, as recorded",
  appeal: {
    sdlc: `You may appeal against this decision to the District Level Committee within ${APPEAL_DAYS} days of receiving this notice.`,
    dlc: `You may appeal within ${APPEAL_DAYS} days of receiving this notice; the District Level Committee then hears your claim again.`,
  },
  help: "The Gram Sabha and the Forest Rights Committee of your village can help you file the appeal.",
  chair: { sdlc: "Sub-Divisional Officer, Chairperson of the SDLC", dlc: "District Collector, Chairperson of the DLC" },
  received: "Received this notice on (date):",
  claimantSignature: "Signature or thumb impression of the claimant",
};

const HINDI: NoticeText = {
  heading: "दावा अस्वीकृति की सूचना",
  committees: { sdlc: "उपखंड स्तरीय समिति", dlc: "जिला स्तरीय समिति" },
  to: "प्रति",
  claimNo: "दावा क्रमांक",
  kinds: { IFR: "व्यक्तिगत वन अधिकार (प्ररूप क)", CR: "सामुदायिक अधिकार (प्ररूप ख)", CFR: "सामुदायिक वन संसाधन (प्ररूप ग)" },
  filedOn: (date) => `${date} को प्रस्तुत`,
  decided: (committee, date) => `${committee} ने ${date} को आपके दावे पर विचार किया और नीचे दिए गए कारणों से उसे अस्वीकार किया।`,
  reasons: "कारण, जैसे अभिलिखित किए गए",
  appeal: {
    sdlc: `आप इस सूचना की प्राप्ति के ${APPEAL_DAYS} दिनों के भीतर इस निर्णय के विरुद्ध जिला स्तरीय समिति को अपील कर सकते हैं।`,
    dlc: `आप इस सूचना की प्राप्ति के ${APPEAL_DAYS} दिनों के भीतर अपील कर सकते हैं; तब जिला स्तरीय समिति आपके दावे की फिर से सुनवाई करेगी।`,
  },
  help: "आपके ग्राम की ग्राम सभा और वन अधिकार समिति अपील दायर करने में आपकी सहायता कर सकती हैं।",
  chair: { sdlc: "उपखंड अधिकारी, अध्यक्ष, उपखंड स्तरीय समिति", dlc: "जिला कलेक्टर, अध्यक्ष, जिला स्तरीय समिति" },
  received: "यह सूचना प्राप्त होने का दिनांक:",
  claimantSignature: "दावेदार के हस्ताक्षर या अंगूठे का निशान",
};

const MARATHI: NoticeText = {
  heading: "दावा नामंजुरीची सूचना",
  committees: { sdlc: "उपविभागीय स्तरीय समिती", dlc: "जिल्हास्तरीय समिती" },
  to: "प्रति",
  claimNo: "दावा क्रमांक",
  kinds: { IFR: "वैयक्तिक वन हक्क (नमुना अ)", CR: "सामूहिक हक्क (नमुना ब)", CFR: "सामूहिक वन संसाधन (नमुना क)" },
  filedOn: (date) => `${date} रोजी दाखल`,
  decided: (committee, date) => `${committee}ने ${date} रोजी आपल्या दाव्यावर विचार केला आणि खालील कारणांसाठी तो नामंजूर केला.`,
  reasons: "कारणे, नोंदवल्याप्रमाणे",
  appeal: {
    sdlc: `ही सूचना मिळाल्यापासून ${APPEAL_DAYS} दिवसांच्या आत आपण या निर्णयाविरुद्ध जिल्हास्तरीय समितीकडे अपील करू शकता.`,
    dlc: `ही सूचना मिळाल्यापासून ${APPEAL_DAYS} दिवसांच्या आत आपण अपील करू शकता; त्यानंतर जिल्हास्तरीय समिती आपल्या दाव्याची पुन्हा सुनावणी करेल.`,
  },
  help: "आपल्या गावाची ग्रामसभा व वन हक्क समिती अपील दाखल करण्यासाठी आपली मदत करू शकते.",
  chair: { sdlc: "उपविभागीय अधिकारी, अध्यक्ष, उपविभागीय स्तरीय समिती", dlc: "जिल्हाधिकारी, अध्यक्ष, जिल्हास्तरीय समिती" },
  received: "ही सूचना मिळाल्याचा दिनांक:",
  claimantSignature: "दावेदाराची स्वाक्षरी किंवा अंगठ्याचा ठसा",
};

export const NOTICE_TEXT: Record<PrintLanguage, NoticeText> = { en: ENGLISH, hi: HINDI, mr: MARATHI };
