"""Synthetic claim text with entity spans: form lines (varied order, labels, separators), narrative
sentences, in English, Hindi (Devanagari) and both, then OCR-like noise. An example is built as a list of
segments (text, entity or None) so spans stay exact through noise."""
import random
import unicodedata

from .lexicon import Lexicon
from .noise import noisy_segments

Segment = tuple  # (text, entity label or None)
Pair = tuple  # (English, Devanagari)

MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
MONTHS_HI = ["जनवरी", "फरवरी", "मार्च", "अप्रैल", "मई", "जून", "जुलाई", "अगस्त", "सितंबर", "अक्टूबर", "नवंबर", "दिसंबर"]
DEVANAGARI_DIGITS = str.maketrans("0123456789", "०१२३४५६७८९")

# Field labels as printed on forms, English and Hindi.
FIELD_LABELS = {
    "CLAIMANT": (["Name of the claimant(s)", "Name of claimant", "Claimant's name", "Claimant", "Name of applicant"], ["दावेदार का नाम", "दावेदार(रों) का नाम", "आवेदक का नाम"]),
    "SPOUSE": (["Name of the spouse", "Husband's / Wife's name", "Name of husband", "Spouse"], ["पति/पत्नी का नाम", "पति का नाम", "पत्नी का नाम"]),
    "PARENT": (["Name of father / mother", "Father's name", "Father / Mother", "Name of father"], ["पिता/माता का नाम", "पिता का नाम"]),
    "VILLAGE": (["Village", "Name of village", "Village name", "Gram"], ["ग्राम", "गाँव", "ग्राम का नाम"]),
    "GRAM_PANCHAYAT": (["Gram Panchayat", "G.P.", "Gram Panchayat name", "Panchayat"], ["ग्राम पंचायत", "पंचायत"]),
    "TEHSIL": (["Tehsil", "Taluka", "Tehsil / Taluka", "Block", "Tahsil"], ["तहसील", "तालुका", "तहसील/तालुका"]),
    "DISTRICT": (["District", "Dist.", "Distt.", "Zilla"], ["जिला", "जिल्हा"]),
    "CATEGORY": (["Scheduled Tribe or OTFD", "Whether ST / OTFD", "Category", "Status (ST/OTFD)"], ["अनुसूचित जनजाति या अन्य परंपरागत वन निवासी", "श्रेणी", "वर्ग"]),
    "AREA": (["Extent of forest land for self-cultivation", "Area claimed", "Extent of land claimed", "Area", "Extent of forest land occupied"], ["स्व-खेती हेतु भूमि", "दावा की गई भूमि का क्षेत्रफल", "क्षेत्रफल"]),
    "KHASRA": (["Survey / Khasra No.", "Khasra No.", "Survey No.", "Compartment No.", "Sy. No."], ["खसरा क्रमांक", "खसरा नं.", "सर्वे क्रमांक"]),
    "DATE": (["Date", "Dated", "Date of filing"], ["दिनांक", "तारीख"]),
    "CLAIM_TYPE": (["Type of claim", "Claim type", "Nature of claim"], ["दावे का प्रकार"]),
}
CLAIM_TYPES = {
    "IFR": (["Individual Forest Right", "Individual forest rights", "IFR", "Individual"], ["व्यक्तिगत वन अधिकार", "व्यक्तिगत अधिकार"]),
    "CR": (["Community Rights", "Community Right", "CR"], ["सामुदायिक अधिकार", "सामूहिक अधिकार"]),
    "CFR": (["Community Forest Resource", "Community Forest Resource Rights", "CFR"], ["सामुदायिक वन संसाधन", "सामुदायिक वन संसाधन अधिकार"]),
}
FORM_TITLES = {"IFR": (["FORM - A", "Form A", "FORM-A"], ["प्रपत्र - क", "प्रपत्र क"]), "CR": (["FORM - B", "Form B"], ["प्रपत्र - ख"]), "CFR": (["FORM - C", "Form C"], ["प्रपत्र - ग"])}
CATEGORIES = {
    "ST": (["Scheduled Tribe", "ST", "Scheduled Tribe (ST)", "S.T."], ["अनुसूचित जनजाति", "अ.ज."]),
    "OTFD": (["Other Traditional Forest Dweller", "OTFD", "Other Traditional Forest Dwellers"], ["अन्य परंपरागत वन निवासी", "अन्य पारंपरिक वन निवासी"]),
}
SEPARATORS = [": ", ":- ", " - ", " : ", ". ", " — ", " ", "= ", ":", " :- "]
NUMBERING = ["{n}. ", "({n}) ", "{n}) ", "", "", "{n} "]


