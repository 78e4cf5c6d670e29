"""Date expressions in news text, resolved against a reference date.

Two jobs share this module:
- page dates on scraped pages ("avril 20, 2025", "09-07-2025", "a day ago");
- event dates inside a sentence ("on Wednesday", "overnight", "July 8",
  "last week"), resolved against the article's published date.

Nothing here guesses: an expression that cannot be resolved yields None, and
callers fall back to the published date and say so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

MONTHS: dict[str, int] = {}
for _num, _names in enumerate(
    [
        "january jan janvier janv januar enero gennaio janeiro januari январь января",
        "february feb febr février fevrier févr fevr februar febrero febbraio fevereiro februari февраль февраля",
        "march mar mars märz maerz marzo março marco maart март марта",
        "april apr avril abril aprile апрель апреля",
        "may mai mayo maggio maio mei май мая",
        "june jun juin juni junio giugno junho июнь июня",
        "july jul juillet juli julio luglio julho июль июля",
        "august aug août aout agosto augustus август августа",
        "september sep sept septembre settembre setembro сентябрь сентября",
        "october oct octobre oktober octubre ottobre outubro okt октябрь октября",
        "november nov novembre noviembre novembro ноябрь ноября",
        "december dec décembre decembre dezember diciembre dicembre dezembro dez декабрь декабря",
    ],
    start=1,
):
    for _n in _names.split():
        MONTHS[_n] = _num

WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}

# re.IGNORECASE matches these four non-ASCII letters to ASCII ones ("on ſunday" matches the weekday pattern), and
# lower() keeps them, so a matched word is folded with this before it is looked up in MONTHS, WEEKDAYS or _NUM_WORDS.
_IGNORECASE_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def _key(word: str) -> str:
    return word.translate(_IGNORECASE_FOLD).lower()


_MONTH_RX = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
_WEEKDAY_RX = "|".join(WEEKDAYS)
_NUM_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression found in text and what it resolves to."""

    value: str  # ISO: YYYY-MM-DD, YYYY-MM or YYYY
    precision: str  # day | week | month | year
    source: str  # explicit | relative
    text: str
    start: int
    end: int


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


# --------------------------------------------------------------------------- page dates

_ISO = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?\b")
_DMY_NUM = re.compile(r"\b(\d{1,2})[-./](\d{1,2})[-./](\d{4})\b")
_MDY_TEXT = re.compile(rf"\b(?=\w+\.?\s+\d)({_MONTH_RX})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I)
_DMY_TEXT = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th|er|\.)?\s+(?:de\s+)?({_MONTH_RX})\.?,?\s+(?:de\s+)?(\d{{4}})\b", re.I)
# No leading word boundary: scraped bylines glue the age to the site name
# ("Yahooa day ago", "time21 minutes ago").
_AGO = re.compile(
    r"(an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+)\s*"
    r"(second|minute|min|hour|hr|day|week|month|year)s?\s+ago\b",
    re.I,
)


def parse_absolute(text: str) -> date | None:
    """First absolute calendar date in `text` (ISO, DD-MM-YYYY, or with a month name).

    Numeric dates are read day-first (DD-MM-YYYY), the convention of the
    aggregators in the seed corpus; an impossible day-first reading such as
    "07-25-2025" is retried month-first.
    """
    candidates: list[tuple[int, date]] = []
    for m in _ISO.finditer(text):
        d = _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if d:
            candidates.append((m.start(), d))
    for m in _DMY_NUM.finditer(text):
        a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        d = _safe_date(y, b, a) or _safe_date(y, a, b)
        if d:
            candidates.append((m.start(), d))
    for m in _MDY_TEXT.finditer(text):
        d = _safe_date(int(m.group(3)), MONTHS[_key(m.group(1))], int(m.group(2)))
        if d:
            candidates.append((m.start(), d))
    for m in _DMY_TEXT.finditer(text):
        d = _safe_date(int(m.group(3)), MONTHS[_key(m.group(2))], int(m.group(1)))
        if d:
            candidates.append((m.start(), d))
    if not candidates:
        return None
    return min(candidates)[1]


# Compiled once: the string form re.search(pattern, ...) looks the pattern up in re's cache on every call.
_YESTERDAY = re.compile(r"\byesterday\b")
_TODAY = re.compile(r"\b(?:today|just now)\b")


