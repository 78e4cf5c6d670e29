"""`eventx evaluate --extraction`: per-field accuracy on hand-checked passages.

Each passage in models/data/extraction_eval.jsonl reports one event of a
known type. The extractor reads all its sentences as that event (so the
figures measure extraction, not detection) and every field the text states
is compared with the hand-checked value. A field the text does not state
counts against the extractor only if it invents a value ("invented" rate).

Two files: extraction_eval.jsonl (220 passages) was used while writing the
rules; extraction_test.jsonl was written afterwards by someone who never saw
the rules, and is the one reported (never examined case by case).
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from models.extraction.extract import ArticleMeta, Detection, _Group, context_countries, extract_group
from models.extraction.gazetteer import Gazetteer, _norm_key, default_gazetteer
from models.text import split_sentences

DATA = Path(__file__).resolve().parent.parent / "data"
DEV_FILE = DATA / "extraction_eval.jsonl"
TEST_FILE = DATA / "extraction_test.jsonl"

QUANTITIES = {
    "drone_strike": ("drones_launched", "drones_intercepted", "killed", "injured"),
    "prisoner_swap": ("total", "released_by_each_side"),
    "sanctions": ("rate",),
    "negotiation": (),
}
LABELS = {
    "drone_strike": ("target_type",),
    "negotiation": ("format", "outcome"),
    "sanctions": ("instrument", "action"),
    "prisoner_swap": ("category",),
}
PARTIES = {
    "negotiation": ("participants", "mediator"),
    "sanctions": ("imposer", "target"),
    "prisoner_swap": ("mediator",),
    "drone_strike": (),
}


def load(path: Path = TEST_FILE) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def extract_item(item: dict[str, Any], gaz: Gazetteer) -> dict[str, Any]:
    meta = ArticleMeta(item["id"], item["text"], None, None, None, item.get("published"), "1970-01-01T00:00:00Z")
    sentences = split_sentences(item["text"])
    group = _Group(item["event_type"], [Detection(i, item["event_type"], 1.0) for i in range(len(sentences))])
    return extract_group(meta, sentences, group, gaz, context_countries(gaz, item["text"], None, sentences), "eval")


def _admin_key(gaz: Gazetteer, name: str | None, country: str | None) -> str | None:
    if not name:
        return None
    key = _norm_key(name)
    for p in gaz.admin1.get(key, []):
        if country is None or p.country == country:
            key = _norm_key(p.name)
            break
    # "Kyiv City" and "Kyiv" name the capital's own division in different conventions.
    return re.sub(r"\b(?:oblast|region|province|governorate|state|district|krai|republic|city)\b", "", key).strip()


def _party(v: Any) -> str | None:
    if v is None:
        return None
    if isinstance(v, dict):
        return v.get("country") or _org(v.get("name"))
    return _org(v) if isinstance(v, str) and len(v) != 3 else v


_ORGS = {"european union": "EU", "eu": "EU", "united nations": "UN", "un": "UN", "g7": "G7", "group of seven": "G7",
         "international committee of the red cross": "ICRC", "icrc": "ICRC", "red cross": "ICRC",
         "economic community of west african states": "ECOWAS", "ecowas": "ECOWAS", "au": "African Union"}


def _org(name: str | None) -> str | None:
    if not name:
        return None
    return _ORGS.get(name.lower(), name)


def compare(item: dict[str, Any], got: dict[str, Any], gaz: Gazetteer) -> dict[str, bool | None]:
    """Field -> True/False when the text states it, None when it does not (invented values tracked separately)."""
    exp = item["expected"]
    et = item["event_type"]
    out: dict[str, bool | None] = {}
    loc, gloc = exp.get("location"), got.get("location")
    if loc:
        out["location.country"] = bool(gloc) and gloc.get("country") == loc.get("country")
        if loc.get("admin1"):
            out["location.admin1"] = bool(gloc) and _admin_key(gaz, gloc.get("admin1"), gloc.get("country")) == _admin_key(
                gaz, loc["admin1"], loc.get("country"))
    else:
        out["location.country"] = None
        out["_invented.location"] = gloc is not None
    if exp.get("date"):
        out["date"] = got["date"]["value"] == exp["date"]
    else:
        out["date"] = None
        out["_invented.date"] = got["date"]["source"] != "published"
    out["modality"] = got["modality"] == exp["modality"]
    exp_actors = {(a["role"], a.get("country") or _org(a.get("name"))) for a in exp.get("actors", [])}
    got_actors = {(a["role"], a.get("country") or _org(a.get("name"))) for a in got.get("actors", [])}
    out["actors"] = exp_actors <= got_actors if exp_actors else None
    args, gargs = exp.get("args", {}), got.get("arguments", {})
    for name in QUANTITIES[et]:
        want = args.get(name)
        have = (gargs.get(name) or {}).get("value")
        if want is None:
            out[name] = None
            out[f"_invented.{name}"] = have is not None
        else:
            out[name] = have is not None and float(have) == float(want)
    for name in LABELS[et]:
        want = args.get(name)
        have = (gargs.get(name) or {}).get("value")
        out[name] = None if want is None else have == want
    for name in PARTIES[et]:
        want = args.get(name)
        have = gargs.get(name)
        if isinstance(want, list):
            out[name] = sorted(_party(x) for x in want) == sorted(_party(x) for x in (have or [])) if want else None
        else:
            out[name] = None if want is None else _party(want) == _party(have)
    return out


def evaluate(rows: Sequence[dict[str, Any]], gaz: Gazetteer | None = None) -> dict[str, Any]:
    gaz = gaz or default_gazetteer()
    hits: dict[str, list[bool]] = defaultdict(list)
    invented: dict[str, list[bool]] = defaultdict(list)
    failures: list[dict[str, Any]] = []
    for item in rows:
        got = extract_item(item, gaz)
        result = compare(item, got, gaz)
        for field, ok in result.items():
            if field.startswith("_invented."):
                invented[field.split(".", 1)[1]].append(bool(ok))
            elif ok is not None:
                hits[field].append(ok)
                if not ok:
                    failures.append({"id": item["id"], "field": field})
    fields = {f: {"accuracy": round(sum(v) / len(v), 4), "n": len(v)} for f, v in sorted(hits.items())}
    inv = {f: {"rate": round(sum(v) / len(v), 4), "n": len(v)} for f, v in sorted(invented.items())}
    return {"n": len(rows), "fields": fields, "invented": inv, "failures": failures}


def format_report(report: dict[str, Any]) -> str:
    lines = [f"extraction accuracy on {report['n']} passages (fields the text states)", f"{'field':<22}{'accuracy':>10}{'n':>6}"]
    for f, v in report["fields"].items():
        lines.append(f"{f:<22}{v['accuracy']:>10.3f}{v['n']:>6}")
    lines.append("values invented where the text states none:")
    for f, v in report["invented"].items():
        lines.append(f"{f:<22}{v['rate']:>10.3f}{v['n']:>6}")
    return "\n".join(lines)
