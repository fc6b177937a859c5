"""OCR-like noise on (text, label) segments: confusable characters, broken and merged words, case noise,
dropped marks. Entity segments never become blank, so every span stays meaningful."""
import random

CONFUSABLE = {
    "0": "O", "O": "0", "o": "0", "1": "l", "l": "1", "I": "l", "i": "l", "5": "S", "S": "5", "8": "B", "B": "8",
    "e": "c", "c": "e", "a": "o", "n": "h", "u": "v", "g": "q", ".": ",", ",": ".", "/": "l", ":": ";",
    "ब": "व", "व": "ब", "म": "भ", "भ": "म", "घ": "ध", "ध": "घ", "प": "ष", "र": "२", "ठ": "ट",
}
DEVANAGARI_MARKS = set("ािीुूृेैोौंँः्")


def noisy_text(rng: random.Random, text: str, level: float) -> str:
    out = []
    for ch in text:
        r = rng.random()
        if r < level and ch in CONFUSABLE:
            out.append(CONFUSABLE[ch])
        elif r < level * 1.5 and ch in DEVANAGARI_MARKS:
            continue  # a faint matra the scanner lost
        elif r < level * 1.8 and ch.isalpha() and out and out[-1].isalpha():
            out.append(" " + ch)  # a word broken in two
        elif ch == "m" and r < level * 2:
            out.append("rn")
        elif r < level * 2.3 and ch.isalpha():
            out.append(ch.swapcase())
        else:
            out.append(ch)
    return "".join(out)


def noisy_segments(rng: random.Random, segments: list) -> list:
    level = rng.uniform(0.005, 0.04)
    case = rng.random()
    out = []
    for chunk, label in segments:
        noisy = noisy_text(rng, chunk, level)
        if case < 0.1:
            noisy = noisy.upper()
        elif case < 0.2:
            noisy = noisy.lower()
        if label is not None and not noisy.strip():
            noisy = chunk
        if label is None and chunk.endswith(" ") and rng.random() < level:
            noisy = noisy.rstrip(" ")  # label and value run together
        out.append((noisy, label))
    return out