def parse_relative_age(text: str, reference: datetime) -> datetime | None:
    """Resolve "a day ago", "21 minutes ago", "yesterday" against `reference`."""
    low = text.lower()
    if _YESTERDAY.search(low):
        return reference - timedelta(days=1)
    if _TODAY.search(low):
        return reference
    m = _AGO.search(low)
    if not m:
        return None
    n_txt = m.group(1)
    n = int(n_txt) if n_txt.isdigit() else _NUM_WORDS[n_txt]
    unit = m.group(2)
    if unit.startswith("sec"):
        delta = timedelta(seconds=n)
    elif unit.startswith("min"):
        delta = timedelta(minutes=n)
    elif unit.startswith("h"):
        delta = timedelta(hours=n)
    elif unit == "day":
        delta = timedelta(days=n)
    elif unit == "week":
        delta = timedelta(weeks=n)
    elif unit == "month":
        delta = timedelta(days=30 * n)
    else:
        delta = timedelta(days=365 * n)
    return reference - delta


# --------------------------------------------------------------------------- event dates

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", _ISO),
    ("dmy_num", _DMY_NUM),
    ("mdy_text", _MDY_TEXT),
    ("dmy_text", _DMY_TEXT),
    ("md", re.compile(rf"\b(?=\w+\.?\s+\d)({_MONTH_RX})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*,?\s*\d{{4}})(?!\s*(?:%|per|people|drones|km|kilomet))", re.I)),
    ("dm", re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH_RX})\b\.?(?!\s*,?\s*\d{{4}})", re.I)),
    ("weekday", re.compile(rf"\b(?:(last|this|next|on|late|early)\s+)?({_WEEKDAY_RX})(?:\s+(night|morning|evening|afternoon))?\b", re.I)),
    ("overnight", re.compile(r"\b(overnight|last night|during the night|in the night|tonight)\b", re.I)),
    ("yesterday", re.compile(r"\byesterday\b", re.I)),
    ("today", re.compile(r"\b(today|this morning|earlier today|this afternoon|this evening)\b", re.I)),
    ("last_week", re.compile(r"\blast week\b", re.I)),
    ("this_week", re.compile(r"\b(?:this|earlier this) week\b", re.I)),
    ("next_week", re.compile(r"\bnext week\b", re.I)),
    ("last_month", re.compile(r"\blast month\b", re.I)),
    ("this_month", re.compile(r"\b(?:this|earlier this|later this) month\b", re.I)),
    ("next_month", re.compile(r"\bnext month\b", re.I)),
    # "two days ago": a count of days back; "a week ago": the week before.
    ("days_ago", re.compile(r"\b(a|one|two|three|four|five|six|seven|eight|nine|ten|\d)\s+(days?|weeks?)\s+ago\b", re.I)),
    # "in mid-June 2025", "in mid-June": the hyphen joins the month.
    ("month_year", re.compile(rf"\b(?:(?:in|since|during|of|early|late|mid)\s+|mid-)({_MONTH_RX})\.?\s+(\d{{4}})\b", re.I)),
    ("month", re.compile(rf"\b(?:(?:in|since|during|early|late|mid|by|until|(?:at|by|before|until) the (?:start|beginning|middle|end) of)"
                         rf"\s+|mid-)({_MONTH_RX})\b(?!\s+\d)", re.I)),
    ("this_year", re.compile(r"\b(?:this|earlier this|later this) year\b|\b(?:by|before|at) the end of (?:the|this) year\b|"
                             r"\bby (?:the )?year[- ]end\b", re.I)),
    ("year", re.compile(r"\b(?:in|since|during|of|by)\s+((?:19|20)\d{2})\b")),
]
# Kinds that need a digit, skipped on the (most) sentences that have none. In "mdy_text" and "md" the lookahead
# (a word, then a number) is implied by the rest of the pattern; it spares trying ~100 month names at every word.
_NEEDS_DIGIT = frozenset({"iso", "dmy_num", "mdy_text", "dmy_text", "md", "dm", "month_year", "year"})
_DIGIT = re.compile(r"\d")
# Kinds every match of which holds one of these words: a sentence with none of them is not scanned for the kind (most
# sentences name no day; a dozen scans of every sentence were a third of the date reading).
_NEEDS_WORD: dict[str, tuple[str, ...]] = {
    "weekday": ("day",),  # monday ... sunday
    "overnight": ("night",),
    "yesterday": ("yesterday",),
    "today": ("today", "this morning", "this afternoon", "this evening"),
    "last_week": ("last week",),
    "this_week": ("this week",),
    "next_week": ("next week",),
    "last_month": ("last month",),
    "this_month": ("this month",),
    "next_month": ("next month",),
    "days_ago": ("ago",),
    "this_year": ("year",),
}
# The only characters that re.IGNORECASE matches to an ASCII letter, or whose lower() gives one, besides the ASCII
# letters (İ ı ſ K, checked over all of Unicode): where none occurs, a case-insensitive match of an ASCII word is that
# word in the text's lowercase copy, so the word test above is exact. Text with one of them is scanned in full.
_FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")
# Month names that are also ordinary words; only trusted next to a day number.
_AMBIGUOUS_MONTHS = {"may", "mar", "march", "jan", "sept", "dec", "mai", "mei"}


