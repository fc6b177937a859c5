// A plausible Devanagari spelling for an Indian name written in everyday English letters ("Ramesh",
// "Kondagaon"). Such spellings drop what Devanagari keeps (vowel length, dental or retroflex, schwa), so
// this gives one likely Hindi spelling, not the canonical one: enough for training text, where the model
// must learn what a Devanagari name looks like, not any one name's spelling.

const CONSONANTS = {
  chh: "छ", ksh: "क्ष", sh: "श", ch: "च", kh: "ख", gh: "घ", th: "थ", dh: "ध", ph: "फ", bh: "भ", jh: "झ",
  k: "क", g: "ग", c: "क", j: "ज", t: "त", d: "द", n: "न", p: "प", f: "फ", b: "ब", m: "म", y: "य",
  r: "र", l: "ल", v: "व", w: "व", s: "स", h: "ह", z: "ज", q: "क", x: "क्स",
} as const;
// [standing alone, after a consonant]; "a" after a consonant is the consonant's own vowel.
const VOWELS = {
  aa: ["आ", "ा"], ai: ["ऐ", "ै"], au: ["औ", "ौ"], ee: ["ई", "ी"], ii: ["ई", "ी"], oo: ["ऊ", "ू"],
  uu: ["ऊ", "ू"], ou: ["औ", "ौ"], a: ["अ", ""], e: ["ए", "े"], i: ["इ", "ि"], o: ["ओ", "ो"], u: ["उ", "ु"],
} as const;
type Vowel = keyof typeof VOWELS;
type Consonant = keyof typeof CONSONANTS;
const VIRAMA = "्";
const ANUSVARA = "ं";
// Before these, a nasal is written as the dot above (Chandra -> चंद्र, Ambar -> अंबर), as Hindi mostly does.
const STOPS = new Set(["k", "kh", "g", "gh", "c", "ch", "chh", "j", "jh", "t", "th", "d", "dh", "p", "ph", "b", "bh", "s", "sh"]);

type Piece = { kind: "vowel"; latin: Vowel } | { kind: "consonant"; latin: Consonant };

function pieces(word: string): Piece[] {
  const out: Piece[] = [];
  for (let i = 0; i < word.length; ) {
    const vowel = [2, 1].map((n) => word.slice(i, i + n)).find((s): s is Vowel => s in VOWELS);
    if (vowel) {
      out.push({ kind: "vowel", latin: vowel });
      i += vowel.length;
      continue;
    }
    const consonant = [3, 2, 1].map((n) => word.slice(i, i + n)).find((s): s is Consonant => s in CONSONANTS);
    if (!consonant) throw new Error(`no Devanagari for "${word[i]}" in "${word}"`);
    out.push({ kind: "consonant", latin: consonant });
    i += consonant.length;
  }
  return out;
}

/** `finalA`: how a word-final "a" after a consonant is read: long for "Sunita" (सुनिता), "Salna"; the
 * consonant's own vowel for men's names such as "Krishna" or "Aditya". */
export function devanagariOfName(name: string, finalA: "long" | "inherent" = "long"): string {
  return name.replace(/\p{L}+/gu, (word) => devanagariOfWord(word.toLowerCase(), finalA));
}

function devanagariOfWord(word: string, finalA: "long" | "inherent"): string {
  // "gaon" is a village's "village": गांव, not the letter-by-letter गओन.
  const village = word.endsWith("aon") && word.length > 3;
  const parts = pieces(village ? word.slice(0, -3) : word);
  let out = "";
  parts.forEach((piece, i) => {
    const previous = parts[i - 1];
    const next = parts[i + 1];
    const last = i === parts.length - 1;
    if (piece.kind === "vowel") {
      // "ia" and "ea" glide through य: Ahluwalia -> अहलुवलिया.
      const afterFrontVowel = previous?.kind === "vowel" && /^(i|ii|ee|e)$/.test(previous.latin);
      if (afterFrontVowel) out += CONSONANTS.y;
      const afterConsonant = previous?.kind === "consonant" || afterFrontVowel;
      if (afterConsonant && last && piece.latin === "a" && finalA === "long") out += VOWELS.aa[1];
      // A name's last "i" or "u" is long in Hindi spelling: Madavi -> मदवी, Raju -> रजू.
      else if (afterConsonant && last && (piece.latin === "i" || piece.latin === "u")) out += VOWELS[piece.latin === "i" ? "ii" : "uu"][1];
      else out += VOWELS[piece.latin][afterConsonant ? 1 : 0];
      return;
    }
    const nasal = piece.latin === "n" || piece.latin === "m";
    if (nasal && previous?.kind === "vowel" && next?.kind === "consonant" && STOPS.has(next.latin)) {
      out += ANUSVARA;
      return;
    }
    // A last "y" after a consonant is a vowel: Anthony -> अंथोनी.
    if (piece.latin === "y" && last && previous?.kind === "consonant") {
      out += VOWELS.ee[1];
      return;
    }
    out += CONSONANTS[piece.latin];
    const nextIsFinalY = next?.latin === "y" && i + 1 === parts.length - 1;
    if (next?.kind === "consonant" && !nextIsFinalY) out += VIRAMA;
  });
  return village ? `${out}ांव` : out;
}