def _cut(word: str, fraction: float) -> int:
    """A cut point near `fraction` of the word that does not strand a Devanagari vowel sign or virama."""
    i = max(1, min(len(word) - 1, round(len(word) * fraction)))
    while i < len(word) and unicodedata.category(word[i]) in ("Mn", "Mc"):
        i += 1
    return i


def blend(rng: random.Random, a: Pair, b: Pair) -> Pair:
    """A new name from the start of one and the end of another (Ram|esh + Dev|aji -> Ramaji), in both
    scripts. Most training names are blends, so the model learns to find a name by its context rather
    than remember the few real ones; the test split's real names stay unseen."""
    f, g = rng.uniform(0.3, 0.7), rng.uniform(0.3, 0.7)
    english = a[0][:_cut(a[0], f)] + b[0][_cut(b[0], g):]
    local = a[1][:_cut(a[1], f)] + b[1][_cut(b[1], g):]
    return (english[:1].upper() + english[1:].lower(), local)


def _name(rng: random.Random, names: tuple, invent: float, forbidden: frozenset) -> Pair:
    if rng.random() < invent:
        made = blend(rng, rng.choice(names), rng.choice(names))
        if made[0].lower() not in forbidden:  # never train on a held-out name by chance
            return made
    return rng.choice(names)


class ClaimFacts:
    """One claim's facts in both scripts, drawn from a lexicon part. `invent`: how often a person or
    village name is a blend rather than a listed name (training only)."""

    def __init__(self, rng: random.Random, lex: Lexicon, invent: float = 0.0):
        self.kind = rng.choices(["IFR", "CR", "CFR"], weights=[8, 1, 1])[0]
        self.category = rng.choices(["ST", "OTFD"], weights=[4, 1])[0]
        surnames = lex.st_surnames if self.category == "ST" else lex.otfd_surnames or lex.st_surnames
        surname = _name(rng, surnames, invent, lex.forbidden)
        woman = rng.random() < 0.3
        given = _name(rng, lex.female if woman else lex.male, invent, lex.forbidden)
        father = _name(rng, lex.male, invent, lex.forbidden)
        spouse = _name(rng, lex.male if woman else lex.female, invent, lex.forbidden)
        self.claimant = _person(rng, given, father, surname)
        self.spouse = _person(rng, spouse, None, surname)
        self.parent = _person(rng, father, None, surname)
        self.village = _village(rng, lex, invent)
        self.gram_panchayat = self.village if rng.random() < 0.4 else _village(rng, lex, invent)
        self.tehsil = rng.choice(lex.tehsils + lex.districts)
        self.district = rng.choice(lex.districts)
        self.tribe = rng.choice(lex.tribes)
        self.area = _area(rng)
        self.khasra = [_khasra(rng) for _ in range(rng.choice([1, 1, 1, 2, 3]))]
        self.date = _date(rng)


def _person(rng, given, middle, surname) -> Pair:
    style = rng.random()
    if style < 0.55 or middle is None:
        return (f"{given[0]} {surname[0]}", f"{given[1]} {surname[1]}")
    if style < 0.8:
        return (f"{given[0]} {middle[0]} {surname[0]}", f"{given[1]} {middle[1]} {surname[1]}")
    if style < 0.9:
        return (f"{surname[0]} {given[0]}", f"{surname[1]} {given[1]}")
    return (f"{given[0][0]}. {surname[0]}", f"{given[1]} {surname[1]}")


def _village(rng, lex: Lexicon, invent: float) -> Pair:
    # Half the villages are real ones (the public list holds 1,500); the rest are made of name pieces.
    if lex.real_villages and rng.random() < 0.5:
        return _name(rng, lex.real_villages, invent, lex.forbidden)
    p, s = _name(rng, lex.village_prefixes, invent, lex.forbidden), rng.choice(lex.village_suffixes)
    return (p[0] + s[0], p[1] + s[1])


def _area(rng) -> Pair:
    value = round(rng.uniform(0.05, 4.0), rng.choice([1, 2, 2]))
    if rng.random() < 0.25:
        acres = round(value * 2.471, 1)
        return (f"{acres} {rng.choice(['acres', 'Acre', 'acre', 'ac.'])}", f"{acres} एकड़")
    unit_en = rng.choice(["ha", "ha.", "hectare", "Hectare", "hectares", "Ha"])
    text = f"{value:.2f}" if rng.random() < 0.6 else str(value)
    return (f"{text} {unit_en}", f"{text} {rng.choice(['हेक्टेयर', 'हे.', 'हेक्टर'])}")


def _khasra(rng) -> str:
    n = rng.randint(1, 999)
    style = rng.random()
    if style < 0.4:
        return str(n)
    if style < 0.8:
        return f"{n}/{rng.randint(1, 12)}"
    if style < 0.9:
        return f"{n}/{rng.randint(1, 9)}{rng.choice('ABCD')}"
    return f"{rng.randint(100, 999)}-{rng.randint(1, 9)}"