def _week_monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _month_day(published: date, month: int, day: int, future: bool) -> date | None:
    """"July 8" in the year that puts it nearest the publication date.

    News rarely names a day more than a few months away without a year; a
    date more than half a year ahead is read as last year's (and the reverse
    for planned events).
    """
    d = _safe_date(published.year, month, day)
    if d is None:
        return None
    ahead = (d - published).days
    if not future and ahead > 183:
        d = _safe_date(published.year - 1, month, day)
    elif future and ahead < -183:
        d = _safe_date(published.year + 1, month, day)
    elif not future and ahead < -183:
        d = _safe_date(published.year + 1, month, day) if ahead < -300 else d
    return d


def _weekday(published: date, wd: int, qualifier: str, future: bool) -> date:
    if qualifier == "next" or (future and qualifier != "last"):
        delta = (wd - published.weekday()) % 7
        if qualifier == "next" and delta == 0:
            delta = 7
        return published + timedelta(days=delta)
    delta = (published.weekday() - wd) % 7
    if qualifier == "last" and delta == 0:
        delta = 7
    return published - timedelta(days=delta)


def find_dates(text: str, published: date, *, future: bool = False) -> list[DateMention]:
    """All resolvable date expressions in `text`, left to right.

    `future` tells how to read a bare weekday or "July 8": for planned events
    the next such day, otherwise the most recent one on or before publication.
    """
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def overlaps(a: int, b: int) -> bool:
        return any(a < e and s < b for s, e in taken)

    digits = _DIGIT.search(text) is not None
    low = text.lower() if text.isascii() or _FOLDS_TO_ASCII.search(text) is None else None
    for kind, rx in _PATTERNS:
        if not digits and kind in _NEEDS_DIGIT:
            continue
        words = _NEEDS_WORD.get(kind)
        if words and low is not None and not any(w in low for w in words):
            continue
        for m in rx.finditer(text):
            if overlaps(m.start(), m.end()):
                continue
            mention = _resolve(kind, m, published, future)
            if mention is None:
                continue
            taken.append((m.start(), m.end()))
            found.append(mention)
    found.sort(key=lambda x: x.start)
    return _weekday_with_date(found, text)


_DATE_AFTER_WEEKDAY = re.compile(r",?\s*(?:the\s+)?$")


_INTO_GAP = re.compile(r"\s+(?:into\s+)?")


def _weekday_with_date(found: list[DateMention], text: str) -> list[DateMention]:
    """ "on Thursday, July 3": the calendar date says which Thursday; one mention over both."""
    out: list[DateMention] = []
    for m in found:
        prev = out[-1] if out else None
        if (prev is not None and prev.source == "relative" and prev.precision == "day" and m.source == "explicit"
                and m.precision == "day" and prev.text.split()[-1].lower() in WEEKDAYS
                and _DATE_AFTER_WEEKDAY.fullmatch(text[prev.end : m.start])):
            out[-1] = DateMention(m.value, m.precision, m.source, text[prev.start : m.end], prev.start, m.end)
            continue
        if (prev is not None and prev.text.lower() == "overnight" and m.precision == "day"
                and _INTO_GAP.fullmatch(text[prev.end : m.start]) and _key(m.text.split()[-1]) in WEEKDAYS):
            # "overnight on Saturday": the weekday says which night; "overnight into Friday": the night ends on Friday.
            out[-1] = DateMention(m.value, m.precision, m.source, text[prev.start : m.end], prev.start, m.end)
            continue
        out.append(m)
    return out


