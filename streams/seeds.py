"""Turn scraped news pages into articles for `eventx replay`.

A page is either one article (a date line, a title, a body) or an aggregator
listing several articles, each introduced by a byline with its own source and
date ("Russia Today / a day ago / - Politics / title / body"). Site furniture
is dropped, dates are resolved ("a day ago" against the page's reference date,
"09-07-2025" day-first, "avril 20, 2025" in French), and exact duplicates are
dropped. Pure functions: nothing here talks to Kafka.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from models.extraction.dates import WEEKDAYS, find_dates, parse_absolute, parse_relative_age
from models.text import Span, detect_language, is_boilerplate, paragraphs
from schemas.ids import article_id, content_hash


@dataclass(frozen=True, slots=True)
class SeedArticle:
    id: str
    title: str
    text: str
    source: str | None
    published: str | None  # ISO date
    published_from: str  # page | byline | byline-relative | text | reference
    language: str
    url: str

    def to_message(self) -> dict:
        """The article as it goes onto `articles.raw` (schemas/json/article.schema.json)."""
        msg: dict = {"id": self.id, "title": self.title, "text": self.text, "url": self.url, "language": self.language}
        if self.source:
            msg["source"] = self.source
        if self.published:
            msg["published"] = self.published
        return msg


_AGO_ONLY = re.compile(
    r"^(?P<src>.*?)(?:time)?(?P<age>(?:an?|\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s*"
    r"(?:second|minute|min|hour|hr|day|week|month|year)s?\s+ago|yesterday)$",
    re.I,
)
_BULLET = re.compile(r"^(?:[-•·]\s*)\S")
_CREDIT = re.compile(r"^\(([A-Za-z]{2,6})\)$")
_CAPTION = re.compile(r"\b(?:Photo|Image|Video|Credit)s?\s*:", re.I)


@dataclass(frozen=True, slots=True)
class _Byline:
    index: int
    source: str | None
    absolute: date | None
    age: str | None


def _byline(line: str) -> _Byline | None:
    """A short line that carries an article's date (and maybe its source)."""
    s = line.strip()
    if len(s) > 40:
        return None
    m = _AGO_ONLY.match(s)
    if m:
        src = m.group("src").strip(" -•·") or None
        return _Byline(-1, src, None, m.group("age"))
    d = parse_absolute(s)
    if d is None:
        return None
    rest = re.sub(r"[\d\-./,:\"]+", " ", s)
    rest = re.sub(r"\b(?:date|published|updated|le|am|on)\b", " ", rest, flags=re.I)
    words = [w for w in rest.split() if w.lower().strip(".") not in _month_words()]
    if len(words) > 3:
        return None
    return _Byline(-1, None, d, None)


def _month_words() -> set[str]:
    from models.extraction.dates import MONTHS

    return set(MONTHS)


def _is_title_like(line: str) -> bool:
    return (len(line) <= 200 and not line.rstrip().endswith((".", "!", ":", ";"))) or len(line) <= 120


def _is_source_like(line: str) -> bool:
    return len(line) <= 40 and len(line.split()) <= 5 and not re.search(r"[.:;!?\"']", line)


@dataclass(slots=True)
class _Block:
    header: list[str]
    byline: _Byline | None
    lines: list[str]


def _content_lines(text: str) -> list[str]:
    return [p.text for p in paragraphs(text)]


def _segment(lines: list[str]) -> tuple[date | None, list[_Block]]:
    """Split a page into article blocks; return the page date too."""
    page_date: date | None = None
    bylines: list[_Byline] = []
    first_content = next((i for i, ln in enumerate(lines) if not is_boilerplate(ln)), 0)
    for i, ln in enumerate(lines):
        b = _byline(ln)
        if b is None:
            continue
        if i == first_content and b.absolute is not None:
            page_date = b.absolute
            continue
        bylines.append(_Byline(i, b.source, b.absolute, b.age))
    if not bylines:
        body = [ln for i, ln in enumerate(lines) if not (page_date and i == first_content)]
        return page_date, [_Block([], None, body)]

    # Each byline owns the short header lines just above it (titles, source)
    # and everything below it up to the next block's header.
    starts: list[int] = []
    for b in bylines:
        j = b.index
        while j - 1 >= 0 and j - 1 not in {x.index for x in bylines} and len(lines[j - 1]) <= 200 and (
            is_boilerplate(lines[j - 1]) or _is_title_like(lines[j - 1])
        ):
            j -= 1
            if starts and j <= starts[-1]:
                break
        starts.append(j)
    blocks: list[_Block] = []
    for k, b in enumerate(bylines):
        end = starts[k + 1] if k + 1 < len(bylines) else len(lines)
        header = [ln for ln in lines[starts[k] : b.index] if not is_boilerplate(ln)]
        blocks.append(_Block(header, b, lines[b.index + 1 : end]))
    return page_date, blocks


