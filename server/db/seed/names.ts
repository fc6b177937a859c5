// Names for the demo data, written for this project (no external list is bundled): common given names
// and surnames of Gond, Madia, Pardhan, Bhil, Pawara and Kokna families in eastern and northern
// Maharashtra, each with its Devanagari spelling.
export type Bilingual = readonly [english: string, devanagari: string];

export const MALE_NAMES: readonly Bilingual[] = [
  ["Ramesh", "रमेश"], ["Suresh", "सुरेश"], ["Bhimrao", "भीमराव"], ["Devaji", "देवाजी"], ["Maroti", "मारोती"],
  ["Bajirao", "बाजीराव"], ["Sukhdev", "सुखदेव"], ["Lalsu", "लालसू"], ["Domaji", "डोमाजी"], ["Budhu", "बुधू"],
  ["Mangru", "मंगरू"], ["Sonu", "सोनू"], ["Jairam", "जयराम"], ["Kisan", "किसन"], ["Shankar", "शंकर"],
  ["Raju", "राजू"], ["Vasant", "वसंत"], ["Sitaram", "सीताराम"], ["Govind", "गोविंद"], ["Bhagwan", "भगवान"],
  ["Ganpat", "गणपत"], ["Dasru", "दसरू"], ["Somaji", "सोमाजी"], ["Tulsiram", "तुलसीराम"], ["Zingu", "झिंगू"],
  ["Kanhaiya", "कन्हैया"], ["Ravindra", "रवींद्र"], ["Anil", "अनिल"], ["Sunil", "सुनील"], ["Dilip", "दिलीप"],
  ["Bapu", "बापू"], ["Motiram", "मोतीराम"], ["Ratan", "रतन"], ["Jagan", "जगन"], ["Dhansing", "धनसिंग"],
  ["Ravji", "रावजी"], ["Kalu", "कालू"], ["Hiralal", "हिरालाल"], ["Pandu", "पांडू"], ["Dinkar", "दिनकर"],
  ["Bhiku", "भिकू"], ["Chamru", "चमरू"], ["Eknath", "एकनाथ"], ["Fagnu", "फगनू"], ["Ghasiram", "घासीराम"],
  ["Hari", "हरी"], ["Ijjat", "इज्जत"], ["Jagdish", "जगदीश"], ["Kawdu", "कवडू"], ["Laxman", "लक्ष्मण"],
  ["Madhukar", "मधुकर"], ["Namdeo", "नामदेव"], ["Pandurang", "पांडुरंग"], ["Rajaram", "राजाराम"], ["Sadashiv", "सदाशिव"],
  ["Tukaram", "तुकाराम"], ["Vithal", "विठ्ठल"], ["Waman", "वामन"], ["Yashwant", "यशवंत"], ["Zitru", "झित्रू"],
  ["Baburao", "बाबूराव"], ["Champat", "चंपत"], ["Dagdu", "दगडू"], ["Genu", "गेनू"], ["Hanumant", "हनुमंत"],
  ["Jangu", "जंगू"], ["Kashiram", "काशीराम"], ["Mahadu", "महादू"], ["Nilkanth", "नीलकंठ"], ["Paiku", "पैकू"],
  ["Ramdas", "रामदास"], ["Sakharam", "सखाराम"], ["Tanaji", "तानाजी"], ["Umaji", "उमाजी"], ["Vishnu", "विष्णू"],
  ["Bhaiyya", "भैय्या"], ["Devsing", "देवसिंग"], ["Fatu", "फत्तू"], ["Gulab", "गुलाब"], ["Kailas", "कैलास"],
];