def _date(rng) -> Pair:
    d, m, y = rng.randint(1, 28), rng.randint(1, 12), rng.randint(2008, 2025)
    style = rng.random()
    if style < 0.35:
        s = f"{d:02d}/{m:02d}/{y}"
        return (s, s.translate(DEVANAGARI_DIGITS) if rng.random() < 0.3 else s)
    if style < 0.6:
        s = f"{d:02d}-{m:02d}-{y}"
        return (s, s)
    if style < 0.75:
        s = f"{d}.{m}.{y}"
        return (s, s)
    return (f"{d} {MONTHS_EN[m - 1]} {y}", f"{d} {MONTHS_HI[m - 1]} {y}")


def _pick(rng, options: tuple, lang: str) -> str:
    en, hi = options
    if lang == "hi":
        return rng.choice(hi)
    if lang == "en":
        return rng.choice(en)
    return f"{rng.choice(en)} / {rng.choice(hi)}"


def _value(pair: Pair, lang: str) -> str:
    return pair[1] if lang == "hi" else pair[0]


def form_lines(rng, facts: ClaimFacts, lang: str) -> list:
    """Form-style lines: a shuffled, partial subset of the fields, each 'label sep value', or stacked as
    printed forms are (the label, then the answer written on the line below) the way OCR reads them back,
    often with a blank line between fields."""
    stacked = rng.random() < 0.35
    sep = rng.choice(["\n", "\n", " :\n", ":\n"]) if stacked else rng.choice(SEPARATORS)
    field_end = "\n\n" if stacked and rng.random() < 0.6 else "\n"
    numbering = rng.choice(NUMBERING)
    v = lambda pair: _value(pair, "hi" if lang == "hi" or (lang == "mixed" and rng.random() < 0.3) else "en")
    fields = [
        ("CLAIMANT", [(v(facts.claimant), "CLAIMANT")] + ([("  (", None), (facts.claimant[1], "CLAIMANT"), (")", None)] if lang == "mixed" and rng.random() < 0.5 else [])),
        ("SPOUSE", [(v(facts.spouse), "RELATIVE")]),
        ("PARENT", [(v(facts.parent), "RELATIVE")]),
        ("VILLAGE", [(v(facts.village), "VILLAGE")]),
        ("GRAM_PANCHAYAT", [(v(facts.gram_panchayat), "GRAM_PANCHAYAT")]),
        ("TEHSIL", [(v(facts.tehsil), "TEHSIL")]),
        ("DISTRICT", [(v(facts.district), "DISTRICT")]),
        ("CATEGORY", _category_value(rng, facts, lang)),
        ("AREA", [(v(facts.area), "AREA")]),
        ("KHASRA", _join([[(k, "KHASRA")] for k in facts.khasra], ", ")),
        ("DATE", [(v(facts.date), "DATE")]),
        ("CLAIM_TYPE", [(_pick(rng, CLAIM_TYPES[facts.kind], "hi" if lang == "hi" else "en"), "CLAIM_TYPE")]),
    ]
    extras = [
        ("Address / पता" if lang == "mixed" else ("पता" if lang == "hi" else "Address"), [("At ", None), (v(facts.village), "VILLAGE"), (", Post ", None), (v(facts.gram_panchayat), "GRAM_PANCHAYAT")]),
        ("Claim No" if lang != "hi" else "दावा क्रमांक", [(f"{rng.choice(['NDB', 'GAD', 'NSK', 'PLG'])}-{rng.randint(2008, 2025)}-{rng.randint(1, 999999):06d}", None)]),
        ("Family members with age" if lang != "hi" else "परिवार के सदस्य", [(f"{_value(facts.spouse, lang)} ({rng.randint(20, 70)}), {rng.choice(['Sonu', 'Raju', 'Kamla', 'Budhni'])} ({rng.randint(1, 19)})", None)]),
        ("Evidence in support" if lang != "hi" else "साक्ष्य", [(rng.choice(["Voter ID; elders' statement", "Ration card; forest offence receipt", "मतदाता पहचान पत्र; बुजुर्गों का बयान"]), None)]),
    ]
    if rng.random() < 0.9:
        fields = rng.sample(fields, rng.randint(2, 7)) if rng.random() < 0.7 else fields
        fields += rng.sample(extras, rng.randint(0, 2))
        rng.shuffle(fields) if rng.random() < 0.5 else None
    segments = []
    if rng.random() < 0.25:
        title = FORM_TITLES[facts.kind]
        segments += [(_pick(rng, title, "hi" if lang == "hi" else "en"), "CLAIM_TYPE"), ("\n", None)]
    for n, (key, value) in enumerate(fields, start=1):
        label = _pick(rng, FIELD_LABELS[key], lang) if key in FIELD_LABELS else key
        segments.append((numbering.format(n=n) + label + sep, None))
        segments += value
        segments.append((field_end, None))
    return segments


