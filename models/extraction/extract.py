"""From sentence detections to structured event records.

Within one article, the sentences the classifier flagged for a type are
grouped into events: drone strikes split by the place they hit, the other
types form one event per article. Each group also reads the sentences that
follow its detections in the same paragraph ("The target was the Salavat
complex...", "There were no casualties..."), because news writes the
details of an event after the sentence that names it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache

from models.extraction import arguments as A
from models.extraction.dates import DateMention, find_dates
from models.extraction.gazetteer import Gazetteer, default_gazetteer
from models.extraction.modality import TRIGGERS, modality
from models.text import Span, paragraphs
from schemas import SCHEMA_VERSION
from schemas.ids import event_id

CONTEXT_SENTENCES = 3
_AGGREGATE = re.compile(r"\b(?:various|several|multiple|a number of|across|over)\s+(?:\w+\s+)?(?:regions|areas|provinces|oblasts|cities)\b|\b(?:a total of|in total|overall|nationwide)\b", re.I)


@dataclass(frozen=True, slots=True)
class Detection:
    sentence: int  # index into the article's sentence list
    event_type: str
    score: float


@dataclass(frozen=True, slots=True)
class ArticleMeta:
    id: str
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None  # ISO date or datetime
    detected_at: str = "1970-01-01T00:00:00Z"

    @property
    def published_date(self) -> date | None:
        if not self.published:
            return None
        try:
            return date.fromisoformat(self.published[:10])
        except ValueError:
            return None


@dataclass(slots=True)
class _Group:
    event_type: str
    detections: list[Detection] = field(default_factory=list)
    key: tuple[str, str] | None = None
    context: list[int] = field(default_factory=list)


def _paragraph_index(sentences: Sequence[Span], text: str) -> list[int]:
    paras = paragraphs(text)
    out, p = [], 0
    for s in sentences:
        while p + 1 < len(paras) and s.start >= paras[p].end:
            p += 1
        out.append(p)
    return out


def _place_key(gaz: Gazetteer, s: Span, context_countries: set[str], memo: A.PlaceMemo | None = None) -> tuple[str, str] | None:
    pm = A.best_place(A.place_mentions(gaz, [A.Sent(s.text, s.start)], context_countries, memo),
                      kinds=frozenset({"site", "city", "admin1"}))
    if pm is None:
        return None
    return (pm.place.country, pm.place.admin1 or pm.place.name)


def _group_key(event_type: str, gaz: Gazetteer, s: Span, context_countries: set[str],
               memo: A.PlaceMemo | None = None) -> tuple[str, str] | None:
    """What tells two events of a type apart within one article.

    Drone strikes: the place hit. Prisoner swaps: who or what was exchanged
    (POWs, bodies, hostages...). Negotiations: the city the talks are in.
    Sanctions: none (one event per article).
    """
    sent = A.Sent(s.text, s.start)
    if event_type == "drone_strike":
        return _place_key(gaz, s, context_countries, memo)
    if event_type == "prisoner_swap":
        cat = next((name for name, rx in A.CATEGORIES if rx.search(s.text)), None)
        return ("category", cat) if cat else None
    if event_type == "negotiation":
        pm = A.venue(A.place_mentions(gaz, [sent], context_countries, memo), [sent])
        return (pm.place.country, pm.place.name) if pm else None
    return None


def group_detections(
    sentences: Sequence[Span], detections: Sequence[Detection], text: str, gaz: Gazetteer, context_countries: set[str],
    memo: A.PlaceMemo | None = None,
) -> list[_Group]:
    """Detections of one type in one article, grouped into events by _group_key.

    A sentence without a key joins the event before it (or the article's
    first event when it states a total "over various regions"); a key first
    seen after a keyless start is adopted by that start ("drone attacks on
    energy facilities. The target was the Salavat complex...").
    """
    para = _paragraph_index(sentences, text)
    positive_any = {d.sentence for d in detections}
    groups: list[_Group] = []
    for event_type in sorted({d.event_type for d in detections}):
        dets = sorted((d for d in detections if d.event_type == event_type), key=lambda d: d.sentence)
        type_groups: list[_Group] = []
        for d in dets:
            key = _group_key(event_type, gaz, sentences[d.sentence], context_countries, memo)
            if key is None and event_type == "drone_strike":
                # "...new drone attacks on its energy infrastructure. The target was the Salavat complex":
                # the place is in the next sentence of the paragraph.
                for j in range(d.sentence + 1, min(d.sentence + 1 + CONTEXT_SENTENCES, len(sentences))):
                    if para[j] != para[d.sentence] or j in positive_any:
                        break
                    key = _group_key(event_type, gaz, sentences[j], context_countries, memo)
                    if key is not None:
                        break
            if not type_groups:
                type_groups.append(_Group(event_type, [d], key))
                continue
            if key is None:
                target = type_groups[0] if _AGGREGATE.search(sentences[d.sentence].text) else type_groups[-1]
                target.detections.append(d)
                continue
            same = next((g for g in type_groups if g.key == key), None)
            if same is None and type_groups[-1].key is None:
                same = type_groups[-1]
                same.key = key
            if same is None:
                type_groups.append(_Group(event_type, [d], key))
            else:
                same.detections.append(d)
        for g in type_groups:
            own = {d.sentence for d in g.detections}
            for d in g.detections:
                j = d.sentence + 1
                while j < len(sentences) and j - d.sentence <= CONTEXT_SENTENCES and para[j] == para[d.sentence]:
                    if j in positive_any and j not in own:
                        break
                    if j not in own and j not in g.context:
                        g.context.append(j)
                    j += 1
        groups.extend(type_groups)
    return groups


def _primary(sentences: Sequence[Span], group: _Group) -> Detection:
    """The detection that names the event: the first real sentence, not a headline or a label."""
    for d in group.detections:
        text = sentences[d.sentence].text.strip()
        if len(text.split()) >= 6 and text[-1:] in ".!?\"'”’)":
            return d
    return group.detections[0]


_STATEMENT = re.compile(
    r"\b(?:said|says|told|announced|reported|added|confirmed|wrote|stated|tweeted|posted|warned|statement|"
    r"according\s+to|threatened|proposed|denied|rejected|urged|called|offered|vowed|speech|interview|remarks|"
    r"broadcast|televised)\s+((?:[\w-]+\s+){0,4})$|"
    # "welcomed on Thursday the prospect of talks": a reaction dated before its object (not "welcomed the swap on
    # Saturday", where the day may be the swap's)
    r"\b(?:welcomed|hailed|praised)\s+$",
    re.I,
)
# "the Taliban government said killed eight civilians on Tuesday": a verb after "said" opens the reported
# clause, whose date is the event's ("a statement issued on Friday" stays the statement's).
_CLAUSE_VERB = re.compile(r"\b(?!(?:issued|released|published|posted|televised|broadcast|aired)\b)(?:\w+ed|hit|struck|shot|"
                          r"began|held|met|took|freed|swapped)\b", re.I)
_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
# "in a statement issued by the guerrilla group's central command on Monday": however long the issuer's name.
_ISSUED_BY = re.compile(r"\b(?:statement|communiqu[eé]|declaration|video|message)\s+(?:issued|released|published|posted|put\s+out)\s+"
                        r"by\s+(?:[\w'’.-]+\s+){1,8}$", re.I)
# A past perfect dates what came before the story: "the deadline he had set earlier this month".
_PLUPERFECT = re.compile(r"\bhad\s+(?:(?:already|previously|earlier|first|also)\s+)?(?!been\b)[a-z]+\s+(?:[\w'’-]+\s+){0,3}$")
# A meeting named beside another event dates the meeting: "offered help with a new exchange during a meeting with
# Zelenskiy on Sunday", "said after Monday's talks".
_MEETING_OF = re.compile(r"\b(?:during|at|on\s+the\s+sidelines\s+of)\s+(?:a|an|the|their|his|her|its)\s+(?:[\w-]+\s+){0,2}?"
                         r"(?:meeting|talks|call|summit|visit|conversation)\s+(?:with|in|to)\s+(?:[\w'’.-]+\s+){1,4}$", re.I)
_IN_THE_FIELD = frozenset({"prisoner_swap", "drone_strike"})
_MEETING_NOUN = re.compile(r"^(?:'s|’s)\s+(?:[\w-]+\s+){0,2}?(?:meeting|talks|negotiations|call|summit|conversation)\b", re.I)


# An attack named in a story about talks or sanctions dates the attack: "Saturday's strike in al-Mawasi", "Israel's
# strike on Hamas leaders in Doha on Tuesday has put the negotiations on hold".
_ATTACK_NOUN = re.compile(r"^(?:'s|’s)\s+(?:[\w-]+\s+){0,2}?(?:strikes?|attacks?|air\s?strikes?|raids?|bombings?|shelling|"
                          r"assassination|killings?|massacres?|invasion|incursion|ambush)\b", re.I)
_ATTACK_OF = re.compile(r"\b(?:strikes?|attacks?|air\s?strikes?|raids?|bombings?|shelling|assassination|killings?|massacres?|"
                        r"invasion|incursion|ambush)\s+(?:on|against|in|of|at)\s+(?:(?!(?:and|but|was|were|is|are|has|have|had|"
                        r"that|which|who)\b)[\w'’-]+\s+){0,5}$", re.I)
_BLAMED_OF = re.compile(r"\b(?:accus\w+|blam\w+|condemn\w+|responsib\w+|retaliat\w+|revenge|response)\b[^,;.]{0,40}?"
                        r"\b(?:of|for|over|on)\s+(?:(?:a|an|the|its|their)\s+)?(?:[\w-]+\s+){0,2}?$", re.I)
_VERB_AFTER = re.compile(r"\s+(?:has|have|had|was|were|is|are|will|would|could|may|might|\w+ed)\b", re.I)
# "announced sanctions on senior officials", "announced new tariffs": for sanctions the announcement is the measure.
_ANNOUNCED_MEASURE = re.compile(r"[\s,]*announced\s+(?:(?:new|fresh|further|more|additional|sweeping|a|an|the|its|their)\s+)*"
                                r"(?:[\w-]+\s+){0,2}?(?:sanctions|tariffs?|bans?|embargo(?:es)?|restrictions|export\s+controls|"
                                r"asset\s+freezes?|price\s+caps?)\b", re.I)
# "announced on Tuesday a ban on imports": a measure as the object after the date.
_MEASURE_AFTER = re.compile(r"\s+(?:(?:new|fresh|further|more|additional|sweeping|a|an|the|its|their|largest|biggest|toughest)\s+)*"
                            r"(?:[\w-]+\s+){0,2}?(?:package\s+of\s+)?(?:sanctions|tariffs?|bans?|embargo(?:es)?|restrictions|"
                            r"export\s+controls|asset\s+freezes?|price\s+caps?)\b", re.I)
# "during the Monday morning rush hour": a weekday with a part of the day names a time, not an attributive event name.
_DURING_PART_OF_DAY = re.compile(r"\b(?:during|in|at)\s+the\s+\w+\s+(?:morning|afternoon|evening|night)$", re.I)
_STATEMENT_AFTER = re.compile(r"^[\s,]*(?:threatened|proposed|denied|said|says|warned|rejected|offered|urged|called|"
                              r"announced|told|vowed)\b", re.I)
# A past tense after the future word ("would join talks, which kicked off in May"), not a passive ("will be held").
# An -ed word after an article or in a compound is an adjective: "will sign an expanded ceasefire", "Saudi-hosted talks".
_PAST_VERB = re.compile(r"(?<!\bbe )(?<!\bbeen )(?<!\ban )(?<!\ba )(?<!\bthe )(?<!-)"
                        r"\b(?:\w+ed|began|begun|held|took|was|were|met|saw|went|came|kicked\s+off)\b", re.I)
_FUTURE_WORD = re.compile(r"\b(?:will|would|shall|scheduled|set\s+to|set\s+for|due|next|planned|to\s+be\s+held|expected|"
                          r"upcoming|take\s+effect|takes\s+effect|taking\s+effect|"
                          # "agreed to exchange ... in January", "has not agreed to attend talks ... on Monday"
                          # ... "agreed in principle to hold a meeting in March"
                          r"(?:agree[sd]?|plans?|planning|intends?|hopes?|wants?|ready|prepared|invit\w+)\s+(?:\w+\s+){0,2}?to\s+"
                          r"(?:attend|hold|meet|exchange|swap|release|free|return|sign|resume|start|begin|open|host|visit|"
                          r"travel|come|go|send|hand|extend|impose|lift|discuss|continue|convene|talk|negotiate))\b", re.I)
# "had been due on Saturday": a plan that is already past. "was due on Sunday" is past when the clause it qualifies
# is ("a summit that was due to take place on Sunday was called off"); "talks that were due to begin on Saturday have
# been postponed" still looks ahead.
_PAST_PLAN = re.compile(r"\bhad\s+been\s+$", re.I)
_SIMPLE_PAST_PLAN = re.compile(r"\b(?:was|were)\s+$", re.I)
_PAST_MAIN = re.compile(r"\s*,?\s*(?:[\w'’-]+\s+){0,3}?(?:was|were|did|had)\b", re.I)
# A date on a reduced relative clause is background: "soldiers captured in July", "a ceasefire agreed in
# November", "sanctions, eased in October". After an auxiliary ("were captured in July") or a name ("Hamas
# agreed on Wednesday") the verb is the clause's own.
_PARTICIPLE = re.compile(r"(?:(?:^|[\s,])(?!(?:was|were|been|be|is|are|has|have|had|being)\b)[a-z][\w-]*|,)\s+"
                         r"(?:captured|detained|arrested|abducted|kidnapped|seized|jailed|imprisoned|sentenced|taken|held|"
                         r"agreed|signed|reached|brokered|eased|imposed|lifted|announced|adopted|approved|launched|"
                         r"killed|wounded|declared|struck|started|begun|suspended|postponed|halted|frozen|stalled|resumed)"
                         r"\s+(?:\w+ly\s+)?$")
# "soldiers detained during border clashes last month": when the people were caught, however it was.
_CAPTURED_DURING = re.compile(r"\b(?:captured|detained|arrested|abducted|kidnapped|seized|jailed|imprisoned|taken\s+prisoner)\s+"
                              r"(?:during|in|at|near|after|amid)\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,3}?$", re.I)
# Acts that stop talks or a swap date the act, not the talks: "suspended peace talks with ... on Wednesday",
# "dismissed Seoul's overtures on Tuesday".
_STOP_ACT = re.compile(r"\b(?:suspend(?:ed|s)|froze|freezes|dismiss(?:ed|es)|reject(?:ed|s)|blocked|postpon(?:ed|es)|"
                       r"call(?:ed|s)\s+off|halt(?:ed|s)|cancel(?:l?ed|s)|paus(?:ed|es)|shelv(?:ed|es)|broke\s+off|"
                       r"pull(?:ed|s)\s+out\s+of|walk(?:ed|s)\s+out\s+of)\b", re.I)
# "agreed in Muscat yesterday to release ...", "signed an agreement in Doha on Sunday setting up a mechanism for
# the release ...": the day of the deal, not of the swap.
_DEAL_ACT = re.compile(r"\b(?:agreed|agreement|signed|reached|struck)\b", re.I)
_STOPPED = re.compile(r"\b(?:talks|negotiations|dialogue|process|declaration|agreement|deal|overtures|offer|proposal|exchange|"
                      r"release|swap|handover|ceasefire|truce|meeting|summit|contacts|mediation|adoption|package)\b", re.I)
# A verb form is lower-case: "agreed in Kunming on Wednesday" has no new clause in "Kunming".
_CLAUSE_START = re.compile(r"\b(?:(?-i:[a-z]\w*(?:ed|ing))|to\s+\w+|that|which|who|when|where|after|before|because|was|were|been|will|would|due|"
                           r"and\s+(?:\w+ed|froze))\b", re.I)
# "the July 28 presidential election": a date naming another event.
_ATTRIBUTIVE = re.compile(r"^\s+(?!on\b|in\b|at\b|and\b|or\b|to\b|for\b|from\b|with\b|by\b)[a-z]")
_CONDITION = re.compile(r"\b(?:if|unless)\b[^,;:]*$", re.I)
_EFFECT = re.compile(r"\b(?:(?:take|takes|taking|took|come|comes|coming|came)\s+(?:into\s+)?(?:effect|force)(?:\s+(?:on|from))?|"
                     # "expected to sign it into law this month": a measure bites once it is law.
                     r"sign(?:s|ed|ing)?\s+(?:[\w-]+\s+){0,2}?into\s+law(?:\s+(?:on|in))?|"
                     r"(?:starting|effective)(?:\s+(?:on|from))?)\s+$", re.I)
_UNDECIDED = frozenset({"proposed", "threatened", "stalled", "denied"})
_FROM_DAY = re.compile(r"\bfrom\s+$", re.I)  # "from Friday", not "from 2022"
# When an agreed truce begins is part of what was agreed, not the day of the talks: "agreed to a ceasefire in eastern
# Congo starting on August 4 after a meeting ... on Tuesday".
_TERMS_START = re.compile(r"\b(?:ceasefire|truce|pause|moratorium|deal|agreement|accord)\b"
                          r"(?:(?!\b(?:talks|negotiations|meeting|summit|round|conference|consultations)\b)[^,;.]){0,40}?\b(?:starting|beginning|"
                          r"effective|from|(?:to\s+|will\s+|would\s+)?(?:take|takes|taking|come|comes|coming)\s+(?:into\s+)?"
                          r"(?:effect|force))(?:\s+(?:on|from|at))?\s+$", re.I)


@lru_cache(maxsize=4096)
def _dates_in(text: str, published: date) -> tuple[DateMention, ...]:
    """A sentence's dates; several event groups of one article read the same sentences."""
    return tuple(find_dates(text, published))


_EXTENDED_TO = re.compile(r"\b(?:extend\w*|prolong\w*|renew\w*|roll\w*\s+over)\b[^,;.]{0,80}?\b(?:to|through)\s+$", re.I)
# "said on Monday that the drones had struck": a statement whose complement reports an event already past.
# An event that spanned days ("had completed a three-day exchange") is not dated by the day it was reported.
_REPORTED_PAST = re.compile(r",?\s+that\s+[^;:]{0,80}?\bhad\s+(?!not\b|no\b)(?:been\s+)?[a-z]+(?:ed|en|uck|ot|ew|ung|ade|eld)\b"
                            r"(?![^;:,]{0,40}?\b[\w]+-(?:day|week|month)\b)")


# Compiled once: the string form re.search(pattern, ...) looks the pattern up in re's cache on every call.
_SINCE_BEFORE_AFTER_LEAD = re.compile(r"\b(?:since|before|until|after)\s+$")
_SINCE_UNTIL_LEAD = re.compile(r"\b(?:since|until|till)\s+$")
_DATED_LEAD = re.compile(r"\bdated\s+$")


def _event_date(sents: Sequence[A.Sent], event_type: str, published: date | None, modality: str = "occurred") -> dict:
    """The date of the event: the date expression nearest the words naming it, never the date of a statement.

    "the governor said on Tuesday" and "Trump on Monday threatened" date a
    statement, not the event. A weekday reads forward ("will meet on Friday")
    only after a future marker; otherwise it is the most recent such day.
    """
    if published is not None:
        reported: tuple[DateMention, int] | None = None
        for s in sents:
            mentions = []
            for m in _dates_in(s.text, published):
                before = s.text[max(0, m.start - 160) : m.start]
                if _background(s.text, m, event_type):
                    # Strikes and listings are news the day they happen; a finished swap or round of talks is often
                    # disclosed days later ("said on Monday that they had exchanged 150 POWs"), so it stays undated.
                    if (reported is None and modality == "occurred" and event_type in ("drone_strike", "sanctions")
                            and m.precision == "day" and m.source == "relative"
                            and _REPORTED_PAST.match(s.text, m.end)):
                        reported = (m, s.start)
                    continue
                lead = s.text[max(0, m.start - 8) : m.start]
                if ((m.precision != "day" and (_SINCE_BEFORE_AFTER_LEAD.search(lead)
                                               or (m.text.lower().startswith(("since", "before", "until", "after"))
                                                   and not m.text.lower().startswith("before the end of"))))
                        or _SINCE_UNTIL_LEAD.search(lead) or m.text.lower().startswith(("since", "until"))):
                    continue  # "since March 2022", "extended until April 30, 2026": background or an end, not the event
                if _EXTENDED_TO.search(before):
                    continue  # "extended its sanctions by six months to January 31": the new end, not the decision
                marks = list(_FUTURE_WORD.finditer(before))
                plan_past = bool(_PAST_PLAN.search(before[: marks[-1].start()]) or (
                    _SIMPLE_PAST_PLAN.search(before[: marks[-1].start()]) and _PAST_MAIN.match(s.text, m.end))) if marks else False
                if marks and not _PAST_VERB.search(before[marks[-1].end() :]) and not plan_past:
                    fut = find_dates(m.text, published, future=True)
                    if fut:
                        m = replace(fut[0], start=m.start, end=m.end)
                mentions.append(m)
            if not mentions:
                continue
            trig = [m.start() for m in TRIGGERS[event_type].finditer(s.text)] or [0]
            # Background dates ("since 2022", "in February 2022") rarely date the event.
            usable = [m for m in mentions if m.precision != "year" or m.source == "relative"] or mentions
            # "a decision dated 28/04/2025" names its own date.
            dated = [m for m in usable if _DATED_LEAD.search(s.text[max(0, m.start - 7) : m.start])]
            if event_type == "sanctions" and not dated:
                # "signed an order on Wednesday ... with the duty to take effect on August 27": sanctions date from
                # when they bite.
                dated = [m for m in usable if _EFFECT.search(s.text[max(0, m.start - 30) : m.start])
                         or (m.precision == "day" and _FROM_DAY.search(s.text[max(0, m.start - 6) : m.start]))]
            if event_type == "sanctions" and modality in _UNDECIDED and not dated:
                # A measure proposed, threatened, blocked or denied has no date of its own: the day named is the
                # proposal's, the threat's or the veto's ("proposed a new package of sanctions on Friday").
                continue
            best = dated[0] if dated else min(usable, key=lambda m: (min(abs(m.start - t) for t in trig) // 40, _RANK[m.precision], m.start))
            return _date_dict(best, s.start)
        if reported is not None:
            # "Russia said on Monday that drones had struck ...": with no date of its own, a past event first
            # reported that day is dated by the report rather than by the article's publication.
            return _date_dict(*reported)
        return {"value": published.isoformat(), "precision": "day", "source": "published", "text": None, "span": None}
    return {"value": None, "precision": "day", "source": "published", "text": None, "span": None}


_ANNOUNCED_BEFORE = re.compile(r"\b(?:announced|unveiled)\s+$")
_THE_BEFORE = re.compile(r"\bthe\s+$")


def _background(text: str, m: DateMention, event_type: str) -> bool:
    """A date that belongs to a statement, another event or a condition rather than to the event itself."""
    before = text[max(0, m.start - 160) : m.start]
    if text[m.end : m.end + 2] in ("'s", "’s"):
        # "yesterday's attack", "Sunday's strike": the event's own date; "Monday's talks" date talks, where a swap or
        # a strike does not happen (talks and sanctions are decided at meetings), and "Saturday's strike" names an
        # attack, which talks or sanctions are not.
        if event_type in _IN_THE_FIELD:
            return bool(_MEETING_NOUN.match(text[m.end : m.end + 30]))
        return bool(_ATTACK_NOUN.match(text[m.end : m.end + 30]))
    if event_type not in _IN_THE_FIELD and _ATTACK_OF.search(before[-70:]) and _VERB_AFTER.match(text, m.end):
        return True  # the attack is the clause's subject ("... on Tuesday has put the talks on hold")
    if event_type not in _IN_THE_FIELD and (a := _ATTACK_OF.search(before[-70:])) and _BLAMED_OF.search(before[-70:][: a.start()]):
        return True  # "accused the rebels of a bomb attack in Cali last month": the date of what they are blamed for
    st = _STATEMENT.search(before[-40:])
    said = _STATEMENT_AFTER.match(text[m.end : m.end + 25])
    # "met in Luanda on Tuesday, said Angola's presidency": a source after the clause, unless the date is an aside
    # ("Putin, on Tuesday, said").
    if said and "," in said.group(0) and not before.rstrip().endswith(","):
        said = None
    if said and event_type == "sanctions" and _ANNOUNCED_MEASURE.match(text, m.end):
        said = None  # "Ottawa on Friday announced sanctions on ...": announcing a measure imposes it
    if (st and event_type == "sanctions" and _ANNOUNCED_BEFORE.search(before[-40:])
            and _MEASURE_AFTER.match(text, m.end)):
        st = None  # "announced on Monday the largest package of sanctions": the measure is the verb's object
    if (st and not _CLAUSE_VERB.search(st.group(1) or "")) or said:
        return True
    if _ISSUED_BY.search(before[-90:]):
        return True
    if event_type in _IN_THE_FIELD and _MEETING_OF.search(before[-80:]):
        return True
    if event_type == "negotiation" and _TERMS_START.search(before[-80:]):
        return True
    if m.precision in ("month", "year") and (_PARTICIPLE.search(before[-60:]) or _PLUPERFECT.search(before[-60:])
                                             or _CAPTURED_DURING.search(before[-60:])):
        return True
    stops = list(_STOP_ACT.finditer(before[-120:]))
    gap = before[-120:][stops[-1].end() :] if stops else ""
    if stops and _STOPPED.search(gap) and not _CLAUSE_START.search(gap):
        return True
    if event_type == "prisoner_swap":
        deals = list(_DEAL_ACT.finditer(before[-60:]))
        rest = before[-60:][deals[-1].end() :] if deals else ""
        if deals and "," not in rest and not _CLAUSE_START.search(rest):
            return True
    if (_THE_BEFORE.search(before) and m.precision == "day" and _ATTRIBUTIVE.match(text[m.end : m.end + 3])
            and not _DURING_PART_OF_DAY.search(before[-12:] + m.text)):
        return True
    return bool(_CONDITION.search(before[-120:]))


def _date_dict(m: DateMention, base: int) -> dict:
    return {"value": m.value, "precision": m.precision, "source": m.source, "text": m.text,
            "span": {"start": base + m.start, "end": base + m.end}}


def extract_group(
    article: ArticleMeta, sentences: Sequence[Span], group: _Group, gaz: Gazetteer, context_countries: set[str], model_version: str,
    memo: A.PlaceMemo | None = None,
) -> dict:
    et = group.event_type
    det_sents = [A.Sent(sentences[d.sentence].text, sentences[d.sentence].start) for d in group.detections]
    ctx_sents = [A.Sent(sentences[i].text, sentences[i].start) for i in sorted(group.context)]
    sents = det_sents + ctx_sents
    first = _primary(sentences, group)
    primary = sentences[first.sentence]
    mod = modality(primary.text, et, primary.start, [(x.text, x.start) for x in sents if x.start != primary.start])
    published = article.published_date
    when = _event_date(sents, et, published, mod.value)

    actor_ms = A.actor_mentions(gaz, sents)
    place_ms = A.place_mentions(gaz, sents, context_countries, memo)
    origin = None
    location = None
    scores: dict[str, float] = {"modality": mod.score}
    if et == "drone_strike":
        # Where the detected sentences say it happened; context sentences only fill a gap.
        det_places = A.place_mentions(gaz, det_sents, context_countries, memo)
        pm = A.best_place(det_places) or A.best_place(place_ms)
        location = A.location_dict(pm, 0.75)
        origin_pm = next((p for p in place_ms if p.origin), None)
        origin = A.location_dict(origin_pm, 0.6)
        args = A.drone_arguments(sents)
        actors = A.drone_actors(actor_ms, location, sents)
    elif et == "negotiation":
        args, actors = A.negotiation_arguments(gaz, actor_ms, place_ms, sents)
        location = args["venue"]
    elif et == "sanctions":
        primary_first = [A.Sent(primary.text, primary.start)] + [x for x in sents if x.start != primary.start]
        args, actors = A.sanctions_arguments(actor_ms, primary_first, mod.value)
    else:
        args, actors = A.prisoner_arguments(actor_ms, sents)
        location = A.location_dict(A.handover_place(place_ms, sents), 0.6)
    for name, v in args.items():
        if isinstance(v, dict) and "score" in v:
            scores[name] = v["score"]
    if location:
        scores["location"] = location["score"]
    if when["source"] != "published":
        scores["date"] = 0.8 if when["precision"] == "day" else 0.6
    used_ctx = _used_context(ctx_sents, args, location, when, actors)
    evidence = [
        {"article_id": article.id, "sentence": sentences[d.sentence].text, "char_start": sentences[d.sentence].start,
         "char_end": sentences[d.sentence].end, "score": round(d.score, 4), "source": article.source, "url": article.url,
         "kind": "detection"}
        for d in group.detections
    ] + [
        {"article_id": article.id, "sentence": s.text, "char_start": s.start, "char_end": s.start + len(s.text),
         "source": article.source, "url": article.url, "kind": "context"}
        for s in used_ctx
    ]
    return {
        "schema_version": SCHEMA_VERSION,
        "event_id": event_id(article.id, et, primary.start, primary.end),
        "event_type": et,
        "article_id": article.id,
        "title": article.title,
        "confidence": round(max(d.score for d in group.detections), 4),
        "model_version": model_version,
        "evidence": evidence,
        "published": article.published,
        "detected_at": article.detected_at,
        "date": when,
        "modality": mod.value,
        "actors": actors,
        "location": location,
        "origin": origin,
        "arguments": args,
        "argument_scores": scores,
    }


def _used_context(ctx: Sequence[A.Sent], args: dict, location: dict | None, when: dict, actors: list[dict]) -> list[A.Sent]:
    spans: list[int] = []

    def walk(v: object) -> None:
        if isinstance(v, dict):
            span = v.get("span")
            if isinstance(span, dict) and "start" in span:
                spans.append(span["start"])
            for x in v.values():
                walk(x)
        elif isinstance(v, list):
            for x in v:
                walk(x)

    walk([args, location, when, actors])
    return [s for s in ctx if any(s.start <= p < s.start + len(s.text) for p in spans)]


def context_countries(gaz: Gazetteer, text: str, title: str | None, sentences: Sequence[Span] | None = None) -> set[str]:
    """Countries the article is about: a prior for choosing among homonym places.

    With the article's sentences, the scan reads them one by one, so the
    gazetteer's per-sentence cache serves the extraction that follows.
    """
    out: set[str] = set()
    if sentences is None:
        ms = gaz.mentions((title or "") + "\n" + text[:4000])
    else:
        ms = [m for s in sentences if s.start < 4000 for m in gaz.mentions(s.text)] + (gaz.mentions(title) if title else [])
    for m in ms:
        for a in m.actors:
            if a.country and a.kind in {"state", "leader", "official", "armed_group", "institution"}:
                out.add(a.country)
    return out


def extract_events(
    article: ArticleMeta,
    sentences: Sequence[Span],
    detections: Sequence[Detection],
    *,
    model_version: str,
    gazetteer: Gazetteer | None = None,
) -> list[dict]:
    """Event records for one article (schemas/json/event.schema.json)."""
    if not detections:
        return []
    gaz = gazetteer or default_gazetteer()
    ctx = context_countries(gaz, article.text, article.title, sentences)
    # Place readings of this article's sentences under this context, shared by the grouping and every group's
    # arguments (a sentence is read up to four times); it lives only as long as this call.
    memo: A.PlaceMemo = {}
    groups = group_detections(sentences, detections, article.text, gaz, ctx, memo)
    events = [extract_group(article, sentences, g, gaz, ctx, model_version, memo) for g in groups]
    return sorted(events, key=lambda e: (e["evidence"][0]["char_start"], e["event_type"]))