export const FEMALE_NAMES: readonly Bilingual[] = [
  ["Sunita", "सुनीता"], ["Kamla", "कमला"], ["Shanta", "शांता"], ["Lalita", "ललिता"], ["Sitabai", "सीताबाई"],
  ["Parvati", "पार्वती"], ["Radha", "राधा"], ["Sarita", "सरिता"], ["Mangala", "मंगला"], ["Sindhu", "सिंधू"],
  ["Rukmini", "रुक्मिणी"], ["Gaurabai", "गौराबाई"], ["Somi", "सोमी"], ["Budhni", "बुधनी"], ["Mainabai", "मैनाबाई"],
  ["Kusum", "कुसुम"], ["Leela", "लीला"], ["Jamuna", "जमुना"], ["Anita", "अनिता"], ["Rekha", "रेखा"],
  ["Savitri", "सावित्री"], ["Durga", "दुर्गा"], ["Champa", "चंपा"], ["Phulmati", "फुलमती"], ["Sumitra", "सुमित्रा"],
  ["Bhagirathi", "भागीरथी"], ["Sakhu", "सखू"], ["Tara", "तारा"], ["Vimal", "विमल"], ["Yamuna", "यमुना"],
  ["Anjana", "अंजना"], ["Bayabai", "बायाबाई"], ["Chandrakala", "चंद्रकला"], ["Dhanabai", "धनाबाई"], ["Gangubai", "गंगूबाई"],
  ["Indira", "इंदिरा"], ["Janabai", "जनाबाई"], ["Kaushalya", "कौशल्या"], ["Laxmi", "लक्ष्मी"], ["Malti", "मालती"],
  ["Nirmala", "निर्मला"], ["Pushpa", "पुष्पा"], ["Ramabai", "रमाबाई"], ["Shevantabai", "शेवंताबाई"], ["Tulsabai", "तुळसाबाई"],
  ["Usha", "उषा"], ["Vanita", "वनिता"], ["Yashoda", "यशोदा"], ["Zumbari", "झुंबरी"], ["Bhimabai", "भीमाबाई"],
  ["Dwarka", "द्वारका"], ["Girja", "गिरजा"], ["Jijabai", "जिजाबाई"], ["Kesarbai", "केसरबाई"], ["Manjula", "मंजुळा"],
];

export const EAST_SURNAMES: readonly Bilingual[] = [
  ["Atram", "आत्राम"], ["Madavi", "मडावी"], ["Kumre", "कुमरे"], ["Uikey", "उईके"], ["Kowase", "कोवासे"],
  ["Usendi", "उसेंडी"], ["Potavi", "पोटावी"], ["Gawde", "गावडे"], ["Tekam", "टेकाम"], ["Sidam", "सिडाम"],
  ["Netam", "नेताम"], ["Kodape", "कोडापे"], ["Pendam", "पेंदाम"], ["Durwa", "दुर्वा"], ["Hichami", "हिचामी"],
  ["Wadde", "वड्डे"], ["Mattami", "मट्टामी"], ["Pungati", "पुंगाटी"], ["Kirange", "किरंगे"], ["Halami", "हलामी"],
  ["Poreti", "पोरेटी"], ["Narote", "नरोटे"], ["Gota", "गोटा"], ["Lekami", "लेकामी"], ["Dhurve", "धुर्वे"],
  ["Salame", "सलामे"], ["Kanake", "कनाके"], ["Marapi", "मरापी"], ["Tofa", "तोफा"], ["Parse", "परसे"], ["Wadge", "वडगे"],
  ["Jumnake", "जुमनाके"], ["Kumoti", "कुमोटी"], ["Pallo", "पल्लो"], ["Talandi", "तलांडी"], ["Zoure", "झोरे"],
];

export const WEST_SURNAMES: readonly Bilingual[] = [
  ["Valvi", "वळवी"], ["Padvi", "पाडवी"], ["Vasave", "वसावे"], ["Gavit", "गावित"], ["Pawara", "पावरा"],
  ["Tadvi", "तडवी"], ["Naik", "नाईक"], ["Kokani", "कोकणी"], ["Thakare", "ठाकरे"], ["Raut", "राऊत"],
  ["Mavchi", "मावची"], ["Bhil", "भिल"], ["Chaudhari", "चौधरी"], ["Kathud", "काथुड"], ["Jadhav", "जाधव"],
];

