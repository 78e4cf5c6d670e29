"""Article text: boilerplate removal, sentence splitting, language flag.

Every span keeps character offsets into the text it came from, so evidence
can always be traced back to the article that was received. Cleaning never
rewrites the text; it only decides which spans are worth classifying.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Span:
    text: str
    start: int
    end: int


# Whole lines that are site furniture rather than reporting. Matched against
# a stripped, lower-cased line.
_BOILERPLATE_LINES = re.compile(
    r"""^(?:
        advertisement | logo | info_icon | [×x✕] | comments | no\ comments\ yet\.*
      | related\ articles | read\ more | view\ original\ source | published\ at:?
      | download\ the\ app | get\ started\ now:.* | try\ our\ ai\ features
      | explore\ what\ .{1,40}\ can\ do\ for\ you:? | support\ .{1,60}\ on\ patreon!?
      | orange\ background | app-?store\ ?play-?store | app-storeplay-store
      | this\ article\ has\ been\ automatically\ translated,?
      | read\ the\ original\ article\ here\.?
      | the\ article\ continues\ under\ (?:video\ )?advertising
      | (?:photo|image|video)\s*:.* | home\ ».* | latest\ news\ with\ \#.*
      | share(?:\ this)?(?:\ article)? | sign\ up.* | subscribe(?:\ here|\ now)?\.?
      | follow\ us.* | (?:•|-)\s*\S.{0,40} | time\d+\ (?:minutes?|hours?|days?)\ ago
      | ready\ to\ dive\ into\ .* | download\ our\ app.*
      | \([a-z]{2,6}\)  # bare agency credit such as "(CTK)"
    )$""",
    re.VERBOSE,
)

# Inline markers that sit between two sentences of a scraped page.
_INLINE_BOILERPLATE = re.compile(r"(?:^|(?<=\s))(?:Advertisement|ADVERTISEMENT|© AP|©\s?\w+)(?=\s|$)")

_ABBREVIATIONS = frozenset(
    ["mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "gen", "lt", "col", "maj", "capt", "cpl", "sgt", "adm", "cmdr", "sen", "rep", "gov", "pres", "gov't", "dept", "est", "approx", "no", "nos", "vs", "etc", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "fig", "al", "e.g", "i.e", "u.s", "u.k", "u.n", "u.s.a", "mt", "ft"]
)

# A sentence ends at terminal punctuation, optional closing quotes/brackets,
# then whitespace and something that can start a sentence.
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’»)\]]*\s+(?=[\"'“‘«(\[]?[A-Z0-9À-ÖØ-ÞА-ЯЁІЇЄ])")
_WORD_BEFORE = re.compile(r"([\w.’'-]+)$")


def paragraphs(text: str) -> list[Span]:
    """Non-empty lines with their offsets, surrounding whitespace trimmed."""
    out: list[Span] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            start = pos + lead
            out.append(Span(stripped, start, start + len(stripped)))
        pos += len(line)
    return out


def is_boilerplate(line: str) -> bool:
    """True for a line that is site furniture (navigation, widgets, credits)."""
    return bool(_BOILERPLATE_LINES.match(line.strip().lower()))


def _is_abbreviation(prefix: str) -> bool:
    m = _WORD_BEFORE.search(prefix)
    if not m:
        return False
    word = m.group(1).rstrip(".").lower()
    if word in _ABBREVIATIONS:
        return True
    # Initials ("Donald J. Trump") and dotted acronyms ("U.S.").
    return bool(re.fullmatch(r"(?:[a-z]\.)*[a-z]", word)) and len(word.replace(".", "")) <= 3 and (
        "." in word or len(word) == 1
    )


def _split_paragraph(p: Span) -> list[Span]:
    pieces: list[Span] = []
    # First cut out inline widget markers, which also act as boundaries.
    segments: list[tuple[int, int]] = []
    cursor = 0
    for m in _INLINE_BOILERPLATE.finditer(p.text):
        segments.append((cursor, m.start()))
        cursor = m.end()
    segments.append((cursor, len(p.text)))
    for seg_start, seg_end in segments:
        seg = p.text[seg_start:seg_end]
        start = 0
        for m in _BOUNDARY.finditer(seg):
            end = m.end()
            if _is_abbreviation(seg[: m.start() + 1]):
                continue
            pieces.append(_trimmed(seg, start, end, p.start + seg_start))
            start = end
        pieces.append(_trimmed(seg, start, len(seg), p.start + seg_start))
    return [s for s in pieces if s.text]


def _trimmed(seg: str, start: int, end: int, base: int) -> Span:
    chunk = seg[start:end]
    lead = len(chunk) - len(chunk.lstrip())
    body = chunk.strip()
    return Span(body, base + start + lead, base + start + lead + len(body))


def _window(s: Span, max_chars: int) -> list[Span]:
    """Cut an over-long sentence at clause boundaries so nothing is truncated."""
    if len(s.text) <= max_chars:
        return [s]
    out: list[Span] = []
    start = 0
    text = s.text
    while len(text) - start > max_chars:
        cut = -1
        for sep in ("; ", ", ", " "):
            cut = text.rfind(sep, start + max_chars // 3, start + max_chars)
            if cut != -1:
                cut += len(sep)
                break
        if cut == -1:
            cut = start + max_chars
        out.append(_trimmed(text, start, cut, s.start))
        start = cut
    out.append(_trimmed(text, start, len(text), s.start))
    return [w for w in out if w.text]


def split_sentences(text: str, *, max_chars: int = 600, drop_boilerplate: bool = True) -> list[Span]:
    """Sentences of `text` with offsets, boilerplate lines removed.

    Sentences longer than `max_chars` are windowed at clause boundaries rather
    than truncated, so every character of the article is still classified.
    """
    out: list[Span] = []
    for p in paragraphs(text):
        if drop_boilerplate and is_boilerplate(p.text):
            continue
        for s in _split_paragraph(p):
            if drop_boilerplate and is_boilerplate(s.text):
                continue
            if not any(ch.isalpha() for ch in s.text):
                continue
            out.extend(_window(s, max_chars))
    return out


_STOPWORDS = {
    "en": set(["the", "and", "of", "to", "in", "is", "that", "for", "on", "with", "as", "was", "by", "said", "it", "from", "at", "has", "have", "are", "be", "his", "an", "which", "will", "not", "this", "were", "they", "had", "but", "their"]),
    "fr": set(["le", "la", "les", "des", "et", "est", "une", "du", "en", "que", "pour", "dans", "sur", "avec", "qui", "pas", "au", "aux", "ce", "cette", "il", "elle", "sont", "ont", "été"]),
    "de": set(["der", "die", "das", "und", "ist", "nicht", "mit", "den", "von", "zu", "ein", "eine", "sich", "auf", "für", "dem", "des", "im", "auch", "wird", "wurde"]),
    "es": set(["el", "la", "los", "las", "y", "que", "de", "en", "por", "con", "para", "una", "del", "se", "es", "su", "al", "lo", "como", "más", "fue"]),
    "it": set(["il", "la", "le", "gli", "e", "che", "di", "in", "per", "con", "una", "del", "della", "è", "non", "si", "sono", "al", "alla"]),
    "pt": set(["o", "a", "os", "as", "e", "que", "de", "em", "por", "com", "para", "uma", "do", "da", "não", "se", "são", "ao", "na", "no"]),
    "nl": set(["de", "het", "een", "en", "van", "is", "dat", "op", "te", "in", "met", "voor", "niet", "zijn", "die"]),
}
_SCRIPTS = (
    ("ru", re.compile(r"[А-Яа-яЁё]")),
    ("ar", re.compile(r"[\u0600-\u06FF]")),
    ("he", re.compile(r"[\u0590-\u05FF]")),
    ("zh", re.compile(r"[\u4E00-\u9FFF]")),
)


def detect_language(text: str) -> str:
    """ISO 639-1 code of the dominant language, or "und" when too short to tell.

    A stop-word vote is enough here: the classifier only needs to know whether
    a text is English, and a mistaken "en" on a short snippet is harmless.
    """
    sample = text[:5000]
    letters = sum(ch.isalpha() for ch in sample)
    if letters == 0:
        return "und"
    for code, rx in _SCRIPTS:
        if len(rx.findall(sample)) > 0.3 * letters:
            return code
    words = re.findall(r"[a-zà-öø-ÿ]+", sample.lower())
    if len(words) < 5:
        return "und"
    votes = {lang: sum(w in sw for w in words) for lang, sw in _STOPWORDS.items()}
    best = max(votes, key=lambda k: votes[k])
    if votes[best] < 0.05 * len(words):
        return "und"
    return best
