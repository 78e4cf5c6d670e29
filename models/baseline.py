"""Keyword baseline: the reference point every learned model must beat.

Hand-written patterns, one per type, applied to a sentence. It is honest
about what it is (no learning, binary scores) and fast enough to run
anywhere, which makes it useful for smoke tests and as a fallback.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from models import EVENT_TYPES

_DRONE = r"(?:drones?|uavs?|unmanned aerial|shaheds?|gerans?|lancets?|fpvs?|loitering munitions?|quadcopters?)"
_ATTACK = r"(?:attack|strike|struck|hit|target|shot down|downed|intercept|destroy|launch|raid|wave|explo|damag|killed|injur|wounded)"
_TALKS = (
    r"(?:talks|negotiat\w*|summit|peace (?:deal|plan|process|proposal)|ceasefire (?:proposal|deal|talks)|"
    r"truce|mediat\w*|memorandum|phone (?:call|conversation)|spoke (?:to|with) .{0,40}by phone|round of (?:talks|negotiations)|"
    r"meeting between|met with|envoy)"
)
_NOT_TALKS = r"(?:contract|transfer|trade deal|trade talks|wage|union|merger|acquisition|coalition)"
_SANCTIONS = r"(?:sanction\w*|embargo\w*|asset freeze|frozen assets|freez\w* (?:of )?assets|price cap|export ban|secondary tariffs?|blacklist\w*)"
_COERCIVE_TARIFF = r"(?:tariffs? on (?:\w+ )*(?:countries|nations|buyers) (?:that|who) (?:buy|trade)|\d+% tariffs? on nations)"
_NOT_SANCTIONS = r"(?:uefa|fifa|doping|disciplinary|heavily sanctioned|sanctions-hit)"
_SWAP = (
    r"(?:prisoner (?:swap|exchange)s?|exchange of (?:prisoners|pows|bodies|detainees|captives)|"
    r"(?:swap|exchange)(?:d|s)? (?:\w+ ){0,4}(?:prisoners|pows|captives|detainees|bodies)|pows?\b|"
    r"prisoners of war|(?:returned|repatriated|handed over) (?:the )?(?:\w+ ){0,3}bodies|hostages? (?:were |was )?(?:released|freed)|"
    r"released (?:\w+ ){0,3}(?:hostages|prisoners|detainees))"
)
_NOT_SWAP = r"(?:pardon|clemency|amnesty|parole|bank robbery|kidnapp\w+ for ransom)"


def _rx(p: str) -> re.Pattern[str]:
    return re.compile(p, re.I)


_RULES: dict[str, tuple[list[re.Pattern[str]], list[re.Pattern[str]]]] = {
    "drone_strike": ([_rx(rf"{_DRONE}.{{0,80}}{_ATTACK}|{_ATTACK}\w*.{{0,80}}{_DRONE}")], [_rx(r"(?:produc|factory|supply|supplie|deliver|export|purchase)\w*")]),
    "negotiation": ([_rx(_TALKS)], [_rx(_NOT_TALKS)]),
    "sanctions": ([_rx(_SANCTIONS), _rx(_COERCIVE_TARIFF)], [_rx(_NOT_SANCTIONS)]),
    "prisoner_swap": ([_rx(_SWAP)], [_rx(_NOT_SWAP)]),
}


class KeywordBaseline:
    """Sentence-level keyword tagger with the same interface as the transformer."""

    name = "baseline"
    version = "baseline-keywords-1"
    labels = EVENT_TYPES

    def __init__(self) -> None:
        self.thresholds = np.full(len(EVENT_TYPES), 0.5, dtype=np.float32)

    def predict_proba(self, sentences: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(sentences), len(EVENT_TYPES)), dtype=np.float32)
        for i, s in enumerate(sentences):
            for j, t in enumerate(EVENT_TYPES):
                positive, negative = _RULES[t]
                if any(p.search(s) for p in positive) and not any(n.search(s) for n in negative):
                    out[i, j] = 1.0
        return out