// Other traditional forest dwellers (three generations in the forest, not ST).
export const OTFD_SURNAMES: readonly Bilingual[] = [
  ["Bhoyar", "भोयर"], ["Dhote", "धोटे"], ["Gaikwad", "गायकवाड"], ["Patil", "पाटील"], ["Borkar", "बोरकर"],
  ["Shende", "शेंडे"], ["Mahajan", "महाजन"], ["Marathe", "मराठे"],
];

export const EAST_TRIBES = ["Gond", "Madia Gond", "Pardhan", "Halba", "Kolam", "Kanwar"] as const;
export const WEST_TRIBES = ["Bhil", "Pawara", "Kokna", "Mavchi", "Dhanka", "Tadvi Bhil"] as const;

export const VILLAGE_PREFIXES: readonly Bilingual[] = [
  ["Kos", "कोस"], ["Mar", "मर"], ["Pen", "पें"], ["Gat", "गट"], ["Jim", "जिम"], ["Tod", "तोड"], ["Kot", "कोट"],
  ["Hed", "हेड"], ["Ber", "बेर"], ["Pip", "पिप"], ["Am", "आम"], ["Sag", "साग"], ["Kuk", "कुक"], ["Dhan", "धान"],
  ["Mend", "मेंढ"], ["Lekh", "लेख"], ["Bor", "बोर"], ["Jam", "जाम"], ["Pal", "पळ"], ["Tem", "टेम"], ["Mur", "मुर"],
  ["Kas", "कस"], ["Ghot", "घोट"], ["Kor", "कोर"], ["Sav", "साव"], ["Wad", "वड"], ["Chik", "चिक"], ["Ner", "नेर"],
  ["Mal", "माल"], ["Hat", "हाट"], ["Bhag", "भग"], ["Mol", "मोल"], ["Ros", "रोस"], ["Khap", "खाप"], ["Dev", "देव"],
];

export const VILLAGE_SUFFIXES: readonly Bilingual[] = [
  ["gaon", "गाव"], ["pur", "पूर"], ["wadi", "वाडी"], ["tola", "टोला"], ["pada", "पाडा"], ["khed", "खेड"],
  ["tekdi", "टेकडी"], ["guda", "गुडा"], ["palli", "पल्ली"], ["sur", "सूर"], ["kheda", "खेडा"], ["bodi", "बोडी"],
  ["gatta", "गट्टा"], ["mal", "माळ"], ["kasa", "कसा"],
];

// Real village names of the two focus districts, placed on synthetic polygons in the demo.
export const REAL_VILLAGES: Record<string, readonly Bilingual[]> = {
  Gadchiroli: [
    ["Mendha (Lekha)", "मेंढा (लेखा)"], ["Pachgaon", "पाचगाव"], ["Hemalkasa", "हेमलकसा"], ["Lahiri", "लाहेरी"],
    ["Binagunda", "बिनागुंडा"], ["Jimalgatta", "जिमलगट्टा"], ["Kamalapur", "कमलापूर"], ["Allapalli", "आलापल्ली"],
    ["Murumgaon", "मुरूमगाव"], ["Gyarapatti", "ग्यारापत्ती"], ["Kotgul", "कोटगुल"], ["Pendhari", "पेंढरी"],
    ["Kasansur", "कसनसूर"], ["Gatta", "गट्टा"], ["Jarawandi", "जारावंडी"], ["Tadgaon", "ताडगाव"], ["Kothi", "कोठी"],
    ["Bedgaon", "बेडगाव"], ["Malewada", "मालेवाडा"], ["Purada", "पुराडा"],
  ],
  Nandurbar: [
    ["Molgi", "मोलगी"], ["Toranmal", "तोरणमाळ"], ["Khapar", "खापर"], ["Kathi", "काठी"], ["Bhagdari", "भगदरी"],
    ["Roshmal", "रोषमाळ"], ["Jamli", "जामली"], ["Dab", "डाब"], ["Mandvi", "मांडवी"], ["Bijari", "बिजरी"],
  ],
};