def _title_and_body(block: _Block, page_lines: Counter[str]) -> tuple[str, str | None, list[str]]:
    source = block.byline.source if block.byline else None
    header = list(block.header)
    if header and source is None and _is_source_like(header[-1]) and page_lines[header[-1]] >= 1:
        # "Russia Today" / "Yahoo" sits right above the date.
        source = header.pop()
    rest = [ln for ln in block.lines if not is_boilerplate(ln) or _CREDIT.match(ln)]
    # Category and source bullets under the byline ("- Politics", "• Yahoo").
    while rest and _BULLET.match(rest[0]) and len(rest[0]) <= 40:
        rest.pop(0)
    candidates = [h for h in header if not _is_source_like(h) or len(h.split()) > 5] or header
    title = ""
    if candidates:
        title = Counter(candidates).most_common(1)[0][0]
    elif rest and _is_title_like(rest[0]) and len(rest) > 1:
        title = rest.pop(0)
    body: list[str] = []
    for ln in rest:
        credit = _CREDIT.match(ln)
        if credit:
            source = source or credit.group(1)
            continue
        if ln == title or is_boilerplate(ln) or _CAPTION.search(ln):
            continue
        if page_lines[ln] > 1 and len(ln) < 120 and not ln.endswith("."):
            continue  # repeated captions and titles, not reporting
        if body and body[-1] == ln:
            continue
        body.append(ln)
    while body and body[0] == title:
        body.pop(0)
    return title, source, body


def infer_published_from_text(text: str, reference: date) -> date | None:
    """Publication date implied by the text itself, for pages that show none.

    The latest explicit calendar date mentioned is a lower bound; when the
    text also reports something "on Thursday", the article was published on
    the first such weekday on or after that bound.
    """
    mentions = [m for m in find_dates(text, reference) if m.precision == "day" and m.source == "explicit"]
    if not mentions:
        return None
    latest = max(date.fromisoformat(m.value) for m in mentions)
    weekdays = {WEEKDAYS[w] for w in re.findall(rf"\bon ({'|'.join(WEEKDAYS)})\b", text, re.I) for w in [w.lower()]}
    if weekdays:
        return min(latest.fromordinal(latest.toordinal() + ((wd - latest.weekday()) % 7)) for wd in weekdays)
    return latest


def parse_page(text: str, *, name: str, reference: date) -> list[SeedArticle]:
    """Articles found on one scraped page, in page order."""
    lines = _content_lines(text)
    page_lines = Counter(lines)
    page_date, blocks = _segment(lines)
    out: list[SeedArticle] = []
    for n, block in enumerate(blocks):
        title, source, body = _title_and_body(block, page_lines)
        if not body:
            continue
        body_text = "\n\n".join(body)
        published: date | None
        b = block.byline
        if b is not None and b.absolute is not None:
            published, how = b.absolute, "byline"
        elif b is not None and b.age is not None:
            resolved = parse_relative_age(b.age, datetime.combine(reference, datetime.max.time()))
            published, how = (resolved.date() if resolved else reference), "byline-relative"
        elif page_date is not None:
            published, how = page_date, "page"
        else:
            published = infer_published_from_text(body_text, reference)
            how = "text" if published else "reference"
            published = published or reference
        out.append(
            SeedArticle(
                id=article_id(body_text, title),
                title=title,
                text=body_text,
                source=source,
                published=published.isoformat() if published else None,
                published_from=how,
                language=detect_language(body_text),
                url=f"seed:{name}#{n}",
            )
        )
    return out


def reference_date(pages: dict[str, str]) -> date:
    """Newest absolute date printed on any page: the anchor for "a day ago".

    Scraped pages that say "a day ago" were saved at an unknown time; the
    newest date the corpus itself shows is the most defensible anchor and
    keeps replays reproducible. `eventx replay --reference-date` overrides it.
    """
    found: list[date] = []
    for text in pages.values():
        lines = _content_lines(text)
        page_date, blocks = _segment(lines)
        if page_date:
            found.append(page_date)
        found.extend(b.byline.absolute for b in blocks if b.byline and b.byline.absolute)
    return max(found) if found else date.today()


def load_corpus(directory: Path, *, reference: date | None = None) -> list[SeedArticle]:
    """Every article of every page under `directory`, oldest first, exact duplicates dropped."""
    files = sorted(p for p in Path(directory).iterdir() if p.is_file() and p.suffix in {".txt", ".html", ".md"})
    pages = {p.name: p.read_text(encoding="utf-8", errors="replace") for p in files}
    ref = reference or reference_date(pages)
    seen: set[str] = set()
    articles: list[SeedArticle] = []
    for name, text in pages.items():
        for art in parse_page(text, name=name, reference=ref):
            key = content_hash(art.text, art.title)
            if key in seen:
                continue
            seen.add(key)
            articles.append(art)
    # Stable sort: same-day articles keep page order.
    return sorted(articles, key=lambda a: a.published or "")


def spans_of(article: SeedArticle) -> list[Span]:
    return paragraphs(article.text)
