"""Validate records against the JSON Schema contract in `schemas/json/`.

Needs the `jsonschema` package (a dev extra): producers and subscribers in
any language use the same files with their own validator.
"""

from __future__ import annotations

import json
from typing import Any

from schemas import JSON_DIR

BASE = "https://eventx.invalid/schemas/"


def load_all() -> dict[str, dict[str, Any]]:
    return {p.name.removesuffix(".schema.json"): json.loads(p.read_text()) for p in sorted(JSON_DIR.glob("*.schema.json"))}


def validators() -> dict[str, Any]:
    """Schema name -> Draft 2020-12 validator, with cross-file $refs resolved offline."""
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource

    docs = load_all()
    registry = Registry().with_resources(
        (BASE + f"{name}.schema.json", Resource.from_contents(doc)) for name, doc in docs.items()
    )
    out = {}
    for name, doc in docs.items():
        Draft202012Validator.check_schema(doc)
        out[name] = Draft202012Validator(doc, registry=registry)
    return out


def errors(validator: Any, record: Any) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message}" for e in validator.iter_errors(record)]