export const EVIDENCE_KINDS = [
  ["voter_id", "Voter identity card of the claimant"],
  ["ration_card", "Ration card showing residence in the village"],
  ["elders_statement", "Written statement of village elders"],
  ["forest_offence_receipt", "Forest offence receipt (encroachment fine) from the Forest Department"],
  ["physical_features", "Physical features: house, bunds, wells, old trees on the land"],
  ["survey_record", "Old survey record or nistar patrak entry"],
  ["gazetteer", "District gazetteer mention of the settlement"],
  ["tribe_certificate", "Scheduled Tribe certificate"],
] as const;

/** Who files claims in a region: its Scheduled Tribes, their surnames, other forest dwellers' surnames. */
export type People = {
  tribes: readonly string[];
  surnames: readonly Bilingual[];
  otfdSurnames: readonly Bilingual[];
  male: readonly Bilingual[];
  female: readonly Bilingual[];
};

export const EAST_MAHARASHTRA: People = { tribes: EAST_TRIBES, surnames: EAST_SURNAMES, otfdSurnames: OTFD_SURNAMES, male: MALE_NAMES, female: FEMALE_NAMES };
export const WEST_MAHARASHTRA: People = { tribes: WEST_TRIBES, surnames: WEST_SURNAMES, otfdSurnames: OTFD_SURNAMES, male: MALE_NAMES, female: FEMALE_NAMES };

// Hindi has no ळ: a name Marathi spells with it is spelt with ल (तुळसाबाई, तुलसाबाई).
const inHindi = (names: readonly Bilingual[]): Bilingual[] => names.map(([english, local]) => [english, local.replace(/ळ/g, "ल")]);

// For the states whose real village boundaries can be loaded (README "Demo data"). Goa's Scheduled Tribes
// (Gawda, Kunbi, Velip, notified in 2003) share Konkan given names with Maharashtra; Sikkim's (Bhutia,
// Lepcha, Limboo, Tamang) do not. Chhattisgarh's Bastar shares its Gond, Halba and Kanwar people with
// Gadchiroli across the border, and writes their names in Hindi. Any other state gets western
// Maharashtra's lists.
export const PEOPLE_BY_STATE: Readonly<Record<string, People>> = {
  "22": { ...EAST_MAHARASHTRA, tribes: ["Gond", "Halba", "Kanwar", "Bhatra"], surnames: inHindi(EAST_SURNAMES), male: inHindi(MALE_NAMES), female: inHindi(FEMALE_NAMES) },
  "30": {
    tribes: ["Gawda", "Kunbi", "Velip"],
    surnames: [["Velip", "वेळीप"], ["Gaonkar", "गांवकर"], ["Gawde", "गावडे"], ["Zalmi", "झालमी"], ["Majik", "माजिक"]],
    otfdSurnames: [["Naik", "नाईक"], ["Gawas", "गावस"], ["Parab", "परब"], ["Sawant", "सावंत"]],
    male: MALE_NAMES,
    female: FEMALE_NAMES,
  },
  "11": {
    tribes: ["Bhutia", "Lepcha", "Limboo", "Tamang"],
    surnames: [["Bhutia", "भुटिया"], ["Lepcha", "लेप्चा"], ["Limboo", "लिम्बू"], ["Tamang", "तामाङ"], ["Subba", "सुब्बा"], ["Sherpa", "शेर्पा"]],
    otfdSurnames: [["Rai", "राई"], ["Gurung", "गुरुङ"], ["Chettri", "छेत्री"], ["Pradhan", "प्रधान"]],
    male: [["Pema", "पेमा"], ["Karma", "कर्मा"], ["Tshering", "छिरिङ"], ["Dorjee", "दोर्जी"], ["Nima", "निमा"], ["Phurba", "फुर्बा"], ["Sonam", "सोनम"], ["Dawa", "दावा"], ["Passang", "पासाङ"], ["Ugen", "उगेन"]],
    female: [["Dolma", "डोल्मा"], ["Diki", "डिकी"], ["Yangchen", "याङ्छेन"], ["Chuki", "चुकी"], ["Lhamu", "ल्हामु"], ["Dichen", "डिछेन"], ["Pempa", "पेम्पा"], ["Sangmu", "साङमु"]],
  },
};
