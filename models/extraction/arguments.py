"""Per-type arguments: who, where, how many, with what.

Each function reads the evidence sentences of one event (text plus offset in
the article) and returns values with the words they came from. Rules are
plain patterns; every value points at a span of the text, and a value the
text does not state stays None.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import pairwise

from models.extraction.gazetteer import Actor, Gazetteer, Mention, Place, _norm_key, place_score
from models.extraction.numbers import N_FOR_N, NUMBER, PERCENT, find_numbers, parse_number, value_of


@dataclass(frozen=True, slots=True)
class Sent:
    text: str
    start: int  # offset in the article


# --------------------------------------------------------------------------- helpers


def _quantity(value: float, text: str, start: int, end: int, score: float) -> dict:
    v: float | int = int(value) if float(value).is_integer() else value
    return {"value": v, "text": text, "span": {"start": start, "end": end}, "score": round(score, 2)}


def _label(value: str, text: str | None, start: int | None, end: int | None, score: float) -> dict:
    span = {"start": start, "end": end} if start is not None and end is not None else None
    return {"value": value, "text": text, "span": span, "score": round(score, 2)}


_QUAL = (
    r"(?:(?:a\s+total\s+of|total\s+of|in\s+total|at\s+least|more\s+than|over|nearly|almost|about|around|some|"
    r"up\s+to|as\s+many\s+as|roughly|approximately|a\s+further|another|all|all\s+the)\s+)*"
)
# NUMBER without its named groups, so it can appear several times in one pattern.
_NUM = re.sub(r"\(\?P<\w+>", "(?:", NUMBER.pattern)


def _num_rx(template: str) -> re.Pattern[str]:
    """Compile a pattern where {N} is a number (captured as `n`) with qualifiers."""
    body = template.replace("{N}", rf"{_QUAL}(?P<n>{_NUM})")
    head = template.lstrip()
    if head.startswith(("{N}", "(?:")) or head[:1].isalpha():
        # The pattern starts with a word (a count, a qualifier, a verb). Saying so up front lets the engine skip the
        # other positions of a sentence instead of trying every alternative at each one (about twice as fast).
        body = r"(?<!\w)" + body
    return re.compile(body, re.I | re.X)


@lru_cache(maxsize=4096)
def _has_number(text: str) -> bool:
    """Whether any number is written in `text`: every quantity pattern needs one, and most sentences have none."""
    return NUMBER.search(text) is not None


# "a 12-year-old boy", "a three-day exchange", "a nine-storey block": a modifier, not a count.
_AGE_OR_SPAN = re.compile(r"\s*-\s*(?:years?|months?|weeks?|days?|hours?|storey|story|floor|km|kilomet\w+|miles?)\b", re.I)


# "injured in a one-way drone attack", "a two-storey house": a number in a compound modifier counts no people;
# "no one was hurt" counts none.
_COMPOUND = re.compile(r"-[a-z]", re.I)
_NO_BEFORE = re.compile(r"\bno\s+$", re.I)


# "held responsible for the attack that killed three American soldiers": another attack's toll, named as a reason
_EARLIER_ATTACK = re.compile(r"\b(?:for|over|after|avenging|avenge|since)\s+(?:the|an?|last\s+\w+['’]s)\s+(?:[\w-]+\s+){0,2}?"
                             r"(?:attack|strike|bombing|raid|assault|ambush)\s+(?:that|which)\s+(?:killed|wounded|injured|left)\s+"
                             r"(?:\w+\s+){0,2}?$"
                             # "..., days after 33 Turkish soldiers were killed in the region": a toll timed before this one
                             r"|\b(?:days?|weeks?|months?|hours?)\s+(?:after|since)\s+$", re.I)

# "more than 11,000 Russian troops killed since the invasion": a war's running toll, not this attack's
_CUMULATIVE_AFTER = re.compile(r"\s+(?:so\s+far\s+)?(?:since|during|throughout|over\s+the\s+course\s+of)\s+(?:the\s+)?"
                               r"(?:(?:start|beginning|outbreak)\s+of\s+the\s+)?(?:full-scale\s+|russian\s+|israeli\s+)?"
                               r"(?:invasion|war|conflict|start|beginning|outbreak)\b", re.I)


def _first_number(patterns: Sequence[re.Pattern[str]], sents: Sequence[Sent], score: float, people: bool = False,
                  skip: int | None = None) -> dict | None:
    for s in sents:
        if not _has_number(s.text):
            continue
        for rx in patterns:
            for m in rx.finditer(s.text):
                n = NUMBER.fullmatch(m.group("n").strip())
                v = parse_number(n) if n else None
                if (v is None or (1900 <= v <= 2100 and "," not in m.group("n")) or _AGE_OR_SPAN.match(s.text, m.end("n"))
                        or (people and (_COMPOUND.match(s.text, m.end("n")) or _NO_BEFORE.search(s.text, 0, m.start("n"))
                                        or _EARLIER_ATTACK.search(s.text, 0, m.start("n"))
                                        or _CUMULATIVE_AFTER.match(s.text, m.end())))):
                    continue
                a, b = m.span("n")
                if skip == s.start + a:
                    continue  # a count already read as something else
                return _quantity(v, m.group("n"), s.start + a, s.start + b, score)
    return None


# --------------------------------------------------------------------------- actors


_MEDIATOR_BEFORE = re.compile(
    r"(?:mediat\w+ by|brokered by|hosted by|facilitated by|with the (?:help|mediation|assistance) of|mediation of|"
    r"mediation from|mediator|mediators|through|via|sponsored by|under the (?:auspices|sponsorship|supervision|aegis|patronage) of|"
    # "with host Turkey saying", not the verb ("ready to host Russia and Ukraine")
    r"thanks to|(?<!\bto\s)(?<!\bwill\s)(?<!\bwould\s)(?<!\bcould\s)(?<!\bcan\s)\bhosts?|in the presence of|at the invitation of|"
    r"invited by|"
    # "talks convened by the African Union", "a truce negotiated by U.S. envoy Amos Hochstein"
    r"(?:co-?)?chaired by|convened by|organi[sz]ed by|presided over by|negotiated by|overseen by|supervised by|"
    # "were invited to new talks by Saudi Arabia", "shuttle diplomacy by Qatar", "with help from Qatar"
    r"invited\s+(?:[\w-]+\s+){1,4}?by|diplomacy by|(?:mediation|diplomatic|peace) efforts (?:by|of)|"
    r"(?:help|assistance) from|in\s+(?:close\s+)?coordination\s+with)\s+(?:the\s+)?"
    # Up to two modifiers ("mediators from neighbouring Qatar"), never a verb ("mediators have handed Congo's
    # government a draft": Congo is a party) nor what leads to the parties ("to host talks between Thailand and ...").
    r"(?:(?!(?:have|has|had|is|are|was|were|will|would|could|can|and|or|but|between|with|talks|negotiations|meetings?|"
    r"contacts|consultations|rounds?|"
    # verbs without "-ed": "mediators met Israeli and Hamas negotiators"
    r"met|meets?|told|tells?|said|says?|gave|gives?|sent|sends?|held|holds?|spoke|speaks?|brought|brings?|took|takes?|"
    r"made|makes?|urges?|asks?|press(?:es)?|hands?|presents?|expects?|wants?|sees?|saw)\b)(?!\w+ed\b)\w+\s+){0,2}"
    # ... or a capitalised title of several words: "hosted by Secretary of State Antony Blinken"
    r"(?:(?-i:[A-Z])[\w.'’-]*\s+(?:of\s+(?:the\s+)?)?){0,3}$",
    re.I,
)
# Who a swap passes through: "handed over to the ICRC". In talks a plan "handed to Kyiv" goes to a party.
_HANDOVER_BEFORE = re.compile(
    r"(?:handing them to|handed (?:them )?(?:over )?to|transferred to|under the supervision of|supervised by|overseen by|"
    # not "a deal mediated by Qatar, under which Washington released five Iranians": a relative clause's subject
    r"carried out by|implemented by|under(?!\s+(?:which|whose)\b))\s+(?:the\s+)?(?:\w+\s+){0,2}$",
    re.I,
)
_ARRANGING = r"(?:arrang(?:e|es|ed|ing)|organi[sz](?:e|es|ed|ing)|set(?:ting)?\s+up|conven(?:e|es|ed|ing))"
_MEDIATOR_AFTER = re.compile(
    r"^(?:-|\s)(?:brokered|mediated|hosted|facilitated|led mediation|sponsored|chaired|backed\s+talks)\b|"
    r"^-led\s+(?:[\w-]+\s+)?(?:diplomacy|mediation|efforts|talks|negotiations|dialogue|process)\b|"
    # "a U.S.-backed ceasefire plan": the sponsor of a plan between others
    r"^-(?:backed|supported)\s+(?:[\w-]+\s+){0,2}?(?:plan|proposal|talks|ceasefire|truce|deal|initiative|"
    r"framework|roadmap|negotiations|process)\b|"
    # "Qatar, which has offered to host them"; "an Omani delegation that has been mediating between the two sides"
    r"^(?:'s|’s)?(?:(?:\s+[\w-]+){0,4},?\s+(?:which|who)|\s+(?:delegation|team|envoys?|officials|diplomats|government)\s+that)\s+"
    r"(?:has\s+|had\s+|is\s+|was\s+)?(?:been\s+)?"
    r"(?:mediat\w*|brokered|brokering|facilitat\w*|hosted|hosting|coordinated|coordinating|"
    r"(?:offered|agreed|volunteered)\s+to\s+(?:host|mediate|broker|facilitate))|"
    r"^,\s+(?:the\s+|a\s+|one\s+of\s+the\s+|which\s+(?:is|was|acted\s+as)\s+(?:the\s+)?)?(?:main\s+|key\s+|chief\s+|lead\s+)?"
    r"(?:mediator|broker|host|facilitator|co-?host|guarantor|co-?sponsor|co-?chair)"
    r"(?!s?\s+(?:said|say|says|told|added))|"  # "between Israel and Hamas, the mediators said": a source, after a party
    # "Qatari mediators", "Egypt's chief mediator"; not "the RSF that mediators had announced", nor a party before a
    # phrase about them ("passed to Kyiv through Qatari mediators")
    r"^(?:'s|’s)?\s+(?:(?!(?:that|which|who|whom|whose|where|when|as|and|or|but|with|by|to|said|says|through|via|from|"
    r"of|for|on|in|at|under|between|among|after|before)\b)[\w-]+\s+){0,3}?"
    r"(?:mediators?|brokers?|facilitators?)\b|"
    # Not across another's possessive or a refusal: "India rejected Trump's offer to mediate" makes India a party.
    # Nor across a conjunction or preposition: in "discussed a truce with Putin by phone and offered to host talks" the
    # offer is the subject's.
    r"^(?:'s|’s)?\s+(?:(?!(?-i:[A-Z])[\w-]*(?:'s|’s)\s|(?:rejected|rejects|refused|refuses|declined|declines|dismissed|spurned|"
    # Nor into a relative clause with its own subject: in "an exchange with Washington that Qatar has mediated" Qatar mediates.
    r"and|or|but|by|with|after|before|then|while|when|that|which)\b)"
    r"[\w'’-]+\s+){0,3}?"
    r"(?:shuttl\w+\s+between|(?:act(?:ing|ed|s)?|serv(?:ing|ed|es|e))\s+as\s+(?:a\s+|the\s+)?(?:[\w-]+\s+)?"
    r"(?:mediators?|brokers?|go-betweens?|hosts?|facilitators?|guarantors?|intermediary|intermediaries)|"
    r"offered\s+to\s+(?:host|mediate)|will\s+host|to\s+host|hosted|hosting|"
    r"mediated|brokered|facilitated|help(?:ed|s)?\s+(?:to\s+)?(?:broker|mediate|arrange|facilitate|negotiate|secure)|(?:suspended|resumed|ended|continued)\s+(?:its|their)\s+mediation|"
    r"mediating|facilitating|auspices|"
    # "with Qatari officials overseeing the handover"
    r"(?:overseeing|oversaw|oversees|supervising|supervised|supervises|coordinating|coordinated|organi[sz](?:ing|ed))\s+"
    r"(?:the\s+|both\s+)?(?:[\w-]+\s+)?(?:handover|exchange|swap|release|transfer|talks|negotiations)|"
    # "with Turkish Foreign Minister Hakan Fidan chairing the session" (not "chaired a meeting of his cabinet")
    r"(?:co-?)?chair(?:ing|ed|s)?\s+(?:the|both|any|a|an)\s+(?:[\w-]+\s+)?(?:session|sessions|talks|negotiations|meeting|round|"
    r"discussions|summit)|"
    # "Egyptian officials carrying proposals back and forth between the two delegations"
    r"(?:carry\w*|carried|relay\w*|pass\w*|ferry\w*|ferried)\s+(?:[\w-]+\s+)?(?:messages|proposals|offers|responses)|"
    r"(?:repeated\s+)?offers?\s+to\s+(?:broker|mediate|host))|"
    # "Qatar said the two sides had agreed to return eight children under its mediation"
    r"^(?:'s|’s)?\s+(?:said|says|announced|confirmed)\b[^.;]{0,120}?\b(?:under|through|with)\s+(?:its|their)\s+(?:[\w-]+\s+)?"
    r"(?:mediation|auspices|sponsorship|good\s+offices|facilitation)\b|"
    # "Turkey's foreign ministry said on Friday, after negotiations it mediated ended": the speaker speaks of itself
    r"^(?:'s|’s)?\s+(?:[\w-]+\s+){0,3}?(?:said|says|announced|confirmed)\b[^.;]{0,120}?\b(?:it|they)\s+"
    r"(?:had\s+|has\s+|have\s+)?(?:been\s+)?(?:mediat(?:ed|ing)|brokered|brokering|hosted|hosting)\b|"
    # "could walk away from its mediation between Russia and Ukraine"
    r"^(?:'s|’s)?\s+(?:[\w'’-]+\s+){0,5}?(?:its|their)\s+(?:[\w-]+\s+)?mediation|"
    # "arranged with Turkey's help", "Tehran's 'good offices'"
    r"^(?:'s|’s)\s+['‘\"“]?(?:help|mediation|assistance|facilitation|good\s+offices)\b|"
    # "thanked Erdogan for hosting", "crediting the UAE with facilitating it" (not "thanked Trump for the call")
    r"^(?:'s|’s)?\s+(?:for|with)\s+(?:(?:his|her|its|their)\s+)?(?:[\w-]+\s+)?(?:hosting|mediat\w+|brokering|facilitat\w+|"
    r"help\w*|role\s+in\s+(?:brokering|mediating|securing))\b|"
    # "under U.S. and French mediation", "Qatari auspices"
    r"^(?:\s+and\s+[\w-]+)?\s+(?:mediation|auspices|facilitation|good\s+offices|sponsorship|supervision|aegis|patronage|help|"
    r"assistance)\b|"
    # "Cairo was working with Qatar to secure a truce between Israel and Hamas": who works for a deal between others
    r"^(?:'s|’s)?[^.;:]{0,100}?\bto\s+(?:help\s+)?(?:secure|broker|clinch|forge|negotiate|seal|salvage|revive|restore|"
    r"mediate|facilitate|arrange)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:truce|ceasefire|deal|agreement|accord|talks|peace)\s+"
    r"between\b|"
    # "Egypt is working with the United States and Qatar to push Israel and Hamas toward a deal"
    r"^(?:'s|’s)?[^.;:]{0,100}?\bto\s+(?:push|press|nudge|bring|get|steer|coax)\s+(?:[\w'’.-]+\s+){1,6}?(?:toward|towards|into|to)\s+"
    r"(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:truce|ceasefire|deal|agreement|accord|talks|table)\b|"
    # "Indonesia offered its good offices to Thailand and Cambodia"
    r"^(?:'s|’s)?\s+(?:[\w'’-]+\s+){0,3}?(?:offered|offers|offering|extended|proposed)\s+(?:its|their|his|her)\s+['‘\"“]?"
    r"(?:good\s+offices|mediation|services\s+as\s+(?:a\s+)?mediator)|"
    # "offered the Vatican as a venue for talks"
    r"^(?:'s|’s)?\s+(?:[\w-]+\s+){0,3}?as\s+(?:an?\s+|the\s+)?(?:venue|host|co-host|mediator|go-between|intermediary|facilitator|"
    r"broker|guarantor)\b|"
    # "the Qatari prime minister met the Israeli and Hamas delegations separately"
    r"^(?:'s|’s)?(?:\s+[\w-]+){0,3}?\s+(?:met|meets|meeting|held\s+separate\s+(?:talks|meetings))\s+(?:separately\s+)?(?:with\s+)?"
    r"(?:[\w'’.-]+\s+){0,6}?(?:delegations|sides|teams|negotiators|parties)\s+separately\b|"
    r"^(?:'s|’s)?(?:\s+[\w-]+){0,4},?\s+(?:which|who)\s+(?:was|is|had\s+been|has\s+been)\s+"
    r"(?:(?:due|set|expected|scheduled|supposed|meant|slated)\s+)?to\s+(?:host|mediate|broker|facilitate)|"
    # "Kazakh Foreign Minister Murat Nurtleu hosted his Armenian and Azerbaijani counterparts": a demonym's official,
    # named by title and name, hosts the delegations of others (with one guest the host is a side again, see _HOSTS_GUEST)
    r"^(?:'s|’s)?\s+(?:(?-i:[A-Z])[\w.'’-]*\s+){1,7}(?:has\s+|had\s+)?(?:hosted|hosts|hosting)\s+(?:[\w'’-]+\s+){0,4}?"
    r"(?:delegations|counterparts|negotiators|envoys|representatives|leaders)\b|"
    # "... Al Thani met Israeli negotiators and, separately, a Hamas delegation": who meets each side apart goes between
    r"^(?:'s|’s)?\s+(?:(?-i:[A-Z])[\w.'’-]*\s+){0,7}(?:met|meets|meeting|held\s+talks\s+with)\s+[^.;]{1,80}?\band,?\s+separately,?\s|"
    # "with Malaysia, the ASEAN chair, acting as mediator": the role after an appositive
    r"^(?:,\s+(?:the|a|an))?\s+(?:[\w'’-]+\s+){0,3}?[\w'’-]+,\s+(?:acting|serving)\s+as\s+(?:a\s+|the\s+)?(?:[\w-]+\s+)?"
    r"(?:mediator|broker|go-between|host|facilitator|intermediary)\b|"
    # "Trump said he was arranging a meeting between Putin and Zelenskiy"
    rf"^(?:'s|’s)?\s+(?:[\w-]+\s+){{0,4}}?{_ARRANGING}\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,2}}?(?:meeting|summit|talks|negotiations)\s+"
    r"between\b",
    re.I,
)
# "a meeting between Putin and Zelenskiy that Trump said he was arranging": the object of the relative clause is the
# meeting between two others.
_BETWEEN_THAT = re.compile(r"\b(?:meeting|summit|talks|negotiations)\s+between\s+[^.;]{1,80}?\s(?:that|which)\s+$", re.I)
_ARRANGES_IT = re.compile(rf"^\s+(?:(?:said|says)\s+(?:he|she|it|they)\s+)?(?:(?:was|were|is|are|had|has|have|would|will)\s+"
                          rf"(?:been\s+|be\s+)?)?(?:{_ARRANGING}|brokered|brokering|mediated|mediating|hosted|hosting)\b", re.I)
# "negotiations with Hamas hosted by Qatari mediators": the passive's agent, after the party, mediates.
_PASSIVE_AFTER = re.compile(r"^(?:'s|’s)?\s+(?:[\w'’-]+\s+){0,3}?(?:hosted|mediated|brokered|facilitated|sponsored|chaired)\s+by\b",
                            re.I)
_HUMANITARIAN = {"International Committee of the Red Cross", "Red Cross", "ICRC", "United Nations", "UN"}
_HOST_VENUE = re.compile(r"\b(?:in|hosted in)\s+$", re.I)
_INITIATOR_BEFORE = re.compile(r"(?:by|from)\s+(?:the\s+)?(?:\w+\s+){0,2}$", re.I)
_TARGET_BEFORE = re.compile(
    r"(?:on|against|targeting|targeted|at|over|toward|towards|into|hit|struck|attacked|of|destroy(?:ed|ing)|damag(?:ed|ing)|"
    r"set\s+ablaze|set\s+(?:on\s+)?fire\s+to|torched|killed|killing|"
    r"(?:to|would|will|could)\s+(?:strike|attack|target|hit|bomb)|sunk|sank|sinking)\s+(?:the\s+)?(?:\w+\s+){0,2}$", re.I
)


def _actor_dict(role: str, m: Mention, a: Actor, score: float) -> dict:
    return {
        "role": role, "text": m.text, "name": a.name, "country": a.country, "kind": a.kind,
        "span": {"start": m.start, "end": m.end}, "score": round(score, 2),
    }


_EU_BODIES = {"European Commission", "European Council", "Council of the European Union", "European Parliament",
              "EU Commission", "Council of the EU"}
_UN_BODIES = {"UN Security Council", "Security Council", "United Nations Security Council", "UNSC", "UN General Assembly",
              "General Assembly", "UN Secretary-General"}


def _state_actor(gaz: Gazetteer, a: Actor) -> Actor:
    """Leaders, officials and institutions act for their state, union or international body."""
    if a.kind in {"leader", "official", "institution"} and a.country:
        return gaz.state(a.country) or a
    if a.org:
        return Actor(a.org, None, "intl_org")
    if a.name in _EU_BODIES or (a.kind in {"leader", "official", "institution"} and a.name.startswith("European")):
        return Actor("European Union", None, "intl_org")
    if a.name in _UN_BODIES or (a.kind in {"institution", "official"} and a.name.startswith(("UN ", "United Nations"))):
        return Actor("United Nations", None, "intl_org")
    return a


# Compiled once: the string form re.search(pattern, ...) looks the pattern up in re's cache on every call.
_BORDER_WITH_BEFORE = re.compile(r"\bborders?\s+with\s+(?:the\s+)?$", re.I)
_THE_BEFORE = re.compile(r"\bthe\s+$", re.I)


def actor_mentions(gaz: Gazetteer, sents: Sequence[Sent]) -> list[tuple[Mention, Actor, Sent]]:
    out = []
    for s in sents:
        mentions = gaz.mentions(s.text, s.start)
        for k, m in enumerate(mentions):
            if not m.actors or any(x.actors and x.start <= m.start and m.end <= x.end and x.end - x.start > m.end - m.start
                                   for x in mentions):
                continue  # "Iraq" in "the Islamic Resistance in Iraq": the longer name is the party
            if k and _part_of_previous(mentions[k - 1], m, s):
                continue
            before = s.text[max(0, m.start - s.start - 40) : m.start - s.start]
            if _BORDER_AFTER.match(s.text, m.end - s.start) or (_BORDER_WITH_BEFORE.search(before)
                                                               and not _CLOSE_BORDER.search(before)):
                continue  # "on the Belarusian-Ukrainian border", "near the border with Belarus": where, not who
            # A place named after a preposition is a location, not an actor ("in Moscow").
            # "Russia's", "China-brokered": a modifier naming a party, not a place.
            possessive = (s.text[m.end - s.start : m.end - s.start + 2] in ("'s", "’s") or s.text[m.end - s.start : m.end - s.start + 1] == "-"
                          or bool(_FORCE_AFTER.match(s.text, m.end - s.start)))  # "attacked the Myanmar military's HQ"
            if (m.places and _SPATIAL.search(before) and not possessive and not _MEASURE_TARGETING.search(before)
                    and not (_HOLDING_BEFORE.search(before) and m.places[0].precision == "country")
                    and not any(a.kind in {"armed_group", "intl_org"} for a in m.actors)
                    and not _HOST_RELATIVE.match(s.text, m.end - s.start)
                    and not _MEASURE_ON_THOSE.search(s.text, max(0, m.start - s.start - 120), m.start - s.start)):
                continue
            if not possessive and _PLACE_MODIFIER.match(s.text, m.end - s.start) and _THE_BEFORE.search(before):
                continue  # "the Saudi port city of Jeddah": names where, not who
            actor = sorted(m.actors, key=lambda a: ({"state": 0, "armed_group": 1, "intl_org": 2}.get(a.kind, 3), a.name))[0]
            out.append((m, _state_actor(gaz, actor), s))
    return out


# "talks in Qatar, which has offered to host them": a place that hosts or mediates is a party.
_HOST_RELATIVE = re.compile(r",\s+(?:which|who)\s+(?:has\s+|had\s+|have\s+|is\s+|was\s+)?(?:been\s+)?"
                            r"(?:(?:offered|agreed|volunteered|due|set|expected)\s+to\s+)?(?:mediat|host|broker|facilitat)\w*", re.I)
# "in Bouznika, Morocco": the country after a town in it says where; "the African Union's Peace and Security Council":
# a body's own organ is the body.
_ORGAN_GAP = re.compile(r"(?:'s|’s)\s+(?:(?-i:[A-Z])[\w-]*\s+|and\s+){0,3}")


def _part_of_previous(last: Mention, m: Mention, s: Sent) -> bool:
    gap = s.text[last.end - s.start : m.start - s.start]
    if (gap == ", " and last.places and m.places and last.places[0].precision != "country"
            and m.places[0].precision == "country" and last.places[0].country == m.places[0].country):
        return True
    return (any(a.kind == "intl_org" for a in last.actors) and any(a.kind in {"intl_org", "institution"} for a in m.actors)
            and bool(_ORGAN_GAP.fullmatch(gap)))


# "agreed to close borders with Mali": a measure against a neighbour, who is a party.
_CLOSE_BORDER = re.compile(r"\b(?:clos\w*|shut\w*|seal\w*|reopen\w*)\s+(?:(?:its|their|the|all)\s+)?(?:land\s+|air\s+)?borders?\s+with\s+"
                           r"(?:the\s+)?$", re.I)
_BORDER_AFTER = re.compile(r"(?:-[\w'’]+)?\s+(?:border|frontier)\b(?!\s+(?:guards?|service|troops|police|forces|commissions?|"
                           r"delegations?|officials|agency|authorities|committees?))", re.I)
# "Ukrainian prisoners held in Russia": the country holding captives is a side of the swap.
_HOLDING_BEFORE = re.compile(r"\b(?:held|detained|imprisoned|jailed|kept|captive|in\s+captivity)\s+in\s+$", re.I)
_FORCE_AFTER = re.compile(r"\s+(?:military|army|armed\s+forces|forces|troops|navy|air\s+force|junta|government|authorities)\b", re.I)
# "the 2019 sanctions law targeting Syria": a measure aims at a party, not at a place.
_MEASURE_TARGETING = re.compile(r"\b(?:sanctions?|measures|law|act|tariffs?|embargo|bill|restrictions|designations?|ban)\s+"
                                r"(?:\w+\s+)?(?:target(?:ing|ed|s)?|against|on)\s+(?:the\s+)?$", re.I)
# "sanctions on those responsible for the fighting in Sudan": the country whose conflict the measure is about.
_MEASURE_ON_THOSE = re.compile(r"\b(?:sanctions?|measures|restrictions|penalties|visa\s+bans)\s+(?:on|against|targeting)\s+"
                               r"(?:those|anyone|individuals|people|persons|entities|officials|parties)\b[^.;,]{0,70}?\s"
                               r"(?:in|of)\s+(?:the\s+)?(?:(?:north|south|east|west)\w*\s+)?$", re.I)
_PLACE_MODIFIER = re.compile(r"\s+(?:(?:port|coastal|border|frontier|northern|southern|eastern|western|central)\s+)?"
                             r"(?:city|town|village|capital|port|resort|province|region|coast)\b")
# Prepositions and verbs after which a country or capital is a place, not a party.
_SPATIAL = re.compile(
    r"\b(?:in|near|at|outside|around|across|inside|over|above|into|within|pounded|hammered|shelled|bombarded|struck|hit|"
    r"attacked|targeted|target|targeting|raided|towards|toward|"
    r"(?:attacks?|strikes?|raids?|assault|barrage|drones|missiles)\s+(?:on|against)|"
    r"(?:travel\w*|flew|flown|went|go|going|come|came|coming|head(?:ed|ing|s)?|arrived|visit\w*|delegations?|envoys?|trip)\s+"
    r"(?:\w+\s+){0,2}?to|"
    # "resume flights from Sanaa to Amman": ends of a route
    r"(?:flights?|routes?|ferr(?:y|ies)|trains?|buses)\s+(?:[\w'’-]+\s+){0,3}?(?:to|from|between)|"
    # "U.S. forces in Iraq and Syria": the second of two places
    r"(?:in|across|inside|throughout)\s+(?:the\s+)?[\w'’-]+\s+and|"
    # "in the Omani capital Muscat", "in the Saudi port city Jeddah": a capital named in apposition
    r"(?:in|at|to|near)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}(?:capital|city|port|town)|"
    r"(?:neighbou?rhoods?|districts?|suburbs?|outskirts|parts?|areas?|centre|center)\s+of|"
    # "an artillery base in the north of Israel": a part of the country
    r"(?:in|into|across|over)\s+the\s+(?:far\s+)?(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)\s+of|"
    r"of\s+(?:western|eastern|northern|southern|central|north|south|east|west))\s+"
    r"(?:the\s+)?(?:(?:[\w-]+\s+){0,2}(?:city|town|village|capital|port|region|outskirts|centre|center|resort)\s+of\s+)?"
    # "in northeastern Jordan", "across north-western Syria"
    r"(?:(?:far[\s-])?(?:(?:north|south)-?(?:east|west)ern|northern|southern|eastern|western|central)\s+)?$",
    re.I,
)


_PARTY_SIDE = re.compile(r"\s+(?:authorities|officials|side|government|border\s+guards|representatives)\b", re.I)


_AND = re.compile(r"\s*,?\s+and\s+(?:the\s+)?", re.I)
_COMMA = re.compile(r"\s*,\s*(?:the\s+)?", re.I)


_AT_END = re.compile(r"\bat\s+$")
_INVITATION_AFTER = re.compile(r"(?:'s|’s)\s+invitation\b")


def _mediator_flags(actors: Sequence[tuple[Mention, Actor, Sent]], handover: Sequence[bool] | None = None) -> list[bool]:
    """Per mention: named as an intermediary.

    A cue before a coordination covers the names after it ("brokered by the United States and Qatar", "mediators
    Qatar, Egypt and the United States"); a cue after it covers the names before it ("Qatar and Egypt, the mediators").
    """
    before_cue, after_cue = [], []
    for i, (m, _a, s) in enumerate(actors):
        rel = m.start - s.start
        before = s.text[max(0, rel - 60) : rel]
        after = s.text[m.end - s.start : m.end - s.start + 140]
        before_cue.append(bool(_MEDIATOR_BEFORE.search(before) or (handover and handover[i] and _HANDOVER_BEFORE.search(before))
                               # "met in Astana at Kazakhstan's invitation" (not "rejected Putin's invitation")
                               or (_AT_END.search(before) and _INVITATION_AFTER.match(after))))
        after_cue.append(bool(_MEDIATOR_AFTER.match(after) and not _PASSIVE_AFTER.match(after))
                         or bool(_ARRANGES_IT.match(after) and _BETWEEN_THAT.search(s.text, max(0, rel - 140), rel)))

    for i in _controllers(actors) + _bloc_antecedents(actors):
        after_cue[i] = True
    for i in range(len(actors) - 1):
        before_cue[i + 1] = before_cue[i + 1] or (before_cue[i] and _conjoined(actors, i) and not _new_clause(actors, i))
    for i in range(len(actors) - 2, -1, -1):
        after_cue[i] = after_cue[i] or (after_cue[i + 1] and (_conjoined(actors, i) or _titled(actors, i)))
    return [b or a for b, a in zip(before_cue, after_cue, strict=True)]


# "in a transfer facilitated by the ICRC, and Armenia returned the bodies": after a comma, a conjunct with a verb of
# its own opens a clause; the cue before the first conjunct does not reach it.
_OWN_VERB_AFTER = re.compile(r"(?:'s|’s)?\s+(?:(?:has|have|had|also|then|later|in\s+turn)\s+)*(?:(?-i:[a-z])\w+ed|freed|gave|"
                             r"sent|took|said|says|let|swapped|handed|returned|released)\b")


def _new_clause(actors: Sequence[tuple[Mention, Actor, Sent]], i: int) -> bool:
    (m1, _a1, s1), (m2, _a2, _s2) = actors[i], actors[i + 1]
    return "," in s1.text[m1.end - s1.start : m2.start - s1.start] and bool(_OWN_VERB_AFTER.match(s1.text, m2.end - s1.start))


# "called on the two sides to hold talks under the bloc's auspices": the body the noun stands for.
_BLOC_MEDIATES = re.compile(r"\b(?:under|with|through)\s+the\s+(?:bloc|body|organi[sz]ation|union|alliance|grouping)['’]s\s+"
                            r"(?:auspices|mediation|sponsorship|facilitation|good\s+offices)\b", re.I)


def _bloc_antecedents(actors: Sequence[tuple[Mention, Actor, Sent]]) -> list[int]:
    """The last international body named before "the bloc's auspices" in its sentence."""
    out = []
    for i, (m, a, s) in enumerate(actors):
        if a.kind != "intl_org" or "the " not in s.text:
            continue
        cue = _BLOC_MEDIATES.search(s.text, m.end - s.start)
        if cue and not any(x.kind == "intl_org" and s2.start == s.start and m.end <= m2.start < s.start + cue.start()
                           for m2, x, s2 in actors[i + 1 :]):
            out.append(i)
    return out


# A verb of mediating without a subject of its own: "offered on Monday to mediate", "a dispute Kuwait had long tried
# to mediate", "an offer from China to mediate", "the prospect of hosting a summit between".
_MEDIATE_VP = re.compile(
    r"\b(?:to\s+(?:help\s+)?(?:mediate|broker)\b|(?:mediating|brokering)\s+(?:[\w'’-]+\s+){0,3}?(?:talks|negotiations|"
    r"between|a\s+(?:[\w-]+\s+)?(?:deal|truce|ceasefire))\b|(?:(?:to|will|would|could|can)\s+(?:help\s+)?(?:host|facilitate)|"
    r"hosting|facilitating|hosts|hosted)\s+"
    r"(?:[\w'’-]+\s+){0,3}?(?:talks|negotiations|dialogue|contacts|meetings?|summit|round|consultations|discussions)\b|"
    # "the African Union's panel brought Sudan and South Sudan together"
    r"(?:brought|brings|bring|bringing)\s+(?:[\w'’.-]+\s+){1,8}?together\b)",
    re.I)
# Between a subject and its verb: "Kenya's President William Ruto, who chairs the bloc, will host", "the African Union's
# panel, led by former South African president Thabo Mbeki, brought": names there control nothing.
_INSERTED = re.compile(r",\s+(?:who|which|led\s+by|headed\s+by|chaired\s+by|accompanied\s+by)\b[^,;]*,", re.I)
# Who refuses or takes up an offer to mediate does not mediate: "India rejected an offer to mediate".
_OFFER_BETWEEN = re.compile(r"(?<!'s\s)(?<!’s\s)\b(?:offers?|proposals?|requests?|calls?|invitations?|bids?|efforts?|attempts?)\b",
                            re.I)


_CONTROL_BREAK = re.compile(r"[;:.]|,\s+(?:and|but|while|as|which|who)\b|"
                            r"\b(?:and|but|then)\s+(?!(?:the|a|an|its|his|her|their|other|any|all)\b)(?-i:[a-z])", re.I)


def _controllers(actors: Sequence[tuple[Mention, Actor, Sent]]) -> list[int]:
    """Mentions that control a subjectless verb of mediating: the nearest name before it in its clause."""
    out = []
    by_sent: dict[int, list[int]] = {}
    for i, (_m, _a, s) in enumerate(actors):
        by_sent.setdefault(s.start, []).append(i)
    for idx in by_sent.values():
        s = actors[idx[0]][2]
        inserted = [x.span() for x in _INSERTED.finditer(s.text)]
        for vp in _MEDIATE_VP.finditer(s.text):
            before = [i for i in idx if actors[i][0].end - s.start <= vp.start()
                      and not any(a <= actors[i][0].start - s.start < b for a, b in inserted)]
            if not before:
                continue
            i = before[-1]
            between = _INSERTED.sub(",", s.text[actors[i][0].end - s.start : vp.start()])
            # "discussed a truce with Putin by phone and offered to host talks": a second predicate is the subject's
            if len(between) <= 80 and not _CONTROL_BREAK.search(between) and not _OFFER_BETWEEN.search(between):
                out.append(i)
    return out


# "Kenya's President William Ruto", "Turkish Foreign Minister Hakan Fidan": one noun phrase, one party.
_TITLE_GAP = re.compile(r"(?:'s|’s)?\s+(?:(?:(?-i:[A-Z])[\w.'’-]*|foreign|prime|defen[cs]e|deputy|chief|special|senior|interim|"
                        r"acting|former)\s+)*", re.I)


def _titled(actors: Sequence[tuple[Mention, Actor, Sent]], i: int) -> bool:
    (m1, a1, s1), (m2, a2, s2) = actors[i], actors[i + 1]
    return s1.start == s2.start and a1.country is not None and a1.country == a2.country and bool(
        _TITLE_GAP.fullmatch(s1.text, m1.end - s1.start, m2.start - s1.start))


def _conjoined(actors: Sequence[tuple[Mention, Actor, Sent]], i: int) -> bool:
    """Mentions i and i + 1 are conjuncts: "A and B", or "A, B" in a list that goes on ("A, B and C"), not
    "mediated by the UAE, Ukraine's headquarters said"."""
    if i + 1 >= len(actors):
        return False
    (m1, _a1, s1), (m2, _a2, s2) = actors[i], actors[i + 1]
    if s1.start != s2.start or s1.text.startswith(("'s", "’s"), m2.end - s2.start):
        return False
    if _AND.fullmatch(s1.text, m1.end - s1.start, m2.start - s1.start):
        return True
    if _FRONTED.match(s1.text[: m1.start - s1.start]):
        return False  # "After weeks of shuttle diplomacy by Qatar, Israel and Hamas agreed": the comma ends a fronted phrase
    return bool(_COMMA.fullmatch(s1.text, m1.end - s1.start, m2.start - s1.start)) and _conjoined(actors, i + 1)


_FRONTED = re.compile(r"^\s*(?:After|Following|Despite|Amid|Through|Thanks\s+to|With|Under|Since|During|In|At|Before)\b"
                      r"[^,;]*$")


def _dedupe(actors: list[dict]) -> list[dict]:
    seen: set[tuple[str, str]] = set()
    out = []
    for a in actors:
        key = (a["role"], a["country"] or a["name"])
        if key in seen:
            continue
        seen.add(key)
        out.append(a)
    return out


# --------------------------------------------------------------------------- places


_LOCATIVE = re.compile(
    r"\b(?:in|on|near|over|at|outside|around|across|into|targeting|targeted|targets|hit|hits|hitting|struck|striking|strikes|"
    r"attacked|attacking|"
    r"pounded|pounding|hammered|hammering|shelled|bombarded|bombed|rocked|raided|battered|"
    # "set ablaze Saudi Aramco's Abqaiq plant", "damaged the Kremenchuk refinery"
    r"set\s+(?:ablaze|alight|on\s+fire)|set\s+fire\s+to|damag(?:ed|ing)|destroy(?:ed|ing)|"
    r"of|toward|towards|above|within|inside|to|against|"
    # "drones heading for the Volgograd refinery": where a strike is aimed (ships bound for a port: _VEHICLE_BOUND)
    r"(?:heading|headed|flying|aimed)\s+(?:for|at)|"
    # "navy vessels off Kyaukphyu", "a tanker off the coast of Hodeidah": at sea by a coastal place
    r"(?:vessels?|ships?|boats?|tankers?|warships?|frigates?|freighters?|carriers?|coast|shore|waters|anchored|sailing)\s+off|"
    # "struck the bulk carrier Tutor off Hodeidah": a ship's name, then where it lay
    r"(?-i:[A-Z][a-z][\w-]*)\s+off|off\s+the\s+coast\s+of)"
    r"\s+(?:the\s+)?(?:(?:[\w-]+\s+){0,4}(?:city|town|village|port|region|province|"
    r"outskirts|centre|center|suburbs?|districts?|capital|resort|hub)\s+of\s+)?(?:[\w'’-]+\s+){0,2}$",
    re.I,
)
_ORIGIN_PHRASE = re.compile(
    r"\b(?:launched|fired|sent|flew|flown|originat\w+)\s+from\b"
    # nor past where the drone was brought down: "launched from Yemen had been intercepted east of Eilat"
    r"(?:(?!\b(?:struck|hit|damaged|targeted|attacked|at|on|killing|wounding|toward|towards|into|over|"
    r"intercepted|downed|shot|crashed|fell|landed|exploded|destroyed)\b)[^,;.]){0,70}$",
    re.I,
)
_ORIGIN = re.compile(r"\b(?:from|launched from|fired from|originat\w+ (?:in|from))\s+(?:the\s+)?(?:\w+\s+){0,2}$", re.I)
FOCUS = frozenset(["UKR", "RUS", "ISR", "PSE", "LBN", "SYR", "YEM", "IRN", "IRQ", "SDN", "MMR", "IND", "PAK", "COD", "AZE", "ARM", "ETH", "SOM", "MLI", "BFA", "NER"])


@dataclass(frozen=True, slots=True)
class PlaceMention:
    mention: Mention
    place: Place
    origin: bool
    locative: bool
    # A town naming talks held there ("the Doha talks"): no place of a strike or a swap, but a venue of the talks.
    names_talks: bool = False


_FACILITY = re.compile(r"^\s+(?:[\w-]+\s+){0,2}?(?:(?:airport|port|harbou?r|refiner(?:y|ie)|oil\s+depot|depot|power\s+(?:plant|station)|"
                       r"air\s?base|airfield|base|station|terminal|plant|reactor|factor(?:y|ie)|bridge|railway|market|hospital|outskirt|"
                       r"centre|center|district|suburb|neighbou?rhood|quarter|palace|hotel|conference|headquarter|residence|"
                       r"prison|jail|camp|dam|square|"
                       # "Moscow's wealthy southwest", "the city's north": a part of the place
                       r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west))s?|"
                       # "Kharkov's mayor said ...": the city whose officials report a strike is where it hit.
                       r"mayor|city\s+(?:council|authorities|administration)|air\s+defen[cs]es?)\b", re.I)


_SITE_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:airport|air\s?base|airfield|refinery|oil\s+depot|fuel\s+depot|"
                         r"(?:power|nuclear|thermal|hydroelectric)\s+(?:plant|station)|dam|seaport|oil\s+terminal|bridge|prison|"
                         r"(?:refugee|displacement|IDP)\s+camp)s?\b", re.I)


_SITE_NOUN_AFTER = re.compile(r"\s+(?:international\s+)?(?:airport|air\s?base|airfield|refinery|seaport)s?\b", re.I)


_HIT_PASSIVE = re.compile(r"\s+(?:was|were|has\s+been|have\s+been|had\s+been|is|are|came|comes|come)\s+(?:again\s+|also\s+|repeatedly\s+)?"
                          r"(?:hit|struck|attacked|targeted|pounded|shelled|bombed|rocked|hammered|under\s+(?:[\w-]+\s+){0,2}?"
                          r"(?:attack|fire|bombardment))\b|"
                          # "Moscow faced one of the largest drone attacks": the place that suffers an attack
                          r"\s+(?:faced|faces|endured|suffered|weathered)\s+(?:[\w-]+\s+){0,6}?(?:attacks?|strikes?|barrages?|"
                          r"bombardments?|raids?)\b", re.I)


# "in Rubaya, North Kivu": an unknown town, then its division. "on Wednesday, Kyiv said" is no town.
_APPOSITIVE = re.compile(
    r"\b(?:in|near|at|on|outside)\s+(?:the\s+)?(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|"
    r"March|April|May|June|July|August|September|October|November|December)\b)[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?,\s*$")
# The clause of a condition ("if Washington joined strikes on Iran", "unless ...") names no event place.
_CONDITION = re.compile(r"\b(?:if|unless)\b[^,;:]*$", re.I)
# Nor does the event answered: "in retaliation for American air strikes on Sanaa".
_CAUSE = re.compile(r"\b(?:retaliation|response|reprisal|revenge|answer)\s+(?:for|to)\b[^,;:]*$", re.I)
# Nor does what a quarrel is about: "its dispute with Pakistan over Kashmir", "their campaign over Gaza", "a solution
# concerning Kashmir" (not "fighting over Bakhmut", which is where the fighting is).
_ABOUT = re.compile(r"(?:\b(?:disputes?|campaign|row|tensions?|standoff|stand-off|quarrel|feud|rivalry|protests?|anger|outrage|"
                    r"solidarity|claims?|sovereignty|war|conflict)\b(?:\s+(?:with|between)\s+[^,;:.]{1,40}?)?\s+over|"
                    r"\b(?:concerning|regarding))\s+(?:the\s+)?(?:[\w'’-]+\s+)?$", re.I)
# "fired 106 drones at Ukraine's energy system": what a weapon is fired at lies in the place that owns it.
_FIRED_AT = re.compile(r"\b(?:fired|firing|launched|launching|sent|hurled|unleashed)\b[^,;:.]{0,60}?\s+(?:at|on|against)\s+$", re.I)
# "a day after the two leaders spoke by phone and Trump said ...": a statement of its own ends the other event (not
# "a day after Russia and Ukraine agreed", one subject of two names).
_NEW_CLAUSE = re.compile(r"\s+and\s+(?:[A-Z][\w'’.-]*\s+){1,3}(?:said|says|told|added|announced|stated)\b")


def _earlier_spans(text: str) -> list[tuple[int, int]]:
    """ "..., a day before U.S. and Russian officials were due to meet in Riyadh": another event's words."""
    out = []
    for e in _EARLIER_EVENT.finditer(text):
        cut = _NEW_CLAUSE.search(text, e.start(), e.end())
        out.append((e.start(), cut.start() if cut else e.end()))
    return out


# "the Doha talks", "the Jeddah ceasefire negotiations": talks named after the town they are held in (not "the Minsk
# agreements", which may be what other talks are about).
_NAMES_TALKS = re.compile(r"(?:\s+(?:peace|ceasefire|truce|security|nuclear))?\s+(?:talks|negotiations|summit|round|"
                          r"conference|consultations)\b", re.I)


# "the meeting would take place in the kingdom": a state named by its form of government refers back to the one
# named before (Gulf and Jordanian news write "the kingdom" for Saudi Arabia or Jordan on second mention).
_MONARCHY_WORDS = {"kingdom": frozenset({"SAU", "JOR", "MAR", "BHR", "GBR", "THA", "KHM", "ESP", "NLD", "BEL", "NOR", "SWE",
                                         "DNK", "BTN", "SWZ", "LSO"}),
                   "emirate": frozenset({"QAT", "KWT"}), "sultanate": frozenset({"OMN", "BRN"})}
_THE_MONARCHY = re.compile(r"\bthe\s+(kingdom|emirate|sultanate)\b(?!\s+of\b)(?!['’])")


def _monarchy_mentions(gaz: Gazetteer, s: Sent, mentions: list[Mention], seen: list[str]) -> list[Mention]:
    """ "in the kingdom" after "Saudi Arabia": the one state of that kind named so far, as a place mention."""
    out = []
    for m in _THE_MONARCHY.finditer(s.text):
        kinds = _MONARCHY_WORDS[m.group(1).lower()]
        before = seen + [c for x in mentions if x.end - s.start <= m.start() for c in _countries_of(x)]
        named = {c for c in before if c in kinds}
        if len(named) == 1 and (iso3 := named.pop()) in gaz.countries:
            out.append(Mention(m.group(1), s.start + m.start(1), s.start + m.end(1), (), (gaz.countries[iso3],)))
    return out


# "in the Qatari capital on Saturday": a state's capital named by the state's adjective alone (not "the Omani capital
# Muscat", which names it, nor "the capital of ...").
_THE_CAPITAL = re.compile(r"\s+capital\b(?!\s+(?:(?-i:[A-Z])|of\b|city\b|region\b|'s\b|’s\b))", re.I)


def _capital_mentions(gaz: Gazetteer, s: Sent, mentions: list[Mention]) -> list[Mention]:
    """The mention of the state's adjective, widened to "Qatari capital" and read as the capital city."""
    out = []
    for m in mentions:
        rel = m.start - s.start
        tail = _THE_CAPITAL.match(s.text, m.end - s.start)
        state = next((a.country for a in m.actors if a.kind == "state" and a.country), None)
        if not tail or state is None or not s.text[max(0, rel - 4) : rel].lower().endswith("the ") or m.places:
            out.append(m)
            continue
        names = [k for k, iso3 in gaz.capitals.items() if iso3 == state]
        cities = [p for k in names for p in gaz.places.get(k, []) if p.country == state and p.precision == "city"]
        if not cities:
            out.append(m)
            continue
        city = max(cities, key=lambda p: p.population)
        out.append(Mention(s.text[rel : tail.end()], m.start, s.start + tail.end(), (), (city,)))
    return out


def _countries_of(m: Mention) -> list[str]:
    return [p.country for p in m.places if p.precision == "country"] + [a.country for a in m.actors if a.country and a.kind == "state"]


# One article's place readings per sentence, (text, start) -> (states it names, its place mentions): extraction reads a
# sentence's places several times (once for the event key, then for each group it belongs to). Created by
# extract_events for one article and one context, and discarded with it.
PlaceMemo = dict[tuple[str, int], tuple[list[str], list[PlaceMention]]]


_COMMA_GAP = re.compile(r",\s*")
_COMPOUND_PLACE_AFTER = re.compile(r"^(?:(?:-|\s)?(?:based|backed|born|made|built|installed|appointed|controlled|held|occupied|led)|-bound)\b", re.I)


def place_mentions(gaz: Gazetteer, sents: Sequence[Sent], context: set[str], memo: PlaceMemo | None = None) -> list[PlaceMention]:
    """Place mentions of `sents`. `memo`, when given, must only ever be used with this gazetteer and this context."""
    out: list[PlaceMention] = []
    seen: list[str] = []  # states named so far, for "the kingdom"
    for s in sents:
        hit = memo.get((s.text, s.start)) if memo is not None else None
        if hit is not None:
            seen.extend(hit[0])
            out.extend(hit[1])
            continue
        mentions = gaz.mentions(s.text, s.start)
        if " capital" in s.text:
            mentions = _capital_mentions(gaz, s, mentions)
        # "the kingdom" reads the states named in earlier sentences of this call: such a sentence is never memoised.
        monarchy = "the " in s.text and _THE_MONARCHY.search(s.text) is not None
        if monarchy:
            extra = _monarchy_mentions(gaz, s, mentions, seen)
            if extra:
                mentions = sorted(mentions + extra, key=lambda x: (x.start, -x.end))
        named = [c for x in mentions for c in _countries_of(x)]
        seen.extend(named)
        # Unambiguous places in the same sentence ("in Russia's Volgograd region") decide homonyms.
        # A small town does not anchor: it may itself be the homonym ("Golden" in "the Golden Temple").
        near_countries = {m.places[0].country for m in mentions if len({p.country for p in m.places}) == 1 and m.places
                          and not m.actors and (m.admin_suffix or any(p.precision != "city" or p.population >= 100_000 for p in m.places))}
        # A country named as a place anchors too: "al-Jawf province in northern Yemen", "in Al Jawf, Yemen".
        for k, m in enumerate(mentions):
            country = next((p.country for p in m.places if p.precision == "country"), None)
            if country and m.actors and (
                    _SPATIAL.search(s.text[max(0, m.start - s.start - 40) : m.start - s.start])
                    or (k > 0 and _COMMA_GAP.fullmatch(s.text[mentions[k - 1].end - s.start : m.start - s.start]))):
                near_countries.add(country)
        earlier = _earlier_spans(s.text) if (" after " in s.text or " before " in s.text) else []
        sentence_out: list[PlaceMention] = []
        for k, m in enumerate(mentions):
            if not m.places:
                continue
            rel = m.start - s.start
            before = s.text[max(0, rel - 40) : rel]
            origin = bool(_ORIGIN.search(before)) or bool(_ORIGIN_PHRASE.search(s.text[max(0, rel - 90) : rel]))
            # "in Rubaya, North Kivu": an unknown town, then its division.
            appositive = bool(_APPOSITIVE.search(before))
            # A capital that also names a government ("Kyiv and Moscow") is a place only after a spatial word.
            facility = (s.text[m.end - s.start : m.end - s.start + 2] in ("'s", "’s")
                        and bool(_FACILITY.match(s.text[m.end - s.start + 2 : m.end - s.start + 40])))
            # "the Kremenchuk refinery was hit": a town named before its facility is where the facility is.
            site = not m.actors and bool(_SITE_AFTER.match(s.text, m.end - s.start))
            # "the tarmac of Abu Dhabi airport": a capital that also names a government is a place before its facility.
            site = site or bool(m.actors and _SITE_NOUN_AFTER.match(s.text, m.end - s.start))
            # "Odesa was hit by drones overnight": the subject of a passive attack is where it happened.
            site = site or bool(_HIT_PASSIVE.match(s.text, m.end - s.start))
            # "offering Nairobi as a venue", "its delegation left Cairo": a capital named as where talks are.
            site = site or bool(_AS_VENUE.match(s.text, m.end - s.start)) or bool(_LEFT_VENUE.search(before))
            # "could strike Moscow with drones": a capital as an attack's object is where it lands, not a government.
            site = site or bool(m.actors and any(p.precision == "city" for p in m.places) and _STRUCK_CITY.search(before))
            locative = (origin or m.admin_suffix or appositive or facility or site or bool(_ADMINISTRATION.match(s.text, m.end - s.start))
                        or bool((_SPATIAL if m.actors else _LOCATIVE).search(before)))
            if locative and (_CONDITION.search(s.text[max(0, rel - 120) : rel]) or _CAUSE.search(s.text[max(0, rel - 120) : rel])
                             or _ABOUT.search(s.text[max(0, rel - 80) : rel]) or any(a <= rel < b for a, b in earlier)
                             or _several_countries(mentions, k, s) or _alternatives(mentions, k, s) or _towns_apart(mentions, k, s)
                             or _VEHICLE_BOUND.search(s.text[max(0, rel - 60) : rel]) or _PERSON_AFTER.match(s.text, m.end - s.start)):
                locative = False
            after = s.text[m.end - s.start : m.end - s.start + 25]
            names_talks = (any(p.precision in ("city", "site") for p in m.places) and _NAMES_TALKS.match(s.text, m.end - s.start)
                           is not None and not any(a <= rel < b for a, b in earlier))
            if m.actors and not locative and not names_talks:
                continue  # "Moscow said", "Ukraine launched": an actor, not a place
            if not m.actors and _given_name(m, s):
                continue
            if _COMPOUND_PLACE_AFTER.match(after):
                continue  # "Iran-backed", "Russian-installed", "a Gaza-bound flotilla"
            if (s.text[m.end - s.start : m.end - s.start + 2] in ("'s", "’s") and not m.admin_suffix
                    and not _FACILITY.match(s.text[m.end - s.start + 2 : m.end - s.start + 40])
                    and not _FIRED_AT.search(s.text[max(0, rel - 80) : rel])):
                locative = False  # "Tehran's nuclear programme": a topic; "Port Sudan's airport" stays a place
            # A place called by its own name beats one for which the name is only a variant ("Nazareth" is also an
            # old name of Ethiopia's Adama).
            own = _norm_key(m.text)
            cands = list(m.places)
            if any(_norm_key(p.name) == own and p.country in context | near_countries for p in cands):
                # A place of that very name in a country the story is about: a foreign place that only has the name
                # as a variant is out ("Bethlehem" is also Belém's, "Qana" a spelling of Egypt's Qina).
                cands = [p for p in cands if _norm_key(p.name) == own or p.country in context | near_countries]
            best = max(cands, key=lambda p: place_score(p, context, FOCUS) + (1.5 if p.country in near_countries else 0.0)
                       + (0.5 if _norm_key(p.name) == own else 0.0))
            sentence_out.append(PlaceMention(m, best, origin, locative, names_talks))
        sentence_out = _within_containers(sentence_out, s, context)
        # A small town from a country the sentence is not about, next to a place that it is about, is a
        # homonym ("the Golden Temple in Amritsar", "the Miraflores palace in Caracas").
        anchored = {pm.place.country for pm in sentence_out if pm.place.country in near_countries | context}
        kept: list[PlaceMention] = []
        for pm in sentence_out:
            if pm.place.precision == "city" and pm.place.population < 100_000 and anchored and pm.place.country not in anchored:
                # "the outskirts of Jermuk, in Armenia": the name's reading in the anchoring country, if it has one.
                local = [p for p in pm.mention.places if p.country in anchored and p.precision != "country"]
                if not local:
                    continue
                pm = replace(pm, place=max(local, key=lambda p: place_score(p, context, FOCUS)))
            kept.append(pm)
        out.extend(kept)
        if memo is not None and not monarchy:
            memo[(s.text, s.start)] = (named, kept)
    return out


_STRUCK_CITY = re.compile(r"\b(?:strike|strikes|struck|hit|hits|attack|attacks|attacked|target|targets|targeted|bomb|bombed|shell|"
                          r"shelled)\s+$", re.I)


# "the Kyiv City Military Administration said": a city's own authority reports what happened there.
_ADMINISTRATION = re.compile(r"\s+(?:(?:city|regional|oblast|district)\s+)?(?:military\s+|state\s+)?administration\b", re.I)
# Capitalised words that continue a place name rather than start a surname.
_PLACE_WORDS = frozenset([
    "city", "town", "village", "region", "oblast", "province", "district", "governorate", "state", "county",
    "municipality", "prefecture", "airport", "port", "base", "air", "mayor", "governor", "military", "regional",
    "administration", "council", "river", "valley", "bay", "island", "islands", "mountains", "border", "crossing",
    "camp", "refinery", "plant", "station", "square", "bridge", "dam", "strip", "bank", "heights", "front",
    "direction", "sea", "lake", "peninsula", "desert", "corridor", "pass", "highway", "road", "street", "market",
    "hospital", "university"
])


def _is_country(m: Mention) -> bool:
    return any(p.precision == "country" for p in m.places)


_COUNTRY_LIST_GAP = re.compile(r"\s*(?:,|,?\s*and|,?\s*or)\s*")


def _several_countries(mentions: list[Mention], k: int, s: Sent) -> bool:
    """ "attacks on U.S. forces in Iraq and Syria": a list of countries is no one place."""
    m = mentions[k]
    if not _is_country(m):
        return False
    for j in (k - 1, k + 1):
        if 0 <= j < len(mentions) and _is_country(mentions[j]):
            a, b = sorted((m, mentions[j]), key=lambda x: x.start)
            if _COUNTRY_LIST_GAP.fullmatch(s.text[a.end - s.start : b.start - s.start]):
                return True
    return False


_AND_IN_GAP = re.compile(r"\s+and\s+(?:in\s+)?")


def _towns_apart(mentions: list[Mention], k: int, s: Sent) -> bool:
    """ "planes landing in Kyiv and Moscow": two towns in two countries, one event at both ends, is no one place."""
    towns = {p.country for p in mentions[k].places if p.precision == "city"}
    if not towns:
        return False
    for j in (k - 1, k + 1):
        if 0 <= j < len(mentions):
            other = {p.country for p in mentions[j].places if p.precision == "city"}
            a, b = sorted((mentions[k], mentions[j]), key=lambda x: x.start)
            if other and not other & towns and _AND_IN_GAP.fullmatch(s.text[a.end - s.start : b.start - s.start]):
                return True  # (not "talks in Luanda, and Kinshasa said": a new clause)
    return False


_OR_GAP = re.compile(r"\s*,?\s+or\s+(?:in\s+|at\s+)?")


def _alternatives(mentions: list[Mention], k: int, s: Sent) -> bool:
    """ "in Istanbul or Ankara": either of two places is no place."""
    for j in (k - 1, k + 1):
        if 0 <= j < len(mentions) and mentions[j].places:
            a, b = sorted((mentions[k], mentions[j]), key=lambda x: x.start)
            if _OR_GAP.fullmatch(s.text[a.end - s.start : b.start - s.start]):
                return True
    return False


# Where a vehicle is going is not where it is: "attack any fuel convoy heading to Bamako", "a ship bound for Eilat".
_VEHICLE_BOUND = re.compile(r"\b(?:convoys?|trains?|ships?|vessels?|tankers?|buses|bus|trucks?|lorr(?:y|ies)|flights?|planes?|"
                            r"aircraft|boats?|freighters?|carriers?)\s+(?:[\w-]+\s+){0,2}?(?:heading|headed|bound|en\s+route|"
                            r"on\s+(?:its|their|the)\s+way|travell?ing|sailing)\s+(?:to|for|towards?)\s+(?:the\s+)?$", re.I)
# A club or a team named after its town names no event place: "the father of Liverpool forward Luis Diaz". (A town
# before "resident" or "journalist" may well be where the person was hit.)
_PERSON_AFTER = re.compile(r"\s+(?:(?:football|soccer|basketball|hockey|chess|tennis)\s+)?(?:forward|striker|midfielder|defender|"
                           r"goalkeeper|winger|player|coach|manager|footballer|captain)\s+(?-i:[A-Z][a-z'’-]+\s+[A-Z][a-z'’-]+)\b",
                           re.I)


_SURNAME_AFTER = re.compile(r"\s+([A-Z][a-z'’-]+)(?![\w'’-]|\s+[A-Z])")


def _given_name(m: Mention, s: Sent) -> bool:
    """ "teacher Marc Fogel", "Hamid Nouri": a town's variant spelling used as a first name."""
    if " " in m.text or any(_norm_word(p.name) == _norm_word(m.text) for p in m.places):
        return False
    # Exactly one more capitalised word, as in "First Last"; "Kharkov Tractor Plant" is a name of its own.
    nxt = _SURNAME_AFTER.match(s.text[m.end - s.start :])
    return bool(nxt) and nxt.group(1).lower() not in _PLACE_WORDS


_WORD_SEPARATORS = re.compile(r"[\s'’.-]+")


def _norm_word(s: str) -> str:
    return _WORD_SEPARATORS.sub(" ", s).strip().lower()


# "the Shevchenkivskyi district of Kyiv", "the Miraflores palace in Caracas": the part lies in the place after it;
# "Kherson's riverside Dniprovskyi district": in the place before it.
_PART_OF = re.compile(r"\s+(?:[\w-]+\s+)?(?:districts?|neighbou?rhoods?|suburbs?|quarters?|palace|airport|air\s?base|base|camp|"
                      r"prison|hospital|compound|square|village|town)\s+(?:of|in|near|outside)\s+(?:the\s+)?"
                      r"(?:(?:city|town|region|province)\s+of\s+)?$", re.I)
_OWNER_OF_PART = re.compile(r"(?:'s|’s)\s+(?:[\w-]+\s+){0,2}$")
_PART_AFTER = re.compile(r"\s+(?:districts?|neighbou?rhoods?|suburbs?|quarters?)\b", re.I)


def _within_containers(pms: list[PlaceMention], s: Sent, context: set[str]) -> list[PlaceMention]:
    out: list[PlaceMention | None] = list(pms)
    for i in range(len(pms) - 1):
        a, b = pms[i], pms[i + 1]
        gap = s.text[a.mention.end - s.start : b.mention.start - s.start]
        if _PART_OF.fullmatch(gap):
            part_i, box = i, b
        elif _OWNER_OF_PART.fullmatch(gap) and _PART_AFTER.match(s.text, b.mention.end - s.start):
            part_i, box = i + 1, a
        else:
            continue
        part = pms[part_i]
        if part.place.precision not in ("city", "site") or box.place.precision not in ("city", "admin1"):
            continue
        box_admin = box.place.admin1 if box.place.precision == "city" else box.place.name
        inside = [p for p in part.mention.places if p.country == box.place.country and p.admin1 and p.admin1 == box_admin]
        if inside:
            out[part_i] = replace(part, place=max(inside, key=lambda p: place_score(p, context, FOCUS)))
        elif (part.place.country, part.place.admin1) != (box.place.country, box_admin):
            out[part_i] = None  # a homonym elsewhere; the place it is part of stands for it
    return [pm for pm in out if pm is not None]


def location_dict(pm: PlaceMention | None, score: float) -> dict | None:
    if pm is None:
        return None
    p = pm.place
    return {
        "text": pm.mention.text, "name": p.name, "admin1": p.admin1, "country": p.country, "lat": p.lat, "lon": p.lon,
        "precision": p.precision, "span": {"start": pm.mention.start, "end": pm.mention.end}, "score": round(score, 2),
    }


_SPECIFICITY = {"site": 4, "city": 3, "admin1": 2, "country": 1}


def best_place(pms: Sequence[PlaceMention], *, kinds: frozenset[str] = frozenset(_SPECIFICITY)) -> PlaceMention | None:
    cands = [pm for pm in pms if pm.locative and not pm.origin and pm.place.precision in kinds]
    if not cands:
        return None
    # Most specific wins; among equals the first named.
    best = max(cands, key=lambda pm: (_SPECIFICITY[pm.place.precision], -pm.mention.start))
    if best.place.precision in ("city", "site"):
        # "the Marinovka airfield in Russia's Volgograd region": a division named next to a town
        # overrules a homonym town elsewhere.
        divisions = [pm for pm in cands if pm.place.precision == "admin1" and abs(pm.mention.start - best.mention.start) < 80]
        if divisions and all((d.place.country, d.place.admin1) != (best.place.country, best.place.admin1) for d in divisions):
            return divisions[0]
    return best


# "health officials in Gaza said", "Kyiv's coordination headquarters for prisoners of war said": where a
# report comes from, which for talks and swaps is not where they happen.
_SOURCE_IN = re.compile(r"\b(?:officials?|authorities|sources?|ministry|spokes(?:man|woman|person)|medics|doctors|residents|"
                        r"witnesses|correspondents?|officers?|media|agency)\s+(?:[\w'-]+\s+)?in\s+(?:the\s+)?$", re.I)
_SOURCE_OF = re.compile(r"^(?:'s|’s)\s+(?:[\w-]+\s+){0,2}?(?:headquarters|administration|office|ministry|authorities|officials|"
                        r"council|mayor|governor|ombudsman|command)\b", re.I)
_SAYS = re.compile(r"^[^,;.]{0,60}?\b(?:said|says|say|told|reported|reports|announced|confirmed|added|stated)\b", re.I)


_SOURCE_AFTER = re.compile(r"^,?\s+(?:[\w'-]+\s+){0,2}?(?:said|says|say|told|reported|confirmed|announced)\b", re.I)


def _reported_from(pm: PlaceMention, s: Sent) -> bool:
    rel, end = pm.mention.start - s.start, pm.mention.end - s.start
    after = s.text[end:]
    if _SOURCE_IN.search(s.text[max(0, rel - 40) : rel]):
        return bool(_SOURCE_AFTER.match(after))
    return bool((_SOURCE_OF.match(after) or _ADMINISTRATION.match(after)) and _SAYS.match(after))


# --------------------------------------------------------------------------- drone strikes

_DRONE_NOUN = r"(?:drones?|uavs?|unmanned\s+aerial\s+vehicles?|unmanned\s+(?:boats?|surface\s+vessels?)|shaheds?|gerans?|lancets?|quadcopters?|loitering\s+munitions?|kamikaze\s+drones?|fpvs?)"
# Not across another weapon's count: "fired 78 missiles and 106 drones" counts 106 drones.
# Nor across a clause boundary: "24 wounded when a drone launched from Iraq struck" counts people, not drones.
_DRONE_WORDS = rf"(?:(?!(?:and|missiles?|rockets?|when|while|after|as|that|which|who|\d[\d,.]*)\b)\w+[\s-]+){{0,3}}?{_DRONE_NOUN}"
_INTERCEPT_VERB = r"(?:shot\s+down|shoot\s+down|intercept\w*|destroy\w*|down(?:ed|ing)?|neutrali[sz]\w*|suppress\w*|repell?\w*|jammed|brought\s+down|eliminat\w*|took\s+down|disabled)"
_ATTACKED_WITH = re.compile(r"\b(?:attack\w*|strik\w*|struck|assassinat\w*|target\w*)\s+(?:[\w'’.-]+\s+){0,9}?with\s+$", re.I)
_LAUNCH_VERB = r"(?:launch\w*|fir(?:ed|ing)|sent|used|deploy\w*|attack\w*\s+with|struck\s+with|involv\w*|employ\w*|unleash\w*)"

_INTERCEPTED = [
    _num_rx(rf"(?:of\s+which|of\s+them|of\s+these)\s+{{N}}\s+(?:were|was|had\s+been|have\s+been)\s+(?:\w+\s+){{0,2}}?{_INTERCEPT_VERB}"),
    _num_rx(rf"{{N}}\s+{_DRONE_WORDS}\s+(?:\w+\s+)?{_INTERCEPT_VERB}"),
    _num_rx(rf"{{N}}\s+(?:was|were|had\s+been|have\s+been)\s+(?:\w+\s+){{0,1}}?{_INTERCEPT_VERB}"),
    _num_rx(rf"{{N}}\s+(?:of\s+(?:which|them|these|those)|among\s+them)\s+(?:\w+\s+){{0,2}}?(?:were|was|had\s+been|have\s+been)\s+(?:\w+\s+){{0,2}}?{_INTERCEPT_VERB}"),
    _num_rx(rf"{_INTERCEPT_VERB}\s+(?:\w+\s+){{0,3}}?{{N}}\s*(?:of\s+(?:the\s+)?{_NUM}\s+)?{_DRONE_WORDS}"),
    _num_rx(rf"{{N}}\s+(?:of\s+(?:the|them|these)\s+)?{_DRONE_WORDS}\s+(?:\w+\s+){{0,3}}?(?:were|was|had\s+been|have\s+been|being)\s+(?:\w+\s+){{0,2}}?{_INTERCEPT_VERB}"),
    _num_rx(rf"{_INTERCEPT_VERB}\s+(?:\w+\s+){{0,2}}?{{N}}\s+(?:of|out\s+of)\s+"),
    # "48 of the 64 drones launched at the country overnight had been shot down"
    _num_rx(rf"{{N}}\s+(?:of|out\s+of)\s+(?:the\s+)?{_NUM}\s+(?:[\w'’-]+\s+){{0,7}}?(?:were|was|had\s+been|have\s+been)\s+(?:\w+\s+)?{_INTERCEPT_VERB}"),
    _num_rx(rf"{_INTERCEPT_VERB}\s+(?:\w+\s+){{0,3}}?{{N}}\s+(?:[\w-]+\s+){{0,2}}?(?:{_DRONE_NOUN}|of\s+them|targets|aerial)"),
    # "Two explosive-laden drones targeting Erbil airport, which hosts ..., were shot down": the subject of the clause.
    # An abbreviation's dot ("U.S. and coalition forces") ends no sentence.
    _num_rx(rf"(?:^|(?<=[.!?]\s)){{N}}\s+{_DRONE_WORDS}\b(?:(?<=[A-Z])\.|(?![.!?]\s)[^;]){{0,100}}?\b(?:were|was|had\s+been|have\s+been)\s+"
            rf"(?:\w+\s+)?{_INTERCEPT_VERB}"),
]
_LAUNCHED = [
    _num_rx(rf"{{N}}(?!\s+(?:out\s+)?of\b)\s+{_DRONE_WORDS}\s+(?:and\s+{_NUM}\s+(?:[\w-]+\s+)?(?:missiles|rockets)\s+)?(?:were\s+|was\s+|had\s+been\s+|have\s+been\s+)?(?:launched|fired|sent)\b"),
    # "attacked President Vladimir Putin's residence in the Novgorod region with 91 long-range drones"
    _num_rx(rf"(?:attack\w*|pound\w*|struck|strik\w*|hit|target\w*|bombard\w*|hammer\w*|barrag\w*|assassinat\w*)\s+(?:[\w'’.-]+\s+){{0,9}}?with\s+{{N}}\s+{_DRONE_WORDS}"),
    # "shot down 40 of 50 drones" (but not "a total of 70 drones", which counts the downed ones).
    _num_rx(rf"(?<!total\s)(?<!\ball\s)(?:of|out\s+of)\s+(?:the\s+)?{{N}}\s+{_DRONE_WORDS}"),
    _num_rx(rf"{_INTERCEPT_VERB}\s+(?:\w+\s+){{0,2}}?{_NUM}\s+(?:of|out\s+of)\s+(?:the\s+)?{{N}}"),
    _num_rx(rf"{_NUM}\s+(?:of|out\s+of)\s+(?:the\s+)?{{N}}\b"),
    _num_rx(rf"{_LAUNCH_VERB}\s+(?:\w+\s+){{0,3}}?{{N}}\s+{_DRONE_WORDS}"),
    _num_rx(rf"{{N}}\s+{_DRONE_WORDS}\s+(?:\w+\s+){{0,2}}?(?:were|was|had\s+been|have\s+been)\s+(?:\w+\s+){{0,1}}?{_LAUNCH_VERB}"),
    _num_rx(r"{N}-drone\b"),
    # "what it called a terrorist attack by eight drones"
    _num_rx(rf"(?:attack|strike|raid|wave|barrage|assault|swarm)\s+(?:\w+\s+){{0,2}}?(?:involving|with|of|using|by)\s+{{N}}\s+{_DRONE_WORDS}"),
    # Weakest: the drones that hit ("Two drones hit the Alabuga zone", "hit by two Ukrainian drones").
    _num_rx(rf"(?:^|(?<=[.!?]\s)){{N}}\s+{_DRONE_WORDS}\s+(?:[\w-]+\s+){{0,3}}?(?:hit|struck|attacked|targeted|crashed|slammed|"
            rf"detonated|exploded)"),
    _num_rx(rf"(?:hit|struck|attacked|targeted)\s+by\s+{{N}}\s+{_DRONE_WORDS}"),
    # "said 20 drones crossed the border": drones that entered the defender's airspace were launched at it
    _num_rx(rf"{{N}}\s+{_DRONE_WORDS}\s+(?:had\s+|have\s+)?(?:crossed|entered|penetrated|flew\s+into|violated)\b"),
]
_CASUALTY_SUBJECT = (
    # "Six of his bodyguards were wounded"
    r"(?:of\s+(?:his|her|their|its|the)\s+)?(?:[\w.'’-]+\s+){0,3}?(?:people|persons?|civilians?|residents?|soldiers?|servicem[ae]n|troops|children|child|women|woman|men|man|"
    r"workers?|others|staff|fighters?|militants?|crew|passengers?|members?|employees?|firefighters?|rescuers?|medics?|"
    r"journalists?|police(?:men)?|officers?|guards?|boys?|girls?|teenagers?|infants?|babies|baby|elderly|pensioners?|"
    r"volunteers?|farmers?|fishermen|drivers?|rebels?|insurgents?|gunmen|students?|worshippers|patients|doctors|nurses|"
    r"sailors?|marines?|seamen|residents|bodyguards?|villagers?|monks?|deminers?|peacekeepers?|officials?|"
    r"service\s+members?|relatives|family\s+members)(?:,\s+including\s+[^,]{1,40},)?"
)
# One person named by a noun, no number: "killing the driver", "A man was killed".
_ONE_PERSON = (r"(?:the|a|an|one|its|his|her|their)\s+(?:[\w-]+\s+){0,2}?(?:driver|man|woman|child|boy|girl|civilian|resident|person|"
               r"passenger|soldier|serviceman|pensioner|teenager|worker|guard|sailor|farmer|motorcyclist|cyclist|pedestrian|rider|"
               r"leader|commander|official|member|militant|fighter|operative|officer|journalist|doctor|nurse|shepherd|paramedic|"
               r"monk|priest|imam|cleric|teacher|student|deminer|rescuer|firefighter|volunteer|policeman|policewoman|medic|"
               r"cameraman|photographer|reporter|villager|shopkeeper|vendor|fisherman|engineer|peacekeeper|pilot|employee|"
               r"bodyguard|infant|toddler|baby|son|daughter|wife|husband|mother|father|brother|sister|grandson|granddaughter)")
# "killed Hezbollah commander Ali Hassan": one person, by title and name.
_KILLED_NAMED = (r"\b(?:killing|killed)\s+(?:(?!and\b)[\w'’.-]+\s+){0,3}?(?:commander|leader|official|chief|head|member|militant|"
                 r"fighter|operative|journalist|spokes(?:man|woman))\s+(?-i:[A-Z][\w'’-]+\s+[A-Z])(?!.{0,40}\band\s+(?-i:[A-Z]))")
_MORE_PEOPLE = (r"(?!\s+and\s+(?:his|her|their|its|a|an|one|two|three|four|five|six|\d|several|dozens|many|some|other|others|"
                r"scores|hundreds)\b)")  # "a woman and her two children"
# "the army spokesman said a soldier was killed": a clause of its own, after a verb of saying or a conjunction
_CLAUSE_START = r"(?:^|(?<=[.!?;]\s)|(?<=\bsaid\s)|(?<=\bthat\s)|(?<=\band\s)|(?<=\bwhen\s)|(?<=\bafter\s)|(?<=,\s))"
_KILLED_ONE = re.compile(rf"\b(?:killing|killed)\s+{_ONE_PERSON}\b{_MORE_PEOPLE}|{_KILLED_NAMED}|"
                         rf"{_CLAUSE_START}{_ONE_PERSON}\s+(?:was|has\s+been)\s+(?:also\s+|\w+ly\s+)?killed\b", re.I)
_INJURED_ONE = re.compile(rf"\b(?:injuring|injured|wounding|wounded)\s+{_ONE_PERSON}\b{_MORE_PEOPLE}|"
                          rf"{_CLAUSE_START}{_ONE_PERSON}\s+(?:was|has\s+been)\s+(?:also\s+|\w+ly\s+)?(?:injured|wounded|hurt)\b", re.I)
_ALL_DOWNED = re.compile(rf"\b(?P<q>all|both)\s+(?:of\s+)?(?:the|them|these)?\s*(?:[\w-]+\s+){{0,3}}?(?:{_DRONE_NOUN}\s+)?(?:were|was|had\s+been|have\s+been)\s+"
                         rf"(?:\w+\s+)?{_INTERCEPT_VERB}", re.I)


# "killed a woman and her two children", "wounding the driver and four passengers": one person and a counted group
# (not "killed a soldier and three civilians were wounded", a clause of its own).
_NOT_A_CLAUSE = r"(?!\s+(?:were|was|are|is|have|had)\b)"
_KILLED_FAMILY = _num_rx(rf"\b(?:killing|killed)\s+{_ONE_PERSON}\s+and\s+(?:(?:his|her|their)\s+)?{{N}}\s+[a-z][\w-]*\b{_NOT_A_CLAUSE}")
_INJURED_FAMILY = _num_rx(rf"\b(?:injuring|injured|wounding|wounded)\s+{_ONE_PERSON}\s+and\s+(?:(?:his|her|their)\s+)?{{N}}\s+[a-z][\w-]*\b"
                          rf"{_NOT_A_CLAUSE}")
# "killing a family of five", "injuring an elderly couple"
_KILLED_GROUP = _num_rx(r"\b(?:killing|killed)\s+(?:a|an|the)\s+(?:[\w-]+\s+)?family\s+of\s+{N}")
_INJURED_GROUP = _num_rx(r"\b(?:injuring|injured|wounding|wounded)\s+(?:a|an|the)\s+(?:[\w-]+\s+)?family\s+of\s+{N}")
_COUPLE = r"(?:a|an|the)\s+(?:[\w-]+\s+)?couple\b"
_KILLED_COUPLE = re.compile(rf"\b(?:killing|killed)\s+{_COUPLE}", re.I)
_INJURED_COUPLE = re.compile(rf"\b(?:injuring|injured|wounding|wounded)\s+{_COUPLE}", re.I)


_RELATIVE = r"(?:son|daughter|wife|husband|mother|father|child|baby|brother|sister|grandson|granddaughter|grandchild)"
_KILLED_PAIR = re.compile(rf"\b(?:killing|killed)\s+{_ONE_PERSON}\s+and\s+(?:his|her|their)\s+{_RELATIVE}\b", re.I)
_INJURED_PAIR = re.compile(rf"\b(?:injuring|injured|wounding|wounded)\s+{_ONE_PERSON}\s+and\s+(?:his|her|their)\s+{_RELATIVE}\b", re.I)


# "killed commander Qassem Soleimani and nine other people", "was killed along with six other people": one and others
_KILLED_AND_OTHERS = _num_rx(r"\b(?:killing|killed)\s+(?:(?:along\s+|together\s+)?with\s+|(?:(?!(?:and|while|with|but)\b)[\w'’.-]+\s+)"
                             r"{1,8}?and\s+){N}\s+(?:other|more)\b")
_INJURED_AND_OTHERS = _num_rx(r"\b(?:injuring|injured|wounding|wounded)\s+(?:(?:along\s+|together\s+)?with\s+|"
                              r"(?:(?!(?:and|while|with|but)\b)[\w'’.-]+\s+){1,6}?and\s+){N}\s+(?:other|more)\b")
# "killed a British and a Romanian crew member": two people named by nationality
_KILLED_TWO_NATIONALS = re.compile(r"\b(?:killing|killed)\s+(?:a|an|one)\s+(?-i:[A-Z])[\w-]*\s+and\s+(?:a|an|one)\s+(?-i:[A-Z])[\w-]*\b",
                                   re.I)


def _plus_one(rx: re.Pattern[str], sents: Sequence[Sent]) -> dict | None:
    q = _first_number([rx], sents, 0.8)
    return {**q, "value": q["value"] + 1} if q else None


def _one_and_family(rx: re.Pattern[str], sents: Sequence[Sent]) -> dict | None:
    q = _first_number([rx], sents, 0.75)
    if q:
        return {**q, "value": q["value"] + 1}
    pair = _KILLED_PAIR if rx is _KILLED_FAMILY else _INJURED_PAIR
    for s in sents:
        m = pair.search(s.text)
        if m:  # "wounding a woman and her daughter"
            return _quantity(2, m.group(0), s.start + m.start(), s.start + m.end(), 0.7)
    return None


def _two(rx: re.Pattern[str], sents: Sequence[Sent]) -> dict | None:
    q = _one(rx, sents, 0.7)
    return {**q, "value": 2} if q else None


def _one(rx: re.Pattern[str], sents: Sequence[Sent], score: float) -> dict | None:
    for s in sents:
        m = rx.search(s.text)
        if m:
            return _quantity(1, m.group(0), s.start + m.start(), s.start + m.end(), score)
    return None
# "Two soldiers of the Lebanese army were wounded", but not across another clause ("one person was killed and two ...").
_SUBJECT_TAIL = r"(?:(?!(?:was|were|and|but)\b)\w+\s+){0,4}?"
# "Seven aid workers, including citizens of Britain, Australia and Poland, were killed": an inserted phrase may follow.
_INSERTED_SUBSET = r"(?:,\s+(?:including|among\s+them|most\s+of\s+them|all\s+of\s+them)\s+[^;.]{0,80}?,)?"
_KILLED = [
    # "Lebanon drone strike kills 3 in car near Sidon": a headline's present tense
    _num_rx(r"(?:killed|killing|kills|left\s+dead|claimed\s+the\s+lives\s+of|took\s+the\s+lives\s+of)\s+(?:(?!and\b|while\b|with\b|but\b)\w+\s+){0,2}?{N}"),
    _num_rx(r"(?:left|leaving)\s+{N}\s+(?:[\w-]+\s+){0,2}?dead"),
    _num_rx(rf"{{N}}\s+{_CASUALTY_SUBJECT}{_INSERTED_SUBSET}\s+{_SUBJECT_TAIL}(?:were|was|have\s+been|had\s+been|being)\s+(?:\w+ly\s+)?killed"),
    _num_rx(rf"{{N}}\s+(?:{_CASUALTY_SUBJECT}\s+)?(?:were\s+|was\s+)?(?:dead|killed|died|perished|lost\s+their\s+lives)"),
    _num_rx(r"death\s+toll\s+(?:[\w.,/'’-]+\s+){0,20}?(?:has\s+|had\s+)?(?:rose|risen|climbed|increased|reached|stood|stands|rises|jumped|is)\s+(?:to|at)\s+{N}"),
    # "..., the group said, putting the death toll at 14": the source's own figure
    _num_rx(r"(?:put|puts|putting|placed|placing|estimat\w+)\s+the\s+(?:death\s+)?toll\s+(?:at|to)\s+{N}"),
]
_INJURED = [
    _num_rx(r"(?:injur\w*|wound\w*|hurt)\s+(?:(?!and\b|while\b|with\b|but\b)\w+\s+){0,2}?{N}"),
    _num_rx(rf"{{N}}\s+{_CASUALTY_SUBJECT}{_INSERTED_SUBSET}\s+{_SUBJECT_TAIL}(?:were|was|have\s+been|had\s+been|being)\s+(?:\w+ly\s+)?(?:injured|wounded|hurt)"),
    _num_rx(rf"{{N}}\s+(?:{_CASUALTY_SUBJECT}\s+)?(?:were\s+|was\s+)?(?:injured|wounded|hurt)"),
    _num_rx(r"(?:and|with)\s+{N}\s+(?:\w+\s+){0,2}?(?:injured|wounded|hurt)"),
]
# "of which 92 were shot down and 71 were 'lost' to electronic warfare": both were stopped.
_JAMMED_TOO = _num_rx(r"\s+and\s+{N}\s+(?:were\s+|was\s+)?['‘’\"]?(?:lost|jammed|suppressed|neutrali[sz]ed|diverted)")
_DOWNED_AFTER = re.compile(rf"\s+(?:\w+\s+){{0,2}}?{_INTERCEPT_VERB}", re.I)


def _plus_jammed(intercepted: dict, sents: Sequence[Sent]) -> dict:
    for s in sents:
        if s.start <= intercepted["span"]["end"] <= s.start + len(s.text):
            # the count may sit in a phrase ("92 were shot down"): look after its clause's verb
            rest = s.text[intercepted["span"]["end"] - s.start :]
            verb = _DOWNED_AFTER.match(rest)
            m = _JAMMED_TOO.match(rest, verb.end() if verb else 0)
            if m:
                v = parse_number(NUMBER.fullmatch(m.group("n").strip()))
                if v is not None:
                    return {**intercepted, "value": intercepted["value"] + int(v), "text": f"{intercepted['text']} + {m.group('n')}"}
    return intercepted


_TARGET_TYPES: list[tuple[str, re.Pattern[str]]] = [
    ("air_base", re.compile(r"\b(?:air\s?bases?|airbases?|airfields?|air\s+fields?|aerodromes?|strategic\s+bombers?|warplanes?|"
                            r"helicopter\s+bases?|heliports?)\b", re.I)),
    # "a thermal power plant": the whole name, before "thermal power" alone leaves "plant" to read as a factory
    ("energy", re.compile(r"\b(?:(?:thermal|nuclear|hydroelectric|hydro|coal-fired|gas-fired|coal|solar|wind)\s+power\s+"
                          r"(?:plants?|stations?)|refiner\w*|oil\s+depots?|fuel\s+depots?|oil\s+terminals?|power\s+(?:plants?|stations?|lines?|grid|facilit\w+)|"
                          r"substations?|energy|electricity|petrochemical|gas\s+(?:facilit\w+|field|plant|pipeline)|fuel|"
                          r"thermal\s+power|tpp|hydroelectric|dam|pumping\s+station|oil|nuclear\s+(?:power\s+)?(?:plant|station)|reactors?|"
                          # "a gas condensate processing complex"
                          r"(?:gas\s+)?condensate|(?:gas|oil)\s+processing)\b", re.I)),
    # Merchant shipping is a port target; warships are military (below).
    ("port", re.compile(r"\b(?:ports?|harbou?rs?|(?<!naval\s)(?<!navy\s)(?:ships?|vessels?)|tankers?|cargo\s+ships?|dock\w*|shipyard|maritime)\b", re.I)),
    ("residential", re.compile(r"\b(?:residential|apartment\w*|homes?|houses?|housing|high-rise|dwellings?|neighbou?rhoods?|block\s+of\s+flats|"
                               r"dormitor\w+|private\s+house)\b", re.I)),
    ("civilian", re.compile(r"\b(?:hospitals?|schools?|markets?|shelters?|(?<!army\s)(?<!military\s)(?<!training\s)(?<!militia\s)(?<!rebel\s)camps?|kindergartens?|clinics?|mosques?|churches?|universit\w+|"
                            r"shopping|supermarkets?|aid\s+(?:convoy|distribution|seekers?|workers?|site|centre|center|hub)|crowds?|"
                            r"humanitarian|hotels?|restaurants?|cafes?|funerals?|wedding|monaster\w*|temples?|"
                            r"pagodas?|shrines?|stadiums?|sports|civilians|villagers|worshippers|pilgrims|"
                            r"(?:health|medical)\s+(?:centres?|centers?|facilit(?:y|ies)|posts?))\b", re.I)),
    ("government", re.compile(r"\b(?:government\s+(?:building|headquarters|offices?|complex)|parliament|ministry\s+building|president|kremlin|"
                              r"prime\s+minister|decision-making\s+cent(?:re|er)s?|"
                              r"administration\s+building|council\s+building|city\s+hall|police\s+(?:stations?|headquarters|checkpoints?|posts?)|presidential\s+(?:palace|residence)|"
                              r"governor'?s?\s+(?:office|residence)|"
                              # emergency services are the state's: "struck a fire station"
                              r"fire\s+(?:stations?|departments?|brigades?)|emergency\s+services?\s+(?:buildings?|stations?|offices?))\b", re.I)),
    ("transport", re.compile(r"\b(?:rail\w*|bridges?|airports?|trains?|bus(?:es)?|minibus\w*|roads?|highways?|vehicles?|cars?|trucks?|"
                             r"lorr\w+|stations?|logistics|ambulances?|boats?|convoys?|motorcycles?|pick-?up|"
                             # a police or rescue helicopter carries people; a military one (below) is a weapon
                             r"(?:police|civilian|medical|rescue|passenger|private|air\s+ambulance)\s+helicopters?|"
                             # "killed a commander as he drove": the vehicle was hit
                             r"(?:as|while)\s+(?:he|she|they)\s+(?:drove|was\s+driving|were\s+driving|rode))\b", re.I)),
    # "the USS Carney", "HMS Diamond": a navy's ship prefix
    ("military", re.compile(r"\b(?:(?-i:USS|HMS|INS|HMAS|HMCS)\s+(?-i:[A-Z])[\w-]+|(?:military|army|attack|combat)\s+helicopters?|helicopters?|radar\s+(?:stations?|sites?)|nav(?:al|y)\s+(?:ships?|vessels?)|warships?|frigates?|"
                            r"aircraft\s+carriers?|destroyers?|corvettes?|"
                            r"military|army|barracks|ammunition|arms\s+depots?|positions?|troops|command\s+posts?|radars?|air\s+defen[cs]e|"
                            r"base|bases|garrison|headquarters|outposts?|checkpoints?|weapons?\s+depots?|tanks?|artillery|launchers?|(?-i:forces)|"
                            # "a column of armoured vehicles", "a depot of cruise missiles": military hardware, not traffic
                            r"armou?red\s+(?:vehicles?|personnel\s+carriers?|columns?)|"
                            r"(?:depots?|stores?|stockpiles?|warehouses?)\s+(?:of|for)\s+(?:[\w-]+\s+){0,3}?(?:missiles|ammunition|munitions|shells|weapons|arms)|"
                            r"(?:army|military|training|militia|rebel)\s+camps?|"
                            # "destroyed a convoy of JNIM fighters": the people in the vehicles, not the road
                            r"convoys?\s+of\s+(?:[\w-]+\s+){0,2}?(?:fighters|militants|troops|soldiers|rebels|insurgents|jihadists)|militants?|fighters|cells?|hideouts?|"
                            # people hit are the target too ("struck a group of soldiers in the village"), nearest first
                            r"soldiers|servicem[ae]n|strongholds?)\b", re.I)),
    ("industrial", re.compile(r"\b(?:factor\w+|plants?|industrial|enterprises?|works|chemical|manufactur\w+|economic\s+zone|"
                              r"laborator(?:y|ies)|labs?|printing\s+(?:house|press|plant)s?)\b", re.I)),
]


_HIT = re.compile(r"\b(?:hit|hits|struck|strik\w*|target\w*|attack\w*|damag\w*|destroy\w*|set\s+(?:fire|ablaze)|ablaze|detonat\w*|"
                  r"fir(?:ed|ing)\s+(?:(?:a|an|two|three|several)\s+[\w-]+\s+)?(?:on|at)|"
                  r"explo\w*|crash\w*\s+into|slammed\s+into|pound\w*|bomb(?:ed|ing|s)?|raid\w*)\b", re.I)
# "the military said", "Myanmar's military junta sent drones": the source or the attacker.
_ATTRIBUTION = re.compile(r"^\s*(?:'s\s+)?(?:\w+\s+){0,2}?(?:said|says|spokesman|spokeswoman|spokesperson|reported|announced|claimed|statement|"
                          r"denied|accused|launched|sent|fired|used|carried|dropped)\b", re.I)
_AGENT_BEFORE = re.compile(r"\bby\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}$", re.I)

# "Houthi fighters attacked ...": armed people as the subject of an active attack verb
_ARMED_PEOPLE = re.compile(r"fighters|militants?|soldiers|troops|forces|servicem[ae]n", re.I)
_SUBJECT_ATTACKS = re.compile(r"\s+(?:attacked|struck|hit|targeted|raided|bombed|shelled|fired)\b", re.I)


_DRONE_AFTER = re.compile(rf"\s+{_DRONE_NOUN}", re.I)
# Who was killed names the target when no place or thing does ("killed 21 civilians", "killing five fighters").
_CASUALTY_TYPE = re.compile(
    r"\b(?:kill\w*|wound\w*|injur\w*|fir(?:ed|ing)\s+(?:(?:a|an)\s+[\w-]+\s+)?(?:on|at))\s+(?:[\w-]+\s+){0,4}?(?:(?P<military>soldiers|troops|fighters|militants|servicem[ae]n|"
    r"rebels|insurgents|gunmen|commanders?|militant|fighter|operative|jihadist|"
    # "killed a senior member of Hurras al-Din": a ranking member of an armed group
    r"(?:senior|top|high-ranking|key)\s+(?:member|figure|operative))|(?P<civilian>civilians|children|people|residents|worshippers|villagers|farmers|women|displaced))\b", re.I)


_SHIP = re.compile(r"(?:cargo\s+)?(?:ships?|vessels?|tankers?)", re.I)
_WARSHIP = re.compile(r"\b(?:warships?|frigates?|corvettes?|destroyers?|cruisers?|submarines?|minesweepers?|landing\s+ships?|"
                      r"patrol\s+(?:ships?|boats?)|nav(?:al|y)\s+(?:ships?|vessels?))\b", re.I)
_PORT_SITE = re.compile(r"\b(?:ports?|harbou?rs?|docks?|terminals?|shipyards?|berths?)\b", re.I)
_COMMENT_CLAUSE = re.compile(r",\s+(?:calling|describing|branding|denouncing|condemning)\b", re.I)


_SPACE_BEFORE_WORD = re.compile(r"\s+(?=\w)")


def _modifies_type(text: str, end: int) -> bool:
    nxt = _SPACE_BEFORE_WORD.match(text[end:])
    return bool(nxt) and any(rx.match(text, end + nxt.end()) for _n, rx in _TARGET_TYPES)


_CAPITAL_AFTER = re.compile(r"\s+[A-Z]")


def _target_type(sents: Sequence[Sent]) -> dict | None:
    """What was hit: the type word closest after an attack verb, ignoring "the military said"."""
    best: tuple[tuple[int, int], str, re.Match[str], Sent] | None = None
    for s in sents:
        verbs = [m.end() for m in _HIT.finditer(s.text)]
        found = [(priority, name, m) for priority, (name, rx) in enumerate(_TARGET_TYPES) for m in rx.finditer(s.text)]
        # "radar station": the longer name of one type holds a word of another ("station"), which does not count
        spans = [m.span() for _p, _n, m in found]
        found = [(p, n, m) for p, n, m in found
                 if not any(a <= m.start() and m.end() <= b and (a, b) != m.span() for a, b in spans)]
        comment = _COMMENT_CLAUSE.search(s.text)
        # the speaker's comment runs to the end of its clause ("...; India said it had targeted radars" is news again)
        comment_end = s.text.find(";", comment.end()) if comment is not None else -1
        comment_end = len(s.text) if comment_end < 0 else comment_end
        # "Houthi fighters attacked the carrier": the subject attacking is the attacker
        found = [f for f in found if not (_ARMED_PEOPLE.fullmatch(f[2].group(0)) and _SUBJECT_ATTACKS.match(s.text, f[2].end()))]
        # "..., a day after militants ambushed a convoy": what an earlier attack hit, unless nothing else is named
        earlier = [e.span() for e in _EARLIER_EVENT.finditer(s.text)]
        found = [f for f in found if not any(a <= f[2].start() < b for a, b in earlier)] or found
        for priority, name, m in found:
            if _NO_BEFORE.search(s.text, 0, m.start()):
                continue  # "no civilians were hurt": what was not hit
            if comment is not None and comment.start() <= m.start() < comment_end:
                continue  # ", calling it a deliberate attack on civilians": the speaker's words for it, not what was hit
            if (_ATTRIBUTION.match(s.text[m.end() : m.end() + 30]) or _AGENT_BEFORE.search(s.text[max(0, m.start() - 30) : m.start()])
                    or s.text[m.end() : m.end() + 1] == "-"  # "fuel-smuggling boat": a modifier
                    or _DRONE_AFTER.match(s.text, m.end())  # "a Malian army drone strike": the attacker
                    or _modifies_type(s.text, m.end())  # "military airfield": the head noun decides
                    or (m.group(0)[0].isupper() and m.start() > 0 and _CAPITAL_AFTER.match(s.text[m.end() :])
                        and name != "government")):  # "Port Sudan"; but "President Maduro" is the target
                continue
            after_verb = [m.start() - v for v in verbs if 0 <= m.start() - v <= 80]
            key = (min(after_verb) // 20 if after_verb else 99, priority)
            if best is None or key < best[0]:
                best = (key, name, m, s)
        if best is not None:
            break
    if best is None:
        for s in sents:
            m = _CASUALTY_TYPE.search(s.text)
            if m:
                name = "military" if m.group("military") else "civilian"
                return _label(name, m.group(0), s.start + m.start(), s.start + m.end(), 0.5)
        return None
    _k, name, m, s = best
    if name == "port" and _SHIP.fullmatch(m.group(0)) and not any(_PORT_SITE.search(x.text) for x in sents):
        name = "transport"  # "struck two tankers in the Black Sea": a ship at sea carries cargo; in a port it is the port's
    if name in ("port", "transport") and _SHIP.fullmatch(m.group(0)) and any(_WARSHIP.search(x.text) for x in sents):
        name = "military"  # "sunk the missile corvette ..., hits on the vessel": the vessel is the warship
    return _label(name, m.group(0), s.start + m.start(), s.start + m.end(), 0.7)


# "officers shot down a third drone", "one drone was intercepted": a single drone named by an article or ordinal
_DOWN_ONE = r"(?:shot\s+down|intercept(?:ed|ing)|down(?:ed|ing)|brought\s+down|took\s+down)"
_SINGLE_DRONE = r"(?:a|one|another|(?:a|the)\s+(?:second|third|fourth|fifth))\s+(?:[\w-]+\s+){0,2}?(?:drone|uav|quadcopter|shahed)\b(?!-|\s+(?:factor|plant|workshop|depot|warehouse|launch(?!ed\b)|base|production|site|facilit|operator|unit|team|crew|attacks?\b|strikes?\b|control))"
# "Israel's military said a drone launched from Yemen had been intercepted": the subject of a reported clause, with
# where it came from between
_ONE_DOWNED = re.compile(rf"\b{_DOWN_ONE}\s+{_SINGLE_DRONE}|(?:^|(?<=[.;,]\s)|(?<=\band\s)|(?<=\bsaid\s)|(?<=\bthat\s)){_SINGLE_DRONE}"
                         r"(?:\s+(?:launched|fired|sent|flown)\s+from\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+)?)?\s+(?:was|had\s+been|has\s+been)\s+"
                         rf"(?:\w+\s+)?{_DOWN_ONE}", re.I)
_LAUNCHED_SUBJECT = re.compile(rf"\s+{_DRONE_WORDS}\s+(?:launched|fired|sent)\s+(?:from|by)\b", re.I)

# "shot down all 12 drones": a count downed that is all of them
_ALL_BEFORE = re.compile(r"\ball\s+(?:of\s+)?(?:the\s+)?$", re.I)


def drone_arguments(sents: Sequence[Sent]) -> dict:
    launched = _first_number(_LAUNCHED, sents, 0.8)
    intercepted = _first_number(_INTERCEPTED, sents, 0.85)
    if launched and intercepted and intercepted["value"] > launched["value"]:
        launched = None  # "intercepted 70 of the 12 attack waves" style mismatch
    if launched and intercepted and launched["span"] == intercepted["span"] and not _ATTACKED_WITH.search(
            next((x.text[: launched["span"]["start"] - x.start] for x in sents
                  if x.start <= launched["span"]["start"] < x.start + len(x.text)), "")):
        # "shot down five drones launched from Idlib": how many were launched is not said; but "tried to kill Putin with
        # two drones that had been disabled" launched the two that were downed; so does a subject with a launch
        # participle ("Two drones fired from Iraq were downed over Israel")
        s = next((x for x in sents if x.start <= launched["span"]["start"] < x.start + len(x.text)), None)
        if s is None or s.text[: launched["span"]["start"] - s.start].strip() or not _LAUNCHED_SUBJECT.match(
                s.text, launched["span"]["end"] - s.start):
            # another clause may still give the launch count ("shot down 13 drones ..., while the rebels said they had
            # sent 29 drones")
            launched = _first_number(_LAUNCHED, sents, 0.8, skip=launched["span"]["start"])
            if launched and launched["value"] < intercepted["value"]:
                launched = None
    if launched is None and intercepted and _ALL_BEFORE.search(
            next((x.text[: intercepted["span"]["start"] - x.start] for x in sents
                  if x.start <= intercepted["span"]["start"] < x.start + len(x.text)), "")):
        # "destroyed all eight drones Russia fired": every drone launched was downed, so as many were launched
        launched = _quantity(intercepted["value"], intercepted["text"], intercepted["span"]["start"], intercepted["span"]["end"], 0.6)
    if intercepted:
        intercepted = _plus_jammed(intercepted, sents)
    else:
        one = next(((m, s) for s in sents for m in [_ONE_DOWNED.search(s.text)] if m), None)
        if one:
            m, s = one
            intercepted = _quantity(1, m.group(0), s.start + m.start(), s.start + m.end(), 0.6)
    killed = (_plus_one(_KILLED_AND_OTHERS, sents) or _first_number(_KILLED, sents, 0.85, people=True) or _one_and_family(_KILLED_FAMILY, sents)
              or _two(_KILLED_TWO_NATIONALS, sents)
              or _first_number([_KILLED_GROUP], sents, 0.75) or _two(_KILLED_COUPLE, sents) or _one(_KILLED_ONE, sents, 0.7))
    injured = (_plus_one(_INJURED_AND_OTHERS, sents) or _first_number(_INJURED, sents, 0.85, people=True)
               or _one_and_family(_INJURED_FAMILY, sents)
               or _first_number([_INJURED_GROUP], sents, 0.75) or _two(_INJURED_COUPLE, sents) or _one(_INJURED_ONE, sents, 0.7))
    if intercepted is None and launched is not None:
        for s in sents:
            m = _ALL_DOWNED.search(s.text)
            # "all of the drones had been shot down"; "fired two drones ..., and both were shot down"
            if m and (m.group("q").lower() == "all" or launched["value"] == 2):
                intercepted = _quantity(launched["value"], m.group(0), s.start + m.start(), s.start + m.end(), 0.7)
                break
    # "No casualties were reported" states no count: killed and injured stay unstated.
    target_type = _target_type(sents)
    return {
        "drones_launched": launched,
        "drones_intercepted": intercepted,
        "killed": killed,
        "injured": injured,
        "target_type": target_type,
    }


# A filler word that is not a verb of saying, unless the speaker goes on about itself ("said it had launched").
_NOT_SAYING = r"(?!(?:said|says|reported|told|added|stated)\s+(?!(?:that\s+)?(?:it|its|they|their|we|our)\b))"
# Names for one's own drones ("its Sea Baby naval drones"), not a verb of downing ("its forces shot down five drones").
_OWN_DRONE_WORDS = r"(?:(?!(?:shot|down|downed|intercepted|destroyed|repelled|neutrali[sz]ed|brought|jammed|suppressed)\b)[\w-]+\s+){0,4}?"
_ATTACK_VERB = re.compile(
    # The accused in a denial is still the alleged attacker; so is who warns that a place "would be struck".
    r"^(?:'s|’s)?\s+(?:[\w-]+\s+){0,4}?(?:denied\s+(?:[\w-]+\s+){0,3}?(?:that\s+)?(?:(?:its|their)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:drones|forces|troops|army|military|units)|it\s+had\s+(?:launched|attacked|struck|targeted|sent|used))|"
    # "denied carrying out a drone strike", "denied claims that ...": the accused
    r"denied\s+(?:carrying\s+out|launching|conducting|staging|being\s+behind|(?:any\s+)?(?:responsibility|involvement|role)|"
    # "denied on Tuesday a Saudi claim that ...": a time phrase and whose claim may come first
    r"(?:(?:on|late|early|last|this)\s+\w+\s+)?(?:the\s+|an?\s+)?(?:[\w-]+\s+)?(?:claims?|reports?|accusations?|allegations?))|"
    # "threatened on Sunday to target U.S. carriers": a time phrase may come between the threat and its verb
    r"threaten(?:ed|s)?\s+(?:(?:on|late|early|again|last|this|overnight|\w+day)\s+){0,3}?to\s+"
    # "threatened to respond with drone strikes": a threat of retaliation is still a threat to strike
    r"(?:send|launch|use|expand|resume|step\s+up|intensify|escalate|continue|carry\s+out|target|attack|strike|hit|"
    r"(?:respond|retaliate)\s+with)|"
    r"warned\s+(?:[\w-]+\s+){0,3}?that)\b|"
    # Not across a verb of saying ("Congo's army said drones launched by the M23 ..."): the speaker reports the attack.
    rf"^(?:'s|’s)?\s+(?:{_NOT_SAYING}[\w-]+\s+){{0,3}}?"
    # "Somalia's army and international partners killed 12 militants": the subject's allies strike with it
    r"(?:and\s+(?:its\s+|their\s+)?(?:[\w-]+\s+)?(?:partners|allies)\s+)?"
    r"(?<!\bbe\s)(?<!\bbeen\s)(?<!\bbeing\s)(?<!\bwas\s)(?<!\bwere\s)(?<!\bis\s)(?<!\bare\s)"  # "ports will be targeted": a passive
    r"(?:launch(?:ed|es|ing)?|fired|fires|sent|attack(?:ed|s|ing)|struck|strikes|hit|hits|"
    r"target(?:ed|s|ing)|pound(?:ed|s|ing)|hammer(?:ed|s|ing)|bomb(?:ed|s|ing)|raid(?:ed|s)|used\s+(?:[\w-]+\s+)?drones|"
    r"carried\s+out|claimed|threaten(?:ed|s)?\s+to\s+(?:target|attack|strike|hit)|tried\s+to\s+(?:strike|hit|attack)|"
    r"(?:would|will|could)\s+strike(?!\s+back)|kept\s+attacking|destroyed|damaged|dropped|killed|said\s+(?:its|their)\s+(?:[\w-]+\s+){0,2}?drones)\b|"
    # "Ukraine's SBU security service said its Sea Baby naval drones struck"; "the Islamic Resistance in Iraq, an umbrella
    # group of Iran-backed militias, claimed the attack"
    # "The KIA said on Saturday that its drones had struck": a time phrase and "that" may come first
    rf"^(?:'s|’s)?\s+(?:[\w-]+\s+){{0,3}}?said\s+(?:(?:on|late|early|last|this)\s+\w+\s+)?(?:that\s+)?(?:its|their)\s+"
    rf"{_OWN_DRONE_WORDS}drones\b|"
    # "the Tripoli-based defence ministry said it had targeted smuggling gangs"
    # "Hezbollah said on Wednesday it had launched a squadron of attack drones": a time phrase after the verb of saying
    # "the Islamic Resistance in Iraq, an umbrella of militias, said it had launched"; "the army said it had killed dozens
    # of fighters in drone strikes": who claims the toll claims the strike
    r"^(?:'s|’s|-based)?(?:,\s+(?:an?|the)\s+[^,;]{0,60},)?\s+(?:[\w-]+\s+){0,3}?said\s+(?:(?:on|late|early|last|this)\s+\w+\s+)?"
    r"(?:that\s+)?(?:it|they)\s+(?:had\s+|has\s+|have\s+)?(?:launched|attacked|struck|targeted|hit|bombed|carried\s+out|killed)\b|"
    # "Russia's defence ministry said its forces used Lancet loitering munitions to destroy a launcher"
    r"^(?:'s|’s)?\s+(?:[\w-]+\s+){0,3}?said\s+(?:that\s+)?(?:its|their)\s+(?:forces|troops|army|military|units|fighters)\s+"
    rf"(?:had\s+)?(?:used|deployed|launched|sent)\s+(?:[\w-]+\s+){{0,3}}?{_DRONE_NOUN}\b|"
    r"^,\s+(?:an?|the)\s+[^,;]{0,60},\s+(?:claimed|launched|carried\s+out)\b",
    re.I,
)
_DEFENDER = re.compile(
    r"^(?:'s|’s)?\s+(?:[\w-]+\s+){0,3}?(?:army|military|air\s+force|air\s+defen[cs]es?|defen[cs]e\s+ministry|ministry\s+of\s+defen[cs]e|"
    r"general\s+staff|officials|authorities|government|junta|forces|troops|mayor|governor)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:said|says|reported|announced|shot|intercepted|downed|repelled|confirmed|accused|blamed|blaming|blames)\b",
    re.I,
)
_BLAME = re.compile(
    r"(?:blam\w+|accus(?:ed|es|ing)|attributed\s+to|blamed\s+on|"
    r"(?:launched|carried\s+out|fired|sent|operated|flown|claimed|strike|strikes|attack|attacks|raid)\s+"
    r"(?:from\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+)?\s+)?by)"  # "a drone launched from Yemen by the Houthis"
    # "blamed on factions of the Popular Mobilization Forces": a part of the group
    r"\s+(?:(?:factions?|members?|elements?|units?|wings?|cells?|fighters|militants)\s+(?:of|within|from)\s+)?"
    r"(?:the\s+)?(?:[\w'’-]+\s+){0,2}$",
    re.I,
)
# "Kavumu airport, which the M23 rebels seized in February": who holds the place that was hit.
_HOLDER_AFTER = re.compile(r"^\s+(?:[\w-]+\s+)?(?:seized|captured|took|taken|holds?|held|controls?|controlled|occup(?:ied|ies|y)|overran|"
                           r"has\s+held|have\s+held)\b", re.I)
# Unnamed state forces blamed for the strike: "accusing federal forces of carrying out the strike".
_STATE_FORCES_AGENT = re.compile(
    r"\b(?:accus\w+|blam\w+|(?:operated|launched|flown|fired|sent|carried\s+out)\s+by)\s+(?:the\s+|a\s+)?(?:federal|government|"
    r"state|national|regime|junta)\s+(?:[\w-]+\s+)?(?:forces|troops|army|military|task\s+force|units?)\b", re.I)
# "Yemen's Iran-aligned Houthi movement": a patron named in a modifier.
_PATRON_AFTER = re.compile(r"^-(?:aligned|backed|linked|allied|affiliated|supported|sponsored|funded|armed)\b", re.I)
# "in RSF-held South Darfur", "Houthi-controlled Hodeidah": whose ground was hit.
_HELD_AFTER = re.compile(r"^-(?:held|controlled|occupied|run)\b", re.I)
# "denied claims by Russian-installed officials that ...": who reports being attacked.
_ACCUSER_BEFORE = re.compile(r"\b(?:claims?|accusations?|allegations?|accused|charges?)\s+(?:made\s+)?by\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$",
                             re.I)
_DENIED_BEFORE = re.compile(r"\b(?:denied|denies|dismissed|rejected|refuted)\s+(?:the\s+)?$", re.I)
_CLAIMS_AFTER = re.compile(r"^\s+(?:claims?|accusations?|allegations?|reports?)\b", re.I)
_HELD_BY = re.compile(r"(?:held\s+by|belonging\s+to|positions\s+of|base\s+of|bases\s+of)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$", re.I)
_OWNER_TARGET = re.compile(
    r"^(?:'s|’s|')?\s+(?:[\w-]+\s+){0,2}?(?:army|military|forces|soldiers|troops|positions?|bases?|headquarters|command|garrison|"
    r"checkpoints?|outposts?|fighters|militants|commanders?|convoy)\b", re.I)
# "struck Hezbollah targets in southern Lebanon": whose sites were hit, not a verb "targets".
_STRUCK_OBJECT = re.compile(r"^(?:'s|’s)?\s+(?:[\w-]+\s+)?(?:targets|sites|positions|bases|facilities|infrastructure|fighters|"
                            r"militants|commanders?|hideouts?|depots?|strongholds?)\b", re.I)
# "Israel said it intercepted a drone", "Russia said its air defences destroyed 40 drones"
_SELF_DEFENCE = re.compile(r"^(?:'s|’s)?\s+(?:said|says|reported|announced)\s+(?:that\s+)?"
                           r"(?:it|its\s+(?:air\s+)?(?:defen[cs]es?|forces|military|army|troops|units|systems|navy))\s+"
                           r"(?:had\s+|has\s+)?(?:intercepted|shot\s+down|downed|destroyed|repelled|neutrali[sz]ed)\b", re.I)
# "Azerbaijan accused Armenia of a drone attack": the accuser was attacked (not "was accused of").
# "the M23 rebels who control the city blamed Congo's army", "the SDF said, blaming Turkey"
_ACCUSES_AFTER = re.compile(r"^(?:'s|’s)?\s+(?:(?!(?:was|were|is|are|been|being)\b)[\w-]+\s+){0,2}?"
                            r"(?:(?:who|which|that)\s+(?:[\w-]+\s+){1,5}?|(?:said|says),\s+)?(?:accus(?:ed|es|ing)|blam(?:ed|es|ing))"
                            r"\s+(?!of\b|for\b)", re.I)
# "Russian air defences destroyed 112 Ukrainian drones": who downs drones was attacked.
_DOWNED_DRONES = re.compile(r"^(?:'s|’s)?\s+(?:(?!(?:drones?|uavs?)\b)[\w-]+\s+){0,3}?(?:had\s+|have\s+|has\s+)?"
                            r"(?:destroyed|shot\s+down|downed|intercepted|repelled|neutrali[sz]ed)\s+(?:[\w-]+\s+){0,4}?"
                            r"(?:drones?|uavs?)\b", re.I)
# "Kyiv was attacked by Russian drones"; "Hamas leader Saleh al-Arouri was killed when a drone struck": whose person
_ATTACKED_AFTER = re.compile(r"^(?:'s|’s)?\s+(?:was|were|has\s+been|have\s+been|had\s+been|is|are|came)\s+(?:\w+\s+)?"
                             r"(?:attacked|hit|struck|targeted|bombed|pounded|under\s+(?:a\s+)?(?:drone\s+)?attack|killed|"
                             r"assassinated|wounded|injured)\b", re.I)
_REPORTS_AFTER = re.compile(r"^(?:'s|’s)?\s+(?:said|says|reported|announced|confirmed)\b", re.I)
# "M23 rebels said they were shot at by army drones": who reports being attacked is the target.
_SAYS_ATTACKED = re.compile(r"^(?:'s|’s)?\s+(?:[\w-]+\s+){0,2}?(?:said|says|reported|complained|claimed)\s+(?:that\s+)?"
                            r"(?:it|they|its\s+(?:positions|fighters|forces|troops|bases?))\s+(?:was|were|had\s+been|have\s+been|"
                            r"has\s+been|came)\s+(?:\w+\s+)?(?:shot\s+at|attacked|targeted|hit|struck|bombed|under\s+(?:a\s+)?"
                            r"(?:drone\s+)?attack)\b", re.I)
_DRONE_ADJ = re.compile(rf"^(?:'s|’s)?\s+(?:{_NOT_SAYING}[\w-]+\s+){{0,2}}?{_DRONE_NOUN}", re.I)


# A threat in the subject's own words, however far on in its clause: "The Arakan Army warned residents to stay away,
# saying it would strike them with drones", "the Houthis warned foreign firms to leave, threatening more drone attacks"
# (not a promise to hit back: who vows to strike back was attacked).
_VOWS_ATTACK = re.compile(
    r"^(?:'s|’s)?\s+[^.;]{0,120}?\b(?:(?:said|says|saying|warned|warning|threatened|threatening|vowed|vowing|pledged|pledging)\s+"
    r"(?:that\s+)?(?:it|they)\s+(?:would|will|could|might|may|(?:was|were|is|are)\s+(?:going|ready|prepared)\s+to)\s+"
    r"(?:(?:also|soon|again|now)\s+)?(?:strike|attack|target|hit|bomb|launch|use\s+drones)(?!\s+back)|"
    r"(?:threaten\w*|vow\w*|promis\w*)\s+(?:more|new|further|fresh|renewed|wider|additional)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:attacks|strikes))\b", re.I)
# Who is urged to strike would be the attacker: "urged the Trump administration to use drones against the cartels";
# an unnamed army called on is the caller's own ("the minister called on the army to carry out drone strikes").
_URGED_BEFORE = re.compile(r"\b(?:urg(?:e|ed|es|ing)|call(?:ed|s|ing)?\s+on|press(?:ed|es|ing)?|ask(?:ed|s|ing)?)\s+(?:the\s+)?$",
                           re.I)
_TO_STRIKE = (r"to\s+(?:use\s+(?:[\w-]+\s+)?drones|carry\s+out|launch|conduct|strike|attack|target|hit|bomb|step\s+up|"
              r"resume)\b")
_URGED_AFTER = re.compile(rf"^(?:'s|’s)?\s+(?:[\w-]+\s+){{0,2}}?{_TO_STRIKE}", re.I)
_URGES_OWN_FORCES = re.compile(
    r"^(?:'s|’s)?\s*,?\s+(?:[\w-]+\s+){0,4}?(?:urg(?:e|ed|es|ing)|call(?:ed|s|ing)?\s+on|press(?:ed|es|ing)?|ask(?:ed|s|ing)?)\s+"
    rf"(?:the|its|his|her|their)\s+(?:own\s+)?(?:army|military|armed\s+forces|air\s+force|forces|troops|government)\s+{_TO_STRIKE}",
    re.I)
# "drones were targeting the army's headquarters in El Obeid": an unnamed state force hit on its own ground.
_STATE_FORCES_HIT = re.compile(
    r"\b(?:target\w*|struck|strik(?:e|es|ing)|hit(?:ting)?|attack(?:ed|s|ing)?|bomb(?:ed|s|ing)?)\s+(?:the\s+|an?\s+)?"
    r"(?:army|military|armed\s+forces|government\s+forces|federal\s+forces|junta)(?:'s|’s)?\b", re.I)


# "Moscow threatened to strike Kyiv if Ukrainian drones kept targeting Russia": who acts in the condition of a threat
# is whom the threat is aimed at, not the attacker.
_IF_BEFORE = re.compile(r"\b(?:if|unless)\s+(?:the\s+)?(?:[\w-]+\s+)?$", re.I)
_THREAT_CUE = re.compile(r"\b(?:threat\w*|warn\w*|vow\w*|could|would|will)\b", re.I)


_CLAUSE_CUT = re.compile(r"[;.](?:\s|$)|\bwhile\b|\bbut\b")


def _clause_after(s: Sent, m: Mention, limit: int = 90) -> str:
    rest = s.text[m.end - s.start : m.end - s.start + limit]
    cut = _CLAUSE_CUT.search(rest)
    return rest[: cut.start()] if cut else rest


_WHICH_BEFORE = re.compile(r"\b(?:which|that|where)\s+(?:the\s+)?$", re.I)


def drone_actors(actors: list[tuple[Mention, Actor, Sent]], location: dict | None, sents: Sequence[Sent] = ()) -> list[dict]:
    out: list[dict] = []
    reporters: list[tuple[Mention, Actor]] = []
    voiced: set[int] = set()  # targets only by a voice of their military ("a Houthi military spokesman said")
    lead = min((s.start for s in sents), default=0)
    for m, a, s in actors:
        rel = m.start - s.start
        before = s.text[max(0, rel - 50) : rel]
        after = s.text[m.end - s.start : m.end - s.start + 90]
        if _PATRON_AFTER.match(after):
            continue  # "Yemen's Iran-aligned Houthi movement": the patron named in a modifier
        if ((_TARGET_BEFORE.search(before) and _STRUCK_OBJECT.match(after)) or _SELF_DEFENCE.match(after)
                or (_IF_BEFORE.search(before) and _THREAT_CUE.search(s.text[:rel]))
                or _ACCUSES_AFTER.match(after) or _ATTACKED_AFTER.match(after) or _DOWNED_DRONES.match(after)
                or _SAYS_ATTACKED.match(after)):
            # "struck Hezbollah targets", "Russia said it destroyed 40 drones", "Russia accused Ukraine of attacking",
            # "Kyiv was attacked by Russian drones"
            role = "target"
        elif (_BLAME.search(before) or _DRONE_ADJ.match(after) or _ATTACK_VERB.match(after)
              or (_URGED_BEFORE.search(before) and _URGED_AFTER.match(after)) or _URGES_OWN_FORCES.match(after)
              or (s.start == lead and _VOWS_ATTACK.match(s.text[m.end - s.start :]) and _CLAUSE_SUBJECT.search(s.text[:rel]))):
            role = "initiator"
        elif (_DEFENDER.match(after) or _OWNER_TARGET.match(after) or _HELD_BY.search(before) or _TARGET_BEFORE.search(before)
              or _HELD_AFTER.match(after)
              or _ACCUSER_BEFORE.search(before) or (_DENIED_BEFORE.search(before) and _CLAIMS_AFTER.match(after))
              or (_WHICH_BEFORE.search(before) and _HOLDER_AFTER.match(after))):
            role = "target"
            if _DEFENDER.match(after) and not (_HELD_BY.search(before) or _TARGET_BEFORE.search(before)):
                voiced.add(len(out))
        else:
            if _REPORTS_AFTER.match(after) and _CLAUSE_SUBJECT.search(s.text[:rel]):
                reporters.append((m, a))
            continue
        out.append(_actor_dict(role, m, a, 0.7))
    # Whose military speaks of drones it launched is no target: "A Houthi military spokesman said 10 drones had been
    # launched" after "claimed by the Houthi movement".
    attacker_names = {x["name"] for x in out if x["role"] == "initiator"}
    out = [x for k, x in enumerate(out) if not (k in voiced and x["name"] in attacker_names)]
    # "Ukraine said Russia launched 100 drones overnight": a state reporting another's attack on it was attacked.
    attackers = {x["country"] for x in out if x["role"] == "initiator"}
    for m, a in reporters:
        if a.kind in {"state", "leader", "official", "institution"} and attackers - {a.country}:
            out.append(_actor_dict("target", m, a, 0.6))
    if not any(x["role"] == "initiator" for x in out):
        # "accusing federal forces of carrying out the strike", "drones operated by a government task force": the state
        # whose ground was hit, or the only state named.
        agents = [(s, g) for s in sents or {s.start: s for _m, _a, s in actors}.values() if (g := _STATE_FORCES_AGENT.search(s.text))]
        states = {a.country for _m, a, _s in actors if a.kind == "state" and a.country}
        country = (location or {}).get("country") or (next(iter(states)) if len(states) == 1 else None)
        if agents and country:
            s, g = agents[0]
            out.append({"role": "initiator", "text": g.group(0), "name": country, "country": country, "kind": "state",
                        "span": {"start": s.start + g.start(), "end": s.start + g.end()}, "score": 0.5})
    first_initiator = next((x["country"] for x in out if x["role"] == "initiator"), None)
    own_forces_hit = any(_STATE_FORCES_HIT.search(s.text) for s in sents)
    if location and location.get("country") and (location["country"] != first_initiator or own_forces_hit):
        out.append({"role": "target", "text": location["text"], "name": location["country"], "country": location["country"],
                    "kind": "state", "span": location["span"], "score": 0.6})
    return _dedupe(out)


# --------------------------------------------------------------------------- negotiations

_FORMATS: list[tuple[str, re.Pattern[str]]] = [
    # "after a lengthy call with Putin", "told Rubio in a call on Monday"
    ("phone_call", re.compile(r"\b(?:phone|telephone|hotline|(?:a|the|their|video|held\s+a)\s+(?:[\w-]+\s+)?call\s+(?:with|between)|"
                              r"in\s+(?:a|their)\s+(?:[\w-]+\s+)?call\b(?!\s+(?:for|to)\b)|spoke\s+(?:to|with)\s+(?:\w+\s+){0,6}?by\s+phone|phoned|"
                              r"phone\s+conversation|video\s+(?:link|call|conference)|videoconference)\b", re.I)),
    ("summit", re.compile(r"\b(?:summit|face-to-face\s+meeting|leaders'?\s+meeting|meeting\s+between\s+(?:the\s+)?(?:two\s+)?leaders|meet\s+with\s+\w+\s+in\s+person)\b", re.I)),
    ("envoy_visit", re.compile(r"\b(?:visit\w*|trip\s+to|travel\w*\s+to|arriv(?:ed|es?|ing)\s+in|shuttle|(?<!talks\s)(?<!negotiations\s)(?<!round\s)(?<!meeting\s)(?<!summit\s)(?:is|are)\s+(?:due|expected)\s+(?:back\s+)?in\s+(?=(?-i:[A-Z]))|"
                               # ... but not one sent to talks ("not to send a delegation to the next round of talks in Doha")
                               r"sen(?:d|ds|t|ding)\s+(?:a\s+|an\s+|its\s+)?(?:[\w-]+\s+)?(?:delegation|envoy|mission|emissary)\s+to"
                               r"(?!\s+(?:the\s+)?(?:(?-i:[a-z])[\w-]*\s+){0,3}?(?:talks|negotiations|round|meeting|consultations)\b)|"
                               # "Putin received U.S. envoy Witkoff at the Kremlin": the host is visited
                               r"(?:received|hosted)\s+(?:[\w.'’-]+\s+){0,3}?(?:envoys?|emissar(?:y|ies)|special\s+representatives?)|"
                               # "would not receive a delegation from ECOWAS": a delegation received comes on a visit
                               r"receiv(?:e|es|ed|ing)\s+(?:an?\s+|the\s+|its\s+)?(?:[\w-]+\s+)?(?:delegations?|missions?)\s+(?:from|of)\b)\b", re.I)),
    ("talks", re.compile(r"\b(?:talks|negotiat\w+|round|meeting|meet|met|consultations|dialogue|discuss\w*|declaration|signed|contacts|"
                         # "UN-led efforts to finalise a roadmap": the diplomacy, whatever text it works on
                         r"good\s+offices|(?:[\w-]+-led|peace|diplomatic|mediation)\s+efforts)\b", re.I)),
    ("proposal", re.compile(r"\b(?:propos\w+|float(?:ed|s|ing)|memorand\w+|draft|(?:peace|\d+-point)\s+plan|plan|roadmap|framework|initiative|offer\w*)\b", re.I)),
    # Mediators carry talks or a text: weaker than either named in the same sentence.
    ("talks", re.compile(r"\bmediat\w+", re.I)),
    # An envoy named without a verb of travel: weaker than talks or a proposal in the same sentence.
    ("envoy_visit", re.compile(r"\b(?:envoys?|emissar(?:y|ies)|special\s+representatives?|plenipotentiar(?:y|ies))\b", re.I)),
]
_OUTCOME_AGREE = re.compile(r"\b(?:agreed|agreeing|agreement\s+(?:was\s+)?reached|reached\s+(?:an?\s+)?(?:[\w'’-]+\s+){0,2}?(?:agreement|deal|accord|understanding|ceasefire|truce|consensus)|"
                            r"signed|initial(?:l)?ed|finali[sz]ed|struck\s+a\s+deal|clinched|sealed|accord\s+was|deal\s+was\s+reached|yielded\s+pledges|"
                            r"(?:brokered|accepted|approved|endorsed|yielded|produced|accepting|approving|endorsing)\s+(?:an?\s+|the\s+)?(?:[\w'’-]+\s+){0,2}?"
                            r"(?:agreement|deal|accord|ceasefire|truce|understanding|treaty)|"
                            # "endorsed a joint plan towards peace"; "securing Tehran's acceptance of the ceasefire"
                            r"(?:endorsed|adopted|endorsing|adopting)\s+(?:an?\s+|the\s+)?(?:[\w'’-]+\s+){0,2}?(?:plan|roadmap|framework)|"
                            r"(?:secur(?:ed|ing)|won|winning|obtain(?:ed|ing))\s+(?:[\w'’-]+\s+){0,2}?(?:acceptance|consent|assent)\b)\b", re.I)
_OUTCOME_FAIL = re.compile(r"\b(?:no\s+breakthrough|without\s+agreeing|no\s+agreement|"
                           # "pressed Washington to back a ceasefire, a demand the secretary of state declined"
                           r"(?:demand|request|call)s?\s+(?:that\s+)?(?:[\w.'’-]+\s+){0,5}?(?:declined|rejected|refused|rebuffed|turned\s+down)|"
                           r"(?:declined|rejected|refused|rebuffed|turned\s+down)\s+(?:the|their|its|his|her)\s+(?:[\w'’-]+\s+){0,2}?"
                           r"(?:demands?|requests?|calls?)|"
                           # "cut short their summit without signing any agreement"
                           r"without\s+(?:(?:signing|reaching|striking|sealing|producing|securing)\s+)?(?:an?\s+|any\s+)?(?:[\w-]+\s+)?"
                           r"(?:agreement|deal|breakthrough|accord)|"
                           # "No compromise has yet been found on territory"
                           r"no\s+(?:compromise|solution|common\s+ground)\s+(?:has|had|was|have)\s+(?:yet\s+)?(?:been\s+)?(?:found|reached|agreed)|"
                           r"failed\s+to\s+(?:agree|reach|yield|produce)|ended\s+without|no\s+deal|far\s+apart|deadlock\w*|"
                           r"broke\s+(?:down|up)|no\s+common\s+ground|shouting\s+match|left\s+unsigned|unsigned|walked\s+out|"
                           r"no\s+(?:tangible\s+|concrete\s+)?results?|(?:ended|closed)\s+in\s+acrimony|inconclusive\w*|stalemate|"
                           r"no\s+(?:progress|consensus)|fell\s+apart|failed\s+to\s+bridge|(?:yielded|produced)\s+no|"
                           r"without\s+(?:any\s+)?(?:results?|progress)|remain(?:ed|s)?\s+(?:deeply\s+)?divided|"
                           r"dash(?:ed|ing|es)\s+(?:[\w'’-]+\s+){0,2}?hopes|"
                           # "Cairo said afterwards that Addis Ababa's position had not changed"
                           r"positions?\s+(?:had|has|have)\s+not\s+changed|positions?\s+remain(?:ed|s)?\s+unchanged|"
                           # "the two leaders refused to sit in the same room": they did not even meet to agree
                           r"refus\w+\s+to\s+sit\s+(?:down\s+)?(?:in\s+the\s+same\s+room|at\s+the\s+same\s+table|together))\b", re.I)


_VENUE_BEFORE = re.compile(
    r"\b(?:talks|negotiations|meeting|summit|met|meet|round|held|hold|holding|signed|conference|consultations|ceremony|"
    r"gathered|convened|visit\w*|arrived|trip|"
    # "Witkoff is expected in Moscow next week": where an envoy is due is where the visit is
    r"expected|due)\b[^.;]{0,60}\b(?:in|at|near|outside)\s+(?:the\s+)?(?:[\w'-]+\s+){0,3}$",
    re.I,
)
_TOPIC_BEFORE = re.compile(r"\b(?:ceasefire|truce|war|fighting|conflict|situation|crisis|offensive|hostilities|escalation|violence|"
                           r"attacks?|strikes?|invasion|occupation|operations?|peace|"
                           # what border talks are about: "pulling troops back from friction points in eastern Ladakh"
                           r"standoff|stand-off|tensions?|friction\s+points|disputes?|troops|deployments?|disengagement|"
                           # "talks on the disputed border in eastern Ladakh"
                           r"(?:disputed|contested)\s+(?:border|frontier|boundary))"
                           r"\s+in\s+(?:the\s+)?(?:(?:far[\s-])?(?:(?:north|south)-?(?:east|west)ern|northern|southern|eastern|"
                           r"western|central)\s+)?$", re.I)
# "signed a permanent ceasefire in Geneva": a signing names where it took place, whatever was signed.
_SIGNED_IN = re.compile(r"\bsign(?:ed|ing|s)?\s+(?:(?:a|an|the|their|its)\s+)?(?:[\w-]+\s+){0,3}?in\s+(?:the\s+)?$", re.I)
# "the Gaza ceasefire negotiations": a place before a ceasefire or a war is where that is, not where talks are held.
_CONFLICT_AFTER = re.compile(r"\s+(?:ceasefire|truce|war|conflict|hostilities)\b", re.I)


# "send delegations to Geneva", "invited Zelenskiy to come to Moscow": where the parties go is where they meet.
_TRAVEL_TO = re.compile(r"\b(?:travel\w*|flew|went|go|going|come|came|coming|head(?:ed|ing|s)?|arrived|visit\w*|delegations?|envoys?|trip)"
                        r"\s+(?:\w+\s+){0,2}?to\s+$", re.I)
# What happened in a place the talks are about, not where they are held: "after the killing of 26 tourists in
# Kashmir", "blamed for a car bomb in Cauca".
_INCIDENT_IN = re.compile(r"\b(?:killings?|massacres?|bombs?|bombings?|blasts?|explosions?|ambush(?:es)?|shootings?|clashes|"
                          r"attacks?|strikes?|raids?|fighting)\s+(?:(?:of|on|against)\s+)?"
                          # not across the talks themselves: "to curb attacks during talks in Istanbul"
                          r"(?:(?!(?:during|at|talks|negotiations|meetings?|summit|dialogue|round)\b)[\w'-]+\s+){0,3}?in\s+(?:the\s+)?$", re.I)


# "Speaking to reporters in Oslo, the minister said ...": where a statement is made, not where talks are held.
_SPEAKING_IN = re.compile(r"\b(?:speaking|spoke|speaks|talking|told\s+(?:reporters|journalists)|(?:news|press)\s+conference)"
                          r"(?:\s+(?:to|with)\s+(?:the\s+)?(?:reporters|journalists|press|media|[\w-]+\s+(?:reporters|journalists|media)))?"
                          r"\s+(?:in|at)\s+(?:the\s+)?(?:[\w'-]+\s+){0,1}$", re.I)


# "its delegation left Cairo": the town a delegation leaves is where the talks were held.
_LEFT_VENUE = re.compile(r"\b(?:delegations?|negotiators?|negotiating\s+teams?|envoys?)\s+(?:\w+\s+){0,2}?"
                         r"(?:left|leaves|leaving|departed|departs|quit)\s+$", re.I)
# "offering Nairobi as a venue for new talks": a town offered or chosen to host them.
_AS_VENUE = re.compile(r"\s+as\s+(?:a|the)\s+(?:possible\s+|potential\s+|neutral\s+|new\s+)?(?:venue|host|location|site)\b", re.I)
# "resumed in Mexico City, after a first round in Caracas": where an earlier round was held is not this one's venue.
_EARLIER_ROUND = re.compile(r"\b(?:after|following|since)\s+(?:a|an|the|their|its)\s+(?:first|previous|last|earlier|initial|opening|"
                            r"prior)\s+(?:round|meeting|session|phase)\b[^,;.]*$", re.I)
# "Sharm el-Sheikh hosted the final round of talks": a town that hosts talks is where they are held.
_HOSTS_TALKS = re.compile(r"\s+(?:has\s+|had\s+|will\s+|is\s+|was\s+|would\s+)?(?:hosted|hosts|host|hosting)\s+(?:the\s+|a\s+|an\s+)?"
                          r"(?:[\w-]+\s+){0,4}?(?:talks|negotiations|round|summit|meeting|dialogue)\b", re.I)


_NEAR_PLACE_BEFORE = re.compile(r"\b(?:in|at|near|outside)\s+(?:the\s+)?(?:[\w'-]+\s+){0,5}$", re.I)
_WHERE_AFTER = re.compile(r"^,?\s+where\b")


def venue(places: Sequence[PlaceMention], sents: Sequence[Sent], sides: frozenset[str] = frozenset()) -> PlaceMention | None:
    """Where talks are held: a place after "talks ... in", not a topic ("ceasefire in Gaza"). A town that names the
    talks ("the Doha talks") is one too, after any place the talks are said to be in, unless it lies in a side's
    country or a country at war, whose towns name what talks are about ("the Gaza ceasefire talks")."""
    by_start = {s.start: s for s in sents}
    scored = []
    for pm in places:
        if pm.origin:
            continue
        if pm.names_talks and pm.place.country not in sides and pm.place.country not in FOCUS:
            scored.append((2, -_SPECIFICITY[pm.place.precision], pm.mention.start, pm))
        if not pm.locative:
            continue
        s = next((x for x in by_start.values() if x.start <= pm.mention.start < x.start + len(x.text)), None)
        if s is None:
            continue
        before = s.text[max(0, pm.mention.start - s.start - 90) : pm.mention.start - s.start]
        topic = bool(_TOPIC_BEFORE.search(before[-40:])) and not _SIGNED_IN.search(before[-60:])
        if topic or _INCIDENT_IN.search(before[-60:]) or _reported_from(pm, s) or _SPEAKING_IN.search(before) or _CONFLICT_AFTER.match(
                s.text, pm.mention.end - s.start) or not (
                _NEAR_PLACE_BEFORE.search(before)
                or _TRAVEL_TO.search(before) or _LEFT_VENUE.search(before) or _AS_VENUE.match(s.text, pm.mention.end - s.start)
                or (pm.place.precision in ("city", "site") and _HOSTS_TALKS.match(s.text, pm.mention.end - s.start))):
            continue  # a topic ("escalation in Syria") or a metonym ("waiting on Kyiv"), not where talks are held
        if _EARLIER_ROUND.search(before):
            continue
        after = s.text[pm.mention.end - s.start : pm.mention.end - s.start + 30]
        strong = (bool(_VENUE_BEFORE.search(before)) or bool(_WHERE_AFTER.match(after))
                  or bool(_AS_VENUE.match(s.text, pm.mention.end - s.start)) or bool(_HOSTS_TALKS.match(s.text, pm.mention.end - s.start)))
        scored.append((0 if strong else 1, -_SPECIFICITY[pm.place.precision], pm.mention.start, pm))
    if not scored:
        return None
    return min(scored, key=lambda x: x[:3])[3]


_TOPIC_BEFORE_ACTOR = re.compile(r"(?:war\s+in|conflict\s+in|crisis\s+in|situation\s+in|future\s+of|fate\s+of|sidelines\s+of|"
                                 r"\bdiscuss(?:ed|es|ing)?|\babout|\bregarding|\bconcerning|"
                                 # "met Hochstein to discuss a ceasefire with Israel", "won Tehran's acceptance of the truce
                                 # with Israel": the other side of a truce the meeting is about (not "discussed it with Putin")
                                 r"(?:\bto\s+discuss|\bacceptance\s+of)\s+(?:a|an|the)\s+(?:[\w-]+\s+)?(?:ceasefire|truce)\s+with|"
                                 r"territory\s+of|regions?\s+of|invasion\s+of|occupation\s+of|reconstruction\s+of|"
                                 # "its peace plan for Ukraine": whom a plan is for; "drawing criticism from the EU": a reaction
                                 r"(?:plan|deal|settlement|roadmap|framework)\s+for|"
                                 # "Trump's envoy for Ukraine", "Kyiv's ambassador to the United States": a post's brief
                                 r"(?:envoy|representative|coordinator|czar|tsar)\s+for|ambassadors?\s+to|"
                                 r"(?:criticism|condemnation|rebukes?|protests?|praise|backlash|objections?)\s+(?:from|by))\s+(?:the\s+)?$", re.I)


_ATTACKER_AFTER = re.compile(
    r"^(?:'s|’s)\s+(?:[\w-]+\s+){0,2}?(?:strikes|attacks|air\s?strikes|bombing|bombardment|offensive)\b|"
    # "as Israeli strikes on Iran entered a second week": an adjective, so no verb may come between.
    r"^\s+(?:(?:air|drone|missile|new|fresh|latest|renewed|continued|ongoing|deadly|military)\s+){0,2}"
    r"(?:strikes|attacks|air\s?strikes|bombing|bombardment|offensive|shelling)\b|"
    # "citing new EU sanctions on their leaders": a measure the parties talk about, not a party.
    r"^(?:'s|’s)?\s+(?:(?:new|fresh|latest|tough|tougher|sweeping|economic)\s+)?(?:sanctions|tariffs|embargo)\b|"
    # "with U.S. and Chinese representatives attending as observers"
    r"^(?:\s+and\s+[\w-]+)?(?:\s+[\w-]+){0,3}?\s+(?:attending\s+|present\s+|taking\s+part\s+|participating\s+)?"
    r"as\s+(?:an?\s+)?observers?\b|"
    # "under the watch of ASEAN observers", "with Brazilian and CELAC monitors"
    r"^(?:\s+and\s+[\w-]+)?(?:\s+[\w-]+)?\s+(?:observers?|monitors?)\b(?!\s+(?:said|say|says|reported))|"
    # "to discuss Iran's nuclear programme": a topic
    r"^(?:'s|’s)\s+(?:[\w-]+\s+)?(?:nuclear|missile|weapons)\s+(?:programme|program|ambitions|activities|sites|facilities|file)\b|"
    # "in the face of North Korea's missile threat"
    r"^(?:'s|’s)\s+(?:(?:growing|nuclear|missile|military|latest|continued)\s+){0,2}(?:threats?|provocations?|aggression|"
    r"missile\s+(?:launches|tests))\b|"
    # "the al-Qaeda-linked JNIM", "Iran-backed Houthis": whom a party is tied to.
    r"^-(?:linked|affiliated|allied|aligned|backed|inspired|supported|sponsored)\b",
    re.I,
)
# "..., a day after the U.S. president's call with Vladimir Putin": another event, up to the clause's end. Fronted
# ("Hours after a phone call with Trump, the Kremlin said ..."), the clause names the event the sentence reports.
_EARLIER_EVENT = re.compile(
    r"(?<=\w[\s,])\s*\b(?:(?:a|one|two|three|four|five|several|the)\s+(?:days?|weeks?|months?)|hours|days|weeks|months)\s+"
    r"(?:after|before)\b[^,;]*", re.I)


# "met Araqchi to urge Tehran to return to talks with Washington": the other side of talks urged in a purpose clause
# belongs to those talks, not to the meeting reported.
_URGED_OTHER_TALKS = re.compile(r"\bto\s+(?:urge|press|persuade|push|encourage|convince)\s+[^,;.]{1,40}?\bto\s+"
                                r"(?:return|come\s+back|go\s+back|resume|rejoin|restart|enter|open)\s+(?:to\s+)?(?:[\w-]+\s+){0,2}?"
                                r"(?:talks|negotiations|dialogue)\s+with\s+(?:the\s+)?$", re.I)
# "suspended the talks in protest at the extradition of Alex Saab to the United States": the grievance is another event.
_PROTEST_AT = re.compile(r"\bin\s+(?:protest|retaliation)\s+(?:at|over|against|for)\b[^,;]*", re.I)


_CALL_FROM_BEFORE = re.compile(r"\b(?:calls?|appeals?|pleas?|urging)\s+(?:by|from)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$", re.I)
_FOR_TALKS_WITH = re.compile(r"(?:'s|’s)?\s+(?:[\w-]+\s+){0,3}?for\s+(?:[\w-]+\s+){0,2}?(?:talks|negotiations|dialogue)\s+"
                             r"(?:with|between)\b", re.I)
_SOURCE_SAID = re.compile(r"\s+(?:said|says|told|added)\b", re.I)
# A clause ends before the comma (a weekday, a lower-case word), not a person's name.
_AFTER_CLAUSE = re.compile(r"(?:\b(?-i:[a-z])[\w'’-]*|\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day),\s+(?:a|an)\s+(?:[\w-]+\s+)?$")


_MEETING_OF_BEFORE = re.compile(r"\b(?:meeting|summit|session|gathering|conference)\s+of\s+(?:the\s+)?$", re.I)
_APPOSITION_BEFORE = re.compile(r"\w,\s+(?:a|an)\s+(?:[\w-]+\s+)?$")
_WITH_BEFORE = re.compile(r"\bwith\s+(?:the\s+)?(?:[\w.'’-]+,?\s+(?:and|or)\s+)?$", re.I)


def _topic_only(m: Mention, s: Sent) -> bool:
    """Named as what the talks are about ("the war in Ukraine"), as who struck ("after Israel's strikes on Iran"),
    or only in a clause about another event ("a day after Trump's call with Putin", "in protest at ...")."""
    rel = m.start - s.start
    if any(e.start() <= rel < e.end() for rx in (_EARLIER_EVENT, _PROTEST_AT) for e in rx.finditer(s.text)):
        return True
    if any(a.kind == "intl_org" for a in m.actors) and (
            _OCCASION_AFTER.match(s.text, m.end - s.start)
            or _MEETING_OF_BEFORE.search(s.text[max(0, rel - 30) : rel])):
        return True  # "at a meeting of the ASEAN defence ministers"
    if any(p.precision == "city" for p in m.places) and _VENUE_NAME_AFTER.match(s.text, m.end - s.start):
        return True  # "the Doha talks", "the Minsk agreements": a city naming talks held there
    if _AT_BEFORE.search(s.text[max(0, rel - 15) : rel]) and _FACILITY_AFTER.match(s.text, m.end - s.start):
        return True  # "met at the UN base in Naqoura": where, not who
    if (_APPOSITION_BEFORE.search(s.text[max(0, rel - 30) : rel]) and (nat := _NATIONAL_AFTER.match(s.text, m.end - s.start))
            # "talks were continuing on Monday, a Hamas official said": a source after a clause, not an apposition
            and not (_SOURCE_SAID.match(s.text, nat.end()) and _AFTER_CLAUSE.search(s.text[max(0, rel - 40) : rel]))):
        return True  # "UN envoy Geir Pedersen, a Norwegian diplomat, met ...": a person's nationality
    if (_WITH_BEFORE.search(s.text[max(0, rel - 30) : rel])
            and _PRESENT_AFTER.match(s.text, m.end - s.start)):
        return True  # "with U.S. and French officials present"
    if _URGED_OTHER_TALKS.search(s.text[max(0, rel - 120) : rel]):
        return True
    if _CALL_FROM_BEFORE.search(s.text[max(0, rel - 40) : rel]) and _FOR_TALKS_WITH.match(s.text, m.end - s.start):
        return True  # "rejected a call from Iran's foreign minister for direct talks with New Delhi": who urges others to talk
    return bool(_TOPIC_BEFORE_ACTOR.search(s.text[max(0, rel - 40) : rel]) or _ATTACKER_AFTER.match(s.text[m.end - s.start :])
                or _TOPIC_SCOPE.search(s.text[max(0, rel - 100) : rel]))


# "to discuss disarming Hezbollah and Israel's presence in the south": the whole object of "discuss" is the topic,
# up to the clause's end or a phrase that brings in a party ("discussed the war with Putin").
_TOPIC_SCOPE = re.compile(r"\b(?:discuss(?:ed|es|ing)?|about|regarding|concerning|"
                          # "held talks on Ukraine and Taiwan", "pledged to coordinate on Iran"
                          r"(?:talks|negotiations|discussions|consultations|dialogue|coordinat(?:e|ed|ion)|cooperat(?:e|ed|ion))"
                          # "negotiations between Israel and Hamas on Donald Trump's Gaza plan"
                          r"(?:\s+between\s+[^,;:.]{1,60}?)?\s+(?:on|over))\s+"
                          r"(?:(?!(?:with|between|by|from|said|says|told|while|but|as|and\s+(?:then\s+)?(?:\w+ed|met|meet|spoke|held|said))\b)"
                          r"[^,;:.!?])*$", re.I)


_VENUE_NAME_AFTER = re.compile(r"(?:\s+(?:peace|ceasefire|truce|security|nuclear))?\s+(?:talks|process|format|agreements?|accords?|"
                               r"declaration|summit|negotiations|round|platform|memorandum|communiqu[eé]|protocols?|conference)\b"
                               r"|-based\b", re.I)
_NATIONAL_AFTER = re.compile(r"(?:-born)?\s+(?:[\w-]+\s+)?(?:diplomat|national|citizen|politician|veteran|lawyer|economist|general|"
                             r"official|businessman|businesswoman|journalist|academic|jurist|banker|mediator|negotiator)\b", re.I)
_AT_BEFORE = re.compile(r"\b(?:at|inside|outside)\s+(?:the\s+|a\s+)?$", re.I)
_FACILITY_AFTER = re.compile(r"(?:'s|’s)?\s+(?:[\w-]+\s+){0,2}?(?:base|headquarters|compound|embassy|consulate|residence|"
                             r"building|mission|premises)\b", re.I)
_PRESENT_AFTER = re.compile(r"(?:\s+and\s+[\w-]+)?(?:\s+[\w-]+){0,2}?\s+(?:present|in\s+attendance|attending|looking\s+on)\b", re.I)
# "on the sidelines of the ASEAN summit", "at a NATO summit": the body's gathering is the occasion, not a side.
_OCCASION_AFTER = re.compile(r"(?:'s|’s)?\s+(?:(?:annual|leaders'?|ministerial|foreign\s+ministers'?|emergency|extraordinary)\s+)?"
                             r"(?:summit|conference|forum|gathering|general\s+assembly|ministerial)\b", re.I)


_LEADERS_MEET = re.compile(r"\b(?:meeting|meet|met|summit|face-to-face|in\s+person)\b", re.I)


# "Maduro's government", "Trump's envoy": the leader's side, not the leader at the table.
_LEADER_SIDE = re.compile(r"(?:'s|’s)\s+(?:[\w-]+\s+)?(?:government|administration|regime|officials|envoys?|aides?|team|office|delegation|"
                          r"forces|army|representatives?|negotiators?|spokes\w+|ministers?)\b", re.I)


_HEAD_TITLE = re.compile(r"\b(?:Prime\s+Minister|President|Chancellor)\s+$")


# "Iranian President Hassan Rouhani", "the presidents of Kyrgyzstan and Tajikistan": a head of state named by title and
# country, whether or not the gazetteer knows the person (past leaders are not listed).
_TITLE_NAME_AFTER = re.compile(r"(?:'s|’s)?\s+(?:President|Prime\s+Minister|Chancellor)\s+(?-i:[A-Z])[\w'’.-]+(?!\s*(?:'s|’s))")
_HEADS_OF = re.compile(r"\b(?:presidents|prime\s+ministers|leaders|heads\s+of\s+state)\s+of\s+(?:the\s+)?$", re.I)
_AND_AFTER = re.compile(r"\s+and\s+(?:the\s+)?$", re.I)


def _leader_mentions(gaz: Gazetteer, s: Sent) -> list[tuple[Mention, str]]:
    """Heads of state or government named in a sentence, with the country each leads."""
    out = []
    mentions = gaz.mentions(s.text)
    for i, m in enumerate(mentions):
        # An acting or caretaker head of government may be listed as an official: the title decides.
        titled = bool(_HEAD_TITLE.search(s.text, 0, m.start))
        leader = next((a for a in m.actors if a.kind == "leader" or (titled and a.kind == "official")), None)
        if leader is not None and not _LEADER_SIDE.match(s.text, m.end):
            out.append((m, leader.country or leader.name))
            continue
        state = next((a for a in m.actors if a.kind == "state" and a.country), None)
        if state is None:
            continue
        heads_of = _HEADS_OF.search(s.text, 0, m.start) or (
            i > 0 and _AND_AFTER.fullmatch(s.text, mentions[i - 1].end, m.start) and _HEADS_OF.search(s.text, 0, mentions[i - 1].start))
        if heads_of or _TITLE_NAME_AFTER.match(s.text, m.end):
            out.append((m, state.country))
    return out


def _leaders_in(gaz: Gazetteer, s: Sent) -> int:
    """Leaders of different sides named in a sentence ("a meeting between Putin and Trump")."""
    return len({c for _m, c in _leader_mentions(gaz, s)})


_AND_TITLE = re.compile(r"\s*(?:,\s*)?(?:and|(?:held\s+)?(?:[\w-]+\s+){0,3}?(?:talks|meeting|call)\s+with|met(?:\s+with)?|"
                        r"spoke\s+(?:with|to))\s+(?:[\w'’.-]+\s+){0,4}")


# "holding nearly an hour of talks with Kim", "willing to talk 'face to face' with Trump": a leader talked with in person.
_TALKS_WITH = re.compile(r"\b(?:talks?|talking|discussions?|negotiat\w*)\s+(?:[\w'‘’-]+\s+){0,3}?with\s+(?:[\w'’.-]+\s+){0,4}$", re.I)


def _leaders_together(gaz: Gazetteer, s: Sent) -> bool:
    """Two leaders of different sides as one subject ("Abiy and Mohamud agreed"), or one in talks with the other,
    not a sender and an addressee."""
    ms = _leader_mentions(gaz, s)
    if any(c1 != c2 and _AND_TITLE.fullmatch(s.text, m1.end, m2.start) for (m1, c1), (m2, c2) in pairwise(ms)):
        return True
    return any(c1 != c2 and _TALKS_WITH.search(s.text, m1.end, m2.start) for i, (m1, c1) in enumerate(ms) for m2, c2 in ms[i + 1 :])


_OFFERED_TRUCE = re.compile(r"\b(?:ready|willing|prepared|open)\s+(?:for|to(?:\s+accept)?)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?$",
                            re.I)
_FALLBACK_TALKS = re.compile(r"\b(?:agreed|ceremony|ceasefire|truce|peace)\b", re.I)
# What was proposed or offered is the form when it is talks ("proposed holding talks", "offered to host"), also as the
# verb of a proposed clause ("proposed that the two Koreas restore a pact and resume dialogue").
_OFFERED_TALKS = re.compile(r"\s+(?:[\w'’+-]+\s+){0,8}?(?:that\s+[^,;.]{0,80}?\b(?:resume|restart|hold|open|start)\s+(?:direct\s+|new\s+|peace\s+|face-to-face\s+)?)?"
                            r"(?:hold|holding|host|hosting|mediat\w*|broker\w*|talks|negotiat\w*|meet|meeting|"
                            r"summit|dialogue|['‘]?good\s+offices)\b", re.I)
# A delegation travelling to join talks hosted or mediated by a third party goes to talks, not on a visit.
_HOSTED_TALKS = re.compile(r"\b(?:(?:hosted|mediated|brokered)\s+by|(?:indirect|proximity)\s+(?:talks|negotiations)|"
                           # "expected in Cairo for talks with Egyptian mediators"
                           r"(?:talks|negotiations)\s+with\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?mediators)\b|"
                           r"-(?:hosted|mediated|brokered)\b", re.I)
# "talks between Putin and U.S. envoys Witkoff and Kushner": the envoy as one side of the talks
_ENVOY_MEETS = re.compile(r"\b(?:met|meets?|meeting|talks\s+with|talks\s+between\s+[^,;.]{0,60}?\band\s+(?:[\w.'’-]+\s+){0,2}?"
                          r"(?:envoys?|emissar(?:y|ies))\b)", re.I)
# "the two presidents each met the mediator separately": leaders who do not meet each other hold no summit
_APART = re.compile(r"\b(?:each\s+met|met\s+(?:[\w.'’-]+\s+){0,4}?separately|in\s+separate\s+meetings|refus\w*\s+to\s+sit\s+in\s+the\s+same\s+room)\b",
                    re.I)
# "met EU envoy Lajcak", "talks that UN envoy Grundberg hosted": a bloc's envoy mediates talks; he visits no one's capital
_BLOC_ENVOY = re.compile(r"\b(?:UN|U\.N\.|United\s+Nations|EU|European\s+Union|African\s+Union|AU|OSCE|Arab\s+League|ECOWAS|IGAD|"
                         r"UN\s+Secretary-General's|bloc's)\s+(?:(?:special|peace|chief)\s+)?$")
# "talks with the Taliban in Doha that ..., which he would present to President Ghani": the leader is in a later clause
_LATER_CLAUSE = re.compile(r";|,\s+(?:which|who|whom|that|and|but|while|said|says)\b|\s+that\s+the\b|"
                           # "have not met since President Trump called off the talks": a leader in a time clause
                           r"\s+(?:since|after|before|until|when)\s+(?!(?:the|a|an|his|her|their|its)\s+(?:talks|meeting)\b)", re.I)
# "Sisi received Erdogan in Cairo, the Turkish president's first visit": a leader's visit received by another
_RECEIVED = re.compile(r"\b(?:received|welcomed|hosted|hosts|receives|welcomes)\b", re.I)
# "agreed to hold a foreign ministers' meeting, a step toward a leaders' summit": a later goal, not this meeting's form
_LATER_GOAL = re.compile(r"\b(?:(?:step|move|path)\s+(?:toward|towards)|pav\w+\s+the\s+way\s+(?:for|to)|prelude\s+to|"
                         r"in\s+preparation\s+for)\s+(?:[\w'’-]+\s+){0,3}?(?:summit|meeting)\b", re.I)
# "met face to face in Baku on the sidelines of al-Sharaa's visit to Azerbaijan": the occasion is not the form.
_SIDELINES = re.compile(r"\b(?:on|at)\s+the\s+sidelines\s+of\b[^,;.]{0,80}", re.I)
# "..., Meloni said after a phone call with the pontiff": the call a trailing source reports from is not the talks' form
# (unlike "Putin said after a call with Trump that ...", where the speaker opens the sentence).
# "offered to mediate ... during a White House meeting with Khan": the meeting is where the offer was made.
_DURING_MEETING = re.compile(r"\b(?:propos\w+|offer\w*|float\w*|suggest\w*)\b[^,;.]{0,80}?\b(?P<occ>during\s+(?:a|an|the|his|her|their)\s+"
                             r"(?:[\w-]+\s+){0,3}?(?:meeting|visit|trip)\b[^,;.]*)", re.I)
_SAID_AFTER_CALL = re.compile(r",\s+(?:[\w'’.-]+\s+){1,6}?(?:said|says|told\s+[\w-]+|announced|wrote)\s+(?:on\s+\w+day\s+)?(?:after|following|during)\s+"
                              r"(?:a|an|the|his|her|their)\s+(?:[\w-]+\s+)?(?:(?:tele)?phone\s+)?(?:call|conversation)\b[^,;.]*", re.I)


_UNUSED_LINE = re.compile(r"\b(?:not|never|no\s+longer|stopped|ceased|refus\w+\s+to)\s+(?:[\w-]+\s+){0,2}?"
                          r"(?:respond\w*|answer\w*|us\w+|pick\w*\s+up)\s+(?:to\s+)?(?:calls?\s+)?(?:on|over|via)\s+"
                          r"(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+)?$", re.I)


def _format_in(gaz: Gazetteer, s: Sent) -> tuple[str, re.Match[str]] | None:
    """The form of the talks a sentence names; talks and a proposal: whichever comes first."""
    hits: list[tuple[int, str, re.Match[str]]] = []
    # ... nor is another event a time is measured from ("a day after the two leaders spoke by phone")
    occasions = [o.span() for rx in (_SIDELINES, _EARLIER_EVENT, _SAID_AFTER_CALL, _LATER_GOAL) for o in rx.finditer(s.text)]
    occasions += [o.span("occ") for o in _DURING_MEETING.finditer(s.text)]
    offered_talks = False
    for rank, (name, rx) in enumerate(_FORMATS):
        for m in rx.finditer(s.text):
            if name == "proposal" and m.group(0).lower().startswith(("propos", "offer", "float")) and _OFFERED_TALKS.match(s.text, m.end()):
                # only a verb's offer ("offered to mediate") is referred back to; "a proposal handed ... by mediators" is a text
                offered_talks = offered_talks or m.group(0).lower().endswith(("ed", "ing"))
                continue
            if name == "proposal" and offered_talks and _BACK_REF.search(s.text, 0, m.start()):
                continue  # "offered to mediate ..., and Khan welcomed the offer": the offer of talks again
            if any(a <= m.start() < b for a, b in occasions):
                continue
            if name == "phone_call" and _UNUSED_LINE.search(s.text, max(0, m.start() - 60), m.start()):
                continue  # "Pyongyang had not responded on the inter-Korean hotline": a line left unused is no call
            hits.append((rank, name, m))
            break
    if not hits:
        return None
    rank, name, m = hits[0]
    if name in ("talks", "proposal"):
        # Talks and a text named in the same sentence: the one named first is what happened to it
        # ("drafted a memorandum ... to present at a new round of talks"; "met ... to discuss a proposal").
        firsts = [h for h in hits if h[1] in ("talks", "proposal") and h[0] <= 4]
        if firsts:
            rank, name, m = min(firsts, key=lambda h: h[2].start())
        # ... unless the text was drafted or offered during the talks, which are then the occasion ("helped draft a plan
        # during talks with Witkoff in Miami").
        during = next((h for h in hits if h[1] == "talks" and _DURING.search(s.text, max(0, h[2].start() - 40), h[2].start())), None)
        if name == "proposal" and during is not None:
            rank, name, m = during
    envoy = _FORMATS[-1][1].search(s.text)
    if name == "envoy_visit" and rank == len(_FORMATS) - 1 and _ENVOYS_OF_SIDES.search(s.text):
        # "Special envoys from Armenia and Turkey agreed in Vienna": envoys of both sides meet in talks, nobody visits.
        name = "talks"
    if name == "envoy_visit" and rank == 2 and _HOSTED_TALKS.search(s.text):
        # Two leaders travelling together to a hosted signing meet at a summit ("Tshisekedi and Kagame are due in
        # Washington to sign accords at a ceremony hosted by Trump").
        name = "summit" if _leaders_together(gaz, s) else "talks"
    elif name == "envoy_visit" and rank == 2 and _leaders_in(gaz, s) >= 2 and (
            (meet := _LEADERS_MEET.search(s.text) or (_RECEIVED.search(s.text) if envoy is None else None))
            or _leaders_together(gaz, s)):
        # A head of state on a trip who meets another ("to meet Kim during his trip to South Korea", "held talks with
        # Erdogan in Istanbul, his first visit to Turkey") holds a summit.
        name, m = "summit", meet or m
    elif name == "talks" and envoy and not _BLOC_ENVOY.search(s.text, 0, envoy.start()) and (meets := _ENVOY_MEETS.search(s.text)) and any(
            (lm.start >= meets.start() and not _LATER_CLAUSE.search(s.text, meets.end(), lm.start)) or envoy.start() >= meets.end()
            for lm, _c in _leader_mentions(gaz, s)):
        # "US envoy Witkoff met Putin in Moscow", "Putin met U.S. envoys": an envoy received by a head of state
        name, m = "envoy_visit", envoy
    elif name in ("talks", "proposal") and _leaders_in(gaz, s) >= 2 and not _APART.search(s.text) and (
            (meet := next((x for x in _LEADERS_MEET.finditer(s.text) if not any(a <= x.start() < b for a, b in occasions)), None))
            or (name == "talks" and _leaders_together(gaz, s))):
        # Two heads of state or government in talks: a summit ("Abiy and Mohamud agreed after talks in Ankara").
        name, m = "summit", meet or m
    elif name == "talks" and (visit := _met_at_home(gaz, s)) is not None:
        name, m = "envoy_visit", visit
    return name, m


_ENVOYS_OF_SIDES = re.compile(r"\b(?:envoys|emissaries|special\s+representatives)\s+(?:from|of)\s+(?:the\s+)?"
                              r"(?-i:[A-Z])[\w'’.-]*(?:\s+(?-i:[A-Z])[\w'’.-]*){0,3}\s+and\s+(?:the\s+)?(?-i:[A-Z])", re.I)
_BACK_REF = re.compile(r"\b(?:the|this|that|his|her|its|their)\s+$", re.I)
_DURING = re.compile(r"\bduring\s+(?:[\w'’-]+\s+){0,3}?$", re.I)
_MET_WITH = re.compile(r"\b(?:met|meets|meeting\s+with|(?:held\s+)?talks\s+with)\b", re.I)
_IN_PLACE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?$", re.I)
# "under an Omani-brokered track", "EU-facilitated dialogue": a third party carries the talks too
_MEDIATED = re.compile(r"\bmediat|\b(?:hosted|brokered)\s+by\b|-(?:brokered|facilitated|mediated|sponsored)\b", re.I)


_POSTED_TO = re.compile(r"\b(?:ambassador|envoy|emissary|representative)\s+(?:to|in)\s+(?:the\s+)?$", re.I)
# "Saudi Arabia's ambassador to Yemen, Mohammed Al Jaber,": the envoy's name in apposition
_POSTED_ENVOY = re.compile(r"(?:'s|’s)\s+(?:[\w-]+\s+)?(?:ambassador|envoy|emissary)\s+to\b", re.I)


def _met_at_home(gaz: Gazetteer, s: Sent) -> re.Match[str] | None:
    """One side met the other in the other's own country: a visit ("U.S. envoy Hochstein met Speaker Berri in Beirut",
    "an ECOWAS delegation met the junta leader in Niamey"); a meeting in a third country is talks."""
    mediated = _MEDIATED.search(s.text)
    mentions = [x for x in gaz.mentions(s.text) if x.actors]
    for met in _MET_WITH.finditer(s.text):
        # "Saudi Arabia's ambassador to Yemen, Mohammed Al Jaber, met ...": the post's country is the host's, not a guest
        clause = max(s.text.rfind(",", 0, met.start()), s.text.rfind(";", 0, met.start()))
        first = next((x.start for x in mentions if x.end <= met.start()), None)
        if first is not None and clause > first and _POSTED_ENVOY.search(s.text, first, clause):
            clause = max(s.text.rfind(",", 0, first), s.text.rfind(";", 0, first))
        guests = {a.country or a.name for x in mentions if clause < x.start and x.end <= met.start()
                  and not _POSTED_TO.search(s.text, max(0, x.start - 30), x.start) for a in x.actors if a.country or a.kind == "intl_org"}
        after = [x for x in mentions if x.start >= met.end()]
        place = next((x for x in after if x.places and _IN_PLACE.search(s.text, max(0, x.start - 8), x.start)), None)
        if place is None or not guests:
            continue
        if mediated is not None and (mediated.start() < place.end or mediated.group(0).startswith("-")):
            return None  # "talks with Egyptian mediators in Cairo": the host mediates talks between others
        home = place.places[0].country
        hosts = {a.country for x in after if x.start < place.start for a in x.actors}
        if len(hosts) >= 3:
            return None  # "met the foreign ministers of Jordan, Egypt, Qatar ... in Amman": a group meeting, not a visit
        if home in hosts and home not in guests:
            return met
    return None


# ", the German government said", "Egyptian sources said", "China praised the deal": who reports or reacts.
_CLAUSE_SUBJECT = re.compile(r"(?:^|[,;:]\s*|[.!?]\s+)(?:(?:but|and|while|meanwhile|however)\s*,?\s+)?"
                             r"(?:an?\s+|the\s+|two\s+|three\s+|several\s+)?(?:[\w'’-]+\s+){0,2}$", re.I)
_SAID_AFTER = re.compile(r"(?:'s|’s)?(?:\s+[\w-]+){0,3}?\s+(?:said|says|say|told|reported|reports|added|stated)\b", re.I)
# Praise or blame for what the sides did; who answers a proposal or plan ("the RSF welcomed the plan") is a side.
_REACTED_AFTER = re.compile(r"(?:'s|’s)?(?:\s+[\w-]+){0,3}?\s+(?:welcom|hail|prais|condemn|critici[sz]|applaud|commend)(?:ed|es|s|e)?\s+"
                            r"(?:the\s+|this\s+|that\s+|their\s+|a\s+)?(?:[\w-]+\s+){0,2}?(?:deal|agreement|accord|ceasefire|truce|"
                            r"decision|talks|meeting|summit|step|move|news|announcement|progress|outcome|breakthrough|declaration|"
                            r"signing|exchange|contacts?)\b", re.I)
# Whom a side tells something, unlike the press: "told visiting U.S. envoy Tom Barrack", "told his Turkish counterpart".
_ADDRESSEE_AFTER = re.compile(r"\s+(?!(?:Reuters|AFP|AP|BBC|CNN|Al\s+Jazeera|Al\s+Arabiya|TASS|RIA|Xinhua|Interfax|Bloomberg|"
                              r"Axios|Politico|NBC|CBS|ABC|Fox)\b)(?:(?:visiting|his|her|their|its)\s+|(?-i:[A-Z]))", re.I)
# "Iran's foreign minister said on Sunday that talks with European powers would continue": talks with no owner of their
# own are the speaker's.
_OWN_TALKS = re.compile(r"\s+(?:on\s+\w+day\s+)?(?:that\s+)?(?:the\s+|further\s+|new\s+)?(?:[\w-]+\s+)?(?:talks|negotiations|dialogue|"
                        r"contacts|consultations|meetings?)\s+with\b", re.I)
# "Hamas said it accepted the proposal": a speaker who goes on about itself is a side.
_ABOUT_ITSELF = re.compile(r"\b(?:it|its|he|his|she|her|they|their|we|our|us)\b", re.I)


# "rejecting a U.S. call for talks": who calls on others to talk is, beside two sides, no side itself.
# (not "Thailand's call for bilateral talks", which the caller would hold)
_CALLS_FOR_TALKS = re.compile(r"(?:'s|’s)?\s+(?:[\w-]+\s+)?(?:calls?|appeals?|push|pressure)\s+for\s+"
                              r"(?:(?!(?:bilateral|direct|one-on-one|face-to-face)\b)[\w-]+\s+){0,2}?(?:talks|negotiations|dialogue)\b",
                              re.I)


_ACCORDING_TO_BEFORE = re.compile(r"\baccording\s+to\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$", re.I)
_SAID_END = re.compile(r"(?:\s+on\s+\w+day|\s+in\s+a\s+statement)?\s*(?:[,.;]|$)")
_UNTIL_STOP = re.compile(r"[^.;!?]*")


def _speaker(m: Mention, s: Sent) -> bool:
    """The mention is only the source of the report or a voice reacting to it: the subject of a verb of saying or of
    praise or blame that opens a clause, or "according to X"."""
    rel, end = m.start - s.start, m.end - s.start
    if _ACCORDING_TO_BEFORE.search(s.text[max(0, rel - 40) : rel]):
        return True
    if not _CLAUSE_SUBJECT.search(s.text[:rel]):
        return False
    said = _SAID_AFTER.match(s.text, end)
    if said and said.group(0).endswith("told") and _ADDRESSEE_AFTER.match(s.text, said.end()):
        return False  # "Aoun told visiting U.S. envoy Tom Barrack that ...": telling another side is talking to it
    if said:
        if _SAID_END.match(s.text[said.end() :]):
            return True  # ", the German government said, urging both sides ...": the report came before
        reported = _UNTIL_STOP.match(s.text[said.end() :]).group(0)
        return not (_ABOUT_ITSELF.search(reported) or _OWN_TALKS.match(reported))
    return bool(_REACTED_AFTER.match(s.text, end))


# "Israel has threatened to strike Iran's nuclear sites if the talks fail": in a later sentence, who fights is background.
_FIGHTS_AFTER = re.compile(r"(?:'s|’s)?\s+(?:has\s+|have\s+|had\s+)?(?:(?:repeatedly|again|also)\s+)?(?:threatened\s+to\s+)?"
                           r"(?:strike|struck|strikes|attack(?:ed|s)?|bomb(?:ed|s)?|invade[ds]?|shell(?:ed|s)?|"
                           r"carried\s+out\s+(?:[\w-]+\s+){0,2}?(?:strikes|attacks|raids))\b", re.I)


def _belligerent(m: Mention, s: Sent) -> bool:
    return bool(_FIGHTS_AFTER.match(s.text, m.end - s.start)) and bool(_CLAUSE_SUBJECT.search(s.text[: m.start - s.start]))


_PROPOSES_AFTER = re.compile(r"(?:'s|’s)?(?:\s+[\w-]+){0,3}?\s+(?:has\s+|have\s+|had\s+)?(?:proposed|put\s+forward|presented|drafted|"
                             r"tabled|submitted)\s+(?:a|an|the|its|their)\s+(?:[\w-]+\s+){0,3}?(?:plan|proposal|roadmap|framework|"
                             # "proposed a two-day ceasefire between Israel and Hamas"
                             r"initiative|draft|(?:ceasefire|truce)\s+between)\b", re.I)
# "Putin hosted Witkoff", "Erdogan received Zelenskiy": a guest, not talks between others.
_HOSTS_GUEST = re.compile(r"(?:'s|’s)?(?:\s+[\w-]+){0,2}?\s+(?:hosted|hosts|hosting|welcomed|welcomes|received|receives)\s+"
                          r"(?!(?:the\s+|a\s+|an\s+|new\s+|their\s+)?(?:[\w-]+\s+)?(?:talks|meeting|round|negotiations|summit|"
                          r"conference|ceremony)\b)", re.I)
_MEDIATOR_DESCRIBED = re.compile(r"\b(?:a|the)\s+(?:country|state|nation|government|kingdom|emirate)\s+(?:that|which)\s+"
                                 r"(?:has\s+been\s+|had\s+been\s+|is\s+|was\s+|has\s+)?(?:mediat\w+|brokering|brokered|hosting|hosted)\b",
                                 re.I)
_HOSTED_BY_TITLE = re.compile(r"\b(?:hosted|chaired|convened|brokered|mediated|facilitated)\s+by\s+(?:the\s+)?"
                              # "brokered by the island nation's Prime Minister": the host country's head
                              r"(?:(?:island\s+|host\s+)?(?:nation|country|state|kingdom)['’]s\s+)?(?:Prime\s+Minister|President|King|Emir|"
                              r"Chancellor|Sultan|Crown\s+Prince|Foreign\s+Minister)\b")
_HOSTS_TALKS_WITH = re.compile(r"(?:'s|’s)?(?:\s+[\w-]+){0,3}?\s+(?:hosted|hosts|hosting|will\s+host|to\s+host)\s+(?:[\w-]+\s+){0,3}?"
                               r"(?:talks|meetings?|negotiations|consultations|discussions)\s+with\b", re.I)
_ENVOY_AFTER = re.compile(r"(?:'s|’s)?\s+(?:special\s+|personal\s+|chief\s+)?(?:envoy|mediator|special\s+representative|emissary)\b", re.I)


# --- Sides of the talks. A passage names many states; the sides are the ones the talk predicate binds: its subject
# ("Armenia and Azerbaijan agreed"), the object of a verb of meeting or telling ("met Lebanese Speaker Nabih Berri"),
# "between A and B", "talks with B", a delegation's owner ("Ukrainian and U.S. negotiators", "diplomats from
# Britain"), who made or got a proposal ("a plan floated by", "handed to Kyiv"). Names in background clauses
# (", as Turkey warned", "; Iran welcomed", ", Azerbaijani media reported, accusing Paris", "if the IAEA ...")
# bind nothing. Once two sides are bound, every other name is background: the host's country, a commentator, an
# ally, the war the talks are about.

# Words of a noun phrase before its head name: titles, demonyms, determiners, conjunctions ("his British, French
# and German counterparts", "Syrian Foreign Minister", "Congo's government and the").
# A weekday is no word of a noun phrase: "In Paris on Monday, Putin and Zelenskiy met" opens a clause after it.
_NP_WORD = (r"(?:the|a|an|his|her|its|their|both|two|(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b)(?-i:[A-Z])[\w'’.-]*|senior|top|chief|special|deputy|acting|"
            r"interim|former|foreign|defen[cs]e|prime|ministers?|president(?:ial)?|vice|secretary|envoys?|officials?|"
            r"leaders?|delegations?|negotiators?|representatives?|counterparts?|army|military|government|commanders?|head|"
            r"state|national|security|advisers?|intelligence|affairs|general|parliament(?:ary)?|speaker|junta|rebels?|"
            r"policy|team|emir|king|prince|diplomats?|and|or|technical|rival|opposition|ministry|authorities|"
            r"administration|presidency|civilian|\w+-level|"
            # "he and Vladimir Putin", "Ahmed al-Sharaa", "the banned Tehrik-i-Taliban Pakistan", "factions Hamas and Fatah"
            r"he|she|we|they|al-[\w'’.-]+|banned|outlawed|armed|separatist|dissident|main|factions?|groups?|movements?|"
            r"parties|internationally|recogni[sz]ed|transitional|elected|exiled|caretaker)(?:'s|’s)?")
_NP_WORD_RX = re.compile(_NP_WORD, re.I)
_TOKEN_SEP = re.compile(r"[^\s,]+")
_TALK_WORD = (r"(?:talks|negotiat\w*|meetings?|meet|meets|met|summits?|dialogue|contacts?|consultations|discussions?|deal|"
              r"agreement|accords?|ceasefire|truce|rift|dispute|tensions|mediat\w*|shuttl\w*|calls?|relations|normali[sz]\w*|"
              r"peace|treaty|declaration|channel|session|round|broker\w*|host\w*|spoke|spoken|speak\w*|talk\w*|agreed|signed|"
              r"engage\w*|conflict|consult\w*|reconciliation)")
# A cue right before a side's noun phrase (after _NP_TAIL is stripped).
_SIDE_CUE = re.compile(
    rf"(?:\b{_TALK_WORD}(?:\s+[\w'’.-]+){{0,3}}?\s+between|\b{_TALK_WORD}(?:\s+[\w'’.-]+){{0,6}}?\s+with|"
    # "a meeting of Putin, Zelenskiy and Trump"; "Ministers from ECOWAS and from Mali"; "a bloc made up of Saudi Arabia"
    r"\b(?:meeting|summit)\s+of|\band\s+(?:from|of)|\b(?:made\s+up\s+of|comprising|consisting\s+of)|"
    # the object of a verb of meeting, telling or answering ("in a meeting India criticised": a noun, not the verb)
    r"(?<!\ba\s)(?<!\bthe\s)(?<!\btheir\s)(?<!\bhis\s)(?<!\bher\s)\bmeeting|"
    r"\b(?:met|meet|meets|received|receives|receiving|hosted|hosts|hosting|phoned|telephoned|called|told|tells|"
    r"telling|urged|urges|urging|pressed|presses|pressing|visited|visits|visiting|invited|invites|inviting|joined|joins|"
    r"welcomed|welcomes|rejected|rejects|rejecting|accepted|accepts|dismissed|dismisses|spurned|answered|briefed|thanked|"
    r"asked|wait\s+for|challenging|"
    # ... and the first object of a verb of giving or bringing: "presented Hamas with a proposal", "brought Sudan and
    # Chad together"
    r"presented|handed|gave|offered|delivered|brought|brings|bring|bringing)|"
    # who gets a proposal or a letter
    r"\b(?:handed|presented|present|sent|send|delivered|passed|submitted|offered|proposed|made|conveyed|gave|offers?|"
    r"proposals?|overtures?|letters?|messages?|invitations?|plans?|drafts?|framework|roadmap|memorandum|terms)"
    r"(?:\s+[\w'’.-]+){0,5}?\s+to|"
    # who made one, who agreed to it ("a ceasefire agreed by Thailand and Cambodia")
    r"\b(?:plans?|proposals?|offers?|initiative|invitations?|framework|draft|roadmap|memorandum|letters?|overtures?|"
    r"demands?|calls?|requests?)(?:\s+[\w'’.-]+){0,2}?\s+(?:by|from)|"
    r"\b(?:agreed|signed|reached|accepted|rejected|endorsed|initial(?:l)?ed|approved|held|attended)\s+(?:(?:on|to)\s+)?by|"
    # whose delegates: "the foreign ministers of Armenia and Azerbaijan", "diplomats from Britain"
    r"\b(?:delegations?|delegates|negotiators|envoys?|officials|diplomats|representatives|ministers|advisers|commanders|"
    r"counterparts|leaders|chiefs|teams?|operations|heads|presidents)\s+(?:of|from))\s*$",
    re.I,
)
# Where a clause opens, its subject follows; verbs that take an object ("denied a Saudi media report") open one only
# with "that".
_CLAUSE_OPEN = re.compile(r"(?:^|[;:]\s*|,\s+(?:and|but)\s+|\b(?:that|said|says|insisted|believes)\s+)$", re.I)
# "Hours after a phone call with Trump, the Kremlin said": a fronted phrase before the subject.
_FRONTED_PHRASE = re.compile(r"^(?:(?:Hours|Days|Weeks|Months|Minutes|Shortly|Soon|Just|A\s+day|A\s+week|Two\s+days)\s+)?"
                             r"(?:After|Following|Despite|Amid|During|Before|In|At|On|Under|With|after|before)\b[^,;]*,\s*")
# A side's delegates or talks named after it: "Ukrainian and U.S. negotiators", "U.S.-Iran nuclear talks".
_SIDE_HEAD_AFTER = re.compile(r"(?:(?:'s|’s)?(?:\s*-\s*|\s*,\s*|\s+and\s+)(?-i:[A-Z])[\w.'’]*)*(?:'s|’s)?"
                              # modifiers, not a verb ("Brazil sent presidential adviser Celso Amorim")
                              r"(?:\s+(?!(?:and|or|but|to|of|in|on|at|for|with|by|from|sent|met|held|told|said|says|gave|"
                              r"made|took|has|have|had|is|are|was|were|will|would|can|could|\w+ed)\b)[\w-]+){0,2}?\s+"
                              r"(?:talks|negotiations|summit|delegations?|negotiators?|envoys?|officials|diplomats|"
                              # "a draft U.S. peace plan handed to Kyiv": who made it is a side or a mediator
                              r"representatives|ministers?|counterparts?|commanders|delegates|team|advisers?|plan|proposal)\b",
                              re.I)
# "told U.S. envoy Tom Barrack that Israel must withdraw": what one side tells another names no side.
_TOLD_THAT = re.compile(r"\b(?:told|tells|telling|assured|assuring|warned|warning|informed|reminded|urged)\s+(?:[\w'’.-]+\s+){1,8}?"
                        r"(?:[^,;]{0,60}?\s)?that\s+$", re.I)
# The subject of a verb of talking, wherever it stands: "talks ended with Russia and Ukraine agreeing to ..."
_TALKS_NEXT = re.compile(r"(?:'s|’s)?(?:\s*,\s*(?-i:[A-Z])[\w.'’-]*|\s+and\s+(?:the\s+)?(?-i:[A-Z])[\w.'’-]*){0,3}?\s+"
                         r"(?:(?:will|would|could|have|has|had|are|is|were|was|also|then|jointly|both|to)\s+)*"
                         r"(?:agree(?:d|s|ing)?|sign(?:ed|s|ing)?|meet|meets|meeting|met|negotiat\w*|talk(?:s|ed|ing)?|held|hold(?:s|ing)?|"
                         r"spoke|speak(?:s|ing)?|initial(?:l)?ed|finali[sz]ed|resumed|exchanged)\b", re.I)
# A later sentence's subject is a side only when it talks.
_TALKS_AFTER = re.compile(rf"(?:'s|’s)?(?:\s+[\w'’.-]+){{0,4}}?\s+(?:(?:will|would|could|has|have|had|is|are|was|were|also|"
                          rf"again|to|be|been|due|set|expected)\s+)*{_TALK_WORD}\b", re.I)
# Clauses that report background, not the talks: from the cue to the sentence's end, or to the next comma.
_BACKGROUND_TO_END = re.compile(
    r",\s+(?:while|whereas|as|although|though|even\s+as)\s+(?!well\b|part\b|a\s+result\b|expected\b|planned\b|agreed\b|"
    r"scheduled\b|usual\b|host\b|mediators?\b|observers?\b)|;\s+|"
    # ", saying it 'sounds like a Russian plan'", ", with Russia and the Netherlands accompanying the process"
    r",\s+(?:saying|accusing|citing|insisting|adding|warning|noting|arguing|describing|dashing|stressing|blaming|"
    r"calling|giving|playing\s+down|denying|claiming|drawing)\b|,\s+with\s+(?=[^,;]*?\b\w+ing\b|[^,;]*?\b(?:invited|"
    r"present|absent)\b)", re.I)
_BACKGROUND_PHRASE = re.compile(
    # ", a German diplomatic source said, a week into ...": what follows an attribution comments on it, up to a clause
    # of its own (", but Israel has yet to respond")
    # (a subject first: in "Oman, which has mediated, said on Saturday that ..." the verb is the sentence's own)
    r",\s+(?!(?:said|says|reported|added|announced|confirmed)\b)(?:(?!(?:and|but|which|who|that|while|with)\b)[^,;])+?\s"
    r"(?:said|says|reported|reports|added|announced|"
    r"confirmed|stated|wrote|posted|noted|told\s+(?:reporters|journalists|AFP|Reuters|\w+\s+(?:news\s+)?agency))\b"
    r"(?:(?!,\s+(?:but|and|yet)\s)[^;])*|"
    # ", said Angola, which was to host the negotiations"
    r",\s+(?:said|says)\s+(?-i:[A-Z])[^;]*|"
    r",\s+(?:which|who|whom|whose|where)\b[^,;]*|"
    # "the African Union's panel, led by former South African president Thabo Mbeki, brought ..."
    r",\s+(?:led|headed|accompanied)\s+by\b[^,;]*|\b(?:if|unless|since)\s+[^,;]*|"
    r"\b(?:a|an|one|two|three|several)\s+(?:days?|weeks?|months?|years?)\s+into\b[^,;]*|"
    r"\b(?:on|at)\s+the\s+sidelines\s+of\b[^,;.]{0,80}", re.I)


@lru_cache(maxsize=4096)
def _background(s: Sent) -> tuple[tuple[int, int], ...]:
    spans = [(b.start(), len(s.text)) for b in _BACKGROUND_TO_END.finditer(s.text)]
    spans += [b.span() for b in _BACKGROUND_PHRASE.finditer(s.text)]
    spans += [e.span() for e in _EARLIER_EVENT.finditer(s.text)]
    # "Hours after a call with Trump, the Kremlin said Putin had agreed": after a fronted phrase the clause is the main one
    fronted = _FRONTED_PHRASE.match(s.text)
    if fronted:
        comma = s.text.rfind(",", 0, fronted.end())
        spans = [(b0, b1) for b0, b1 in spans if b0 != comma]
    return tuple(spans)


def _in_background(m: Mention, s: Sent, floor: int = 0) -> bool:
    """In a clause that is background to one before it; one that starts before `floor` (the first name in the
    sentence) is the main clause ("No compromise has been found, Ushakov said after Putin met Witkoff")."""
    rel = m.start - s.start
    return any(b0 <= rel < b1 for b0, b1 in _background(s) if b0 >= floor)


def _np_head(m: Mention, s: Sent) -> str:
    """The sentence before the mention's noun phrase: "talks with his British, French and German" -> "talks with"."""
    return _head_before(s.text, m.start - s.start)


@lru_cache(maxsize=8192)
def _head_before(text: str, rel: int) -> str:
    before = text[max(0, rel - 160) : rel]
    cut = len(before)
    if cut and before[-1] not in " ,\t\n":
        return before  # "U.S.-Iran": no word of a noun phrase ends right at the name
    # Peel up to ten words of the noun phrase off its end, each followed by a space or a comma.
    for n, tok in enumerate(reversed(list(_TOKEN_SEP.finditer(before)))):
        if n == 10 or not _NP_WORD_RX.fullmatch(tok.group(0)):
            break
        cut = tok.start()
    return before[:cut]


# "a peace plan floated by his Indonesian counterpart", "Under a proposal presented by U.S. envoy Steve Witkoff"
_PROPOSED_BY = re.compile(r"\b(?:plans?|proposals?|offers?|initiative|framework|roadmap|draft)\s+(?:[\w-]+\s+){0,2}?(?:by|from)\s*$",
                          re.I)


def _proposal_author(m: Mention, s: Sent) -> bool:
    return bool(_PROPOSED_BY.search(_np_head(m, s)))


_AND_START = re.compile(r"and\s", re.I)


def _bound(m: Mention, s: Sent, lead: bool) -> bool:
    """The talk predicate binds the mention: a cue before its noun phrase, or it opens a clause as its subject."""
    rel = m.start - s.start
    before = s.text[max(0, rel - 160) : rel]
    head = _np_head(m, s)
    if _SIDE_CUE.search(head) or _SIDE_HEAD_AFTER.match(s.text, m.end - s.start) or _TALKS_NEXT.match(s.text, m.end - s.start):
        return True
    if lead:
        fronted = _FRONTED_PHRASE.match(s.text)
        if fronted and fronted.end() == rel - len(before) + len(head):
            return True
    # "..., and the Rapid Support Forces said": the conjunction went with the noun phrase's words
    if not (_CLAUSE_OPEN.search(head) or (head.rstrip().endswith(",") and _AND_START.match(before[len(head) :]))):
        return False
    if _TOLD_THAT.search(head):
        return False
    return lead or bool(_TALKS_AFTER.match(s.text, m.end - s.start))


# A side the gazetteer does not know, joined to one it does: "Venezuela's government and the opposition Unitary
# Platform", "Cameroon's government and Anglophone separatists".
_UNNAMED_SIDE_AFTER = re.compile(
    r"(?:'s|’s)?(?:\s+(?:government|authorities|army|military|junta|regime|administration))?\s+and\s+(?:the\s+|an?\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:opposition|rebels?|separatists?|insurgents?|guerrillas?|militants?|militias?|armed\s+groups?|"
    r"factions?|alliance|movement|platform|coalition)\b", re.I)


def _bound_sides(pairs: Sequence[tuple[dict, tuple[Mention, Actor, Sent]]], lead: int, first: dict[int, int]) -> set[str] | None:
    """Party keys the talk predicate binds outside background clauses, when they name two sides; None otherwise.
    `first`: per sentence, where its first name starts."""
    keys: set[str] = set()
    names: set[str] = set()
    for r, (m, a, s) in pairs:
        if not _in_background(m, s, first[s.start]) and _bound(m, s, s.start == lead):
            keys.add(r["country"] or r["name"])
            names.add(a.name)
            if _UNNAMED_SIDE_AFTER.match(s.text, m.end - s.start):
                names.add(f"{a.name} and another")  # "Venezuela's government and the opposition Unitary Platform"
    return keys if len(names) >= 2 else None


_SIDE_COUNT = {"three": 3, "four": 4, "five": 5}
_SIDES_COUNTED = re.compile(r"\b(?:the|all)\s+(three|four|five)\s+(?:leaders|countries|sides|heads\s+of\s+state|presidents|"
                            r"governments|parties|nations|delegations)\b", re.I)


# "talks opened with an Israeli delegation, while Hamas, which refused to attend, said ...": who stays away from talks
# that go ahead is no side of them. A main-clause refusal ("Kurti declined to attend talks with Vucic") stalls the talks
# between both, so only the aside counts.
_STAYED_AWAY = re.compile(r",\s+(?:which|who)\s+(?:has\s+|had\s+)?(?:refused|declined)\s+to\s+(?:attend|join|take\s+part|participate)|"
                          r",\s+(?:which|who)\s+(?:has\s+|had\s+)?(?:boycotted|stayed\s+away|skipped|shunned)\b", re.I)


def negotiation_arguments(gaz: Gazetteer, actors: list[tuple[Mention, Actor, Sent]], places: list[PlaceMention], sents: Sequence[Sent]) -> tuple[dict, list[dict]]:
    raw: list[dict] = []
    spoken: list[dict] = []  # participant mentions that name a side of the talks
    talking: dict[str, set[str]] = {}  # party key -> names of its participant mentions
    for cued, (m, a, s) in zip(_mediator_flags(actors), actors, strict=True):
        # "UN envoy Hans Grundberg met Houthi leaders": an international body's envoy between parties mediates.
        envoy = a.kind == "intl_org" and bool(_ENVOY_AFTER.match(s.text, m.end - s.start))
        r = _actor_dict("mediator" if envoy or cued else "participant", m, a, 0.7)
        raw.append(r)
        # Parties that talk, not countries the talks are about ("talks on the war in Ukraine").
        if r["role"] == "participant" and not _topic_only(m, s) and not _STAYED_AWAY.match(s.text, m.end - s.start):
            talking.setdefault(r["country"] or r["name"], set()).add(a.name)
            spoken.append(r)
    # Who only reports the talks is no side of them once two others are ("Russia and Ukraine held talks, the German
    # government said"); with one other side the speaker is usually the second ("talks with Moscow will resume, Kyiv said").
    lead = min((s.start for s in sents), default=0)
    first: dict[int, int] = {}  # where each sentence's first name starts: a background clause comes after one
    for m, _a, s in actors:
        first.setdefault(s.start, m.start - s.start)
    heard = {r["country"] or r["name"] for r, (m, _a, s) in zip(raw, actors, strict=True)
             if r in spoken and not _speaker(m, s) and not (s.start != lead and _belligerent(m, s))
             and not _CALLS_FOR_TALKS.match(s.text, m.end - s.start)}
    bystanders = {k for k in talking if k not in heard}
    if bystanders and len({n for k in heard for n in talking[k]}) >= 2:
        spoken = [r for r in spoken if (r["country"] or r["name"]) not in bystanders]
        talking = {k: v for k, v in talking.items() if k not in bystanders}
    roles = _dedupe(raw)
    mediators = [r for r in roles if r["role"] == "mediator"]
    others = {k for k in talking if k not in {r["country"] or r["name"] for r in mediators}}
    if len({n for k in others for n in talking[k]}) < 2:
        # Talks need two sides: "Erdogan told Zelenskiy in a call that Ankara was ready to host talks" makes Turkey
        # a party to the call, not the mediator of its own call; "Putin hosted Witkoff at the Kremlin" makes the host
        # the other side. An international body's envoy still mediates.
        # "Ukraine hosted talks with a U.S. delegation": who hosts talks with another is the other side too.
        guests = {r["country"] or r["name"] for r, (m, _a, s) in zip(raw, actors, strict=True)
                  if r["role"] == "mediator" and (_HOSTS_GUEST.match(s.text, m.end - s.start)
                                                  or _HOSTS_TALKS_WITH.match(s.text, m.end - s.start))}
        spoken += [r for r in mediators if r["kind"] != "intl_org" and (r["country"] or r["name"]) in guests]
        mediators = [r for r in mediators if r["kind"] == "intl_org" or (r["country"] or r["name"]) not in talking.keys() | guests]
    if not mediators:
        # "Egypt has proposed a plan under which Hamas would free hostages, but Israel has yet to respond": who puts a
        # plan to two other sides mediates; with one other side the proposer is a side ("rejected a U.S. proposal",
        # "dismissed a peace plan floated by his Indonesian counterpart, saying it sounds like a Russian plan").
        # Sides by name: a government and its rebels share a country ("proposed a ceasefire between Congo and the M23").
        named = {(r["country"] or r["name"], a.name) for r, (m, a, s) in zip(raw, actors, strict=True)
                 if r in spoken and not _in_background(m, s, first[s.start])}
        for i, (r, (m, _a, s)) in enumerate(zip(raw, actors, strict=True)):
            k = r["country"] or r["name"]
            proposes = (_PROPOSES_AFTER.match(s.text, m.end - s.start) and _CLAUSE_SUBJECT.search(s.text[: m.start - s.start]) is not None
                        ) or _proposal_author(m, s)
            if not (r in spoken and proposes):
                continue
            # "a plan drafted by France and Germany": every conjunct drafted it
            i0, j = i, i
            while i0 > 0 and _conjoined(actors, i0 - 1):
                i0 -= 1
            while _conjoined(actors, j):
                j += 1
            own = {k} | {x["country"] or x["name"] for x in raw[i0 : j + 1]}
            if len({n for key, n in named if key not in own}) >= 2:
                mediators = [{**x, "role": "mediator"} for x in raw[i0 : j + 1]]
                break
    mediator_keys = {r["country"] or r["name"] for r in mediators}
    bound = _bound_sides([(r, x) for r, x in zip(raw, actors, strict=True)
                          if r in spoken and (r["country"] or r["name"]) not in mediator_keys], lead, first)
    if bound is not None:
        spoken = [r for r in spoken if (r["country"] or r["name"]) in bound]
    if mediators and len({r["country"] or r["name"] for r in mediators}) == 1:
        # "Xi hosted Putin and Kim ... the three leaders held joint talks": counted among the sides, the host is one.
        keys = {r["country"] or r["name"] for r in spoken} | {mediators[0]["country"] or mediators[0]["name"]}
        counted = [_SIDE_COUNT[c.group(1).lower()] for s in sents for c in _SIDES_COUNTED.finditer(s.text)]
        if counted and counted[0] == len(keys) and mediators[0]["kind"] != "intl_org":
            spoken.append({**mediators[0], "role": "participant"})
            mediators = []
            mediator_keys = set()
    participants = _dedupe([{**r, "role": "participant"} for r in spoken if (r["country"] or r["name"]) not in mediator_keys])
    if not mediators:
        # "Qatar's prime minister said, calling the strike an attack on a country that has been mediating between the two
        # sides": a mediator described, not named, is the one name in its sentence that is no side.
        sides = {r["country"] or r["name"] for r in participants}
        for s in sents:
            if _MEDIATOR_DESCRIBED.search(s.text):
                others = {(a.country or a.name): (m, a) for m, a, x in actors if x.start == s.start and (a.country or a.name) not in sides}
                if len(others) == 1:
                    m, a = next(iter(others.values()))
                    mediators = [_actor_dict("mediator", m, a, 0.5)]
                break
    venue_pm = venue(places, sents, frozenset(r["country"] for r in participants if r["country"]))
    fmt = None
    for s in sents:
        found = _format_in(gaz, s)
        if found:
            name, m = found
            fmt = _label(name, m.group(0), s.start + m.start(), s.start + m.end(), 0.7)
            break
    if fmt is None:
        # Every negotiation has a form; a deal reached with no word for it was reached in talks.
        for s in sents:
            m = _OUTCOME_AGREE.search(s.text) or _FALLBACK_TALKS.search(s.text)
            if m:
                name = "summit" if _leaders_together(gaz, s) else "talks"
                if _OFFERED_TRUCE.search(s.text, 0, m.start()):
                    name = "proposal"  # "Hamas is ready for a five-year truce": a truce offered is a proposal
                fmt = _label(name, m.group(0), s.start + m.start(), s.start + m.end(), 0.5)
                break
        else:
            # "willing to talk 'face to face' with Trump": two leaders with no word for the form meet at a summit
            fmt = _label("summit" if any(_leaders_together(gaz, s) for s in sents) else "talks", None, None, None, 0.4)
    outcome = None
    for s in sents:
        # The first result named is the news: "agreed to swap prisoners, though the meeting brought no breakthrough".
        found = [x for x in (_OUTCOME_FAIL.search(s.text), _OUTCOME_AGREE.search(s.text)) if x]
        m = min(found, key=lambda x: x.start()) if found else None
        if m:
            value = "no_agreement" if _OUTCOME_FAIL.match(m.group(0)) else "agreement"
            outcome = _label(value, m.group(0), s.start + m.start(), s.start + m.end(), 0.6)
            break
    if venue_pm is not None and fmt is not None and fmt["value"] == "phone_call" and fmt["span"]:
        # A call has no venue: a place in the sentence that reports it ("agreed in a call to meet in Budapest") is a
        # later meeting's. One named apart from the call ("a third round in Istanbul") is the venue of the talks.
        call_sent = next((x for x in sents if x.start <= fmt["span"]["start"] < x.start + len(x.text)), None)
        if call_sent is not None and call_sent.start <= venue_pm.mention.start < call_sent.start + len(call_sent.text):
            venue_pm = None
    sides = {r["country"] or r["name"] for r in participants}
    if not mediators and venue_pm is not None and venue_pm.place.country not in sides and len(sides) >= 2:
        # "a meeting in Saint Vincent and the Grenadines hosted by Prime Minister Ralph Gonsalves": a head of
        # government the gazetteer does not know hosts in his own country.
        for s in sents:
            host_m = _HOSTED_BY_TITLE.search(s.text)
            end = s.start + min(host_m.end() + 40, len(s.text)) if host_m else 0
            if host_m and not any(s.start + host_m.end() <= m.start < end for m, _a, _s in actors) \
                    and (state := gaz.state(venue_pm.place.country)) is not None:
                mediators = [_actor_dict("mediator", venue_pm.mention, state, 0.5)]
                break
    if not mediators and venue_pm is not None and venue_pm.place.country not in sides and len(sides) >= 2:
        # "Oman said the Iran-U.S. talks due in Muscat had been called off": the country that announces two others' talks
        # on its own soil hosts them.
        for r, (m, a, s) in zip(raw, actors, strict=True):
            if a.kind == "state" and r["country"] == venue_pm.place.country and _speaker(m, s):
                mediators = [{**r, "role": "mediator", "score": 0.5}]
                break
    if (fmt["value"] == "envoy_visit" and not mediators and venue_pm is not None and len(sides) == 1
            and venue_pm.place.country not in sides and (host := gaz.state(venue_pm.place.country)) is not None):
        # "Steve Witkoff is expected in Moscow": with no one else named, an envoy visits the government it goes to.
        participants.append(_actor_dict("participant", venue_pm.mention, host, 0.5))
    args = {
        "participants": participants,
        "mediator": mediators[0] if mediators else None,
        "venue": location_dict(venue_pm, 0.7),
        "format": fmt,
        "outcome": outcome,
    }
    return args, participants + mediators


# --------------------------------------------------------------------------- sanctions

_INSTRUMENTS: list[tuple[str, re.Pattern[str]]] = [
    # "the $47.60-a-barrel cap on Russian crude"
    ("price_cap", re.compile(r"\b(?:price\s+caps?|cap\s+the\s+price|a-barrel\s+(?:price\s+)?cap|cap\s+on\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?"
                             r"(?:crude|oil|petroleum|diesel|fuel|gas|LNG)\b)", re.I)),
    ("asset_freeze", re.compile(r"\b(?:asset\s+freez\w*|(?:(?:un)?freez\w+|(?:un)?froze)\s+(?:of\s+)?(?:[\w$€£.,'’-]+\s+){0,6}?assets|"
                                r"(?:frozen|immobili[sz]ed)\s+(?:\w+\s+){0,2}assets|assets\s+(?:\w+\s+){0,3}?(?:frozen|immobili[sz]ed)|"
                                r"immobili[sz]\w*\s+(?:of\s+)?(?:[\w.'’-]+\s+){0,3}assets|"
                                # "cut off the government's access to its central bank account"
                                r"(?:cut\w*\s+off|block\w*|freez\w*|froze|den(?:y|ied|ies|ying))\s+(?:[\w.'’-]+\s+){0,4}?access\s+to\s+"
                                r"(?:[\w.'’-]+\s+){0,5}?(?:accounts?|reserves|funds|assets))\b", re.I)),
    ("export_ban", re.compile(r"\b(?:export\s+(?:bans?|controls?|restrictions?|licen[cs]es?)|(?:ban|barr|prohibit)\w*\s+(?:on\s+)?(?:the\s+)?exports?|"
                              r"(?:halt|stop|suspend|cut|restrict|curb|limit)\w*\s+(?:[\w-]+\s+){0,4}?exports?|"
                              # a supplier's own goods: "could halt all oil and gas supplies to Europe"
                              r"(?:halt|stop|suspend|cut(?:\s+off)?)(?:s|ed|ted|ping|ped|ing)?\s+(?:[\w-]+\s+){0,4}?supplies|"
                              # "a suspension of coal exports", "bills that would block U.S. arms sales to the UAE"
                              r"(?:suspension|halt|stoppage|cut-?off|freeze)\s+(?:of|on|to)\s+(?:[\w-]+\s+){0,3}?exports?|"
                              r"(?:ban|block|halt|stop|suspend|bar|prohibit|freez)\w*\s+(?:[\w.'’-]+\s+){0,4}?(?:arms|weapons?)\s+"
                              r"(?:sales|exports|deliveries|shipments|transfers))\b(?!\s+(?:to\s+|from\s+)?and\s+imports?)", re.I)),
    # Halting trade both ways ("halted all exports and imports to and from Israel") is an embargo.
    # "to ban more than two-thirds of oil imports from Russia"
    ("embargo", re.compile(r"\b(?:embargo\w*|import\s+ban|(?:ban|barr|prohibit)\w*\s+(?:on\s+)?(?:the\s+)?(?:[\w.'’-]+\s+){0,5}?imports?|"
                           r"(?:halt|stop|suspend|cut|ban|froze|freez)\w*\s+(?:[\w-]+\s+){0,3}?(?:exports?\s+(?:to\s+|from\s+)?and\s+imports?|"
                           r"imports?\s+(?:to\s+|from\s+)?and\s+exports?|"
                           r"trade\s+(?:with|to|from))|"
                           # "halted all imports of fuel and gas from Thailand": an import ban
                           r"(?:halt|stop|suspend|block|cut\s+off)\w*\s+(?:all\s+|the\s+)?(?:[\w-]+\s+)?imports?)\b", re.I)),
    ("tariff", re.compile(r"\b(?:tariffs?|duties|duty|levies|levy)\b", re.I)),
    # "listed the IRGC as a terrorist entity": a terrorist listing is a sanction, whatever freeze it brings
    ("sanctions", re.compile(r"\b(?:sanction\w*|blacklist\w*|designat\w*|restrictive\s+measures|penalt\w+|"
                             r"list(?:ed|s|ing)?\s+(?:[\w'’.-]+\s+){0,8}?as\s+(?:an?\s+)?(?:foreign\s+)?terrorist)\b", re.I)),
]
_ACTIONS: list[tuple[str, re.Pattern[str]]] = [
    # "removed from the sanctions list", not "removed from the country's registry after the US sanctioned it"
    # "after Slovakia lifted its veto": an objection to the measure is lifted, not the measure
    ("lift", re.compile(r"\b(?:lift\w*(?!\s+(?:its|their|his|her|the|a)\s+(?:[\w-]+\s+)?(?:veto|objections?|hold|block|reservations?)\b)|eas(?:e|ed|ing)|remov\w*(?=[^.;]{0,80}?\b(?:sanction\w*|lists?|designations?|"
                        r"restrictions|tariffs?|embargo\w*|measures|obstacles?)\b)|"
                        r"(?:sanctions|restrictions|tariffs|embargo)\s+(?:(?:were|are|was|is|be|been|being)\s+)?remov\w*|relief|rescind\w*|revok\w*|scrap\w*|abolition|drop\w*|unfreez\w*|unfroze\w*|waive\w*|"
                        r"roll(?:ed|ing)?\s+back|repeal\w*|end(?:s|ed|ing)?(?=\s+(?:[\w.'’-]+\s+){0,3}?(?:sanctions|embargo|tariffs?|restrictions))|"
                        # Suspending sanctions lifts them for a time; suspending exports or licences imposes a ban.
                        r"suspen\w*(?=\s+(?:[\w.'’-]+\s+){0,4}?(?:sanctions|tariffs?|restrictive|measures|bans?|embargo\w*)\b))\b", re.I)),
    ("extend", re.compile(r"\b(?:extend\w*|extension|prolong\w*|renew\w*|roll(?:ed|ing)?\s+over|rollover)\b", re.I)),
    ("evade", re.compile(r"\b(?:evad\w*|evasion|circumvent\w*|bypass\w*|skirt\w*|dodg\w*|shadow\s+fleet|resist\s+sanctions|get\s+around|"
                         r"in\s+defiance\s+of|defy\w*|defied|flout\w*|bust\w*|despite\s+(?:[\w.'’-]+\s+){0,5}sanctions)\b", re.I)),
]


_ATTRIBUTIVE = re.compile(
    # "Brussels' 11th package": a name ending in s takes a bare apostrophe
    r"^(?:'s|’s|['’](?=\s))?\s+(?:(?:new|fresh|latest|tough|steep|sweeping|sectoral|secondary|financial|economic|arms|weapons|oil|trade|"
    r"travel|[$€£]?\d[\d.,]*\w*(?:-[\w-]+)?|[\w-]+-?led)\s+){0,3}"
    # "a UN Security Council resolution that would have renewed sanctions on Mali": the body's measure
    r"(?:sanction\w*|tariffs?|price\s+cap|embargo\w*|restrictions|export\s+controls|package|measures?|blacklist|asset\s+freeze|duties|"
    r"(?:draft\s+)?resolution(?=[^.;]{0,60}?\b(?:sanction\w*|embargo\w*|asset\s+freeze|travel\s+ban)))\b"
    # "Ukraine's sanctions envoy proposed ...": a person's title, not a measure.
    r"(?!\s+(?:envoy|chief|coordinator|czar|tsar|official|adviser|advisor|experts?|lawyers?|committee|monitors?)\b)",
    re.I,
)
# "agreed to cap the price of Russian crude, alongside an EU embargo": another party's measure beside this one.
_BESIDE_BEFORE = re.compile(r"\b(?:alongside|as\s+well\s+as|in\s+addition\s+to|on\s+top\s+of|besides|similar\s+to)\s+"
                            r"(?:an?\s+|the\s+)?$", re.I)
# "gave Niger's junta one week to reinstate the president", "warned Mali of sanctions": who is given a deadline or
# warned of a measure is its target.
_DEADLINE_AFTER = re.compile(r"(?:'s|’s)?\s+(?:[\w-]+\s+){0,2}?(?:(?:an?|one|two|three|four|five|six|seven|ten|\d+)\s+"
                             r"(?:more\s+)?(?:hours?|days?|weeks?|months?)\s+to|of\s+(?:[\w-]+\s+){0,2}?(?:sanctions|tariffs|"
                             r"penalties|embargo\w*|measures))\b", re.I)
# "after an emergency ECOWAS summit": a bloc that meets decides the bloc's measures.
_BLOC_MEETS_AFTER = re.compile(r"(?:'s|’s)?\s+(?:(?:leaders'?|foreign|defen[cs]e|finance|trade)\s+)?(?:summit|ministers|"
                               r"heads\s+of\s+state|leaders|council\s+meeting)\b", re.I)
# "threatened Russia with 'massive' new sanctions", "hit Iran with tariffs"
_THREATENED_BEFORE = re.compile(r"\b(?:threaten(?:ed|s|ing)?|hit(?:s|ting)?|slap(?:ped|s|ping)?|punish(?:ed|es|ing)?)\s+(?:the\s+)?$", re.I)
# "Switzerland adopted the EU's 18th package": the measure's origin; whoever adopts it imposes it.
_ADOPTED_BEFORE = re.compile(r"\b(?:adopt\w*|implement\w*|join\w*|align\w*\s+(?:itself\s+)?with|follow\w*|mirror\w*|match\w*|"
                             r"enforc\w*|transpos\w*)\s+(?:the\s+)?$", re.I)
# "in retaliation for Washington's restrictions": the other side's measure; its author is this one's target.
_RETALIATION_BEFORE = re.compile(r"\b(?:retaliation|retaliating|response|responding|reply|answer|revenge)\s+(?:for|to|against)\s+"
                                 r"(?:the\s+)?$", re.I)
# "Russia demanded that the European Union reconnect ... and lift other sanctions": who is asked to act imposes.
_ASKED_BEFORE = re.compile(r"\b(?:demand\w*|urg(?:e|ed|es|ing)|call(?:ed|s|ing)?\s+on|press(?:ed|es|ing)?|ask(?:ed|s|ing)?|"
                           r"propos\w*|insist\w*|want\w*)\s+(?:that\s+)?(?:the\s+)?(?:[\w-]+\s+)?$", re.I)
_ASKED_ACT = re.compile(r"^(?:'s|’s)?\s+(?:[\w-]+\s+){0,2}?(?:to\s+)?(?:lift|ease|impose|add|adopt|sanction|reconnect|remove|unfreeze|"
                        r"include|put|target|punish|penali[sz]e|cut\s+off|halt|stop|"
                        r"extend|tighten|expand|ban|freeze|slap|introduce|blacklist|designate|drop|scrap|end|roll\s+back|"
                        # "urged the G7 to cut its price cap on Russian crude"
                        r"cut|lower|reduce|toughen|strengthen|broaden|renew)\b", re.I)
# ... and the one who asks is not the imposer; asking for relief, it is the target ("Iran demanded the lifting of sanctions").
_ASKS_AFTER = re.compile(r"^(?:'s|’s)?\s+(?:[\w-]+\s+){0,4}?(?:demand\w*|urg(?:e|ed|es|ing)|call(?:ed|s|ing)?\s+(?:on|for)|"
                         r"press(?:ed|es|ing)?\s+(?:for|the)|insist\w*|propos\w*\s+that|ask(?:ed|s|ing)?)\b", re.I)
_RELIEF = re.compile(r"\b(?:lift\w*|eas(?:e|ed|es|ing)|remov\w*|relief|reconnect\w*|unfreez\w*|scrap\w*|roll\w*\s+back|drop\w*|"
                     r"condemn\w*|denounc\w*)\b", re.I)
# "North Korea continues to import refined petroleum far above the cap": trade the measure forbids, by its target.
_STILL_TRADING = re.compile(r"^(?:'s|’s)?\s+(?:[\w-]+\s+){0,2}?(?:continu\w*|keeps?|kept|still)\s+(?:to\s+)?"
                            r"(?:import|export|buy|sell|ship|purchas|suppl|trad)\w*", re.I)
# "Venezuelan crude keeps flowing to China": where evading cargo goes is a buyer, not the target.
_DESTINATION_BEFORE = re.compile(r"\b(?:flow\w*|ship\w*|sold|sell\w*|export\w*|deliver\w*|going|sent|bound|head\w*)\s+"
                                 r"(?:[\w-]+\s+){0,2}?(?:to|for|into)\s+(?:the\s+)?$", re.I)
# Goods a measure keeps from its target, on their way to it: the destination is the target (the buyer of the target's
# own crude is not: _DESTINATION_BEFORE).
_PROHIBITED_TO_BEFORE = re.compile(
    r"\b(?:(?:Western|European|EU|American|U\.S\.|US|Japanese|dual-use|sanctioned|banned|restricted|embargoed|military)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:goods|items|components|parts|chips|technology|equipment|products|machinery|electronics)|"
    r"(?:weapons?|arms|drone|missile|military)\s+(?:[\w-]+\s+)?(?:components|parts|shipments)|weapons|arms)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:to|reaching|reach|reached|into)\s+(?:the\s+)?$", re.I)
_JOINED_IN = re.compile(r"^(?:'s|’s)?\s+(?:has\s+|have\s+|had\s+|(?:plans?|planned|decided|agreed|moved|is\s+set)\s+to\s+)?join(?:ed|s)?\s+[^;]{0,60}?\bin\s+(?:impos|sanction|lower|cutt|freez|"
                        r"froz|bann|ban|extend|adopt|tighten|target|blacklist|designat|expand|restrict|halt|suspend)\w*", re.I)
_WAR_ON_BEFORE = re.compile(r"\b(?:invasion|occupation|annexation|bombardment|blockade)\s+of\s+(?:the\s+)?$|"
                            r"\bwar\s+(?:in|on|against)\s+(?:the\s+)?$", re.I)
# "imposed sanctions on 500 targets, including Russian banks": the named nationality of the listed entities
_INCLUDING_BEFORE = re.compile(r"\b(?:including|among\s+them)\s+$", re.I)
_ENTITIES_AFTER = re.compile(r"^\s+(?:[\w-]+\s+){0,2}?(?:banks?|compan(?:y|ies)|firms?|entities|individuals|officials|oligarchs|"
                             r"vessels|tankers|ships|refiners?|traders?|businessm[ae]n|generals?|ministers?|makers?|producers?|"
                             r"suppliers?|manufacturers?)\b|"
                             # "including Russia's National Payment Card System": an entity of the target, by name
                             r"^(?:'s|’s)\s+(?-i:[A-Z])[\w-]*\s+(?-i:[A-Z])", re.I)
_HELD_OFF_AFTER = re.compile(r"^(?:'s|’s)?\s+(?:[\w,.'’-]+\s+){0,4}?(?:held|holds|holding|hold)\s+off\s+(?:on\s+)?"
                             r"(?:[\w-]+\s+){0,2}?(?:sanctions|tariffs|embargo|measures|penalties)\b", re.I)
# "to sanction vessels in Russia's shadow fleet, which Moscow uses to get around the G7 price cap": a measure evaded in a
# relative clause is background to the one the main clause imposes.
_EVADED_IN_RELATIVE = re.compile(r",\s+(?:which|that|who)\b[^;.]{0,80}?\b(?:get\s+around|getting\s+around|evad\w*|"
                                 r"circumvent\w*|bypass\w*|skirt\w*|dodg\w*)\s+(?:the\s+)?$", re.I)
_JOINED_BEFORE = re.compile(r"\bjoin(?:s|ed|ing)?\s+(?:the\s+)?$", re.I)
_JOINED_WHOM = re.compile(r"^(?:'s|’s)?(?:\s*,?\s+and\s+(?:the\s+)?[\w.'’-]+(?:\s+[\w.'’-]+)?)?\s+in\s+(?:impos|sanction|lower|cutt|"
                          r"freez|froz|bann|ban|extend|adopt|tighten|target|blacklist|designat|expand|restrict|halt|suspend)\w*",
                          re.I)
_IMPOSE_AFTER = re.compile(
    r"^(?:'s|’s)?\s+(?:[\w,.'’-]+\s+){0,4}?(?:renew\w*|reimpos\w*|add\w*|list\w*|penali[sz]\w*|punish\w*|impos\w*|announc\w*|adopt\w*|approv\w*|threat\w*|slap\w*|lev(?:y|ied|ies)|blacklist\w*|"
    r"(?:re-?)?designat\w*|froze|freez\w*|extend\w*|lift\w*|eas(?:e|ed|es|ing)|ban(?:s|ned|ning)?|propos\w*|introduc\w*|unveil\w*|sanction\w*|target\w*|"
    r"agreed|consider\w*|warn\w*|vow\w*|said\s+it\s+would|would\s+impose|"
    # "said he was ready to impose 'major sanctions'", "would substantially raise tariffs on goods from India"
    r"(?:ready|prepared|willing|poised)\s+to\s+(?:impose|slap|levy|sanction)|"
    r"(?:rais(?:e|ed|es|ing)|hik(?:e|ed|es|ing)|doubl(?:e|ed|es|ing))(?=\s+(?:[\w-]+\s+){0,2}?(?:tariffs?|duties|levies)\b)|"
    r"voted|vote|ordered|orders|signed|decided|moved\s+to|tightened|toughened|expanded|banned|bans|suspend\w*|lower\w*|revok\w*|"
    # "Cambodia halted all imports of fuel from Thailand", "is expected to sign the bill"
    r"halt(?:s|ed|ing)?|stopp(?:ed|ing)|block(?:s|ed|ing)?|bar(?:s|red|ring)|cut\s+off|curb(?:s|ed|ing)?|sign(?:s|ing)?)\b",
    re.I,
)
# Lowercase: "Indian Oil Corp" is a buyer's name.
_ORIGIN_GOODS = re.compile(r"^\s+(?:[\w-]+\s+)?(?:crude|oil|gas|coal|cargoes|fuel|petroleum|arms|weapons|munitions)\b")
_EVADER_AFTER = re.compile(
    r"^(?:'s|’s)?\s+(?:[\w-]+\s+){0,4}?(?:evad\w*|circumvent\w*|bypass\w*|skirt\w*|shadow\s+fleet|continu\w*\s+to\s+(?:export|ship|sell|trade)|"
    r"continu\w*\s+to\s+(?:import|buy|purchase)|is\s+continuing|denied|tankers|export\w*|ship\w*|import\w*|was\s+using|uses|using|"
    r"sold|sells?|selling|suppl(?:y|ies|ied|ying)|deliver(?:s|ed|ing)?|transferr?(?:s|ed|ing)?)\b|"
    r"^\s+(?:[\w-]+\s+)?(?:crude|oil|gas|coal|cargoes|fuel|petroleum)\b",  # "Venezuelan crude keeps flowing ..."
    re.I,
)
_TARGET_AFTER = re.compile(
    r"^(?:'s|’s|')?\s+(?:(?:would|will|could|may|might)\s+)?(?:face|faces|faced)\b|"
    r"^(?:'s|’s|')?\s+(?:[\w-]+\s+){0,1}?(?:designation|listing|blacklisting)\b|"
    # "sanctions on Rosneft and Lukoil, Russia's two largest oil companies": whose companies
    # (not "Niger's junta banned exports": the subject's own measure)
    r"^(?:'s|’s)\s+(?:(?!(?:banned|bans|halted|halts|suspended|suspends|stopped|stops|restricted|blocked|blocks|cut|imposed|"
    r"froze|curbed)\b)[\w-]+\s+){0,3}?(?:compan(?:y|ies)|firms?|banks?|airlines?|sector|economy|oligarchs|exports|imports|shipping|"
    r"producers?|exporters?|giants?)\b|"
    r"^\s+(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+(?:hit|targeted|sanctioned|blacklisted|designated|penali[sz]ed)\b",
    re.I,
)
_SANCTIONED = re.compile(
    r"(?:sanction\w*|tariffs?|embargo\w*|measures|restrictions|duties|cap|ban|freeze)\s+(?:on|against|targeting)\s+"
    r"(?:[\w-]+(?:,\d{3})*\s+){0,3}$", re.I
)
_TARGET_BEFORE_SANCTIONS = re.compile(
    # A whole word ("Washington" ends in "on"); "called on the IAEA to" names who is asked, not who is hit.
    r"\b(?:(?<!called\s)(?<!calls\s)(?<!calling\s)(?<!call\s)on|against|targeting|target(?:ed|s)?|sanction(?:ed|s|ing)?|over|"
    # "Leaders of the Group of Seven agreed to tighten sanctions": whose leaders act, not who is hit
    r"punish\w*|penali[sz]\w*|for|hit|(?<!\baccording\s)to|with|from|(?<!\bleaders\s)(?<!\bministers\s)(?<!\bheads\s)(?<!\bmembers\s)of|shipping|buying|carrying|transporting|"
    r"threaten(?:ed|s|ing)?|add(?:ed|s|ing)?|(?:black)?list(?:ed|s|ing)?|(?:re-?)?designat(?:ed|es|ing)|"
    r"transiting\s+through|originating\s+in|"
    r"purchases\s+of|trade\s+with|trading\s+with|linked\s+to|tied\s+to|involved\s+in|supplying|helping)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$",
    re.I,
)


# Not a measure's own noun ("revoked the designation of the Houthis") nor an attribute ("Russia's U.S.-sanctioned project").
_IMPOSE_CUE = re.compile(r"\b(?:impos\w*|reimpos\w*|(?<!-)sanction(?:ed|ing)|tighten\w*|toughen\w*|expand\w*|broaden\w*|slap\w*|adopt\w*|"
                         r"designat(?:e|es|ed|ing)\b|"
                         r"blacklist\w*|approv\w*|announc\w*|introduc\w*|unveil\w*|hit\s+with)\b", re.I)
# A measure "would stay in place until ..." after it is named: the term of a new measure, not its renewal.
_UNTIL_PLEDGE = re.compile(r"(?:remain|stays?)\s+(?:[\w-]+\s+)?(?:in\s+place|in\s+force)\s+until\b", re.I)
_KEEP = re.compile(r"\b(?:keep|kept|keeping|maintain\w*|remain|stays?|staying)\b[^.;]{0,60}\b(?:frozen|immobili[sz]ed|in\s+place|in\s+force)\b",
                   re.I)
# Evasion named by what the trade does to the measure ("shipping shells in violation of UN sanctions",
# "crude sold above the price cap", "the embargo remains ineffective").
_EVADE_MORE = re.compile(r"\b(?:in\s+(?:violation|breach|defiance)\s+of|violat\w+\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:sanctions|embargo|price\s+cap)|"
                         r"above\s+(?:the\s+)?(?:[\w$'’.,-]+\s+){0,4}?cap|ineffective|"
                         # "a tanker carrying gas from Russia's U.S.-sanctioned Arctic LNG 2 project unloaded its cargo": trade
                         # in what a measure covers
                         r"(?:carry\w*|ship(?:s|ped|ping)|deliver\w*|unload\w*|load(?:s|ed|ing)|bought|buy\w*|purchas\w*|"
                         r"import\w*|transport\w*)\s+(?:[^.;]|(?<=[A-Z])\.){0,80}?-sanctioned)\b", re.I)
# A shadow fleet that is itself sanctioned or targeted is the target, not an evasion ("froze the assets of 100 tankers in
# Russia's shadow fleet"; "a package that would target more shadow fleet vessels").
_SHADOW_FLEET = re.compile(r"\bshadow\s+fleet\b", re.I)
_ACTS_ON_FLEET = re.compile(r"\b(?:impos\w*|sanction(?:ed|s|ing)?|froze|freez\w*|target\w*|designat\w*|blacklist\w*|listed|ban(?:s|ned)?)\b",
                            re.I)


_MAIN_VERB = re.compile(r"\b(?:impos\w*|reimpos\w*|adopt\w*|approv\w*|extend\w*|lift\w*|eas(?:e|ed|es|ing)|threat\w*|propos\w*|"
                        r"agreed|announc\w*|slap\w*|introduc\w*|renew\w*|prolong\w*|tighten\w*|evad\w*|circumvent\w*|"
                        r"ordered|voted|keep|kept|lower\w*|rais\w*)\b", re.I)


_LISTED_WITH_SANCTIONS = re.compile(r"\b(?:tariffs?|duties|taxes|levies)(?:,\s+(?:[\w-]+\s+)?[\w-]+){0,3},?\s+(?:and|or)\s+sanctions\b|"
                                    r"\bsanctions(?:,\s+[\w-]+){0,3},?\s+(?:and|or)\s+(?:[\w-]+\s+)?(?:tariffs?|duties|taxes|levies)\b", re.I)


_IN_INCLUDING_LIST = re.compile(r"\bincluding\s+(?:(?:an?|the)\s+)?(?:[\w-]+\s+)?(?:[\w-]+(?:,\s+|\s+and\s+|,\s+and\s+)"
                                r"(?:(?:an?|the)\s+)?(?:[\w-]+\s+)?){0,2}$", re.I)


def _instrument(sents: Sequence[Sent]) -> dict | None:
    """The measure the main verb acts on: the instrument word nearest to it ("extended its sanctions ... keeping an embargo")."""
    for s in sents:
        hits = [(name, m) for name, rx in _INSTRUMENTS for m in rx.finditer(s.text)]
        # "sanctions on Iran, including an arms embargo": the part does not name the measure.
        heads = [h for h in hits if not _IN_INCLUDING_LIST.search(s.text[max(0, h[1].start() - 60) : h[1].start()])]
        # "a tariff imposed as a penalty for ...": what the measure is for, not which measure it is.
        heads = [h for h in heads if not _AS_ROLE.search(s.text, 0, h[1].start())] or heads
        hits = heads or hits
        # "high levels of taxes, tariffs and sanctions": measures listed with sanctions are sanctions
        for lst in _LISTED_WITH_SANCTIONS.finditer(s.text):
            hits = [h for h in hits if h[0] == "sanctions" or not lst.start() <= h[1].start() < lst.end()]
        if not hits:
            continue
        # The clause's first main verb acts on the measure ("adopted its 18th package ..., lowering the price cap").
        verbs = [m.start() for m in _MAIN_VERB.finditer(s.text)][:1]
        if verbs:
            name, m = min(hits, key=lambda h: (min(abs(h[1].start() - v) for v in verbs), h[1].start()))
        else:
            name, m = min(hits, key=lambda h: h[1].start())
        return _label(name, m.group(0), s.start + m.start(), s.start + m.end(), 0.75)
    return None


# "raised the customs duty on all goods imported from Pakistan to 200%": the measure is the verb's object, far back
_RAISED_TO = re.compile(r"\b(?:tariffs?|dut(?:y|ies)|levy|levies)\b[^.;]{0,100}?\b(?:to|at)\s+$", re.I)
_AS_ROLE = re.compile(r"\bas\s+(?:an?\s+)?(?:[\w-]+\s+)?$", re.I)
_DEMAND = re.compile(r"\bdemand\w*", re.I)
_TARGET_DESCRIBED = re.compile(r"\b(?:(?:sanctions|tariffs?|measures|restrictions|bans?|duties|penalties)\s+(?:on|against|targeting)|"
                               r"sanction(?:ed|s|ing)?|designat(?:ed|es|ing)|blacklist(?:ed|s|ing)|penali[sz]\w+)\s+(?:[\w'’.-]+\s+){0,5}?"
                               # "to sanction nearly 200 more vessels in Russia's shadow fleet, which Moscow uses to get around"
                               r"(?:(?:[\w'’.-]+\s+){0,4}?[\w'’.-]+,\s+)?(?:helping|who|that|which|for|accused\s+of)\b[^.;]{0,80}$",
                               re.I)
# Restoring a measure is imposing it, whatever relief word names the licence that ends ("will not renew a licence
# easing oil sanctions ..., reimposing restrictions").
_REIMPOSE = re.compile(r"\b(?:re-?impos\w*|snap\s?-?back|restor(?:e|es|ed|ing)\s+(?:[\w-]+\s+)?(?:sanctions|embargo\w*|tariffs)|(?:not|never)\s+(?:to\s+)?(?:renew|extend)\w*\s+(?:(?:a|an|the|its|their)\s+)?"
                       r"(?:[\w-]+\s+){0,2}?(?:licen[cs]es?|waivers?|exemptions?|carve-?outs?))\b", re.I)
_WHILE_BEFORE = re.compile(r"\b(?:while|whilst|but)\s+(?:still\s+)?$", re.I)
# "is debating whether to extend its embargo": a step only weighed is not what was done
_WHETHER_BEFORE = re.compile(r"\bwhether\s+(?:or\s+not\s+)?(?:to\s+)?$", re.I)
# "countries that have sanctioned Moscow": a relative clause describes someone; it is not the measure's news
_RELATIVE_BEFORE = re.compile(r"\b(?:that|which|who)\s+(?:have\s+|has\s+|had\s+)?(?:already\s+)?$", re.I)
_ACTION_WINDOW = 90  # characters between the action word and the measure ("remove ... from its sanctions list")


def _sanctions_action(sents: Sequence[Sent], modality: str) -> dict:
    """impose / extend / lift / evade by the cue nearest an instrument word; threaten / propose by modality.

    The first sentence (the one that names the event) decides when it has a cue.
    """
    best: tuple[int, str, re.Match[str], Sent] | None = None
    for s in sents:
        if best is not None:
            break
        anchors = [m.start() for _n, rx in _INSTRUMENTS for m in rx.finditer(s.text)]
        if not anchors:
            continue
        fleet_acted_on = modality in ("threatened", "proposed") or bool(_ACTS_ON_FLEET.search(s.text))
        for name, rx in [*_ACTIONS, ("evade", _EVADE_MORE), ("impose", _IMPOSE_CUE)]:
            for m in rx.finditer(s.text):
                if name == "evade" and fleet_acted_on and _SHADOW_FLEET.fullmatch(m.group(0)):
                    continue
                if name == "evade" and _TARGET_DESCRIBED.search(s.text, 0, m.start()):
                    continue  # "tariffs on countries helping Russia get around sanctions": why the target is hit
                if _WHETHER_BEFORE.search(s.text, 0, m.start()) or (name == "impose" and _RELATIVE_BEFORE.search(s.text, 0, m.start())):
                    continue
                # a cue that holds the measure ("despite the U.S. sanctions") is as near to it as can be
                d = 0 if any(m.start() <= a < m.end() for a in anchors) else min(abs(m.start() - a) for a in anchors)
                if d <= _ACTION_WINDOW and (best is None or d < best[0]):
                    best = (d, name, m, s)
        k = _KEEP.search(s.text)
        if k and _UNTIL_PLEDGE.match(s.text, k.start()) and min(anchors) < k.start():
            k = None  # "halted all exports ..., adding that the measures would stay in place until a ceasefire": how long
        if k and best is not None and best[1] == "lift" and _WHILE_BEFORE.search(s.text, 0, k.start()):
            k = None  # "lifted the arms embargo ..., while keeping measures aimed at al-Shabaab in place": a proviso
        if k and (best is None or best[1] != "evade"):
            best = (0, "extend", k, s)
        r = _REIMPOSE.search(s.text)
        if r and (best is None or best[1] != "evade"):
            best = (0, "impose", r, s)
    if best is not None and best[1] == "evade":
        _d, name, m, s = best
        return _label("evade", m.group(0), s.start + m.start(), s.start + m.end(), 0.75)
    if modality == "proposed" and best is not None and best[1] == "lift" and _DEMAND.search(best[3].text):
        # A demand that sanctions be lifted (by those under them) is about lifting, not a proposed measure.
        _d, name, m, s = best
        return _label("lift", m.group(0), s.start + m.start(), s.start + m.end(), 0.6)
    if modality == "proposed" and best is not None and best[1] in ("extend", "lift") and _PROPOSED_ACT.search(
            best[3].text, 0, best[2].start()):
        # "proposed to extend its arms embargo": what is proposed is done to a measure already in force
        _d, name, m, s = best
        return _label(name, m.group(0), s.start + m.start(), s.start + m.end(), 0.6)
    if modality in ("threatened", "proposed"):
        return _label({"threatened": "threaten", "proposed": "propose"}[modality], None, None, None, 0.65)
    if best is not None:
        _d, name, m, s = best
        return _label(name, m.group(0), s.start + m.start(), s.start + m.end(), 0.7)
    return _label("impose", None, None, None, 0.55)

_PROPOSED_ACT = re.compile(r"\b(?:propos(?:ed|es|e|ing|al)|recommend(?:ed|s|ing)?)\s+(?:on\s+\w+day\s+)?(?:to\s+)?$", re.I)


_SPEAKER_AFTER = re.compile(r"(?:'s|’s)?\s+(?:[\w-]+\s+){0,2}?(?:said|says|wrote|writes|announced|posted|declared|told)\b", re.I)
# "would give Putin 10 or 12 days to make progress or face sanctions": who is told to act or face a measure is its target.
_ADDRESSEE_BEFORE = re.compile(r"\b(?:give|gives|gave|giving|given|told|tells?|warn(?:s|ed|ing)?|urg(?:e|es|ed|ing)|order(?:s|ed)?|"
                               r"press(?:es|ed)?|call(?:s|ed)?\s+on)\s+(?:both\s+)?(?:the\s+)?(?:[\w-]+\s+)?"
                               r"(?:and\s+(?:the\s+)?(?:[\w-]+\s+)?)?$", re.I)  # "warned both the government and Tigrayan forces"
# "warned Belarus that it would face new sanctions", "warned South Sudan's President Salva Kiir and opposition leader Riek
# Machar that they could face sanctions", "warned the EU that Russia could halt all gas supplies": the that-clause threatens
# the addressee.
_ULTIMATUM_AFTER = re.compile(r"(?:'s|’s)?[^.;]{0,100}?\bor\s+(?:else\s+)?(?:(?:would|will|could|may|might)\s+)?face\b|"
                              r"(?:'s|’s)?[^.;]{0,80}?\bthat\s+(?:it|they|he|she)\s+(?:would|will|could|may|might)\s+(?:\w+\s+)?"
                              r"(?:face|be\s+(?:targeted|sanctioned|hit|punished|penali[sz]ed))\b|"
                              r"(?:'s|’s)?\s+that\s+(?:the\s+)?(?:[\w.'’-]+\s+){1,3}?(?:would|will|could|may|might)\s+(?:\w+\s+)?"
                              r"(?:halt|cut\s+off|ban|stop|suspend|freeze|block|impose|restrict|curb)\b", re.I)
_MEMBER_AFTER = re.compile(r"\s+(?:member\s+)?(?:country|state|nation|member|government)\b(?!\s+(?:said|says|agreed|adopted))", re.I)
_MEASURE_VERB = re.compile(r"\b(?:ban(?:s|ned|ning)?|halt(?:s|ed|ing)?|suspend\w*|block(?:s|ed|ing)?|bar(?:s|red|ring)|freez\w*|froze|"
                           r"impos\w*|restrict\w*|cut\s+off|curb(?:s|ed|ing)?)\b", re.I)
# "shipped shells to Russia in breach of UN sanctions": who breaks a measure is its target, as who evades it.
_BREACH = re.compile(r"\b(?:in\s+(?:breach|violation|contravention)\s+of|violat(?:e|es|ed|ing)|breach(?:es|ed|ing)?)\s+"
                     r"(?:[\w.'’-]+\s+){0,3}?(?:sanctions|embargo\w*|price\s+cap|ban)\b", re.I)


# "were helping Russian companies get around U.S. sanctions": who is helped round a measure is its target, before the
# helper (an evader too).
_HELPED_BEFORE = re.compile(r"\b(?:help\w*|assist\w*|allow\w*|enabl\w*|aid(?:s|ed|ing)?)\s+(?:the\s+)?$", re.I)
_EVADES_AFTER = re.compile(r"^(?:'s|’s)?\s+(?:[\w-]+\s+){0,2}?(?:to\s+)?(?:evade|get\s+around|circumvent|bypass|skirt|dodge)\b",
                           re.I)
# A threatened measure's condition: "sanctions ... if the army and the Rapid Support Forces fail to observe a ceasefire".
_IF_BEFORE = re.compile(r"\b(?:if|unless)\s+(?:both\s+)?(?:the\s+)?(?:[\w-]+\s+)?(?:and\s+(?:the\s+)?)?$", re.I)
_FAILS_AFTER = re.compile(r"^(?:'s|’s)?\s+(?:[\w-]+\s+){0,2}?(?:fail(?:s|ed)?|refus(?:e|es|ed)|do(?:es)?\s+not|did\s+not|"
                          r"don['’]t|doesn['’]t|continu(?:e|es|ed)|persist(?:s|ed)?|violat(?:e|es|ed)|breach(?:es|ed)?)\b", re.I)
# "a proposal to sanction two ministers has stalled in the EU": the body a measure is decided in imposes it.
_DECIDED_IN = re.compile(r"\b(?:stall\w*|block\w*|veto(?:ed|es)?|approv\w*|agreed|adopt\w*|discuss\w*|debat\w*|tabled|"
                         r"stuck|bogged\s+down|under\s+(?:discussion|consideration)|negotiated|considered|drafted)\s+"
                         r"(?:\w+\s+){0,2}?(?:in|at|within)\s+(?:the\s+)?$", re.I)
# A preposition's object is no subject of the verb after it ("froze trade with Spain and suspended a treaty").
# "designated the Houthis as a terrorist group": the object of a verb of listing, not its subject
_OBJECT_BEFORE = re.compile(r"\bwith\s+(?:the\s+)?$|\b(?:(?:re-?)?designat(?:ed|es|ing)|(?:black)?list(?:ed|s|ing)|sanction(?:ed|s|ing))\s+"
                            r"(?:the\s+)?$", re.I)


# "Kigali dismissed a threat by Berlin to impose sanctions": who rejects a measure against it is its target.
_DISMISSES_MEASURE = re.compile(r"^(?:'s|’s)?\s+(?:[\w-]+\s+){0,3}?(?:dismissed|rejected|condemned|denounced|slammed|decried)\s+"
                                r"(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:threats?|sanctions|tariffs?|embargo|ban|designation|listing)\b",
                                re.I)
_OWNED_BY_BEFORE = re.compile(r"\b(?:owned|managed|operated|chartered|controlled|run|flagged)\s+by\s+(?:the\s+)?$", re.I)
_BECAUSE_BEFORE = re.compile(r"\b(?:after|because|since)\s+(?:the\s+)?$", re.I)
_UNLESS_BEFORE = re.compile(r"\bunless\s+(?:the\s+)?$", re.I)
_COMPLIES_AFTER = re.compile(r"(?:'s|’s)?\s+(?:[\w-]+\s+)?(?:agree[sd]?|compl(?:y|ies|ied)|stop(?:s|ped)?|end(?:s|ed)?|halt(?:s|ed)?|"
                             r"withdr[ae]ws?|accept(?:s|ed)?|releas(?:e|es|ed)|reverse[sd]?|back(?:s|ed)?\s+down)\b", re.I)


_WITH_AFTER = re.compile(r"\s+with\b")
_BY_BEFORE = re.compile(r"\bby\s+(?:the\s+)?(?:\w+\s+){0,2}$", re.I)
_TARIFF_WORD = re.compile(r"\b(?:tariff|dut(?:y|ies)|levy|levies|tax)", re.I)


def sanctions_arguments(actors: list[tuple[Mention, Actor, Sent]], sents: Sequence[Sent], modality: str) -> tuple[dict, list[dict]]:
    evasion = any(_ACTIONS[2][1].search(s.text) or _BREACH.search(s.text) for s in sents)
    roles: list[dict] = []
    subjects: set[int] = set()  # mentions that impose by the verb after them
    for i, (m, a, s) in enumerate(actors):
        rel = m.start - s.start
        before = s.text[max(0, rel - 45) : rel]
        after = s.text[m.end - s.start : m.end - s.start + 50]
        score = 0.65
        attributive = _ATTRIBUTIVE.match(s.text[m.end - s.start : m.end - s.start + 90])
        if a.kind == "intl_org" and _MEMBER_AFTER.match(after):
            continue  # "the first European Union country to ban": the union classifies the subject
        if _WAR_ON_BEFORE.search(before):
            continue  # "to mark the anniversary of the invasion of Ukraine": the war's victim is no target of the measure
        if _JOINED_BEFORE.search(before) and _JOINED_WHOM.match(after):
            continue  # "Tokyo plans to join Washington in blacklisting ...": who is joined is neither news nor target
        if _HELPED_BEFORE.search(before) and _EVADES_AFTER.match(after):
            role, score = "target", 0.75
        elif (_TARGET_AFTER.match(after) or (_RETALIATION_BEFORE.search(before) and attributive) or _CLOSE_BORDER.search(before)
                or (_ADDRESSEE_BEFORE.search(before) and (_ULTIMATUM_AFTER.match(s.text, m.end - s.start)
                                                          or _DEADLINE_AFTER.match(s.text, m.end - s.start)))
                or (_THREATENED_BEFORE.search(before) and _WITH_AFTER.match(after))
                or (modality in ("threatened", "proposed") and _IF_BEFORE.search(before) and _FAILS_AFTER.match(after))
                # "tariffs ... unless Moscow agreed to a ceasefire": the party whose concession would avert the measure
                or (modality in ("threatened", "proposed") and _UNLESS_BEFORE.search(before) and _COMPLIES_AFTER.match(after))
                or _DISMISSES_MEASURE.match(after)
                # "restoring sanctions ... after Caracas failed to accept deportees": whose failure the measure punishes
                or (_BECAUSE_BEFORE.search(before) and _FAILS_AFTER.match(after))):
            role = "target"
        elif _JOINED_IN.match(after):
            role, score = "initiator", 0.85  # "Japan joined the EU and the U.S. in lowering the price cap": the news is Japan's
            subjects.add(i)
        elif attributive:
            # "US sanctions", "the G7 price cap": the imposer, named as such, unless another adopts the measure.
            role, score = "initiator", 0.6 if (_ADOPTED_BEFORE.search(before) or _BESIDE_BEFORE.search(before)
                                               or _EVADED_IN_RELATIVE.search(s.text, max(0, rel - 120), rel)) else 0.8
        elif (_SANCTIONED.search(before) or _MEASURE_ON_THOSE.search(s.text, max(0, rel - 120), rel)
              or (_INCLUDING_BEFORE.search(before) and _ENTITIES_AFTER.match(after))):
            role, score = "target", 0.7  # "sanctions on Rosneft": the target, named as such
        elif evasion and _OWNED_BY_BEFORE.search(before):
            role = "target"  # "tankers managed by Russia's Sovcomflot are still discharging crude": whose fleet evades
        elif _BY_BEFORE.search(before):
            role = "initiator"
        elif _ASKED_BEFORE.search(before) and _ASKED_ACT.match(after):
            role, score = "initiator", 0.7
        elif _ASKS_AFTER.match(after):
            if not _RELIEF.search(s.text[m.end - s.start :]):
                continue
            role = "target"
        elif evasion and _PROHIBITED_TO_BEFORE.search(before):
            role, score = "target", 0.7  # "re-export Western goods to Russia", "weapons components keep reaching the Houthis"
        elif evasion and _DESTINATION_BEFORE.search(before):
            continue
        elif (evasion and _EVADER_AFTER.match(after)) or _STILL_TRADING.match(after):
            role = "target"
            if _ORIGIN_GOODS.match(after):
                score = 0.7  # "Indian Oil Corp denied buying Russian crude": the goods' origin, before their buyer
        elif a.kind == "intl_org" and _DECIDED_IN.search(before):
            role, score = "initiator", 0.7
        elif _HELD_OFF_AFTER.match(after):
            # "the EU has so far held off on sanctions against Kigali": the measure is this subject's, before another's
            # verb with no measure named ("Germany suspended aid")
            role, score = "initiator", 0.7
            subjects.add(i)
        elif _IMPOSE_AFTER.match(after) and not _OBJECT_BEFORE.search(before):
            role = "initiator"
            subjects.add(i)
        elif _TARGET_BEFORE_SANCTIONS.search(before):
            role = "target"
        else:
            continue
        roles.append(_actor_dict(role, m, a, score))
    # "Canada and Australia joined Britain in sanctioning ...": the verb after the last subject is every subject's.
    for i in sorted(subjects, reverse=True):
        at = next(k for k, r in enumerate(roles) if r["span"]["start"] == actors[i][0].start)
        while i > 0 and _conjoined(actors, i - 1) and not any(r["span"]["start"] == actors[i - 1][0].start for r in roles):
            i -= 1
            roles.insert(at, _actor_dict("initiator", actors[i][0], actors[i][1], roles[at]["score"]))
    roles.sort(key=lambda r: -r["score"])  # stable: attributive imposers first, then text order
    roles = _dedupe(roles)
    if not any(r["role"] == "initiator" for r in roles) and actors:
        # No cue named the imposer: the first party named before the measure is its subject.
        first_trigger = min((s.start + m.start() for s in sents for _n, rx in _INSTRUMENTS for m in rx.finditer(s.text)), default=None)
        if first_trigger is None:  # "became the first country to ban all arms trade with Israel": the measure's verb
            first_trigger = min((s.start + m.start() for s in sents for m in _MEASURE_VERB.finditer(s.text)), default=None)
        # A party whose only role came after the measure ("the release of detained Americans") may still be its subject.
        taken = {(r["country"] or r["name"]) for r in roles if first_trigger is None or r["span"]["start"] < first_trigger}
        for m, a, _s in actors:
            if first_trigger is not None and m.start < first_trigger and (a.country or a.name) not in taken:
                roles.append(_actor_dict("initiator", m, a, 0.55))
                break
    if not any(r["role"] == "initiator" for r in roles):
        # Still none: who announces the measure usually imposes it ("..., Trump wrote on Truth Social").
        # It may also have been read as a target ("trade with the United States ..., Trump said").
        for m, a, s in actors:
            if _SPEAKER_AFTER.match(s.text, m.end - s.start):
                roles = [r for r in roles if (r["country"] or r["name"]) != (a.country or a.name)]
                roles.append(_actor_dict("initiator", m, a, 0.5))
                break
    if not any(r["role"] == "initiator" for r in roles):
        for m, a, s in actors:
            if a.kind == "intl_org" and _BLOC_MEETS_AFTER.match(s.text, m.end - s.start):
                roles.append(_actor_dict("initiator", m, a, 0.5))
                break
    imposer = next((r for r in roles if r["role"] == "initiator"), None)
    key = (imposer["country"] or imposer["name"]) if imposer else None
    target = next((r for r in roles if r["role"] == "target" and (r["country"] or r["name"]) != key), None)
    # Every sanctions event has a measure; named by no specific word, it is sanctions in general.
    instrument = _instrument(sents) or _label("sanctions", None, None, None, 0.4)
    action = _sanctions_action(sents, modality)
    rate = None
    for s in sents:
        for m in PERCENT.finditer(s.text):
            window = s.text[max(0, m.start() - 40) : m.end() + 60]
            if _TARIFF_WORD.search(window) or _RAISED_TO.search(s.text, 0, m.start()):
                rate = _quantity(float(m.group(1)), m.group(0), s.start + m.start(), s.start + m.end(), 0.85)
                break
        if rate:
            break
    args = {"imposer": imposer, "target": target, "instrument": instrument, "action": action, "rate": rate}
    return args, [r for r in (imposer, target) if r]


# --------------------------------------------------------------------------- prisoner swaps

CATEGORIES: list[tuple[str, re.Pattern[str]]] = [
    ("bodies", re.compile(r"\b(?:bodies|body|remains|fallen|dead\s+soldiers|killed\s+soldiers)\b", re.I)),
    ("hostages", re.compile(r"\bhostages?\b", re.I)),
    ("pows", re.compile(r"\b(?:pows?|prisoners?[\s-]+of[\s-]+war|servicem[ae]n|soldiers?|troops|defenders|fighters|combatants|"
                        r"marines?|conscripts?|guards?men|constables?|pilots?|airm[ae]n|police(?:\s+officers?|men)?|policem[ae]n)\b", re.I)),
    ("civilians", re.compile(r"\b(?:civilians?|children|residents|deportees)\b", re.I)),
    # "National" in a name ("Libyan National Army") is no person: only the lower-case noun counts.
    ("detainees", re.compile(r"\b(?:detainees?|prisoners?|captives?|detained|jailed|political\s+prisoners?|citizens?|(?-i:nationals?)|"
                             r"journalists?|reporters?|diplomats?|fishermen|migrants|aid\s+workers?|Americans|dual\s+nationals?|"
                             r"tourists?|teachers?|students?|academics?|researchers?|businessm[ae]n|shepherds?|herders?)\b", re.I)),
    # Last resort: people named by nationality ("release the 23 Armenians it still holds").
    ("detainees", re.compile(r"\b\d[\d,]*\s+(?:[A-Z][a-z]+\s+)?[A-Z][a-z]+(?:ans|ese|is)\b")),
]
_HELD_PARTICIPLE = re.compile(r"detained|jailed", re.I)
_COUNTED_BEFORE = re.compile(rf"(?<![\w,.]){_NUM}\s+(?:[\w'’-]+\s+){{0,3}}$", re.I | re.X)
# "prisoner exchange", "prisoner lists": the word names the swap, not who is in it.
_PRISONER_MODIFIER = re.compile(r"prisoners?\s+(?:exchanges?|swaps?|releases?|deals?|handovers?|lists?|transfers?)\b", re.I)


# People held by Hamas or in Gaza are hostages whatever word names them ("Zionist prisoners", "Israeli captives"), and
# the Palestinians freed for them are part of a hostage exchange.
# A person kidnapped by an armed group and released is a hostage ("the release of a kidnapped police officer").
_KIDNAPPED = re.compile(r"\b(?:kidnapped|kidnap\s+victims?)\b", re.I)
_HOSTAGE_TAKERS = re.compile(r"\b(?:Hamas|Qassam|Islamic\s+Jihad)\b|\bheld\s+in\s+Gaza\b")
# Two states whose armies fight each other exchange prisoners of war; a swap between them named only by generic
# "prisoners" or "captives" is one of soldiers ("Ukraine and Russia exchanged 84 prisoners each").
_INTERSTATE_WARS = (frozenset({"RUS", "UKR"}),)
_GENERIC_PRISONERS = re.compile(r"(?:prisoners?|captives?)", re.I)
_CIVILIAN_AMONG = re.compile(r"\b(?:filmmakers?|film\s+directors?|journalists?|reporters?|activists?|writers?|artists?|teachers?|"
                             r"students?|civilians?|bloggers?|lawyers?|academics?|priests?|clerics?)\b", re.I)

_SOLDIERS_AMONG = re.compile(r"\b(?:soldiers|servicem[ae]n|troops|defenders|(?-i:POWs)|prisoners\s+of\s+war)\b", re.I)

_WHILE_CLAUSE = re.compile(r"(?:,\s+(?:while|whereas|and\s+separately)\b|;)[^;]*$", re.I)
_LIVING_COUNTED = re.compile(rf"{_NUM}\s+(?:[\w-]+\s+)?(?:prisoners|detainees|captives|hostages|soldiers|servicem[ae]n|POWs|civilians)\b", re.I | re.X)


def _category(sents: Sequence[Sent], countries: frozenset[str] = frozenset()) -> dict:
    """Bodies and hostages mark the whole swap; otherwise the people named first ("153 detainees, among them soldiers")."""
    for name, rx in CATEGORIES[:2]:
        for s in sents:
            m = rx.search(s.text)
            if m and name == "bodies" and any(x.end() <= m.start() and not rx.search(x.group(0)) for x in _LIVING_RELEASED.finditer(s.text)):
                continue  # "free 10 living hostages and hand over 18 bodies": the living are named first
            if m and name == "bodies" and (w := _WHILE_CLAUSE.search(s.text, 0, m.start())) and _LIVING_COUNTED.search(s.text, 0, w.start()):
                continue  # "exchange 1,200 prisoners, while Moscow proposed truces to collect bodies": another matter
            if m:
                return _label(name, m.group(0), s.start + m.start(), s.start + m.end(), 0.7)
    for s in sents:
        m = _HOSTAGE_TAKERS.search(s.text) or _KIDNAPPED.search(s.text)
        if m:
            return _label("hostages", m.group(0), s.start + m.start(), s.start + m.end(), 0.6)
    found = _people_named(sents)
    at_war = any(pair <= countries for pair in _INTERSTATE_WARS)
    if (at_war and found["value"] == "detainees"
            and (found["text"] is None or _GENERIC_PRISONERS.fullmatch(found["text"]) or CATEGORIES[-1][1].fullmatch(found["text"]))
            and (not any(_CIVILIAN_AMONG.search(s.text) for s in sents) or any(_SOLDIERS_AMONG.search(s.text) for s in sents))):
        # ... unless only civilians are named among them ("with filmmaker Oleg Sentsov among those flown to Kyiv"); a swap
        # of "230 Ukrainians, including 213 soldiers and 17 civilians" is still one of prisoners of war
        return {**found, "value": "pows", "score": 0.6}
    return found


def _people_named(sents: Sequence[Sent]) -> dict:
    for skip_modifier in (True, False):
        for s in sents:
            hits = [(m.start(), name, m) for name, rx in CATEGORIES[2:] for m in rx.finditer(s.text)
                    if not (skip_modifier and _PRISONER_MODIFIER.match(s.text, m.start()))]
            # "detained soldiers", "jailed journalists": the participle describes; the noun after it says who they are
            nouns = {h[0] for h in hits}
            hits = [h for h in hits if not (_HELD_PARTICIPLE.fullmatch(h[2].group(0))
                                            and any(p in nouns for p in range(h[2].end() + 1, h[2].end() + 3)))] or hits
            if not hits:
                continue
            # A counted group is who was released ("escorted the 30 civilians freed by the rebels"); else the first named.
            counted = [h for h in hits if _COUNTED_BEFORE.search(s.text, 0, h[0]) or h[2].group(0)[:1].isdigit()]
            _pos, name, m = min(counted or hits, key=lambda h: h[0])
            if name == "pows" and _FORMER.search(s.text, max(0, m.start() - 30), m.start()):
                name = "detainees"  # "former U.S. Marine Trevor Reed": no longer a serviceman, a civilian held
            if name == "detainees" and m.group(0).lower().startswith("prisoner") and _MILITARY_CONTEXT.search(s.text):
                name = "pows"  # prisoners held between armed forces are prisoners of war
            return _label(name, m.group(0), s.start + m.start(), s.start + m.end(), 0.7)
    # Every release has someone released; unnamed people held by the other side are detainees.
    return _label("detainees", None, None, None, 0.4)


_FORMER = re.compile(r"\b(?:former|ex-|retired)\s*(?:[\w.'’-]+\s+){0,2}$", re.I)
_MILITARY_CONTEXT = re.compile(r"\b(?:army|armed\s+forces|forces|military|troops|soldiers|fighters|rebels?|militias?|battlefield)\b", re.I)
_PEOPLE = (
    r"(?:[\w-]+\s+){0,3}?(?:prisoners?\s+of\s+war|prisoners?|pows?|captives?|detainees?|hostages?|soldiers|servicem[ae]n|"
    r"civilians|people|persons|bodies|remains|troops|defenders|citizens|nationals|fighters|children|journalists|marines|"
    r"sailors|fishermen|guards?|crew|women|men|wounded|police(?:\s+officers)?|officers|[A-Z][a-z]+(?:ans|ese|is|s))\b"
)
_RELEASE = (
    # "were handing four soldiers over to the Red Cross": the particle may follow the people
    r"(?:swap\w*|exchang\w*|releas\w*|freed|free|frees|freeing|return\w*|repatriat\w*|hand\w*\s+(?:over|back)|handed|handing|"
    r"bring\s+home|brought\s+home|receiv\w*|transferr?\w*|sent\s+home|getting\s+back|got\s+back|gets\s+back|"
    r"take\s+back|took\s+back|taken\s+back|taking\s+back|flown\s+home)"
)
_LIVING_RELEASED = re.compile(rf"\b{_RELEASE}\s+(?:[\w'’-]+\s+){{0,4}}?(?:living|hostages?|prisoners?|captives?|detainees?|soldiers?|"
                              r"servicem[ae]n|civilians?)\b(?!['’]s?\s+(?:bodies|remains))", re.I)
_EACH = [
    _num_rx(rf"{{N}}\s+{_PEOPLE}\s+(?:\w+\s+){{0,2}}?(?:each|apiece|per\s+side|from\s+each\s+side|on\s+each\s+side|for\s+each\s+side)\b"),
    _num_rx(rf"{{N}}\s+{_PEOPLE}\s+(?:\w+\s+){{0,4}}?{_RELEASE}\s+by\s+(?:each|both)\s+sides?"),
    _num_rx(r"{N}\s+(?:each|apiece|per\s+side|from\s+each\s+side|on\s+each\s+side|for\s+each\s+side)\b"),
    _num_rx(rf"(?:each|both)\s+(?:side|sides|country|countries|party)?\s*(?:\w+\s+){{0,2}}?{_RELEASE}\s+(?:\w+\s+){{0,2}}?{{N}}"),
]
_TOTAL = [
    _num_rx(r"(?:a\s+total\s+of|in\s+total|total\s+of|totall?ing|altogether)\s+{N}"),
    _num_rx(rf"{{N}}\s+{_PEOPLE}\s+(?:\w+\s+){{0,3}}?in\s+total"),
    # "1,056 detainees flown between Sanaa and Aden": people moved both ways, all of them
    _num_rx(rf"{{N}}\s+{_PEOPLE}\s+(?:were\s+|was\s+|had\s+been\s+|have\s+been\s+)?(?:flown|moved|transferred|bused|ferried)\s+between\b"),
]
# "returned 150 and 189 prisoners respectively": one count per side, in the order the sides were named
_RESPECTIVELY = re.compile(rf"(?<![\w.,])(?P<a>{_NUM})\s+and\s+(?P<b>{_NUM})\s+{_PEOPLE}\s+(?:\w+\s+){{0,2}}?respectively\b", re.I | re.X)
_ONE_WAY = [
    _num_rx(rf"{_RELEASE}\s+(?:of\s+)?(?:the\s+)?{{N}}\s+of\s+(?:its|their|his|her)\s+{_PEOPLE}"),
    _num_rx(r"(?:receiving|received|getting\s+back|got\s+back|gets\s+back)\s+{N}\b(?!\s*(?:%|per))"),
    _num_rx(rf"(?:^|(?<=[.!?]\s)){{N}}\s+{_PEOPLE}"),
    _num_rx(r"\band\s+(?:the\s+)?(?:(?-i:[A-Z])[\w'’.-]*\s+){1,4}?(?:government\s+|authorities\s+|side\s+)?{N}\b(?!\s*(?:%|per|km|years?))"),
    # "handed Israel the bodies of four hostages": the receiver may come first
    _num_rx(rf"{_RELEASE}\s+(?:(?-i:[A-Z])[\w'’-]+\s+(?=the\s))?(?:of\s+)?(?:the\s+)?(?:(?:bodies|remains)\s+of\s+)?(?:\w+\s+){{0,2}}?{{N}}\s+{_PEOPLE}"),
    _num_rx(rf"{{N}}\s+{_PEOPLE}\s+(?:\w+\s+){{0,6}}?(?:were|was|have\s+been|had\s+been|will\s+be|to\s+be|being|are)\s+(?:\w+\s+){{0,1}}?{_RELEASE}"),
    # "freed six soldiers and two police officers": the second of two coordinated counts.
    _num_rx(rf"{_RELEASE}\s+(?:\w+\s+){{0,2}}?{_NUM}\s+{_PEOPLE}\s+(?:and|plus)\s+{{N}}\s+{_PEOPLE}"),
    _num_rx(rf"{{N}}\s+{_PEOPLE}\s+(?:\w+\s+){{0,2}}?(?:returned|came\s+back|came\s+home|come\s+(?:back|home)|went\s+home|were\s+back)"),
    # "swap 10 living hostages for 1,000 Palestinian prisoners": the count on the other side.
    _num_rx(rf"{_NUM}\s+{_PEOPLE}\s+for\s+(?:the\s+)?{{N}}\s+{_PEOPLE}"),
    # "and the government released 569", "received 43 in return": a bare count after the verb.
    _num_rx(r"\b(?:released|freed|returned|handed\s+(?:over|back)|received)\s+{N}(?![,.]\d)(?=\s*(?:[,.;]|$)|\s+(?:in\s+return|in\s+exchange|on|at|to|from)\b)"),
    # "with 502 returned to Ukraine and 18 to Russia"
    _num_rx(r"\bwith\s+{N}\s+(?:were\s+)?(?:returned|handed\s+(?:over|back)|freed|released|sent|repatriated)\b"),
    _num_rx(r"\band\s+{N}\s+to\s+(?=(?-i:[A-Z]))"),
    _num_rx(rf"in\s+exchange\s+for\s+(?:the\s+)?(?:(?:bodies|remains)\s+of\s+)?(?:(?:first|last|next|final|remaining)\s+)?{{N}}\s+{_PEOPLE}"),
    _num_rx(r"(?:swap|exchange|release|handover|repatriation)\s+(?:\w+\s+){0,2}?(?:involving|of)\s+(?:the\s+)?(?:(?:bodies|remains)\s+of\s+)?{N}"),
]


# "15 Palestinians for the remains of every deceased hostage": a rate, not a count; "a three-day exchange": a duration.
_PER_UNIT = re.compile(r"(?:\s+[\w-]+){0,3}?\s+for\s+(?:the\s+(?:remains|bodies?)\s+of\s+)?(?:every|each)\b|\s*-\s*(?:day|week|month|year|hour)",
                       re.I)


# "over three days" is a duration and "the two governments" the parties, neither a count of people.
_NOT_PEOPLE = re.compile(r"\s+(?:days?|weeks?|months?|hours?|years?|governments|sides|countries|nations|leaders|parties|states)\b", re.I)


def _all_numbers(patterns: Sequence[re.Pattern[str]], sents: Sequence[Sent], score: float) -> list[dict]:
    """Every distinct count the patterns find, in text order (one per span)."""
    found: dict[tuple[int, int], dict] = {}
    for s in sents:
        if not _has_number(s.text):
            continue
        for rx in patterns:
            for m in rx.finditer(s.text):
                n = NUMBER.fullmatch(m.group("n").strip())
                v = parse_number(n) if n else None
                if (v is None or (1900 <= v <= 2100 and "," not in m.group("n")) or _PER_UNIT.match(s.text, m.end("n"))
                        or _NOT_PEOPLE.match(s.text, m.end("n"))):
                    continue
                a, b = m.span("n")
                key = (s.start + a, s.start + b)
                found.setdefault(key, _quantity(v, m.group("n"), key[0], key[1], score))
    return [found[k] for k in sorted(found)]


_AGREED_IN = re.compile(r"\b(?:agreed|agreement|talks|negotiat\w*|mediat\w*|brokered|signed|meeting|summit|deal)\b"
                        # "agreed to exchange 42 detainees in Marib": a swap verb between makes the place the swap's
                        r"(?:(?!\b(?:exchange|swap|release|free|hand)\w*\b)[^.;]){0,40}\b(?:in|at)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$", re.I)
# "the Government of National Unity in Tripoli": the seat of a party named by its institution, not where a swap happens.
_SEAT_OF = re.compile(r"\b(?-i:Government|Council|Authority|Administration|Parliament|Assembly)(?:\s+of(?:\s+(?-i:[A-Z][\w-]*))+)?"
                      r"\s+(?:based\s+)?in\s+$", re.I)


# Where the people were held, caught or tried, or come from: "captured in the Kharkov region", "a jail in
# Karachi", "their trials in Baku", "residents of occupied Kherson".
_HELD_IN = re.compile(r"\b(?:held|holds|hold|captured|caught|detained|jailed|imprisoned|arrested|abducted|kidnapped|seized|sentenced|"
                      r"convicted|tried|trials?|courts?|prisons?|jails?|detention|captivity|residents?|defenders?|natives?|"
                      # "killed on the Donetsk front"; "after three weeks in Tehran's Evin prison": time spent held there
                      r"citizens?|born|killed|died|fallen|slain|days|weeks|months|years)\b(?:\s+\w+ly)?\s+(?:in|of|at|from|on)\s+"
                      r"(?:the\s+)?(?:[\w'-]+\s+){0,2}"
                      # "defenders of Mariupol and of the Azovstal plant": the second of two
                      r"(?:(?:[\w'-]+\s+){1,2}and\s+(?:in|of|at|from)\s+(?:the\s+)?(?:[\w'-]+\s+){0,2})?$",
                      re.I)
# A hostage is held where the text places him ("the last living American hostage in Gaza"), unless a release verb
# governs the noun ("freed three hostages in Khan Younis").
_HOSTAGE_IN = re.compile(r"\b(?:hostages?|captives?)\s+(?:still\s+)?in\s+(?:the\s+)?(?:[\w'-]+\s+){0,2}$", re.I)
_RELEASED_IN = re.compile(r"\b(?:freed|frees|free|freeing|released|releases|release|releasing|handed\s+over|hands?\s+over|handing\s+over|"
                          r"exchanged|exchange|swapped|swap|returned)\s+(?:[\w-]+\s+){0,3}?(?:hostages?|captives?)\s+in\s+(?:the\s+)?"
                          r"(?:[\w'-]+\s+){0,2}$", re.I)
# What one side accuses the other of happened elsewhere or before: "accusing Hamas of humiliating hostages during
# handover ceremonies in Gaza".
_ACCUSATION = re.compile(r"\b(?:accus\w+|blam\w+|alleg\w+|complain\w+|citing|over\s+what\s+it\s+called)\b[^;:,]*$", re.I)
# A border crossing lies between two countries: "at the Naqoura crossing", "the Wagah border".
_CROSSING = re.compile(r"^\s+(?:[\w'-]+\s+){0,2}?(?:border|frontier|crossing|checkpoint)\b", re.I)
_CROSSING_BEFORE = re.compile(r"\b(?:border|frontier|crossing|checkpoint)\s+(?:[\w'-]+\s+){0,3}?(?:in|at|near|of)\s+(?:the\s+)?(?:[\w'-]+\s+){0,2}$", re.I)


def _topic_in(before: str) -> bool:
    """ "an end to the war in Gaza": what the swap is part of; "the Cold War in Ankara" is a name, not a topic."""
    m = _TOPIC_BEFORE.search(before[-30:])
    return bool(m) and m.group(0)[0].islower()


# Where the freed are taken afterwards is no place of the swap: "flown to Kyiv", "returning to northern Gaza".
_DESTINATION = re.compile(r"\b(?:flown|flew|taken|brought|returned|returning|return|sent|transferred|bused|bussed|driven|"
                          r"repatriated|deported|heading|headed|bound|travell?ed|arrived)\s+(?:back\s+|home\s+)?"
                          r"(?:to|for|in|into)\s+(?:the\s+)?(?:[\w'-]+\s+){0,2}$", re.I)
# The same with the object between: "returned the bodies of 15 Palestinians to Gaza", "flew the freed men home to Kyiv".
_DESTINATION_OBJ = re.compile(r"\b(?:flown|flew|returned|returning|sent|transferred|repatriated|deported)\s+(?:the\s+)?"
                              r"(?:(?!to\b|in\b|at\b)[\w'’-]+\s+){1,6}?(?:back\s+|home\s+)?(?:to|into)\s+(?:the\s+)?(?:[\w'-]+\s+){0,1}$",
                              re.I)
# Where an envoy went, or where something else happened to the people, is not where they were let go: "after a visit
# to Caracas by envoy Richard Grenell", "a plane that crashed in Belgorod was carrying 65 POWs".
_ELSEWHERE = re.compile(r"\b(?:visits?|trip|crash(?:ed|es)?|came\s+down|shot\s+down|downed)\s+(?:to|in|near|over|at)\s+(?:the\s+)?"
                        r"(?:[\w'-]+\s+){0,1}$", re.I)
# "freed ... from Tehran's Evin prison": the prison's town is where they were let go.
_FREED_FROM = re.compile(r"\b(?:released|freed|frees|releases|free|release|walked\s+out)\b[^.;]{0,60}\bfrom\s+(?:the\s+)?$", re.I)
_PRISON_OF = re.compile(r"^(?:'s|’s)\s+(?:[\w-]+\s+){0,2}?(?:prison|jail|penitentiary|detention\s+(?:centre|center|facility))\b", re.I)
# A country is a swap's place only where a site in it is named: "on the tarmac of an airport in Turkey".
_SITE_IN_COUNTRY = re.compile(r"\b(?:airports?|airfields?|air\s?bases?|tarmac)\s+(?:\w+\s+){0,2}?in\s+(?:the\s+)?$", re.I)


def handover_place(places: Sequence[PlaceMention], sents: Sequence[Sent]) -> PlaceMention | None:
    """Where a swap took place; not where it was agreed, announced or negotiated, nor where the people were held."""
    keep = []
    for pm in places:
        s = next((x for x in sents if x.start <= pm.mention.start < x.start + len(x.text)), None)
        if s is None:
            continue
        before = s.text[max(0, pm.mention.start - s.start - 70) : pm.mention.start - s.start]
        after = s.text[pm.mention.end - s.start : pm.mention.end - s.start + 40]
        if pm.origin and _FREED_FROM.search(before) and _PRISON_OF.match(after):
            pm = replace(pm, origin=False, locative=True)
        if (_AGREED_IN.search(before) or _HELD_IN.search(before) or _CROSSING.match(after) or _CROSSING_BEFORE.search(before)
                or _CROSSING.match(" " + pm.mention.text.split(maxsplit=1)[-1]) or _DESTINATION.search(before)
                or _DESTINATION_OBJ.search(before) or _ELSEWHERE.search(before)
                or (_HOSTAGE_IN.search(before) and not _RELEASED_IN.search(before)) or _topic_in(before)
                or _reported_from(pm, s) or _SPEAKING_IN.search(before) or _ACCUSATION.search(s.text[: pm.mention.start - s.start])
                or _SEAT_OF.search(before)):
            continue
        if pm.place.precision == "country":
            if not _SITE_IN_COUNTRY.search(before):
                continue
            pm = replace(pm, locative=True)
        keep.append(pm)
    return best_place(keep, kinds=frozenset({"site", "city", "country"}))


_SAME_NUMBER = re.compile(r"\bthe\s+same\s+number\s+of\b", re.I)
_SINGULAR = (r"(?:hostage|prisoner|soldier|detainee|captive|pilot|journalist|reporter|citizen|national|woman|man|tourist|teacher|"
             r"student|serviceman|officer|constable|diplomat|aid\s+worker|worker|fisherman|sailor|marine|guard|dancer|academic|"
             r"researcher|businessman|priest|shepherd|activist|civilian|child|girl|boy|official|ally|aide|associate|spy|agent|"
             r"hacker|cybercriminal|smuggler|dealer|convict|criminal|commander|fighter|militant|engineer|doctor|nurse|photographer|pastor|"
             r"missionary|contractor|businesswoman|writer|lawyer|scientist|athlete|veteran|hiker|resident|physician|professor|"
             r"star|player|singer|musician|artist|filmmaker|politician|lawmaker|legislator|oligarch|blogger|poet|cleric|volunteer|"
             r"father|mother|son|daughter|brother|sister|husband|wife)")
# One person released, named by an article or by title and name: "handed the remains of another deceased hostage",
# "freed American tourist George Glezmann", "An Israeli woman ... was flown home".
_ONE_RELEASED = [
    # "the planned release of a kidnapped police officer"
    re.compile(rf"{_RELEASE}\s+(?:of\s+)?(?:the\s+(?:remains|body)\s+of\s+)?(?:a|an|another|one)\s+(?:(?!of\b|and\b)[\w-]+\s+){{0,3}}?"
               rf"{_SINGULAR}\b", re.I),
    re.compile(rf"(?:{_RELEASE}|in\s+(?:exchange|return)\s+for)\s+(?:(?!of\b|and\b|the\b|in\b)[\w.'’-]+\s+){{0,5}}?{_SINGULAR}"
               rf"\s+(?-i:[A-Z][\w'’-]+\s+[A-Z])", re.I),
    re.compile(rf"in\s+(?:exchange|return)\s+for\s+(?:the\s+(?:remains|body)\s+of\s+)?(?:a|an|one)\s+(?:(?!of\b|and\b)[\w-]+\s+){{0,3}}?{_SINGULAR}\b", re.I),
    # "freed Edan Alexander, the last living American hostage": a name, then who the person is
    # (not "freed Marc Fogel, a US official said": a source)
    # ... or by nationality ("released Kalob Byers, an American arrested in Moscow")
    # ... a name or a title may be abbreviated ("Joseph St. Clair, a U.S. Air Force veteran")
    re.compile(rf"{_RELEASE}\s+(?-i:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+\.?){{1,2}}),\s+(?:the|a|an)\s+(?:(?!of\b|and\b)[\w.-]+\s+){{0,4}}?"
               rf"(?:{_SINGULAR}|(?-i:[A-Z][a-z]+(?:an|ese|i|ish|ch)))\b"
               rf"(?!\s+(?:said|says|told|added|confirmed))", re.I),
    # "Princeton graduate student Xiyue Wang was released": one person by title and name, as the subject
    re.compile(rf"(?:^|(?<=[.!?]\s))(?:[\w'’-]+\s+){{0,4}}?{_SINGULAR}\s+(?-i:[A-Z][\w'’-]+\s+[A-Z][\w'’-]+)\s+(?:was|has\s+been)\s+"
               rf"(?:\w+\s+)?(?:freed|released|returned|handed\s+(?:over|back)|repatriated|exchanged|swapped)", re.I),
    re.compile(rf"(?:^|(?<=[.!?]\s))(?:An?|One)\s+(?:[\w-]+\s+){{0,2}}?{_SINGULAR}\b[^.;]{{0,60}}?\b(?:was|has\s+been)\s+(?:\w+\s+)?"
               rf"(?:freed|released|returned|flown\s+home|handed\s+(?:over|back)|repatriated|exchanged|swapped)", re.I),
]
_NAME = r"(?-i:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2})"
# "released French nationals Cecile Kohler and ...": a plural noun that names the people who follow
_NAMED_GROUP = re.compile(rf"(?:{_RELEASE}|(?<=,\s)for)\s+(?:(?!of\b|and\b|the\b|\d)[\w.'’-]+\s+){{0,3}}?(?:nationals|citizens|hostages|prisoners|"
                          rf"detainees|journalists|dual\s+nationals|aid\s+workers|brothers|sisters)\s+{_NAME}", re.I)
# "freed British couple Peter and Barbie Reynolds": two people
_COUPLE_RELEASED = re.compile(rf"{_RELEASE}\s+(?:(?:a|an|the)\s+)?(?:[\w'’-]+\s+){{0,2}}?couple\b(?:\s+{_NAME}(?:\s+and\s+{_NAME})?)?", re.I)
# The rest of a name a pattern ended inside ("... aid worker Nazanin Z|aghari-Ratcliffe").
_NAME_REST = re.compile(r"(?-i:[\w'’-]*(?:\s+[A-Z][\w'’-]+){0,2})")
# One more person joined by "and": a name, perhaps with a nationality or a title, or "a Danish citizen"; not a
# source ("and Prime Minister Netanyahu said").
_AND_PERSON = re.compile(rf"\s+and\s+(?P<p>(?:(?:former|retired|ex-)\s*)?(?:(?:pro|anti)-[\w'’-]+\s+)?(?:(?-i:[A-Z][\w'’.-]*-?[\w'’]*)\s+)?(?:{_SINGULAR}\s+)?{_NAME}\b(?!\s+(?-i:[A-Z]))"
                         rf"(?!\s+(?:said|says|told|added|confirmed|announced|was|were|has|had|have|is|are|will|would)\b)|"
                         rf"(?:a|an|one)\s+(?:(?!of\b|and\b)[\w-]+\s+){{0,3}}?{_SINGULAR}\b)", re.I)
# "... Edan Alexander and the bodies of four other dual nationals": a counted group joined to a named person
_AND_GROUP = _num_rx(rf"\s+and\s+(?:the\s+)?(?:(?:bodies|remains)\s+of\s+)?{{N}}\s+(?:other\s+|more\s+)?{_PEOPLE}")
# The other side of an exchange named without a number ("in exchange for hundreds of Palestinian prisoners",
# "in exchange for Arthur Petrov"): the total is not stated.
_EXCHANGE_FOR = re.compile(rf"\b(?:in\s+(?:exchange|return)\s+for|(?:exchange|swap)\s+for|"
                           rf"(?:exchang|swap|trad)\w*\s+{_NUM}\s+{_PEOPLE}\s+for)\s+([^,;.]{{0,60}})", re.I | re.X)
_COUNTED_SIDE = re.compile(rf"^(?:the\s+)?(?:(?:bodies|remains)\s+of\s+)?(?:(?:first|last|next|final|remaining)\s+)?(?:{_NUM}|(?:a|an|one)\s|the\s+same\s+number)", re.I | re.X)
# Here a nationality must be capitalised: "in exchange for maps of landmines" names no people, so the count
# on the other side is the whole release.
_UNCOUNTED_SIDE = re.compile(r"^(?:the\s+)?(?:hundreds|thousands|dozens|scores|several|some|more)\b|"
                             + "^" + _PEOPLE.replace("[A-Z][a-z]+(?:ans|ese|is|s)", "(?-i:[A-Z][a-z]+(?:ans|ese|is|s))")
                             + r"|^(?-i:[A-Z][\w'’-]+\s+[A-Z])", re.I)
# One side's people counted in a two-sided exchange ("a swap involving two detained French teachers"); the other
# side's number is untold. A one-way handover ("without waiting for a reciprocal exchange") is counted whole.
_TWO_SIDED = re.compile(r"\b(?:swap\w*|exchang\w*)\b", re.I)
_ONE_SIDED = re.compile(r"\b(?:without\s+(?:[\w-]+\s+){0,4}?(?:exchange|swap)|one-way|unilateral\w*)\b", re.I)
_BROUGHT_HOME = re.compile(r"\b(?:brought|bring|brings|bringing)\s+(?:back\s+)?home\s+$|\b(?:got|get|gets|getting)\s+back\s+$", re.I)
_INVOLVING = re.compile(r"(?:swap|exchang)\w*\s+involving\b", re.I)
_ONE_SIDE_PEOPLE = re.compile(r"\s+(?:[a-z][\w-]*\s+)?[A-Z][a-z]+(?:-[A-Z][a-z]+)?\s+(?:[a-z]+s|POWs)\b")


_AND_OTHERS = re.compile(r"\s+and\s+(?:the\s+)?\S+\s+(?:other|more)\b")


def _one_released(sents: Sequence[Sent]) -> list[dict]:
    """Single people released, one count per non-overlapping phrase, in text order; people named and joined by "and"
    each count one ("freed aid worker Nazanin Zaghari-Ratcliffe and Anoosheh Ashoori", "released French nationals
    Cecile Kohler and Jacques Paris")."""
    spans: list[tuple[int, int, int]] = []
    for s in sents:
        for rx in (*_ONE_RELEASED, _NAMED_GROUP, _COUPLE_RELEASED):
            for m in rx.finditer(s.text):
                n, end = 1, m.end()
                if rx is _COUPLE_RELEASED:
                    n, end = 2, _NAME_REST.match(s.text, end).end()
                elif rx is _ONE_RELEASED[0] or rx is _ONE_RELEASED[2]:
                    # "release a Saudi prisoner and 50 other detainees": a counted group joins one person
                    if (more := _AND_GROUP.match(s.text, end)) is not None and _AND_OTHERS.match(more.group(0)):
                        v = parse_number(NUMBER.fullmatch(more.group("n").strip()))
                        n, end = n + int(v or 0), more.end()
                else:
                    end = _NAME_REST.match(s.text, end).end()
                    while (more := _AND_PERSON.match(s.text, end) or _AND_GROUP.match(s.text, end)) is not None:
                        v = parse_number(NUMBER.fullmatch(more.group("n").strip())) if "n" in more.groupdict() else 1
                        n, end = n + int(v or 0), more.end()
                spans.append((s.start + m.start(), s.start + max(end, m.end()), n))
    kept: list[tuple[int, int, int]] = []
    for a, b, n in sorted(spans, key=lambda x: (x[0], -x[2])):
        if not any(a < e and b > s0 for s0, e, _n in kept):
            kept.append((a, b, n))
    return [_quantity(n, "", a, b, 0.6) for a, b, n in kept]


def _one_side_of_exchange(count: dict, sents: Sequence[Sent]) -> bool:
    """A lone count of one nationality's people in a two-sided exchange counts one side only."""
    s = next((x for x in sents if x.start <= count["span"]["start"] < x.start + len(x.text)), None)
    if s is None or not _TWO_SIDED.search(s.text) or _ONE_SIDED.search(s.text):
        return False
    sides = [m.group(1) for m in _EXCHANGE_FOR.finditer(s.text)]
    if sides and not any(_COUNTED_SIDE.match(x) or _UNCOUNTED_SIDE.match(x) for x in sides):
        return False  # people released for goods ("in exchange for maps of landmines"): the count is the whole release
    # "Ukraine brought home 303 defenders in the final stage of the exchange": what one side got back
    # ... and "a possible exchange involving reporter Evan Gershkovich": one side of it
    return bool(_ONE_SIDE_PEOPLE.match(s.text, count["span"]["end"] - s.start)
                or _BROUGHT_HOME.search(s.text, 0, count["span"]["start"] - s.start)
                or _INVOLVING.match(s.text, count["span"]["start"] - s.start))


# "... and offered to free Indian fishermen held in Karachi in return": the other side's people, uncounted
_UNCOUNTED_IN_RETURN = re.compile(r"\b(?:free|freeing|release|releasing|return|returning|hand\s+over|handing\s+over)\s+"
                                  r"(?-i:[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s+(?:[a-z]+\s+)?(?:prisoners|detainees|captives|hostages|fishermen|soldiers|"
                                  r"servicem[ae]n|troops|civilians|citizens|nationals|(?-i:POWs))\b[^,;.]{0,60}?\bin\s+(?:return|exchange)\b"
                                  r"(?!\s+for\b)")

# "did not say how many Russians it had handed over"; "ready to free 700 soldiers if Kinshasa freed rebel detainees":
# the other side's release is stated without a count, so one side's count is no total
_UNSAID_COUNT = re.compile(r"\b(?:did\s+not|didn['’]t|would\s+not|wouldn['’]t|declined\s+to|refused\s+to)\s+(?:say|disclose|reveal|give|specify)\s+"
                           r"how\s+many\s+(?:[\w'’-]+\s+){0,4}?(?:handed\s+over|released|freed|returned|sent\s+back|exchanged|swapped)\b", re.I)
_UNCOUNTED_IF = re.compile(r"\b(?:if|provided|unless|on\s+condition\s+that)\s+(?:the\s+)?(?:[\w'’-]+\s+){1,3}?"
                           r"(?:frees?|freed|releases?|released|returns?|returned|hands?\s+over|handed\s+over)\s+"
                           r"(?:its\s+|their\s+|the\s+)?(?:[a-z-]+\s+)?(?:prisoners|detainees|captives|hostages|soldiers|fighters|members)\b", re.I)


def _other_side_uncounted(sents: Sequence[Sent]) -> bool:
    for s in sents:
        if _UNCOUNTED_IN_RETURN.search(s.text) or _UNSAID_COUNT.search(s.text) or _UNCOUNTED_IF.search(s.text):
            return True
        for m in _EXCHANGE_FOR.finditer(s.text):
            side = m.group(1)
            if not _COUNTED_SIDE.match(side) and _UNCOUNTED_SIDE.match(side):
                return True
    return False


_STAGE_OF = re.compile(r"\b(?:stage|phase|part|round|batch|leg)\s+of\s+(?:the\s+|a\s+)?$", re.I)
_EACH_MORE = _num_rx(rf"\s+{_PEOPLE}\s+(?:and|plus)\s+{{N}}\s+{_PEOPLE}(?!\s+(?:each|apiece))")


# "in exchange for 125 Palestinians serving life sentences, 1,111 detainees from Gaza and the remains of 180 Palestinians":
# the groups listed after the first one the other side frees
_FOR_BEFORE = re.compile(r"\bin\s+(?:exchange|return)\s+for\s+(?:the\s+)?$", re.I)
_LIST_GAP = re.compile(r"[^,;.]{0,80}?(?=,|\s+and\s)")
_LIST_ITEM = _num_rx(rf"(?=[\s,])(?:,\s+(?:and\s+)?|\s+and\s+)(?:the\s+)?(?:(?:bodies|remains)\s+of\s+)?{{N}}\s+(?!of\b){_PEOPLE}")


_GROUP_END = re.compile(rf"\s+{_PEOPLE}")


def _listed_after(counts: list[dict], sents: Sequence[Sent]) -> list[dict]:
    seen = {c["span"]["start"] for c in counts}
    out = list(counts)
    for c in counts:
        s = next((x for x in sents if x.start <= c["span"]["start"] < x.start + len(x.text)), None)
        if s is None or not _FOR_BEFORE.search(s.text, 0, c["span"]["start"] - s.start):
            continue
        pos = c["span"]["end"] - s.start
        while (gap := _LIST_GAP.match(s.text, pos)) is not None and (item := _LIST_ITEM.match(s.text, gap.end())) is not None:
            v = parse_number(NUMBER.fullmatch(item.group("n").strip()))
            a, b = item.span("n")
            if v is not None and s.start + a not in seen:
                seen.add(s.start + a)
                out.append(_quantity(v, item.group("n"), s.start + a, s.start + b, 0.7))
            pos = b
        # "in exchange for 55 Russians and pro-Kremlin politician Viktor Medvedchuk": a named person closes the list
        group = _GROUP_END.match(s.text, pos)
        more = _AND_PERSON.match(s.text, group.end()) if group else None
        if more is not None and s.start + more.start("p") not in seen:
            seen.add(s.start + more.start("p"))
            out.append(_quantity(1, more.group("p"), s.start + more.start("p"), s.start + more.end("p"), 0.6))
    return sorted(out, key=lambda q: q["span"]["start"])

_SEPARATE_DEAL = re.compile(r"[^;.]{0,80}?\b(?:under|in|as\s+part\s+of|through)\s+(?:a|an)\s+separate\s+(?:arrangement|deal|agreement|"
                            r"exchange|swap|release|understanding)\b", re.I)

_ALSO_UNEVEN = re.compile(rf"\balso\s+(?:[\w'’-]+\s+){{0,2}}?(?:received|freed|released|returned|handed\s+over|got\s+back)\s+(?P<a>{_NUM})\s+"
                          rf"(?:[\w'’-]+\s+){{0,3}}?in\s+(?:return|exchange)\s+for\s+(?:the\s+)?(?P<b>{_NUM})\b", re.I | re.X)


def _swap_counts(sents: Sequence[Sent]) -> tuple[dict | None, dict | None]:
    """(total, released_by_each_side) of a swap."""
    each = _first_number(_EACH, sents, 0.85)
    if each is None:
        for s in sents:
            for m in N_FOR_N.finditer(s.text):
                if _STAGE_OF.search(s.text, 0, m.start()):
                    continue  # "the final stage of the 1,000-for-1,000 exchange": the whole deal, not this part of it
                a, b = value_of(m.group(1)), value_of(m.group(2))
                if a is not None and a == b and a >= 1 and not (1900 <= a <= 2100):
                    each = _quantity(a, m.group(0), s.start + m.start(), s.start + m.end(), 0.85)
                    break
            if each:
                break
    if each is not None:
        # "each freed 185 soldiers and 20 civilians": a second group each side freed adds to each side's count
        s = next((x for x in sents if x.start <= each["span"]["end"] <= x.start + len(x.text)), None)
        more = _EACH_MORE.match(s.text, each["span"]["end"] - s.start) if s is not None else None
        v = parse_number(NUMBER.fullmatch(more.group("n").strip())) if more else None
        if more and v is not None:
            each = {**each, "value": each["value"] + int(v), "text": f"{each['text']} + {more.group('n')}"}
    total = _first_number(_TOTAL, sents, 0.85)
    if total is None and each is None:
        for s in sents:
            m = _RESPECTIVELY.search(s.text)
            a, b = (value_of(m.group("a")), value_of(m.group("b"))) if m else (None, None)
            if a is not None and b is not None:
                total = _quantity(a + b, m.group(0), s.start + m.start(), s.start + m.end(), 0.8)
                break
    if total is None:
        total = _first_number([_num_rx(r"{N}-(?:person|people|prisoner|man|detainee|captive)\s+(?:swap|exchange|deal)")], sents, 0.8)
    if each is None and total is None:
        same = next((s for s in sents if _SAME_NUMBER.search(s.text)), None)
        counts = _all_numbers(_ONE_WAY, [same], 0.75) if same else []
        if counts:
            each = counts[0]
    if total is None and each is not None:
        total = {**each, "value": each["value"] * 2, "score": 0.75}
        # "exchanged 246 prisoners each ...; Kyiv also received 31 wounded soldiers in return for 15 Russians": an uneven
        # extra exchange adds to the total, and the sides no longer freed the same number
        extra = next((m for x in sents for m in [_ALSO_UNEVEN.search(x.text)] if m), None)
        a, b = (value_of(extra.group("a")), value_of(extra.group("b"))) if extra else (None, None)
        if a is not None and b is not None and a != b:
            total, each = {**total, "value": total["value"] + int(a) + int(b), "score": 0.7}, None
    if total is None and each is None and _other_side_uncounted(sents):
        return None, None
    if total is None:
        counts = _listed_after(_all_numbers(_ONE_WAY, sents, 0.75), sents)
        ones = _one_released(sents)
        # "a Saudi prisoner and 50 other detainees": the group is already in the person's count
        counts = [c for c in counts if not any(q["value"] > 1 and q["span"]["start"] < c["span"]["start"] < q["span"]["end"]
                                               and q["text"] == "" for q in ones)]
        ones = [q for q in ones if not any(q["span"]["start"] <= c["span"]["start"] < q["span"]["end"] for c in counts)]
        counts = sorted([*counts, *ones], key=lambda q: q["span"]["start"])
        # "ten Thai nationals were also released under a separate arrangement": another deal's release, not this swap's
        counts = [c for c in counts if not any(x.start <= c["span"]["start"] < x.start + len(x.text)
                                               and _SEPARATE_DEAL.match(x.text, c["span"]["end"] - x.start) for x in sents)]
        if len(counts) == 1 and _one_side_of_exchange(counts[0], sents):
            counts = []
        # More groups add up only in the sentence that names the second side ("175 servicemen plus 22 seriously
        # wounded soldiers"); a later sentence repeats them ("The three women were handed to the Red Cross").
        if len(counts) > 2:
            s2 = next((x for x in sents if x.start <= counts[1]["span"]["start"] < x.start + len(x.text)), None)
            counts = counts[:2] + [c for c in counts[2:] if s2 is not None and s2.start <= c["span"]["start"] < s2.start + len(s2.text)]
        if len(counts) > 2 and counts[0]["value"] == sum(c["value"] for c in counts[1:]):
            counts = counts[:1]  # "Among the 84 Ukrainians returned were 49 soldiers and 35 civilians": a breakdown
        if len(counts) >= 2:
            # Two sides releasing different numbers ("freed three hostages ... released 90 prisoners").
            a, b = counts[0], counts[-1]
            if len(counts) == 2 and a["value"] == b["value"]:
                each = a
            total = {"value": sum(c["value"] for c in counts), "text": " + ".join(c["text"] for c in counts),
                     "span": {"start": a["span"]["start"], "end": b["span"]["end"]}, "score": 0.7}
        if len(counts) == 1:
            total = counts[0]
    return total, each


_HANDLES_EXCHANGE = re.compile(
    r"\s+(?:will\s+|would\s+|is\s+to\s+|was\s+to\s+|to\s+|had\s+|has\s+)?(?:carr(?:y|ied|ies)\s+out|oversee|oversaw|oversees|"
    r"supervis\w+|facilitat\w+|conduct\w*|implement\w*|organi[sz]\w*|handle[sd]?)\s+(?:the\s+|this\s+)?(?:[\w-]+\s+)?"
    r"(?:exchange|swap|release|handover|transfer|operation|return)\b", re.I)


_FREES_AFTER = re.compile(r"\s+(?:(?:would|will|had|has|have|was\s+to|is\s+to|agreed\s+to)\s+)?(?:also\s+)?"
                          r"(?:released?|releases|freed|frees?|handed\s+over|hands\s+over)\b", re.I)
_TRUCE_BROKER = re.compile(r"-(?:brokered|mediated|backed|sponsored)\s+(?:[\w-]+\s+){0,2}?(?:ceasefire|truce|peace)\b", re.I)


def prisoner_arguments(actors: list[tuple[Mention, Actor, Sent]], sents: Sequence[Sent]) -> tuple[dict, list[dict]]:
    total, each = _swap_counts(sents)
    category = _category(sents, frozenset(a.country for _m, a, _s in actors if a.country))
    # The Red Cross or the UN in a swap story is the intermediary, whatever the verb; one a cue names as such
    # ("to be carried out by the ICRC") comes first.
    cued = _mediator_flags(actors, [not _PARTY_SIDE.match(s.text, m.end - s.start) for m, _a, s in actors])
    # Who carries out the exchange is its intermediary before whoever hosted the talks that led to it.
    handles = [bool(_HANDLES_EXCHANGE.match(s.text, m.end - s.start)) for m, _a, s in actors]
    # "released prisoners under the U.S.-brokered ceasefire": who brokered the truce is behind the Red Cross that
    # takes the captives.
    truce = [bool(_TRUCE_BROKER.match(s.text, m.end - s.start)) for m, _a, s in actors]
    # "a deal negotiated by envoy Steve Witkoff", yet "Washington would free Vinnik": who frees someone is a side.
    freeing = {a.country or a.name for m, a, s in actors if a.name not in _HUMANITARIAN and _FREES_AFTER.match(s.text, m.end - s.start)}
    cued = [c and (a.country or a.name) not in freeing for c, (_m, a, _s) in zip(cued, actors, strict=True)]
    roles = _dedupe([_actor_dict("mediator" if c or h or a.name in _HUMANITARIAN else "participant", m, a,
                                  0.8 if h else 0.55 if c and tb else 0.7 if c or a.name not in _HUMANITARIAN else 0.6)
                     for c, h, tb, (m, a, _s) in zip(cued, handles, truce, actors, strict=True)])
    mediators = sorted((r for r in roles if r["role"] == "mediator"), key=lambda r: -r["score"])
    if not mediators:
        # "Under a proposal presented by U.S. envoy Steve Witkoff, Hamas would free ...": the author of a swap between
        # two others mediates it.
        keys = {r["country"] or r["name"] for r in roles}
        mediators = [_actor_dict("mediator", m, a, 0.6) for m, a, s in actors
                     if _proposal_author(m, s) and len(keys - {a.country or a.name}) >= 2][:1]
        roles = [r for r in roles if (r["country"] or r["name"]) not in {x["country"] or x["name"] for x in mediators}]
    if not mediators:
        # "Ukraine and Russia exchanged 246 prisoners each, the UAE foreign ministry said": a third state that only
        # reports a swap between two others is the one that brokered it.
        voice: dict[str, list[bool]] = {}
        for m, a, s in actors:
            voice.setdefault(a.country or a.name, []).append(_speaker(m, s))
        reporters = [k for k, v in voice.items() if all(v)]
        if len(voice) == 3 and len(reporters) == 1:
            m, a, _s = next(x for x in actors if (x[1].country or x[1].name) == reporters[0])
            if a.kind in {"state", "intl_org"}:
                mediators = [_actor_dict("mediator", m, a, 0.5)]
                roles = [r for r in roles if (r["country"] or r["name"]) != reporters[0]]
    keys = {r["country"] or r["name"] for r in mediators}
    participants = [r for r in roles if r["role"] == "participant" and (r["country"] or r["name"]) not in keys]
    args = {"total": total, "released_by_each_side": each, "category": category, "mediator": mediators[0] if mediators else None}
    return args, participants + mediators


def numbers_in(sents: Sequence[Sent]) -> list[dict]:
    """All counts in the evidence, for debugging and for `eventx extract --explain`."""
    return [_quantity(n.value, n.text, s.start + n.start, s.start + n.end, 0.5) for s in sents for n in find_numbers(s.text)]
