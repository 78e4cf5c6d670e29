"""Modality: did the event happen, or was it planned, threatened, proposed, denied, stalled?

"threatened to impose sanctions" is not "imposed sanctions", and a meeting
that "may not happen this year" is not a meeting that happened. Cues are
looked for near the word that names the event (its trigger), nearest first.
"""

from __future__ import annotations

import re
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
        r"memorandum|mediat\w*|ceasefire|truce|peace (?:deal|plan|process)|consultations|visit\w*)\b",
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

# Ordered by priority when two cues are equally near.
_CUES: list[tuple[str, re.Pattern[str]]] = [
    ("denied", re.compile(r"\b(?:denie[sd]|deny(?:ing)?|dismissed (?:reports|claims)|rejected (?:reports|claims)|"
                          r"no such|never took place|did not take place|false reports)\b", re.I)),
    ("stalled", re.compile(r"\b(?:stall\w*|may not (?:happen|take place)|might not (?:happen|take place)|not guaranteed|"
                           r"postpon\w*|suspend\w*|broke down|break down|collaps\w*|deadlock\w*|impasse|"
                           r"refus\w* to (?:meet|negotiate|attend|join|hold|take part)|called off|cancel\w*|"
                           r"no agreements?|no breakthrough|failed to (?:yield|produce|reach|agree)|frozen|on hold|"
                           r"delayed|put off|walked out|pulled out|far apart|no progress|zero results|near zero|"
                           r"close to zero|not happen|unlikely)\b", re.I)),
    ("threatened", re.compile(r"\b(?:threat\w*|warn\w* (?:of|that|it would)|vow\w* to|ultimatum|"
                              r"(?:could|would|will) face|unless)\b", re.I)),
    ("proposed", re.compile(r"\b(?:propos\w*|suggest\w*|offer\w*|call\w* for|urg\w*|draft\w*|bill|"
                            r"would (?:impose|introduce|ban|freeze|lift|extend|punish)|aims to|considering|consider\w*|"
                            r"possibility of|push\w* for|advocat\w*|recommend\w*|idea)\b", re.I)),
    ("planned", re.compile(r"\b(?:will (?:hold|meet|host|resume|travel|exchange|swap|impose|take place)|plan\w*|"
                           r"schedul\w*|is set to|are set to|set for|due to|expected to|to be held|upcoming|"
                           r"agreed to|next (?:week|month|round)|preparing|prepar\w* for|to meet|to hold|"
                           r"will be|would be held|pledg\w*|intend\w*|readiness to|ready to)\b", re.I)),
    ("ongoing", re.compile(r"\b(?:continu\w*|ongoing|under ?way|in progress|are holding|is holding|still|keeps?|"
                           r"persist\w*|remain\w*)\b", re.I)),
]
_NEGATED_STALL = re.compile(r"\b(?:denie[sd]|deny|did not believe|not)\b[^.]{0,60}\bstall\w*", re.I)
WINDOW = 90  # characters either side of the trigger


@dataclass(frozen=True, slots=True)
class ModalityResult:
    value: str
    text: str | None
    start: int | None
    end: int | None
    score: float


def modality(sentence: str, event_type: str, base: int = 0) -> ModalityResult:
    """Modality of the `event_type` event that `sentence` reports."""
    if _NEGATED_STALL.search(sentence):
        m = _NEGATED_STALL.search(sentence)
        assert m
        return ModalityResult("ongoing", m.group(0), base + m.start(), base + m.end(), 0.7)
    triggers = [m.start() for m in TRIGGERS[event_type].finditer(sentence)] or [len(sentence) // 2]
    best: tuple[float, int, str, re.Match[str]] | None = None
    for priority, (name, rx) in enumerate(_CUES):
        for m in rx.finditer(sentence):
            dist = min(abs(m.start() - t) for t in triggers)
            if dist > WINDOW:
                continue
            key = (dist // 25, priority)
            if best is None or key < (best[0], best[1]):
                best = (dist // 25, priority, name, m)
    if best is None:
        return ModalityResult("occurred", None, None, None, 0.6)
    m = best[3]
    return ModalityResult(best[2], m.group(0), base + m.start(), base + m.end(), 0.75 if best[0] == 0 else 0.6)
