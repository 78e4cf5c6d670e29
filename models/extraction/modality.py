"""Modality: did the event happen, or was it planned, threatened, proposed, denied, stalled?

"threatened to impose sanctions" is not "imposed sanctions", and a meeting
that "may not happen this year" is not a meeting that happened. Cues are
looked for near the word that names the event (its trigger), nearest first.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

MODALITIES = ("occurred", "ongoing", "planned", "threatened", "proposed", "denied", "stalled")

TRIGGERS: dict[str, re.Pattern[str]] = {
    "drone_strike": re.compile(
        r"\b(?:drones?|uavs?|shaheds?|gerans?|lancets?|fpvs?|quadcopters?|loitering|unmanned|attack\w*|strik\w*|struck|"
        r"hit|shot down|downed|intercept\w*)\b",
        re.I,
    ),
    "negotiation": re.compile(
        r"\b(?:talks|negotiat\w*|summit|meeting|meet|met|call|spoke|conversation|dialogue|round|proposal|"
        r"memorandum|mediat\w*|ceasefire|truce|peace (?:deal|plan|process)|consultations|visit\w*|spoken|speak|phone|plan|"
        r"roadmap|framework|initiative|agreement|accord|deal|face-to-face)\b",
        re.I,
    ),
    "sanctions": re.compile(
        r"\b(?:sanction\w*|tariffs?|embargo\w*|price cap|asset freeze|freez\w*|frozen|export ban|ban\w*|blacklist\w*|"
        r"designat\w*|restrictions|measures|package)\b",
        re.I,
    ),
    "prisoner_swap": re.compile(
        r"\b(?:swap\w*|exchang\w*|releas\w*|freed|prisoners?|pows?|captives?|detainees?|hostages?|bodies|repatriat\w*|"
        r"returned|handed over)\b",
        re.I,
    ),
}

_DENIAL = re.compile(r"\b(?:denie[sd]|deny(?:ing)?|refuted)\b", re.I)
_DENIAL_OBJECT = re.compile(r"\b(?:denie[sd]|deny(?:ing)?|dismissed|rejected|refuted)\s+(?:[\w.'’-]+\s+){0,3}?(?:the\s+)?(?:accusations?|allegations?|claims?|reports?|charges?)\b", re.I)
_REFUSAL = re.compile(
    r"\b(?:reject\w*|refus\w*|turn\w*\s+down|dismiss\w*|block\w*|veto\w*)\s+(?:[\w.'’-]+\s+){0,4}?"
    r"(?:calls?|offers?|proposals?|invitations?|requests?|ideas?|adoption|package)\b|"
    r"\b(?:will|would|shall|did|does|do)\s+not\s+(?:take\s+part|attend|join|participate|accept)\b|"
    r"\b(?:boycott\w*|declined\s+to\s+(?:attend|join|take\s+part)|on\s+pause|paused|will\s+never\s+accept)\b",
    re.I,
)
_NEGATED_STALL = re.compile(r"\b(?:denie[sd]|deny|did not believe|not)\b[^.]{0,60}\bstall\w*", re.I)

_STALLED = re.compile(
    r"\b(?:stall\w*|may\s+not\s+(?:happen|take\s+place)|might\s+not\s+(?:happen|take\s+place)|not\s+guaranteed|"
    r"postpon\w*|suspend\w*|broke\s+down|break\s+down|collaps\w*|deadlock\w*|impasse|"
    r"refus\w*\s+to\s+(?:meet|negotiate|attend|join|hold|take\s+part|talk)|called\s+off|cancel\w*|"
    r"no\s+agreements?\s+on|failed\s+to\s+(?:yield|produce|reach|agree|materiali[sz]e)|on\s+hold|"
    r"delayed|put\s+off|walked\s+out|pulled\s+out|recalled|no\s+progress|zero\s+results|near\s+zero|close\s+to\s+zero|"
    r"not\s+happen|unlikely|ruled\s+out|derailed|shelved|blocked|blocking|vetoed|halt(?:ed|s|ing)|"
    r"(?:would|will)\s+not\s+(?:take\s+place|go\s+ahead|happen))\b",
    re.I,
)
_STALLED_ANY_TYPE = re.compile(r"\b(?:postpon\w*|suspend\w*|delayed|called\s+off|shelved|put\s+off|on\s+hold|blocked|blocking|vetoed|"
                               r"(?:may|might|will|would)\s+not\s+(?:happen|take\s+place|go\s+ahead)|not\s+guaranteed)\b", re.I)
_STALLED_TALKS_ONLY = re.compile(r"\b(?:frozen|far\s+apart)\b", re.I)
_CUES: list[tuple[str, re.Pattern[str]]] = [
    ("threatened", re.compile(r"\b(?:will\s+be\s+(?:\w+ly\s+)?(?:targeted|struck|attacked|hit|subject\s+to)|threat\w*|warn\w*\s+(?:[\w.'’-]+\s+){0,3}?(?:of|that|it\s+would)|vow\w*\s+to|ultimatum|"
                              r"(?:could|would|will)\s+face|could\s+(?:impose|strike|hit|target))\b", re.I)),
    ("proposed", re.compile(r"\b(?:propos(?:ed|es|ing)|suggest\w*|offer(?:ed|s|ing)?\s+to|call\w*\s+for|"
                            r"call(?:ed|s|ing)?\s+on\s+(?:[\w.'’-]+\s+){0,5}?to|urg\w*|"
                            r"draft(?:ed|s)?\s+(?:a|an|the)\b|bill|"
                            r"would\s+(?:impose|introduce|ban|freeze|punish|allow|require)|aims?\s+to|considering|consider\w*|"
                            r"possibility\s+of|push\w*\s+for|advocat\w*|recommend\w*|invit\w*|open\s+to|readiness\s+to|"
                            r"ready\s+to|willing\s+to|preparing|prepar\w*\s+(?:to|for)|present\w*\s+(?:\w+\s+){0,3}?(?:with\s+)?"
                            r"(?:a|an|its)\s+(?:[\w-]+\s+){0,3}?(?:plan|proposal|framework|memorandum))\b", re.I)),
    ("planned", re.compile(r"\b(?:(?:will|shall)\s+\w+|would\s+(?:meet|hold|speak|talk|visit|travel|lift|order|exchange|"
                           r"swap|release|return|resume|begin|start|wait|attend|host|sign|open|send|take\s+place|be\s+held|go\s+ahead)|"
                           r"planned|plans\s+to|planning\s+to|schedul\w*|is\s+set\s+to|"
                           r"are\s+set\s+to|set\s+for|due\s+to|expect\w*\s+(?:[\w.'’-]+\s+){0,3}?to|to\s+be\s+held|upcoming|"
                           r"takes?\s+effect|to\s+take\s+effect|next\s+(?:week|month|round)|to\s+meet|to\s+hold|intend\w*|is\s+to|are\s+to|"
                           r"agreed\s+(?:[\w-]+\s+){0,8}?to\s+(?:exchange|swap|release|hold|meet|resume|free|return|hand\s+over)|"
                           r"taking\s+(?:full\s+)?effect\s+(?:on|from|in)|(?:comes?|coming)\s+into\s+force\s+(?:on|from|in)|"
                           r"before\s+the\s+end\s+of\s+the\s+(?:year|month|week))\b", re.I)),
    ("ongoing", re.compile(r"\b(?:(?:was|were|is|are)\s+(?:still\s+)?(?!going\s+to)\w+ing|(?:was|were|is|are)\s+still\b|(?:has|have)\s+been\s+\w+ing|"
                           r"continu(?:es|e|ed|ing)\s+to|ongoing|under\s?way|in\s+progress|still\s+\w+ing|keeps?\s+\w+ing|"
                           r"for\s+a\s+(?:second|third|fourth|fifth|\w+th)\s+(?:straight|consecutive)\s+day|"
                           r"resumed\s+(?:[\w-]+\s+){0,4}?for\s+a\s+(?:second|third)\s+day)\b", re.I)),
    # Nouns name a proposal weakly: a verb cue, at the same distance, wins.
    ("proposed", re.compile(r"\b(?:proposals?|draft\s+(?:[\w.'-]+\s+){0,3}?(?:plan|proposal|memorandum|resolution|agreement|text|law|bill|"
                            r"framework|roadmap)|memorandum|roadmap|(?:peace|\d+-point)\s+plan|idea)\b", re.I)),
]
_ONGOING = re.compile(r"\b(?:continu(?:es|e|ing)|continued(?=\s+(?:to|into|for|unabated|despite|overnight|through)\b|\s*[,.;]|$)|ongoing|under\s?way|in\s+progress|still\s+\w+ing|keeps?\s+\w+ing)\b", re.I)
_AGREED_OR_UNDER = re.compile(r"agreed|will\s+(?:stop|end|cease|withdraw|release|allow|halt|include|remain)", re.I)
WINDOW = 90  # characters either side of the trigger
FAR_WINDOW = 200  # a cue before a distant trigger, when none is near


@dataclass(frozen=True, slots=True)
class ModalityResult:
    value: str
    text: str | None
    start: int | None
    end: int | None
    score: float


def _triggers(sentence: str, event_type: str) -> list[int]:
    return [m.start() for m in TRIGGERS[event_type].finditer(sentence)]


def _denied(sentence: str, event_type: str) -> re.Match[str] | None:
    """A denial whose scope holds this event ("denied launching drones", "denied the accusation")."""
    for m in _DENIAL.finditer(sentence):
        if _DENIAL_OBJECT.match(sentence, m.start()):
            return m
        if any(0 < t - m.end() <= 120 for t in _triggers(sentence, event_type)):
            return m
    return None


def _nearest_cue(sentence: str, event_type: str, near: Callable[[re.Match[str], int], int | None], window: int
                 ) -> tuple[int, int, str, re.Match[str]] | None:
    best: tuple[int, int, str, re.Match[str]] | None = None
    for priority, (name, rx) in enumerate(_CUES):
        if event_type == "drone_strike" and name in ("proposed", "planned"):
            continue
        for m in rx.finditer(sentence):
            if event_type == "negotiation" and name == "planned" and _AGREED_OR_UNDER.match(m.group(0)):
                continue  # "agreed to a ceasefire under which ... will stop": the talks happened
            dist = near(m, window)
            if dist is None:
                continue
            key = (dist // 30, priority)
            if best is None or key < (best[0], best[1]):
                best = (key[0], key[1], name, m)
    return best


def modality(sentence: str, event_type: str, base: int = 0, others: Sequence[tuple[str, int]] = ()) -> ModalityResult:
    """Modality of the `event_type` event reported by `sentence` (plus its other evidence sentences)."""
    neg = _NEGATED_STALL.search(sentence)
    if neg:
        return ModalityResult("ongoing", neg.group(0), base + neg.start(), base + neg.end(), 0.7)
    refusal = _REFUSAL.search(sentence) if event_type != "drone_strike" else None
    denial = _denied(sentence, event_type)
    if refusal and denial and denial.start() < refusal.start():
        # "denied that Kyiv had agreed to meet ..., saying it would not accept ...": the denial is the news
        return ModalityResult("denied", denial.group(0), base + denial.start(), base + denial.end(), 0.75)
    if refusal:
        return ModalityResult("stalled", refusal.group(0), base + refusal.start(), base + refusal.end(), 0.7)
    for text, off in [(sentence, base), *others]:
        d = _denied(text, event_type)
        if d and not _NEGATED_STALL.search(text):
            return ModalityResult("denied", d.group(0), off + d.start(), off + d.end(), 0.75)
    triggers = _triggers(sentence, event_type) or [len(sentence) // 2]

    def near(m: re.Match[str], window: int) -> int | None:
        dist = min(abs(m.start() - t) for t in triggers)
        return dist if dist <= window else None

    talks_like = event_type in ("negotiation", "prisoner_swap")
    # A drone strike happens, is under way, is threatened or denied; flights "suspended" after it are a consequence.
    stall_rx = [_STALLED, _STALLED_TALKS_ONLY] if talks_like else ([_STALLED_ANY_TYPE] if event_type == "sanctions" else [])
    stalled = [m for rx in stall_rx for m in rx.finditer(sentence) if near(m, WINDOW) is not None]
    if stalled:
        m = min(stalled, key=lambda x: near(x, WINDOW) or 0)
        return ModalityResult("stalled", m.group(0), base + m.start(), base + m.end(), 0.75)
    best = _nearest_cue(sentence, event_type, near, WINDOW)
    if best is None and event_type != "drone_strike":
        # The trigger sits far from the verb ("Zelensky said he would wait for Putin ... for a summit"):
        # a cue that opens the sentence, before the trigger, still governs it.
        best = _nearest_cue(sentence[: max(triggers)], event_type, near, FAR_WINDOW)
    if best is not None:
        m = best[3]
        score = 0.75 if best[0] == 0 else 0.6 if best[0] * 30 <= WINDOW else 0.5
        return ModalityResult(best[2], m.group(0), base + m.start(), base + m.end(), score)
    ongoing = [m for m in _ONGOING.finditer(sentence) if near(m, WINDOW) is not None]
    if ongoing:
        m = ongoing[0]
        return ModalityResult("ongoing", m.group(0), base + m.start(), base + m.end(), 0.6)
    return ModalityResult("occurred", None, None, None, 0.6)
