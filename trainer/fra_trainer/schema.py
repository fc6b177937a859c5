"""The JSON contracts shared with the app, generated from its zod schemas (npm run schemas)."""
import json
from functools import lru_cache
from pathlib import Path

import jsonschema

from .errors import BadInput

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schema"


@lru_cache(maxsize=None)
def _validator(name: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text())
    return jsonschema.Draft202012Validator(schema)


def check(name: str, value, where: str) -> None:
    """Raise BadInput naming the first problem, e.g. 'corrections.jsonl line 3: spans.0.label: ...'."""
    errors = sorted(_validator(name).iter_errors(value), key=lambda e: list(e.path))
    if errors:
        e = errors[0]
        path = ".".join(str(p) for p in e.path) or "(row)"
        raise BadInput(f"{where}: {path}: {e.message}")


@lru_cache(maxsize=None)
def labels() -> tuple:
    data = json.loads((SCHEMA_DIR / "labels.json").read_text())
    return tuple(data["entities"]), tuple(data["labels"])


ENTITIES, LABELS = labels()
LABEL_TO_ID = {label: i for i, label in enumerate(LABELS)}