def _category_value(rng, facts: ClaimFacts, lang: str) -> list:
    value = [(_pick(rng, CATEGORIES[facts.category], "hi" if lang == "hi" else "en"), "CATEGORY")]
    if facts.category == "ST" and rng.random() < 0.5:
        value.append((f" ({facts.tribe})", None))
    return value


def _join(parts: list, sep: str) -> list:
    out = []
    for i, p in enumerate(parts):
        if i:
            out.append((sep, None))
        out += p
    return out


def narrative(rng, facts: ClaimFacts, lang: str) -> list:
    """A sentence or two in the claimant's voice, as written on plain paper applications."""
    if lang == "hi":
        relation = rng.choice(["पिता", "पति", "पुत्र", "पत्नी"])
        parts = [("मैं, ", None), (facts.claimant[1], "CLAIMANT"), (f", {relation} ", None), (facts.parent[1], "RELATIVE"),
                 (", निवासी ग्राम ", None), (facts.village[1], "VILLAGE"), (", ग्राम पंचायत ", None), (facts.gram_panchayat[1], "GRAM_PANCHAYAT"),
                 (", तहसील ", None), (facts.tehsil[1], "TEHSIL"), (", जिला ", None), (facts.district[1], "DISTRICT"), (", ", None),
                 (_pick(rng, CATEGORIES[facts.category], "hi"), "CATEGORY"), (" का सदस्य, खसरा क्रमांक ", None), (facts.khasra[0], "KHASRA"),
                 (" में ", None), (facts.area[1], "AREA"), (" वन भूमि पर ", None), (_pick(rng, CLAIM_TYPES[facts.kind], "hi"), "CLAIM_TYPE"),
                 (" का दावा करता हूँ। दिनांक ", None), (facts.date[1], "DATE")]
        return _drop_clauses(rng, parts)
    relation = rng.choice(["s/o", "S/O", "son of", "w/o", "wife of", "d/o"])
    parts = [("I, ", None), (facts.claimant[0], "CLAIMANT"), (f", {relation} ", None), (facts.parent[0], "RELATIVE"),
             (", resident of village ", None), (facts.village[0], "VILLAGE"), (", Gram Panchayat ", None), (facts.gram_panchayat[0], "GRAM_PANCHAYAT"),
             (", Tehsil ", None), (facts.tehsil[0], "TEHSIL"), (", District ", None), (facts.district[0], "DISTRICT"),
             (", belonging to the ", None), (_pick(rng, CATEGORIES[facts.category], "en"), "CATEGORY"), (" community, hereby claim ", None),
             (facts.area[0], "AREA"), (" of forest land bearing survey no. ", None), (facts.khasra[0], "KHASRA"), (" as ", None),
             (_pick(rng, CLAIM_TYPES[facts.kind], "en"), "CLAIM_TYPE"), (". Dated ", None), (facts.date[0], "DATE"), (".", None)]
    return _drop_clauses(rng, parts)


def _drop_clauses(rng, parts: list) -> list:
    # Real letters leave things out: drop some (connector, value) pairs after the claimant.
    out = parts[:2]
    for i in range(2, len(parts) - 1, 2):
        if rng.random() < 0.8:
            out += parts[i:i + 2]
    if parts[-1][1] is None and len(parts) % 2:
        out.append(parts[-1])
    return out


def make_example(rng: random.Random, lex: Lexicon, noise: float, invent: float = 0.0) -> dict:
    facts = ClaimFacts(rng, lex, invent)
    lang = rng.choices(["en", "hi", "mixed"], weights=[5, 3, 2])[0]
    segments = form_lines(rng, facts, lang) if rng.random() < 0.7 else narrative(rng, facts, "hi" if lang == "hi" else "en")
    if rng.random() < noise:
        segments = noisy_segments(rng, segments)
    return to_example(segments, lang)


def to_example(segments: list, lang: str) -> dict:
    text, spans = "", []
    for chunk, label in segments:
        if label is not None:
            # Spans never start or end on whitespace: trim it into the surrounding text.
            lead = len(chunk) - len(chunk.lstrip())
            core = chunk.strip()
            if core:
                start = len(text) + lead
                spans.append({"start": start, "end": start + len(core), "label": label})
        text += chunk
    stripped = text.rstrip()
    return {"text": stripped, "spans": [s for s in spans if s["end"] <= len(stripped)], "source": "synthetic", "reviewer": None, "lang": lang}