def _resolve(kind: str, m: re.Match[str], published: date, future: bool) -> DateMention | None:
    g = m.groups()
    d: date | None = None
    value: str | None = None
    precision = "day"
    source = "explicit"
    if kind == "iso":
        d = _safe_date(int(g[0]), int(g[1]), int(g[2]))
    elif kind == "dmy_num":
        a, b, y = int(g[0]), int(g[1]), int(g[2])
        d = _safe_date(y, b, a) or _safe_date(y, a, b)
    elif kind == "mdy_text":
        d = _safe_date(int(g[2]), MONTHS[_key(g[0])], int(g[1]))
    elif kind == "dmy_text":
        d = _safe_date(int(g[2]), MONTHS[_key(g[1])], int(g[0]))
    elif kind in ("md", "dm"):
        month_name, day_s = (g[0], g[1]) if kind == "md" else (g[1], g[0])
        if _key(month_name) in _AMBIGUOUS_MONTHS and not month_name[0].isupper():
            return None
        day = int(day_s)
        if not 1 <= day <= 31:
            return None
        d = _month_day(published, MONTHS[_key(month_name)], day, future)
    elif kind == "weekday":
        qualifier = (g[0] or "").lower()
        d = _weekday(published, WEEKDAYS[_key(g[1])], qualifier, future)
        source = "relative"
    elif kind == "overnight":
        # A report of a night attack published in the morning describes the
        # night that started the previous evening.
        d = published if m.group(1).lower() == "tonight" else published - timedelta(days=1)
        source = "relative"
    elif kind == "yesterday":
        d = published - timedelta(days=1)
        source = "relative"
    elif kind == "today":
        d = published
        source = "relative"
    elif kind in ("last_week", "this_week", "next_week"):
        shift = {"last_week": -7, "this_week": 0, "next_week": 7}[kind]
        value = "week:" + (_week_monday(published) + timedelta(days=shift)).isoformat()
        precision = "week"
        source = "relative"
    elif kind == "days_ago":
        n = int(g[0]) if g[0].isdigit() else _NUM_WORDS[_key(g[0])]
        if g[1].lower().startswith("week"):
            value, precision = "week:" + (_week_monday(published) - timedelta(weeks=n)).isoformat(), "week"
        else:
            d = published - timedelta(days=n)
        source = "relative"
    elif kind in ("last_month", "this_month", "next_month"):
        y, mo = published.year, published.month + {"last_month": -1, "this_month": 0, "next_month": 1}[kind]
        if mo == 0:
            y, mo = y - 1, 12
        elif mo == 13:
            y, mo = y + 1, 1
        value, precision, source = f"{y:04d}-{mo:02d}", "month", "relative"
    elif kind == "month_year":
        value, precision = f"{int(g[1]):04d}-{MONTHS[_key(g[0])]:02d}", "month"
    elif kind == "month":
        if _key(g[0]) in _AMBIGUOUS_MONTHS and not g[0][0].isupper():
            return None
        mo = MONTHS[_key(g[0])]
        y = published.year
        if not future and mo > published.month:
            y -= 1
        elif future and mo < published.month:
            y += 1
        value, precision = f"{y:04d}-{mo:02d}", "month"
    elif kind == "this_year":
        value, precision, source = f"{published.year:04d}", "year", "relative"
    elif kind == "year":
        value, precision = g[0], "year"
    if value is None:
        if d is None:
            return None
        value = d.isoformat()
    return DateMention(value, precision, source, m.group(0), m.start(), m.end())


_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}


def best_date(mentions: list[DateMention]) -> DateMention | None:
    """The most specific mention; ties go to the earliest in the text."""
    if not mentions:
        return None
    return min(mentions, key=lambda m: (_PRECISION_RANK[m.precision], m.start))
