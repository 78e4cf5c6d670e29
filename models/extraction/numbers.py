"""Numbers as news writes them: "70", "1,000", "12 000", "1.5 million", "seventy-five", "a dozen"."""

from __future__ import annotations

import re
from dataclasses import dataclass

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
_WORD = "|".join([*_UNITS, *_TENS])
_SCALE = "|".join(_SCALES)

NUMBER = re.compile(
    rf"""(?<![\w.,-])(?:
        (?P<digits>\d{{1,3}}(?:[,\u202f\u00a0 ]\d{{3}})+|\d+(?:\.\d+)?)(?:\s*(?P<dscale>{_SCALE}|mln|bn|k)\b)?
      | (?P<dozen>(?:a|one|two|three|four|five|several)\s+dozen)
      | (?P<words>(?:{_WORD})(?:[\s-]+(?:{_WORD}))?(?:\s+(?:{_SCALE})(?:\s+(?:and\s+)?(?:{_WORD})(?:[\s-]+(?:{_WORD}))?)?)?)
      | (?P<ascale>an?\s+(?:hundred|thousand))
    )(?![\w])""",
    re.I | re.X,
)


@dataclass(frozen=True, slots=True)
class Number:
    value: float
    text: str
    start: int
    end: int

    @property
    def int_value(self) -> int:
        return round(self.value)


# Compiled once: the string form re.search(pattern, ...) looks the pattern up in re's cache on every call.
_WORD_SEPARATORS = re.compile(r"[\s-]+")


def _words_value(s: str) -> float | None:
    total, current = 0, 0
    for tok in _WORD_SEPARATORS.split(s.lower()):
        if tok == "and" or not tok:
            continue
        if tok in _UNITS:
            current += _UNITS[tok]
        elif tok in _TENS:
            current += _TENS[tok]
        elif tok in _SCALES:
            current = max(current, 1) * _SCALES[tok]
            if _SCALES[tok] >= 1000:
                total += current
                current = 0
        else:
            return None
    return float(total + current)


_DIGIT_SEPARATORS = re.compile(r"[,\u202f\u00a0 ]")


def parse_number(m: re.Match[str]) -> float | None:
    if m.group("digits"):
        raw = _DIGIT_SEPARATORS.sub("", m.group("digits"))
        v = float(raw)
        scale = (m.group("dscale") or "").lower()
        if scale:
            v *= {"mln": 1_000_000, "bn": 1_000_000_000, "k": 1000}.get(scale, _SCALES.get(scale, 1))
        return v
    if m.group("dozen"):
        head = m.group("dozen").split()[0].lower()
        return float(12 * ({"a": 1, "several": 3}.get(head) or _UNITS.get(head, 1)))
    if m.group("words"):
        return _words_value(m.group("words"))
    if m.group("ascale"):
        return float(_SCALES[m.group("ascale").split()[-1].lower()])
    return None


_NOT_A_COUNT_AFTER = re.compile(
    r"^\s*(?:%|per\s?cent|percent|km|kilomet|miles?\b|metres|meters|kg\b|tons?|tonnes|hours?|minutes?|days?|weeks?|"
    r"months?|years?|am\b|pm\b|a\.m|p\.m|billion|million dollars|dollars|euros|rubles|roubles|hryvnias|mph|st\b|nd\b|rd\b|th\b)",
    re.I,
)
_NOT_A_COUNT_BEFORE = re.compile(r"(?:\$|€|£|US\$|No\.|number|round|page)\s*$", re.I)
_MONTHS = re.compile(
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*$|^\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b",
    re.I,
)


_SPAN_AFTER = re.compile(r"^\s*-\s*(?:day|year|hour|week|month)", re.I)


def find_numbers(text: str, *, counts_only: bool = True) -> list[Number]:
    """Numbers in `text`. With `counts_only`, drop years, dates, money, distances and durations."""
    out: list[Number] = []
    for m in NUMBER.finditer(text):
        v = parse_number(m)
        if v is None:
            continue
        if counts_only:
            before, after = text[max(0, m.start() - 12) : m.start()], text[m.end() : m.end() + 16]
            if _NOT_A_COUNT_AFTER.match(after) or _MONTHS.search(before) or _MONTHS.match(after):
                continue
            is_year = m.group("digits") and 1900 <= v <= 2100 and "," not in m.group("digits")
            if is_year or (_NOT_A_COUNT_BEFORE.search(before) and m.group("digits")):
                continue
            if _SPAN_AFTER.match(after):
                continue
        out.append(Number(v, m.group(0), m.start(), m.end()))
    return out


PERCENT = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)\s*(?:%|per\s?cent\b|percent\b)", re.I)
_NUM_TOKEN = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+|(?:{'|'.join([*_UNITS, *_TENS])})(?:-(?:{'|'.join(_UNITS)}))?)"
# "1,000-for-1,000", "84 for 84", "eighty-four-for-eighty-four".
N_FOR_N = re.compile(rf"(?<![\w,])({_NUM_TOKEN})\s*-?\s*for\s*-?\s*({_NUM_TOKEN})(?![\w])", re.I)


def value_of(token: str) -> float | None:
    """Value of a bare number token ("1,000", "eighty-four")."""
    m = NUMBER.fullmatch(token.strip())
    return parse_number(m) if m else None
