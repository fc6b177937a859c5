"""Names and places for synthetic claims, split so that test names and villages never appear in training."""
import json
import zlib
from dataclasses import dataclass
from pathlib import Path

LEXICON_PATH = Path(__file__).resolve().parent.parent / "data" / "lexicon.json"
# Names from licensed public lists (the app's `npm run schemas` writes it): more given names, surnames of
# other traditional forest dwellers, and real villages and tehsils of forest districts.
PUBLIC_NAMES_PATH = LEXICON_PATH.parent / "public-names.json"

# A pair is (English spelling, Devanagari spelling).
Pair = tuple


def _held_out(english: str) -> bool:
    # A stable hash, so the split is the same on every machine and every run.
    return zlib.crc32(english.encode()) % 4 == 0


@dataclass(frozen=True)
class Lexicon:
    male: tuple
    female: tuple
    st_surnames: tuple
    otfd_surnames: tuple
    tribes: tuple
    village_prefixes: tuple
    village_suffixes: tuple
    real_villages: tuple
    districts: tuple
    tehsils: tuple
    # Lowercased English names of the other part: an invented training name must not be one of them.
    forbidden: frozenset = frozenset()


def load_lexicon(part: str) -> Lexicon:
    """part 'train' or 'test': person names, surnames and village names are disjoint between them.
    Districts, tehsils and tribes are a closed, public set that the model may know; they are shared."""
    if part not in ("train", "test"):
        raise ValueError(f"unknown lexicon part {part!r}")
    raw = _with_public_names(json.loads(LEXICON_PATH.read_text()), json.loads(PUBLIC_NAMES_PATH.read_text()))
    keep = (lambda pairs: tuple(tuple(p) for p in pairs if _held_out(p[0]) == (part == "test")))
    named = [p[0] for key in ("male_names", "female_names", "st_surnames", "otfd_surnames", "village_prefixes", "real_villages") for p in raw[key]]
    others = frozenset(n.lower() for n in named if _held_out(n) != (part == "test"))
    return Lexicon(
        forbidden=others if part == "train" else frozenset(),
        male=keep(raw["male_names"]),
        female=keep(raw["female_names"]),
        st_surnames=keep(raw["st_surnames"]),
        otfd_surnames=keep(raw["otfd_surnames"]),
        tribes=tuple(raw["tribes"]),
        village_prefixes=keep(raw["village_prefixes"]),
        village_suffixes=tuple(tuple(p) for p in raw["village_suffixes"]),
        real_villages=keep(raw["real_villages"]),
        districts=tuple(tuple(p) for p in raw["districts"]),
        tehsils=tuple(tuple(p) for p in raw["tehsils"]),
    )


def _with_public_names(raw: dict, public: dict) -> dict:
    """The hand-written lists first, then the public names they do not already hold."""
    def merged(key: str, public_key: str) -> list:
        known = {p[0].lower() for p in raw[key]}
        return raw[key] + [p for p in public[public_key] if p[0].lower() not in known]

    return {
        **raw,
        "male_names": merged("male_names", "male_names"),
        "female_names": merged("female_names", "female_names"),
        "otfd_surnames": merged("otfd_surnames", "otfd_surnames"),
        "real_villages": merged("real_villages", "villages"),
        "tehsils": merged("tehsils", "tehsils"),
    }
