"""Per-type arguments: who, where, how many, with what.

Each function reads the evidence sentences of one event (text plus offset in
the article) and returns values with the words they came from. Rules are
plain patterns; every value points at a span of the text, and a value the
text does not state stays None.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from models.extraction.gazetteer import Actor, Gazetteer, Mention, Place, place_score
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
    return re.compile(template.replace("{N}", rf"{_QUAL}(?P<n>{_NUM})"), re.I | re.X)


@lru_cache(maxsize=4096)
def _has_number(text: str) -> bool:
    """Whether any number is written in `text`: every quantity pattern needs one, and most sentences have none."""
    return NUMBER.search(text) is not None


# "a 12-year-old boy", "a three-day exchange", "a nine-storey block": a modifier, not a count.
_AGE_OR_SPAN = re.compile(r"\s*-\s*(?:years?|months?|weeks?|days?|hours?|storey|story|floor|km|kilomet\w+|miles?)\b", re.I)


def _first_number(patterns: Sequence[re.Pattern[str]], sents: Sequence[Sent], score: float) -> dict | None:
    for s in sents:
        if not _has_number(s.text):
            continue
        for rx in patterns:
            for m in rx.finditer(s.text):
                n = NUMBER.fullmatch(m.group("n").strip())
                v = parse_number(n) if n else None
                if v is None or (1900 <= v <= 2100 and "," not in m.group("n")) or _AGE_OR_SPAN.match(s.text, m.end("n")):
                    continue
                a, b = m.span("n")
                return _quantity(v, m.group("n"), s.start + a, s.start + b, score)
    return None


# --------------------------------------------------------------------------- actors


_MEDIATOR_BEFORE = re.compile(
    r"(?:mediat\w+ by|brokered by|hosted by|facilitated by|with the (?:help|mediation|assistance) of|mediation of|"
    r"mediation from|mediator|mediators|through|via|sponsored by|under the auspices of|thanks to|host|hosts|"
    r"in the presence of|at the invitation of|invited by|crediting|credited|thanked)\s+(?:the\s+)?(?:\w+\s+){0,2}$",
    re.I,
)
# Who a swap passes through: "handed over to the ICRC". In talks a plan "handed to Kyiv" goes to a party.
_HANDOVER_BEFORE = re.compile(
    r"(?:handing them to|handed (?:them )?(?:over )?to|transferred to|under the supervision of|supervised by|overseen by|"
    r"carried out by|implemented by|under)\s+(?:the\s+)?(?:\w+\s+){0,2}$",
    re.I,
)
_MEDIATOR_AFTER = re.compile(
    r"^(?:-|\s)(?:brokered|mediated|hosted|facilitated|led mediation|sponsored|chaired|backed\s+talks)\b|"
    r"^(?:'s|’s)?(?:\s+[\w-]+){0,4},?\s+(?:which|who)\s+(?:has\s+|had\s+|is\s+|was\s+)?(?:been\s+)?"
    r"(?:mediat\w*|brokered|brokering|facilitat\w*|hosted|hosting|coordinated|coordinating)|"
    r"^,\s+(?:the\s+|a\s+|which\s+(?:is|was|acted\s+as)\s+(?:the\s+)?)?(?:main\s+|key\s+|chief\s+|lead\s+)?(?:mediator|broker|host|facilitator)|"
    r"^(?:'s|’s)?\s+(?:[\w-]+\s+){0,3}?(?:mediators?|brokers?|facilitators?)\b|"
    r"^(?:'s|’s)?\s+(?:[\w'’-]+\s+){0,3}?(?:shuttl\w+\s+between|acting\s+as\s+(?:a\s+|the\s+)?(?:mediator|broker|go-between)|"
    r"acted\s+as\s+(?:a\s+|the\s+)?(?:mediator|broker)|offered\s+to\s+(?:host|mediate)|will\s+host|to\s+host|hosted|hosting|"
    r"mediated|brokered|facilitated|helped\s+(?:broker|mediate)|(?:suspended|resumed|ended|continued)\s+(?:its|their)\s+mediation|"
    r"mediating|facilitating|carrying\s+messages|relaying\s+messages|passing\s+messages|auspices|"
    r"(?:its|their)\s+mediation|(?:repeated\s+)?offers?\s+to\s+(?:broker|mediate|host))",
    re.I,
)
_HUMANITARIAN = {"International Committee of the Red Cross", "Red Cross", "ICRC", "United Nations", "UN"}
_HOST_VENUE = re.compile(r"\b(?:in|hosted in)\s+$", re.I)
_INITIATOR_BEFORE = re.compile(r"(?:by|from)\s+(?:the\s+)?(?:\w+\s+){0,2}$", re.I)
_TARGET_BEFORE = re.compile(
    r"(?:on|against|targeting|targeted|at|over|toward|towards|into|hit|struck|attacked|of)\s+(?:the\s+)?(?:\w+\s+){0,2}$", re.I
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


def actor_mentions(gaz: Gazetteer, sents: Sequence[Sent]) -> list[tuple[Mention, Actor, Sent]]:
    out = []
    for s in sents:
        for m in gaz.mentions(s.text, s.start):
            if not m.actors:
                continue
            # A place named after a preposition is a location, not an actor ("in Moscow").
            before = s.text[max(0, m.start - s.start - 40) : m.start - s.start]
            # "Russia's", "China-brokered": a modifier naming a party, not a place.
            possessive = s.text[m.end - s.start : m.end - s.start + 2] in ("'s", "’s") or s.text[m.end - s.start : m.end - s.start + 1] == "-"
            if (m.places and _SPATIAL.search(before) and not possessive
                    and not any(a.kind in {"armed_group", "intl_org"} for a in m.actors)):
                continue
            if not possessive and _PLACE_MODIFIER.match(s.text, m.end - s.start) and re.search(r"\bthe\s+$", before, re.I):
                continue  # "the Saudi port city of Jeddah": names where, not who
            actor = sorted(m.actors, key=lambda a: ({"state": 0, "armed_group": 1, "intl_org": 2}.get(a.kind, 3), a.name))[0]
            out.append((m, _state_actor(gaz, actor), s))
    return out


_PLACE_MODIFIER = re.compile(r"\s+(?:(?:port|coastal|border|frontier|northern|southern|eastern|western|central)\s+)?"
                             r"(?:city|town|village|capital|port|resort|province|region|coast)\b")
# Prepositions and verbs after which a country or capital is a place, not a party.
_SPATIAL = re.compile(
    r"\b(?:in|near|at|outside|around|across|inside|over|above|into|within|pounded|hammered|shelled|bombarded|struck|hit|"
    r"attacked|targeted|target|targeting|raided|towards|toward|(?:attacks?|strikes?|raids?|assault|barrage)\s+on|"
    r"(?:travel\w*|flew|flown|went|arrived|visit\w*|delegation|envoys?|trip)\s+(?:\w+\s+){0,2}?to|"
    r"(?:neighbou?rhoods?|districts?|suburbs?|outskirts|parts?|areas?|centre|center)\s+of|"
    r"of\s+(?:western|eastern|northern|southern|central|north|south|east|west))\s+"
    r"(?:the\s+)?(?:(?:[\w-]+\s+){0,2}(?:city|town|village|capital|port|region|outskirts|centre|center|resort)\s+of\s+)?$",
    re.I,
)


_PARTY_SIDE = re.compile(r"\s+(?:authorities|officials|side|government|border\s+guards|representatives)\b", re.I)


def _is_mediator(m: Mention, s: Sent, handover: bool = False) -> bool:
    rel = m.start - s.start
    before = s.text[max(0, rel - 60) : rel]
    after = s.text[m.end - s.start : m.end - s.start + 90]
    return bool(_MEDIATOR_BEFORE.search(before) or _MEDIATOR_AFTER.match(after) or (handover and _HANDOVER_BEFORE.search(before)))


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
    r"\b(?:in|on|near|over|at|outside|around|across|into|targeting|targeted|hit|struck|striking|attacked|attacking|"
    r"pounded|pounding|hammered|hammering|shelled|bombarded|bombed|rocked|raided|battered|"
    r"of|toward|towards|above|within|inside|to)\s+(?:the\s+)?(?:(?:[\w-]+\s+){0,4}(?:city|town|village|port|region|province|"
    r"outskirts|centre|center|suburbs?|districts?|capital|resort|hub)\s+of\s+)?(?:\w+\s+){0,2}$",
    re.I,
)
_ORIGIN_PHRASE = re.compile(
    r"\b(?:launched|fired|sent|flew|flown|originat\w+)\s+from\b"
    r"(?:(?!\b(?:struck|hit|damaged|targeted|attacked|at|on|killing|wounding|toward|towards|into|over)\b)[^,;.]){0,70}$",
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


_FACILITY = re.compile(r"^\s+(?:[\w-]+\s+){0,2}?(?:(?:airport|port|harbou?r|refiner(?:y|ie)|oil\s+depot|depot|power\s+(?:plant|station)|"
                       r"air\s?base|airfield|base|station|terminal|plant|factor(?:y|ie)|bridge|railway|market|hospital|outskirt|"
                       r"centre|center|district|suburb|palace|hotel|conference|headquarter|residence)s?|"
                       # "Kharkov's mayor said ...": the city whose officials report a strike is where it hit.
                       r"mayor|city\s+(?:council|authorities|administration)|air\s+defen[cs]es?)\b", re.I)


def place_mentions(gaz: Gazetteer, sents: Sequence[Sent], context: set[str]) -> list[PlaceMention]:
    out = []
    for s in sents:
        mentions = gaz.mentions(s.text, s.start)
        # Unambiguous places in the same sentence ("in Russia's Volgograd region") decide homonyms.
        # A small town does not anchor: it may itself be the homonym ("Golden" in "the Golden Temple").
        near_countries = {m.places[0].country for m in mentions if len({p.country for p in m.places}) == 1 and m.places
                          and not m.actors and (m.admin_suffix or any(p.precision != "city" or p.population >= 100_000 for p in m.places))}
        sentence_out: list[PlaceMention] = []
        for m in mentions:
            if not m.places:
                continue
            rel = m.start - s.start
            before = s.text[max(0, rel - 40) : rel]
            origin = bool(_ORIGIN.search(before)) or bool(_ORIGIN_PHRASE.search(s.text[max(0, rel - 90) : rel]))
            # "in Rubaya, North Kivu": an unknown town, then its division.
            appositive = bool(re.search(r"\b(?:in|near|at|on|outside)\s+(?:the\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?,\s*$", before))
            # A capital that also names a government ("Kyiv and Moscow") is a place only after a spatial word.
            facility = (s.text[m.end - s.start : m.end - s.start + 2] in ("'s", "’s")
                        and bool(_FACILITY.match(s.text[m.end - s.start + 2 : m.end - s.start + 40])))
            locative = (origin or m.admin_suffix or appositive or facility
                        or bool((_SPATIAL if m.actors else _LOCATIVE).search(before)))
            after = s.text[m.end - s.start : m.end - s.start + 25]
            if m.actors and not locative:
                continue  # "Moscow said", "Ukraine launched": an actor, not a place
            if re.match(r"^(?:-|\s)?(?:based|backed|born|made|built|installed|appointed|controlled|held|occupied|led)\b", after, re.I):
                continue  # "Iran-backed", "Russian-installed"
            if (s.text[m.end - s.start : m.end - s.start + 2] in ("'s", "’s") and not m.admin_suffix
                    and not _FACILITY.match(s.text[m.end - s.start + 2 : m.end - s.start + 40])):
                locative = False  # "Tehran's nuclear programme": a topic; "Port Sudan's airport" stays a place
            best = max(m.places, key=lambda p: place_score(p, context, FOCUS) + (1.5 if p.country in near_countries else 0.0))
            sentence_out.append(PlaceMention(m, best, origin, locative))
        # A small town from a country the sentence is not about, next to a place that it is about, is a
        # homonym ("the Golden Temple in Amritsar", "the Miraflores palace in Caracas").
        anchored = {pm.place.country for pm in sentence_out if pm.place.country in near_countries | context}
        out.extend(pm for pm in sentence_out
                   if not (pm.place.precision == "city" and pm.place.population < 100_000 and anchored
                           and pm.place.country not in anchored))
    return out


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


# --------------------------------------------------------------------------- drone strikes

_DRONE_NOUN = r"(?:drones?|uavs?|unmanned\s+aerial\s+vehicles?|unmanned\s+(?:boats?|surface\s+vessels?)|shaheds?|gerans?|lancets?|quadcopters?|loitering\s+munitions?|kamikaze\s+drones?|fpvs?)"
_DRONE_WORDS = rf"(?:\w+[\s-]+){{0,3}}?{_DRONE_NOUN}"
_INTERCEPT_VERB = r"(?:shot\s+down|shoot\s+down|intercept\w*|destroy\w*|down(?:ed|ing)?|neutrali[sz]\w*|suppress\w*|repell?\w*|jammed|brought\s+down|eliminat\w*|took\s+down)"
_LAUNCH_VERB = r"(?:launch\w*|fir(?:ed|ing)|sent|used|deploy\w*|attack\w*\s+with|struck\s+with|involv\w*|employ\w*|unleash\w*)"

_INTERCEPTED = [
    _num_rx(rf"(?:of\s+which|of\s+them|of\s+these)\s+{{N}}\s+(?:were|was|had\s+been|have\s+been)\s+(?:\w+\s+){{0,2}}?{_INTERCEPT_VERB}"),
    _num_rx(rf"{{N}}\s+{_DRONE_WORDS}\s+(?:\w+\s+)?{_INTERCEPT_VERB}"),
    _num_rx(rf"{{N}}\s+(?:was|were|had\s+been|have\s+been)\s+(?:\w+\s+){{0,1}}?{_INTERCEPT_VERB}"),
    _num_rx(rf"{{N}}\s+(?:of\s+(?:which|them|these|those)|among\s+them)\s+(?:\w+\s+){{0,2}}?(?:were|was|had\s+been|have\s+been)\s+(?:\w+\s+){{0,2}}?{_INTERCEPT_VERB}"),
    _num_rx(rf"{_INTERCEPT_VERB}\s+(?:\w+\s+){{0,3}}?{{N}}\s*(?:of\s+(?:the\s+)?{_NUM}\s+)?{_DRONE_WORDS}"),
    _num_rx(rf"{{N}}\s+(?:of\s+(?:the|them|these)\s+)?{_DRONE_WORDS}\s+(?:\w+\s+){{0,3}}?(?:were|was|had\s+been|have\s+been|being)\s+(?:\w+\s+){{0,2}}?{_INTERCEPT_VERB}"),
    _num_rx(rf"{_INTERCEPT_VERB}\s+(?:\w+\s+){{0,2}}?{{N}}\s+(?:of|out\s+of)\s+"),
    _num_rx(rf"{{N}}\s+(?:of|out\s+of)\s+(?:the\s+)?{_NUM}\s+(?:\w+\s+){{0,3}}?(?:were|was|had\s+been)\s+{_INTERCEPT_VERB}"),
    _num_rx(rf"{_INTERCEPT_VERB}\s+(?:\w+\s+){{0,3}}?{{N}}\s+(?:[\w-]+\s+){{0,2}}?(?:{_DRONE_NOUN}|of\s+them|targets|aerial)"),
    # "Two explosive-laden drones targeting Erbil airport, which hosts ..., were shot down": the subject of the clause.
    _num_rx(rf"(?:^|(?<=[.!?]\s)){{N}}\s+{_DRONE_WORDS}\b(?:(?![.!?]\s)[^;]){{0,100}}?\b(?:were|was|had\s+been|have\s+been)\s+(?:\w+\s+)?{_INTERCEPT_VERB}"),
]
_LAUNCHED = [
    _num_rx(rf"{{N}}(?!\s+(?:out\s+)?of\b)\s+{_DRONE_WORDS}\s+(?:and\s+{_NUM}\s+(?:[\w-]+\s+)?(?:missiles|rockets)\s+)?(?:were\s+|was\s+|had\s+been\s+|have\s+been\s+)?(?:launched|fired|sent)\b"),
    _num_rx(rf"(?:attack\w*|pound\w*|struck|strik\w*|hit|target\w*|bombard\w*|hammer\w*|barrag\w*)\s+(?:[\w-]+\s+){{0,4}}?with\s+{{N}}\s+{_DRONE_WORDS}"),
    # "shot down 40 of 50 drones" (but not "a total of 70 drones", which counts the downed ones).
    _num_rx(rf"(?<!total\s)(?<!\ball\s)(?:of|out\s+of)\s+(?:the\s+)?{{N}}\s+{_DRONE_WORDS}"),
    _num_rx(rf"{_INTERCEPT_VERB}\s+(?:\w+\s+){{0,2}}?{_NUM}\s+(?:of|out\s+of)\s+(?:the\s+)?{{N}}"),
    _num_rx(rf"{_NUM}\s+(?:of|out\s+of)\s+(?:the\s+)?{{N}}\b"),
    _num_rx(rf"{_LAUNCH_VERB}\s+(?:\w+\s+){{0,3}}?{{N}}\s+{_DRONE_WORDS}"),
    _num_rx(rf"{{N}}\s+{_DRONE_WORDS}\s+(?:\w+\s+){{0,2}}?(?:were|was|had\s+been|have\s+been)\s+(?:\w+\s+){{0,1}}?{_LAUNCH_VERB}"),
    _num_rx(r"{N}-drone\b"),
    _num_rx(rf"(?:attack|strike|raid|wave|barrage|assault|swarm)\s+(?:\w+\s+){{0,2}}?(?:involving|with|of|using)\s+{{N}}\s+{_DRONE_WORDS}"),
    # Weakest: the drones that hit ("Two drones hit the Alabuga zone", "hit by two Ukrainian drones").
    _num_rx(rf"(?:^|(?<=[.!?]\s)){{N}}\s+{_DRONE_WORDS}\s+(?:[\w-]+\s+){{0,3}}?(?:hit|struck|attacked|targeted|crashed|slammed|"
            rf"detonated|exploded)"),
    _num_rx(rf"(?:hit|struck|attacked|targeted)\s+by\s+{{N}}\s+{_DRONE_WORDS}"),
]
_CASUALTY_SUBJECT = (
    r"(?:[\w-]+\s+){0,3}?(?:people|persons?|civilians?|residents?|soldiers?|servicem[ae]n|troops|children|child|women|woman|men|man|"
    r"workers?|others|staff|fighters?|militants?|crew|passengers?|members?|employees?|firefighters?|rescuers?|medics?|"
    r"journalists?|police(?:men)?|officers?|guards?|boys?|girls?|teenagers?|infants?|babies|baby|elderly|pensioners?|"
    r"volunteers?|farmers?|fishermen|drivers?|rebels?|insurgents?|gunmen|students?|worshippers|patients|doctors|nurses|"
    r"sailors?|marines?|seamen|residents)(?:,\s+including\s+[^,]{1,40},)?"
)
# One person named by a noun, no number: "killing the driver", "A man was killed".
_ONE_PERSON = (r"(?:the|a|an|one|its|his|her|their)\s+(?:[\w-]+\s+)?(?:driver|man|woman|child|boy|girl|civilian|resident|person|"
               r"passenger|soldier|serviceman|pensioner|teenager|worker|guard|sailor|farmer|motorcyclist|cyclist|pedestrian|rider|"
               r"leader|commander|official|member|militant|fighter|operative|officer|journalist|doctor|nurse|shepherd|paramedic)")
# "killed Hezbollah commander Ali Hassan": one person, by title and name.
_KILLED_NAMED = (r"\b(?:killing|killed)\s+(?:(?!and\b)[\w'’.-]+\s+){0,3}?(?:commander|leader|official|chief|head|member|militant|"
                 r"fighter|operative|journalist|spokes(?:man|woman))\s+(?-i:[A-Z][\w'’-]+\s+[A-Z])(?!.{0,40}\band\s+(?-i:[A-Z]))")
_MORE_PEOPLE = r"(?!\s+and\s+(?:his|her|their|its|a|an|one|two|three|four|five|six|\d)\b)"  # "a woman and her two children"
_KILLED_ONE = re.compile(rf"\b(?:killing|killed)\s+{_ONE_PERSON}\b{_MORE_PEOPLE}|{_KILLED_NAMED}|(?:^|(?<=[.!?]\s)){_ONE_PERSON}\s+(?:was|has\s+been)\s+killed\b", re.I)
_INJURED_ONE = re.compile(rf"\b(?:injuring|injured|wounding|wounded)\s+{_ONE_PERSON}\b{_MORE_PEOPLE}|"
                          rf"(?:^|(?<=[.!?]\s)){_ONE_PERSON}\s+(?:was|has\s+been)\s+(?:injured|wounded|hurt)\b", re.I)
_ALL_DOWNED = re.compile(rf"\ball\s+(?:of\s+)?(?:the|them|these)?\s*(?:[\w-]+\s+){{0,2}}?(?:{_DRONE_NOUN}\s+)?(?:were|was|had\s+been|have\s+been)\s+"
                         rf"(?:\w+\s+)?{_INTERCEPT_VERB}", re.I)


# "killed a woman and her two children": one person and a counted family.
_KILLED_FAMILY = _num_rx(rf"\b(?:killing|killed)\s+{_ONE_PERSON}\s+and\s+(?:his|her|their)\s+{{N}}\s+[a-z]")
_INJURED_FAMILY = _num_rx(rf"\b(?:injuring|injured|wounding|wounded)\s+{_ONE_PERSON}\s+and\s+(?:his|her|their)\s+{{N}}\s+[a-z]")


_RELATIVE = r"(?:son|daughter|wife|husband|mother|father|child|baby|brother|sister|grandson|granddaughter|grandchild)"
_KILLED_PAIR = re.compile(rf"\b(?:killing|killed)\s+{_ONE_PERSON}\s+and\s+(?:his|her|their)\s+{_RELATIVE}\b", re.I)
_INJURED_PAIR = re.compile(rf"\b(?:injuring|injured|wounding|wounded)\s+{_ONE_PERSON}\s+and\s+(?:his|her|their)\s+{_RELATIVE}\b", re.I)


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


def _one(rx: re.Pattern[str], sents: Sequence[Sent], score: float) -> dict | None:
    for s in sents:
        m = rx.search(s.text)
        if m:
            return _quantity(1, m.group(0), s.start + m.start(), s.start + m.end(), score)
    return None
_KILLED = [
    _num_rx(r"(?:killed|killing|left\s+dead|claimed\s+the\s+lives\s+of|took\s+the\s+lives\s+of)\s+(?:(?!and\b|while\b|with\b|but\b)\w+\s+){0,2}?{N}"),
    _num_rx(r"(?:left|leaving)\s+{N}\s+(?:[\w-]+\s+){0,2}?dead"),
    _num_rx(rf"{{N}}\s+{_CASUALTY_SUBJECT}\s+(?:\w+\s+){{0,3}}?(?:were|was|have\s+been|had\s+been|being)\s+killed"),
    _num_rx(rf"{{N}}\s+(?:{_CASUALTY_SUBJECT}\s+)?(?:were\s+|was\s+)?(?:dead|killed|died|perished|lost\s+their\s+lives)"),
    _num_rx(r"death\s+toll\s+(?:[\w.,/'’-]+\s+){0,20}?(?:has\s+|had\s+)?(?:rose|risen|climbed|increased|reached|stood|stands|rises|jumped|is)\s+(?:to|at)\s+{N}"),
]
_INJURED = [
    _num_rx(r"(?:injur\w*|wound\w*|hurt)\s+(?:(?!and\b|while\b|with\b|but\b)\w+\s+){0,2}?{N}"),
    _num_rx(rf"{{N}}\s+{_CASUALTY_SUBJECT}\s+(?:\w+\s+){{0,3}}?(?:were|was|have\s+been|had\s+been|being)\s+(?:injured|wounded|hurt)"),
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
    ("air_base", re.compile(r"\b(?:air\s?bases?|airbases?|airfields?|air\s+fields?|aerodromes?|strategic\s+bombers?|warplanes?)\b", re.I)),
    ("energy", re.compile(r"\b(?:refiner\w*|oil\s+depots?|fuel\s+depots?|oil\s+terminals?|power\s+(?:plants?|stations?|lines?|grid|facilit\w+)|"
                          r"substations?|energy|electricity|petrochemical|gas\s+(?:facilit\w+|field|plant|pipeline)|fuel|"
                          r"thermal\s+power|tpp|hydroelectric|dam|pumping\s+station|oil|nuclear\s+(?:power\s+)?(?:plant|station))\b", re.I)),
    ("port", re.compile(r"\b(?:ports?|harbou?rs?|ships?|vessels?|tankers?|frigates?|warships?|cargo\s+ships?|dock\w*|shipyard|maritime)\b", re.I)),
    ("residential", re.compile(r"\b(?:residential|apartment\w*|homes?|houses?|housing|high-rise|dwellings?|neighbou?rhoods?|block\s+of\s+flats|"
                               r"dormitor\w+|private\s+house)\b", re.I)),
    ("civilian", re.compile(r"\b(?:hospitals?|schools?|markets?|shelters?|(?<!army\s)(?<!military\s)(?<!training\s)(?<!militia\s)(?<!rebel\s)camps?|kindergartens?|clinics?|mosques?|churches?|universit\w+|"
                            r"shopping|supermarkets?|aid\s+convoy|humanitarian|hotels?|restaurants?|cafes?|funerals?|wedding|monaster\w*|temples?|"
                            r"pagodas?|shrines?|stadiums?|sports)\b", re.I)),
    ("government", re.compile(r"\b(?:government\s+(?:building|headquarters|offices?|complex)|parliament|ministry\s+building|president|"
                              r"prime\s+minister|"
                              r"administration\s+building|council\s+building|city\s+hall|police\s+(?:station|headquarters)|presidential\s+(?:palace|residence)|"
                              r"governor'?s?\s+(?:office|residence))\b", re.I)),
    ("transport", re.compile(r"\b(?:rail\w*|bridges?|airports?|trains?|bus(?:es)?|minibus\w*|roads?|highways?|vehicles?|cars?|trucks?|"
                             r"lorr\w+|stations?|logistics|ambulances?|boats?|convoys?|motorcycles?|pick-?up|"
                             # "killed a commander as he drove": the vehicle was hit
                             r"(?:as|while)\s+(?:he|she|they)\s+(?:drove|was\s+driving|were\s+driving|rode))\b", re.I)),
    ("military", re.compile(r"\b(?:military|army|barracks|ammunition|arms\s+depots?|positions?|troops|command\s+posts?|radar|air\s+defen[cs]e|"
                            r"base|bases|garrison|headquarters|weapons?\s+depots?|tanks?|artillery|launchers?|(?-i:forces)|"
                            r"(?:army|military|training|militia|rebel)\s+camps?|militants?|fighters|cells?|hideouts?)\b", re.I)),
    ("industrial", re.compile(r"\b(?:factor\w+|plants?|industrial|enterprises?|works|chemical|manufactur\w+|economic\s+zone)\b", re.I)),
]


_HIT = re.compile(r"\b(?:hit|hits|struck|strik\w*|target\w*|attack\w*|damag\w*|destroy\w*|set\s+(?:fire|ablaze)|ablaze|detonat\w*|"
                  r"fired\s+on|"
                  r"explo\w*|crash\w*\s+into|slammed\s+into|pound\w*|bomb(?:ed|ing|s)?|raid\w*)\b", re.I)
# "the military said", "Myanmar's military junta sent drones": the source or the attacker.
_ATTRIBUTION = re.compile(r"^\s*(?:'s\s+)?(?:\w+\s+){0,2}?(?:said|says|spokesman|spokeswoman|spokesperson|reported|announced|claimed|statement|"
                          r"denied|accused|launched|sent|fired|used|carried|dropped)\b", re.I)
_AGENT_BEFORE = re.compile(r"\bby\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}$", re.I)


_DRONE_AFTER = re.compile(rf"\s+{_DRONE_NOUN}", re.I)
# Who was killed names the target when no place or thing does ("killed 21 civilians", "killing five fighters").
_CASUALTY_TYPE = re.compile(
    r"\b(?:kill\w*|wound\w*|injur\w*|fired\s+on)\s+(?:[\w-]+\s+){0,4}?(?:(?P<military>soldiers|troops|fighters|militants|servicem[ae]n|"
    r"rebels|insurgents|gunmen)|(?P<civilian>civilians|children|people|residents|worshippers|villagers|farmers|women|displaced))\b", re.I)


def _modifies_type(text: str, end: int) -> bool:
    nxt = re.match(r"\s+(?=\w)", text[end:])
    return bool(nxt) and any(rx.match(text, end + nxt.end()) for _n, rx in _TARGET_TYPES)


def _target_type(sents: Sequence[Sent]) -> dict | None:
    """What was hit: the type word closest after an attack verb, ignoring "the military said"."""
    best: tuple[tuple[int, int], str, re.Match[str], Sent] | None = None
    for s in sents:
        verbs = [m.end() for m in _HIT.finditer(s.text)]
        for priority, (name, rx) in enumerate(_TARGET_TYPES):
            for m in rx.finditer(s.text):
                if (_ATTRIBUTION.match(s.text[m.end() : m.end() + 30]) or _AGENT_BEFORE.search(s.text[max(0, m.start() - 30) : m.start()])
                        or s.text[m.end() : m.end() + 1] == "-"  # "fuel-smuggling boat": a modifier
                        or _DRONE_AFTER.match(s.text, m.end())  # "a Malian army drone strike": the attacker
                        or _modifies_type(s.text, m.end())  # "military airfield": the head noun decides
                        or (m.group(0)[0].isupper() and m.start() > 0 and re.match(r"\s+[A-Z]", s.text[m.end() :])
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
    return _label(name, m.group(0), s.start + m.start(), s.start + m.end(), 0.7)


def drone_arguments(sents: Sequence[Sent]) -> dict:
    launched = _first_number(_LAUNCHED, sents, 0.8)
    intercepted = _first_number(_INTERCEPTED, sents, 0.85)
    if launched and intercepted and intercepted["value"] > launched["value"]:
        launched = None  # "intercepted 70 of the 12 attack waves" style mismatch
    if launched and intercepted and launched["span"] == intercepted["span"]:
        launched = None  # "shot down five drones launched from Idlib": how many were launched is not said
    if intercepted:
        intercepted = _plus_jammed(intercepted, sents)
    killed = _first_number(_KILLED, sents, 0.85) or _one_and_family(_KILLED_FAMILY, sents) or _one(_KILLED_ONE, sents, 0.7)
    injured = _first_number(_INJURED, sents, 0.85) or _one_and_family(_INJURED_FAMILY, sents) or _one(_INJURED_ONE, sents, 0.7)
    if intercepted is None and launched is not None:
        for s in sents:
            m = _ALL_DOWNED.search(s.text)
            if m:  # "all of the drones had been shot down"
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


_ATTACK_VERB = re.compile(
    # The accused in a denial is still the alleged attacker; so is who warns that a place "would be struck".
    r"^(?:'s|’s)?\s+(?:[\w-]+\s+){0,4}?(?:denied\s+(?:[\w-]+\s+){0,3}?(?:that\s+)?(?:(?:its|their)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:drones|forces|troops|army|military|units)|it\s+had\s+(?:launched|attacked|struck|targeted|sent|used))|"
    r"threaten(?:ed|s)?\s+to\s+(?:send|launch|use)|warned\s+(?:[\w-]+\s+){0,3}?that)\b|"
    r"^(?:'s|’s)?\s+(?:[\w-]+\s+){0,3}?(?:launch(?:ed|es|ing)?|fired|fires|sent|attack(?:ed|s|ing)|struck|strikes|hit|hits|"
    r"target(?:ed|s|ing)|pound(?:ed|s|ing)|hammer(?:ed|s|ing)|bomb(?:ed|s|ing)|raid(?:ed|s)|used\s+(?:[\w-]+\s+)?drones|"
    r"carried\s+out|claimed|threaten(?:ed|s)?\s+to\s+(?:target|attack|strike|hit)|tried\s+to\s+(?:strike|hit|attack)|"
    r"would\s+strike|will\s+strike|kept\s+attacking|destroyed|damaged|said\s+(?:its|their)\s+(?:[\w-]+\s+){0,2}?drones)\b",
    re.I,
)
_DEFENDER = re.compile(
    r"^(?:'s|’s)?\s+(?:[\w-]+\s+){0,3}?(?:army|military|air\s+force|air\s+defen[cs]es?|defen[cs]e\s+ministry|ministry\s+of\s+defen[cs]e|"
    r"general\s+staff|officials|authorities|government|junta|forces|troops|mayor|governor)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:said|says|reported|announced|shot|intercepted|downed|repelled|confirmed|accused)\b",
    re.I,
)
_BLAME = re.compile(
    r"(?:blam\w+|accus\w+\s+(?:\w+\s+){0,2}?|attributed\s+to|blamed\s+on|"
    r"(?:launched|carried\s+out|fired|sent|operated|flown|claimed|strike|strikes|attack|attacks|raid)\s+by)"
    r"\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$",
    re.I,
)
_HELD_BY = re.compile(r"(?:held\s+by|belonging\s+to|positions\s+of|base\s+of|bases\s+of)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$", re.I)
_OWNER_TARGET = re.compile(
    r"^(?:'s|’s|')?\s+(?:[\w-]+\s+){0,2}?(?:army|military|forces|soldiers|troops|positions?|bases?|headquarters|command|garrison|"
    r"checkpoints?|outposts?|fighters|militants|commanders?|convoy)\b", re.I)
_DRONE_ADJ = re.compile(rf"^(?:'s|’s)?\s+(?:[\w-]+\s+){{0,2}}?{_DRONE_NOUN}", re.I)


def _clause_after(s: Sent, m: Mention, limit: int = 90) -> str:
    rest = s.text[m.end - s.start : m.end - s.start + limit]
    cut = re.search(r"[;.](?:\s|$)|\bwhile\b|\bbut\b", rest)
    return rest[: cut.start()] if cut else rest


def drone_actors(actors: list[tuple[Mention, Actor, Sent]], location: dict | None) -> list[dict]:
    out: list[dict] = []
    for m, a, s in actors:
        rel = m.start - s.start
        before = s.text[max(0, rel - 50) : rel]
        after = s.text[m.end - s.start : m.end - s.start + 90]
        if _BLAME.search(before) or _DRONE_ADJ.match(after) or _ATTACK_VERB.match(after):
            role = "initiator"
        elif _DEFENDER.match(after) or _OWNER_TARGET.match(after) or _HELD_BY.search(before) or _TARGET_BEFORE.search(before):
            role = "target"
        else:
            continue
        out.append(_actor_dict(role, m, a, 0.7))
    first_initiator = next((x["country"] for x in out if x["role"] == "initiator"), None)
    if location and location.get("country") and location["country"] != first_initiator:
        out.append({"role": "target", "text": location["text"], "name": location["country"], "country": location["country"],
                    "kind": "state", "span": location["span"], "score": 0.6})
    return _dedupe(out)


# --------------------------------------------------------------------------- negotiations

_FORMATS: list[tuple[str, re.Pattern[str]]] = [
    ("phone_call", re.compile(r"\b(?:phone|telephone|hotline|(?:a|the|their|video|held\s+a)\s+call\s+(?:with|between)|spoke\s+(?:to|with)\s+(?:\w+\s+){0,6}?by\s+phone|phoned|"
                              r"phone\s+conversation|video\s+(?:link|call|conference)|videoconference)\b", re.I)),
    ("summit", re.compile(r"\b(?:summit|face-to-face\s+meeting|leaders'?\s+meeting|meeting\s+between\s+(?:the\s+)?(?:two\s+)?leaders|meet\s+with\s+\w+\s+in\s+person)\b", re.I)),
    ("envoy_visit", re.compile(r"\b(?:visit\w*|trip\s+to|travel\w*\s+to|arrived\s+in|shuttle|(?<!talks\s)(?<!negotiations\s)(?<!round\s)(?<!meeting\s)(?<!summit\s)(?:is|are)\s+(?:due|expected)\s+(?:back\s+)?in\s+(?=(?-i:[A-Z]))|"
                               r"sen(?:d|ds|t|ding)\s+(?:a\s+|an\s+|its\s+)?(?:[\w-]+\s+)?(?:delegation|envoy|mission|emissary)\s+to)\b", re.I)),
    ("talks", re.compile(r"\b(?:talks|negotiat\w+|round|meeting|meet|met|consultations|dialogue|discuss\w*|declaration|signed|contacts|"
                         r"good\s+offices)\b", re.I)),
    ("proposal", re.compile(r"\b(?:propos\w+|memorand\w+|draft|(?:peace|\d+-point)\s+plan|plan|roadmap|framework|initiative|offer\w*)\b", re.I)),
    # Mediators carry talks or a text: weaker than either named in the same sentence.
    ("talks", re.compile(r"\bmediat\w+", re.I)),
    # An envoy named without a verb of travel: weaker than talks or a proposal in the same sentence.
    ("envoy_visit", re.compile(r"\b(?:envoy|emissary|special\s+representative|plenipotentiary)\b", re.I)),
]
_OUTCOME_AGREE = re.compile(r"\b(?:agreed|agreeing|agreement\s+(?:was\s+)?reached|reached\s+(?:an?\s+)?(?:[\w'’-]+\s+){0,2}?(?:agreement|deal|accord|understanding|ceasefire|truce|consensus)|"
                            r"signed|initial(?:l)?ed|finali[sz]ed|struck\s+a\s+deal|clinched|sealed|accord\s+was|deal\s+was\s+reached|yielded\s+pledges|"
                            r"(?:brokered|accepted|approved|endorsed|yielded|produced)\s+(?:an?\s+|the\s+)?(?:[\w'’-]+\s+){0,2}?"
                            r"(?:agreement|deal|accord|ceasefire|truce|understanding))\b", re.I)
_OUTCOME_FAIL = re.compile(r"\b(?:no\s+breakthrough|without\s+agreeing|without\s+(?:an?\s+)?(?:[\w-]+\s+)?(?:agreement|deal|breakthrough|accord)|no\s+agreement|"
                           r"failed\s+to\s+(?:agree|reach|yield|produce)|ended\s+without|no\s+deal|far\s+apart|deadlock\w*|"
                           r"broke\s+(?:down|up)|no\s+common\s+ground|shouting\s+match|left\s+unsigned|unsigned|walked\s+out|"
                           r"no\s+(?:tangible\s+|concrete\s+)?results?|(?:ended|closed)\s+in\s+acrimony|inconclusive\w*|stalemate|"
                           r"no\s+(?:progress|consensus)|fell\s+apart|failed\s+to\s+bridge|(?:yielded|produced)\s+no|"
                           r"without\s+(?:any\s+)?(?:results?|progress)|remain(?:ed|s)?\s+(?:deeply\s+)?divided)\b", re.I)


_VENUE_BEFORE = re.compile(
    r"\b(?:talks|negotiations|meeting|summit|met|meet|round|held|hold|holding|signed|conference|consultations|ceremony|"
    r"gathered|convened|visit\w*|arrived|trip)\b[^.;]{0,60}\b(?:in|at)\s+(?:the\s+)?(?:[\w'-]+\s+){0,3}$",
    re.I,
)
_TOPIC_BEFORE = re.compile(r"\b(?:ceasefire|truce|war|fighting|conflict|situation|crisis|offensive|hostilities|escalation|violence|"
                           r"attacks?|strikes?|invasion|occupation|operations?|peace)\s+in\s+(?:the\s+)?$", re.I)


def venue(places: Sequence[PlaceMention], sents: Sequence[Sent]) -> PlaceMention | None:
    """Where talks are held: a place after "talks ... in", not a topic ("ceasefire in Gaza")."""
    by_start = {s.start: s for s in sents}
    scored = []
    for pm in places:
        if not pm.locative or pm.origin:
            continue
        s = next((x for x in by_start.values() if x.start <= pm.mention.start < x.start + len(x.text)), None)
        if s is None:
            continue
        before = s.text[max(0, pm.mention.start - s.start - 90) : pm.mention.start - s.start]
        if _TOPIC_BEFORE.search(before[-30:]) or not (
                re.search(r"\b(?:in|at)\s+(?:the\s+)?(?:[\w'-]+\s+){0,5}$", before)
                or re.search(r"\b(?:travel\w*|flew|went|arrived|visit\w*|delegation|envoys?|trip)\s+(?:\w+\s+){0,2}?to\s+$", before)):
            continue  # a topic ("escalation in Syria") or a metonym ("waiting on Kyiv"), not where talks are held
        after = s.text[pm.mention.end - s.start : pm.mention.end - s.start + 30]
        strong = bool(_VENUE_BEFORE.search(before)) or bool(re.match(r"^,?\s+where\b", after))
        scored.append((0 if strong else 1, -_SPECIFICITY[pm.place.precision], pm.mention.start, pm))
    if not scored:
        return None
    return min(scored, key=lambda x: x[:3])[3]


_TOPIC_BEFORE_ACTOR = re.compile(r"(?:war\s+in|conflict\s+in|crisis\s+in|situation\s+in|future\s+of|fate\s+of|"
                                 r"territory\s+of|regions?\s+of|invasion\s+of|occupation\s+of|reconstruction\s+of)\s+(?:the\s+)?$", re.I)


_ATTACKER_AFTER = re.compile(r"^(?:'s|’s)\s+(?:[\w-]+\s+){0,2}?(?:strikes|attacks|air\s?strikes|bombing|bombardment|offensive)\b", re.I)


def _topic_only(m: Mention, s: Sent) -> bool:
    """Named as what the talks are about ("the war in Ukraine") or as who struck ("after Israel's strikes on Iran")."""
    rel = m.start - s.start
    return bool(_TOPIC_BEFORE_ACTOR.search(s.text[max(0, rel - 40) : rel]) or _ATTACKER_AFTER.match(s.text[m.end - s.start :]))


_LEADERS_MEET = re.compile(r"\b(?:meeting|meet|met|summit|face-to-face|in\s+person)\b", re.I)


# "Maduro's government", "Trump's envoy": the leader's side, not the leader at the table.
_LEADER_SIDE = re.compile(r"(?:'s|’s)\s+(?:[\w-]+\s+)?(?:government|administration|regime|officials|envoys?|aides?|team|office|delegation|"
                          r"forces|army|representatives?|negotiators?|spokes\w+|ministers?)\b", re.I)


_HEAD_TITLE = re.compile(r"\b(?:Prime\s+Minister|President|Chancellor)\s+$")


def _leader_mentions(gaz: Gazetteer, s: Sent) -> list[tuple[Mention, str]]:
    """Heads of state or government named in a sentence, with the country each leads."""
    out = []
    for m in gaz.mentions(s.text):
        # An acting or caretaker head of government may be listed as an official: the title decides.
        titled = bool(_HEAD_TITLE.search(s.text, 0, m.start))
        leader = next((a for a in m.actors if a.kind == "leader" or (titled and a.kind == "official")), None)
        if leader is not None and not _LEADER_SIDE.match(s.text, m.end):
            out.append((m, leader.country or leader.name))
    return out


def _leaders_in(gaz: Gazetteer, s: Sent) -> int:
    """Leaders of different sides named in a sentence ("a meeting between Putin and Trump")."""
    return len({c for _m, c in _leader_mentions(gaz, s)})


_AND_TITLE = re.compile(r"\s*(?:,\s*)?(?:and|(?:held\s+)?(?:[\w-]+\s+){0,3}?(?:talks|meeting|call)\s+with|met(?:\s+with)?|"
                        r"spoke\s+(?:with|to))\s+(?:[\w'’.-]+\s+){0,4}")


def _leaders_together(gaz: Gazetteer, s: Sent) -> bool:
    """Two leaders of different sides as one subject ("Abiy and Mohamud agreed"), not a sender and an addressee."""
    ms = _leader_mentions(gaz, s)
    return any(c1 != c2 and _AND_TITLE.fullmatch(s.text, m1.end, m2.start) for (m1, c1), (m2, c2) in pairwise(ms))


_FALLBACK_TALKS = re.compile(r"\b(?:agreed|ceremony|ceasefire|truce|peace)\b", re.I)
# What was proposed or offered is the form when it is talks ("proposed holding talks", "offered to host").
_OFFERED_TALKS = re.compile(r"\s+(?:[\w'’-]+\s+){0,8}?(?:hold|holding|host|hosting|mediat\w*|broker\w*|talks|negotiat\w*|meet|meeting|"
                            r"summit|dialogue|['‘]?good\s+offices)\b", re.I)
# A delegation travelling to join talks hosted or mediated by a third party goes to talks, not on a visit.
_HOSTED_TALKS = re.compile(r"\b(?:(?:hosted|mediated|brokered)\s+by|(?:indirect|proximity)\s+(?:talks|negotiations))\b|"
                           r"-(?:hosted|mediated|brokered)\b", re.I)
_ENVOY_MEETS = re.compile(r"\b(?:met|meets?|meeting|talks\s+with)\b", re.I)


def _format_in(gaz: Gazetteer, s: Sent) -> tuple[str, re.Match[str]] | None:
    """The form of the talks a sentence names; talks and a proposal: whichever comes first."""
    hits: list[tuple[int, str, re.Match[str]]] = []
    for rank, (name, rx) in enumerate(_FORMATS):
        for m in rx.finditer(s.text):
            if name == "proposal" and m.group(0).lower().startswith(("propos", "offer")) and _OFFERED_TALKS.match(s.text, m.end()):
                continue
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
    envoy = _FORMATS[-1][1].search(s.text)
    if name == "envoy_visit" and rank == 2 and _HOSTED_TALKS.search(s.text):
        name = "talks"
    elif name == "talks" and envoy and (meets := _ENVOY_MEETS.search(s.text)) and any(
            lm.start >= meets.start() for lm, _c in _leader_mentions(gaz, s)):
        # "US envoy Witkoff met Putin in Moscow": an envoy received by a head of state
        name, m = "envoy_visit", envoy
    elif name in ("talks", "proposal") and _leaders_in(gaz, s) >= 2 and (
            _LEADERS_MEET.search(s.text) or (name == "talks" and _leaders_together(gaz, s))):
        # Two heads of state or government in talks: a summit ("Abiy and Mohamud agreed after talks in Ankara").
        name, m = "summit", _LEADERS_MEET.search(s.text) or m
    return name, m


_ENVOY_AFTER = re.compile(r"(?:'s|’s)?\s+(?:special\s+|personal\s+|chief\s+)?(?:envoy|mediator|special\s+representative|emissary)\b", re.I)


def negotiation_arguments(gaz: Gazetteer, actors: list[tuple[Mention, Actor, Sent]], places: list[PlaceMention], sents: Sequence[Sent]) -> tuple[dict, list[dict]]:
    roles: list[dict] = []
    for m, a, s in actors:
        # "UN envoy Hans Grundberg met Houthi leaders": an international body's envoy between parties mediates.
        envoy = a.kind == "intl_org" and bool(_ENVOY_AFTER.match(s.text, m.end - s.start))
        roles.append(_actor_dict("mediator" if envoy or _is_mediator(m, s) else "participant", m, a, 0.7))
    roles = _dedupe(roles)
    mediators = [r for r in roles if r["role"] == "mediator"]
    mediator_keys = {r["country"] or r["name"] for r in mediators}
    participants = [r for r in roles if r["role"] == "participant" and (r["country"] or r["name"]) not in mediator_keys]
    # Parties that talk, not countries the talks are about ("talks on the war in Ukraine").
    topical = {(m.start, m.end) for m, _a, s in actors if _topic_only(m, s)}
    talking = {(r["country"] or r["name"]) for r in participants if (r["span"]["start"], r["span"]["end"]) not in topical}
    participants = [r for r in participants if (r["country"] or r["name"]) in talking]
    venue_pm = venue(places, sents)
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
                fmt = _label(name, m.group(0), s.start + m.start(), s.start + m.end(), 0.5)
                break
        else:
            fmt = _label("talks", None, None, None, 0.4)
    outcome = None
    for s in sents:
        # The first result named is the news: "agreed to swap prisoners, though the meeting brought no breakthrough".
        found = [x for x in (_OUTCOME_FAIL.search(s.text), _OUTCOME_AGREE.search(s.text)) if x]
        m = min(found, key=lambda x: x.start()) if found else None
        if m:
            value = "no_agreement" if _OUTCOME_FAIL.match(m.group(0)) else "agreement"
            outcome = _label(value, m.group(0), s.start + m.start(), s.start + m.end(), 0.6)
            break
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
    ("price_cap", re.compile(r"\b(?:price\s+caps?|cap\s+the\s+price)\b", re.I)),
    ("asset_freeze", re.compile(r"\b(?:asset\s+freez\w*|(?:(?:un)?freez\w+|(?:un)?froze)\s+(?:of\s+)?(?:[\w$€£.,'’-]+\s+){0,6}?assets|"
                                r"(?:frozen|immobili[sz]ed)\s+(?:\w+\s+){0,2}assets|assets\s+(?:\w+\s+){0,3}?(?:frozen|immobili[sz]ed)|"
                                r"immobili[sz]\w*\s+(?:of\s+)?(?:[\w.'’-]+\s+){0,3}assets)\b", re.I)),
    ("export_ban", re.compile(r"\b(?:export\s+(?:bans?|controls?|restrictions?|licen[cs]es?)|(?:ban|barr|prohibit)\w*\s+(?:on\s+)?(?:the\s+)?exports?|"
                              r"(?:halt|stop|suspend|cut|restrict|curb|limit)\w*\s+(?:[\w-]+\s+){0,4}?exports?)\b(?!\s+and\s+imports?)", re.I)),
    # Halting trade both ways ("halted all exports and imports to and from Israel") is an embargo.
    ("embargo", re.compile(r"\b(?:embargo\w*|import\s+ban|(?:ban|barr|prohibit)\w*\s+(?:on\s+)?(?:the\s+)?(?:[\w-]+\s+){0,3}imports?|"
                           r"(?:halt|stop|suspend|cut|ban)\w*\s+(?:[\w-]+\s+){0,3}?(?:exports?\s+and\s+imports?|imports?\s+and\s+exports?|"
                           r"trade\s+(?:with|to|from)))\b", re.I)),
    ("tariff", re.compile(r"\b(?:tariffs?|duties|duty|levies|levy)\b", re.I)),
    ("sanctions", re.compile(r"\b(?:sanction\w*|blacklist\w*|designat\w*|restrictive\s+measures|penalt\w+)\b", re.I)),
]
_ACTIONS: list[tuple[str, re.Pattern[str]]] = [
    ("lift", re.compile(r"\b(?:lift\w*|eas(?:e|ed|ing)|remov\w*|relief|rescind\w*|revok\w*|scrap\w*|abolition|drop\w*|unfreez\w*|unfroze\w*|waive\w*|"
                        r"roll(?:ed|ing)?\s+back|repeal\w*|end(?:s|ed|ing)?(?=\s+(?:[\w.'’-]+\s+){0,3}?(?:sanctions|embargo|tariffs?|restrictions))|"
                        # Suspending sanctions lifts them for a time; suspending exports or licences imposes a ban.
                        r"suspen\w*(?=\s+(?:[\w.'’-]+\s+){0,4}?(?:sanctions|tariffs?|restrictive|measures)))\b", re.I)),
    ("extend", re.compile(r"\b(?:extend\w*|extension|prolong\w*|renew\w*|roll(?:ed|ing)?\s+over|rollover)\b", re.I)),
    ("evade", re.compile(r"\b(?:evad\w*|evasion|circumvent\w*|bypass\w*|skirt\w*|dodg\w*|shadow\s+fleet|resist\s+sanctions|get\s+around|"
                         r"in\s+defiance\s+of|defy\w*|defied|flout\w*|bust\w*|despite\s+(?:[\w.'’-]+\s+){0,2}sanctions)\b", re.I)),
]


_ATTRIBUTIVE = re.compile(
    r"^(?:'s|’s)?\s+(?:(?:new|fresh|latest|tough|steep|sweeping|sectoral|secondary|financial|economic|\d+\w*|[\w-]+-?led)\s+){0,3}"
    r"(?:sanction\w*|tariffs?|price\s+cap|embargo\w*|restrictions|export\s+controls|package|measures|blacklist|asset\s+freeze|duties)\b",
    re.I,
)
_IMPOSE_AFTER = re.compile(
    r"^(?:'s|’s)?\s+(?:[\w,.'’-]+\s+){0,4}?(?:renew\w*|reimpos\w*|add\w*|list\w*|penali[sz]\w*|punish\w*|impos\w*|announc\w*|adopt\w*|approv\w*|threat\w*|slap\w*|lev(?:y|ied|ies)|blacklist\w*|"
    r"designat\w*|froze|freez\w*|extend\w*|lift\w*|eas(?:e|ed|es|ing)|ban(?:s|ned|ning)?|propos\w*|introduc\w*|unveil\w*|sanction\w*|target\w*|"
    r"agreed|consider\w*|warn\w*|vow\w*|said\s+it\s+would|would\s+impose|"
    r"voted|vote|ordered|orders|signed|decided|moved\s+to|tightened|toughened|expanded|banned|bans|suspend\w*|lower\w*|revok\w*)\b",
    re.I,
)
_EVADER_AFTER = re.compile(
    r"^(?:'s|’s)?\s+(?:[\w-]+\s+){0,4}?(?:evad\w*|circumvent\w*|bypass\w*|skirt\w*|shadow\s+fleet|continu\w*\s+to\s+(?:export|ship|sell|trade)|"
    r"continu\w*\s+to\s+(?:import|buy|purchase)|is\s+continuing|denied|tankers|export\w*|ship\w*|import\w*|was\s+using|uses|using)\b",
    re.I,
)
_TARGET_AFTER = re.compile(
    r"^(?:'s|’s|')?\s+(?:(?:would|will|could|may|might)\s+)?(?:face|faces|faced)\b|"
    r"^(?:'s|’s|')?\s+(?:[\w-]+\s+){0,1}?(?:designation|listing|blacklisting)\b|"
    # "sanctions on Rosneft and Lukoil, Russia's two largest oil companies": whose companies
    r"^(?:'s|’s)\s+(?:[\w-]+\s+){0,3}?(?:companies|firms|banks|airlines?|sector|economy|oligarchs|exports|imports|shipping)\b|"
    r"^\s+(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+(?:hit|targeted|sanctioned|blacklisted|designated|penali[sz]ed)\b",
    re.I,
)
_SANCTIONED = re.compile(
    r"(?:sanction\w*|tariffs?|embargo\w*|measures|restrictions|duties|cap|ban|freeze)\s+(?:on|against|targeting)\s+(?:[\w-]+\s+){0,3}$", re.I
)
_TARGET_BEFORE_SANCTIONS = re.compile(
    r"(?:on|against|targeting|target(?:ed|s)?|sanction(?:ed|s|ing)|over|punish\w*|penali[sz]\w*|for|hit|to|with|from|of|shipping|buying|"
    r"transiting\s+through|originating\s+in|"
    r"purchases\s+of|trade\s+with|trading\s+with|linked\s+to|tied\s+to|involved\s+in|supplying|helping)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$",
    re.I,
)


_IMPOSE_CUE = re.compile(r"\b(?:impos\w*|reimpos\w*|tighten\w*|toughen\w*|expand\w*|broaden\w*|slap\w*|adopt\w*|designat\w*|"
                         r"blacklist\w*|approv\w*|announc\w*|introduc\w*|unveil\w*|hit\s+with)\b", re.I)
_KEEP = re.compile(r"\b(?:keep|kept|keeping|maintain\w*|remain|stays?|staying)\b[^.;]{0,60}\b(?:frozen|immobili[sz]ed|in\s+place|in\s+force)\b",
                   re.I)
# Evasion named by what the trade does to the measure ("shipping shells in violation of UN sanctions",
# "crude sold above the price cap", "the embargo remains ineffective").
_EVADE_MORE = re.compile(r"\b(?:in\s+(?:violation|breach|defiance)\s+of|violat\w+\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:sanctions|embargo|price\s+cap)|"
                         r"above\s+(?:the\s+)?(?:[\w$'’.,-]+\s+){0,4}?cap|ineffective)\b", re.I)
# A shadow fleet that is itself sanctioned or targeted is the target, not an evasion ("froze the assets of 100 tankers in
# Russia's shadow fleet"; "a package that would target more shadow fleet vessels").
_SHADOW_FLEET = re.compile(r"\bshadow\s+fleet\b", re.I)
_ACTS_ON_FLEET = re.compile(r"\b(?:impos\w*|sanction(?:ed|s|ing)|froze|freez\w*|target\w*|designat\w*|blacklist\w*|listed|ban(?:s|ned)?)\b",
                            re.I)


_MAIN_VERB = re.compile(r"\b(?:impos\w*|reimpos\w*|adopt\w*|approv\w*|extend\w*|lift\w*|eas(?:e|ed|es|ing)|threat\w*|propos\w*|"
                        r"agreed|announc\w*|slap\w*|introduc\w*|renew\w*|prolong\w*|tighten\w*|evad\w*|circumvent\w*|"
                        r"ordered|voted|keep|kept|lower\w*|rais\w*)\b", re.I)


def _instrument(sents: Sequence[Sent]) -> dict | None:
    """The measure the main verb acts on: the instrument word nearest to it ("extended its sanctions ... keeping an embargo")."""
    for s in sents:
        hits = [(name, m) for name, rx in _INSTRUMENTS for m in rx.finditer(s.text)]
        # "sanctions on Iran, including an arms embargo": the part does not name the measure.
        heads = [h for h in hits if not re.search(r"\bincluding\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?$", s.text[max(0, h[1].start() - 30) : h[1].start()], re.I)]
        hits = heads or hits
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


_DEMAND = re.compile(r"\bdemand\w*", re.I)
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
                d = min(abs(m.start() - a) for a in anchors)
                if d <= _ACTION_WINDOW and (best is None or d < best[0]):
                    best = (d, name, m, s)
        k = _KEEP.search(s.text)
        if k and (best is None or best[1] != "evade"):
            best = (0, "extend", k, s)
    if best is not None and best[1] == "evade":
        _d, name, m, s = best
        return _label("evade", m.group(0), s.start + m.start(), s.start + m.end(), 0.75)
    if modality == "proposed" and best is not None and best[1] == "lift" and _DEMAND.search(best[3].text):
        # A demand that sanctions be lifted (by those under them) is about lifting, not a proposed measure.
        _d, name, m, s = best
        return _label("lift", m.group(0), s.start + m.start(), s.start + m.end(), 0.6)
    if modality in ("threatened", "proposed"):
        return _label({"threatened": "threaten", "proposed": "propose"}[modality], None, None, None, 0.65)
    if best is not None:
        _d, name, m, s = best
        return _label(name, m.group(0), s.start + m.start(), s.start + m.end(), 0.7)
    return _label("impose", None, None, None, 0.55)


_SPEAKER_AFTER = re.compile(r"(?:'s|’s)?\s+(?:[\w-]+\s+){0,2}?(?:said|says|wrote|writes|announced|posted|declared|told)\b", re.I)


def sanctions_arguments(actors: list[tuple[Mention, Actor, Sent]], sents: Sequence[Sent], modality: str) -> tuple[dict, list[dict]]:
    evasion = any(_ACTIONS[2][1].search(s.text) for s in sents)
    roles: list[dict] = []
    for m, a, s in actors:
        rel = m.start - s.start
        before = s.text[max(0, rel - 45) : rel]
        after = s.text[m.end - s.start : m.end - s.start + 50]
        score = 0.65
        if _TARGET_AFTER.match(after):
            role = "target"
        elif _ATTRIBUTIVE.match(after):
            role, score = "initiator", 0.8  # "US sanctions", "the G7 price cap": the imposer, named as such
        elif _SANCTIONED.search(before):
            role = "target"
        elif re.search(r"\bby\s+(?:the\s+)?(?:\w+\s+){0,2}$", before, re.I):
            role = "initiator"
        elif evasion and _EVADER_AFTER.match(after):
            role = "target"
        elif _IMPOSE_AFTER.match(after):
            role = "initiator"
        elif _TARGET_BEFORE_SANCTIONS.search(before):
            role = "target"
        else:
            continue
        roles.append(_actor_dict(role, m, a, score))
    roles.sort(key=lambda r: -r["score"])  # stable: attributive imposers first, then text order
    roles = _dedupe(roles)
    if not any(r["role"] == "initiator" for r in roles) and actors:
        # No cue named the imposer: the first party named before the measure is its subject.
        first_trigger = min((s.start + m.start() for s in sents for _n, rx in _INSTRUMENTS for m in rx.finditer(s.text)), default=None)
        taken = {(r["country"] or r["name"]) for r in roles}
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
            if re.search(r"\b(?:tariff|dut(?:y|ies)|levy|levies|tax)", window, re.I):
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
                        r"marines|conscripts|guards?men|constables?|pilots?|airm[ae]n|police(?:\s+officers?|men)?|policem[ae]n)\b", re.I)),
    ("civilians", re.compile(r"\b(?:civilians?|children|residents|deportees)\b", re.I)),
    # "National" in a name ("Libyan National Army") is no person: only the lower-case noun counts.
    ("detainees", re.compile(r"\b(?:detainees?|prisoners?|captives?|detained|jailed|political\s+prisoners?|citizens?|(?-i:nationals?)|"
                             r"journalists?|reporters?|diplomats?|fishermen|migrants|aid\s+workers?|Americans|dual\s+nationals?|"
                             r"tourists?|teachers?|students?|academics?|researchers?|businessm[ae]n|shepherds?|herders?)\b", re.I)),
    # Last resort: people named by nationality ("release the 23 Armenians it still holds").
    ("detainees", re.compile(r"\b\d[\d,]*\s+(?:[A-Z][a-z]+\s+)?[A-Z][a-z]+(?:ans|ese|is)\b")),
]
_COUNTED_BEFORE = re.compile(rf"(?<![\w,.]){_NUM}\s+(?:[\w'’-]+\s+){{0,3}}$", re.I | re.X)
# "prisoner exchange", "prisoner lists": the word names the swap, not who is in it.
_PRISONER_MODIFIER = re.compile(r"prisoners?\s+(?:exchanges?|swaps?|releases?|deals?|handovers?|lists?|transfers?)\b", re.I)


def _category(sents: Sequence[Sent]) -> dict:
    """Bodies and hostages mark the whole swap; otherwise the people named first ("153 detainees, among them soldiers")."""
    for name, rx in CATEGORIES[:2]:
        for s in sents:
            m = rx.search(s.text)
            if m:
                return _label(name, m.group(0), s.start + m.start(), s.start + m.end(), 0.7)
    for skip_modifier in (True, False):
        for s in sents:
            hits = [(m.start(), name, m) for name, rx in CATEGORIES[2:] for m in rx.finditer(s.text)
                    if not (skip_modifier and _PRISONER_MODIFIER.match(s.text, m.start()))]
            if not hits:
                continue
            # A counted group is who was released ("escorted the 30 civilians freed by the rebels"); else the first named.
            counted = [h for h in hits if _COUNTED_BEFORE.search(s.text, 0, h[0]) or h[2].group(0)[:1].isdigit()]
            _pos, name, m = min(counted or hits, key=lambda h: h[0])
            if name == "detainees" and m.group(0).lower().startswith("prisoner") and _MILITARY_CONTEXT.search(s.text):
                name = "pows"  # prisoners held between armed forces are prisoners of war
            return _label(name, m.group(0), s.start + m.start(), s.start + m.end(), 0.7)
    # Every release has someone released; unnamed people held by the other side are detainees.
    return _label("detainees", None, None, None, 0.4)


_MILITARY_CONTEXT = re.compile(r"\b(?:army|armed\s+forces|forces|military|troops|soldiers|fighters|rebels?|militias?|battlefield)\b", re.I)
_PEOPLE = (
    r"(?:[\w-]+\s+){0,3}?(?:prisoners?\s+of\s+war|prisoners?|pows?|captives?|detainees?|hostages?|soldiers|servicem[ae]n|"
    r"civilians|people|persons|bodies|remains|troops|defenders|citizens|nationals|fighters|children|journalists|marines|"
    r"sailors|fishermen|guards?|crew|women|men|wounded|police(?:\s+officers)?|officers|[A-Z][a-z]+(?:ans|ese|is|s))\b"
)
_RELEASE = (
    r"(?:swap\w*|exchang\w*|releas\w*|freed|free|frees|freeing|return\w*|repatriat\w*|hand\w*\s+(?:over|back)|handed|"
    r"bring\s+home|brought\s+home|receiv\w*|transferr?\w*|sent\s+home|getting\s+back|got\s+back|gets\s+back|"
    r"take\s+back|took\s+back|taken\s+back|taking\s+back|flown\s+home)"
)
_EACH = [
    _num_rx(rf"{{N}}\s+{_PEOPLE}\s+(?:\w+\s+){{0,2}}?(?:each|apiece|per\s+side|from\s+each\s+side|on\s+each\s+side|for\s+each\s+side)\b"),
    _num_rx(rf"{{N}}\s+{_PEOPLE}\s+(?:\w+\s+){{0,4}}?{_RELEASE}\s+by\s+(?:each|both)\s+sides?"),
    _num_rx(r"{N}\s+(?:each|apiece|per\s+side|from\s+each\s+side|on\s+each\s+side|for\s+each\s+side)\b"),
    _num_rx(rf"(?:each|both)\s+(?:side|sides|country|countries|party)?\s*(?:\w+\s+){{0,2}}?{_RELEASE}\s+(?:\w+\s+){{0,2}}?{{N}}"),
]
_TOTAL = [
    _num_rx(r"(?:a\s+total\s+of|in\s+total|total\s+of|totall?ing|altogether)\s+{N}"),
    _num_rx(rf"{{N}}\s+{_PEOPLE}\s+(?:\w+\s+){{0,3}}?in\s+total"),
]
_ONE_WAY = [
    _num_rx(rf"{_RELEASE}\s+(?:of\s+)?(?:the\s+)?{{N}}\s+of\s+(?:its|their|his|her)\s+{_PEOPLE}"),
    _num_rx(r"(?:receiving|received|getting\s+back|got\s+back|gets\s+back)\s+{N}\b(?!\s*(?:%|per))"),
    _num_rx(rf"(?:^|(?<=[.!?]\s)){{N}}\s+{_PEOPLE}"),
    _num_rx(r"\band\s+(?:the\s+)?(?:(?-i:[A-Z])[\w'’.-]*\s+){1,4}?(?:government\s+|authorities\s+|side\s+)?{N}\b(?!\s*(?:%|per|km|years?))"),
    _num_rx(rf"{_RELEASE}\s+(?:of\s+)?(?:the\s+)?(?:(?:bodies|remains)\s+of\s+)?(?:\w+\s+){{0,2}}?{{N}}\s+{_PEOPLE}"),
    _num_rx(rf"{{N}}\s+{_PEOPLE}\s+(?:\w+\s+){{0,6}}?(?:were|was|have\s+been|had\s+been|will\s+be|to\s+be|being|are)\s+(?:\w+\s+){{0,1}}?{_RELEASE}"),
    # "freed six soldiers and two police officers": the second of two coordinated counts.
    _num_rx(rf"{_RELEASE}\s+(?:\w+\s+){{0,2}}?{_NUM}\s+{_PEOPLE}\s+and\s+{{N}}\s+{_PEOPLE}"),
    _num_rx(rf"{{N}}\s+{_PEOPLE}\s+(?:\w+\s+){{0,2}}?(?:returned|came\s+back|came\s+home|come\s+(?:back|home)|went\s+home|were\s+back)"),
    # "swap 10 living hostages for 1,000 Palestinian prisoners": the count on the other side.
    _num_rx(rf"{_NUM}\s+{_PEOPLE}\s+for\s+(?:the\s+)?{{N}}\s+{_PEOPLE}"),
    # "and the government released 569", "received 43 in return": a bare count after the verb.
    _num_rx(r"\b(?:released|freed|returned|handed\s+(?:over|back)|received)\s+{N}(?![,.]\d)(?=\s*(?:[,.;]|$)|\s+(?:in\s+return|in\s+exchange|on|at|to|from)\b)"),
    # "with 502 returned to Ukraine and 18 to Russia"
    _num_rx(r"\bwith\s+{N}\s+(?:were\s+)?(?:returned|handed\s+(?:over|back)|freed|released|sent|repatriated)\b"),
    _num_rx(r"\band\s+{N}\s+to\s+(?=(?-i:[A-Z]))"),
    _num_rx(rf"in\s+exchange\s+for\s+(?:the\s+)?(?:(?:bodies|remains)\s+of\s+)?{{N}}\s+{_PEOPLE}"),
    _num_rx(r"(?:swap|exchange|release|handover|repatriation)\s+(?:\w+\s+){0,2}?(?:involving|of)\s+(?:the\s+)?(?:(?:bodies|remains)\s+of\s+)?{N}"),
]


# "15 Palestinians for the remains of every deceased hostage": a rate, not a count; "a three-day exchange": a duration.
_PER_UNIT = re.compile(r"(?:\s+[\w-]+){0,3}?\s+for\s+(?:the\s+(?:remains|bodies?)\s+of\s+)?(?:every|each)\b|\s*-\s*(?:day|week|month|year|hour)",
                       re.I)


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
                if v is None or (1900 <= v <= 2100 and "," not in m.group("n")) or _PER_UNIT.match(s.text, m.end("n")):
                    continue
                a, b = m.span("n")
                key = (s.start + a, s.start + b)
                found.setdefault(key, _quantity(v, m.group("n"), key[0], key[1], score))
    return [found[k] for k in sorted(found)]


_AGREED_IN = re.compile(r"\b(?:agreed|agreement|talks|negotiat\w*|mediat\w*|brokered|signed|meeting|summit|deal)\b"
                        r"[^.;]{0,40}\b(?:in|at)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$", re.I)


def handover_place(places: Sequence[PlaceMention], sents: Sequence[Sent]) -> PlaceMention | None:
    """Where a swap took place; not where it was agreed, announced or negotiated."""
    keep = []
    for pm in places:
        s = next((x for x in sents if x.start <= pm.mention.start < x.start + len(x.text)), None)
        if s is None:
            continue
        before = s.text[max(0, pm.mention.start - s.start - 70) : pm.mention.start - s.start]
        if _AGREED_IN.search(before):
            continue
        keep.append(pm)
    return best_place(keep, kinds=frozenset({"site", "city"}))


_SAME_NUMBER = re.compile(r"\bthe\s+same\s+number\s+of\b", re.I)
_SINGULAR = (r"(?:hostage|prisoner|soldier|detainee|captive|pilot|journalist|reporter|citizen|national|woman|man|tourist|teacher|"
             r"student|serviceman|officer|constable|diplomat|aid\s+worker|worker|fisherman|sailor|marine|guard|dancer|academic|"
             r"researcher|businessman|priest|shepherd|activist|civilian|child|girl|boy|official|ally|aide|associate|spy|agent|"
             r"hacker|smuggler|dealer|convict|criminal|commander|fighter|militant)")
# One person released, named by an article or by title and name: "handed the remains of another deceased hostage",
# "freed American tourist George Glezmann", "An Israeli woman ... was flown home".
_ONE_RELEASED = [
    re.compile(rf"{_RELEASE}\s+(?:the\s+(?:remains|body)\s+of\s+)?(?:a|an|another|one)\s+(?:(?!of\b|and\b)[\w-]+\s+){{0,3}}?{_SINGULAR}\b",
               re.I),
    re.compile(rf"(?:{_RELEASE}|in\s+(?:exchange|return)\s+for)\s+(?:(?!of\b|and\b|the\b)[\w.'’-]+\s+){{0,5}}?{_SINGULAR}"
               rf"\s+(?-i:[A-Z][\w'’-]+\s+[A-Z])", re.I),
    re.compile(rf"in\s+(?:exchange|return)\s+for\s+(?:a|an|one)\s+(?:(?!of\b|and\b)[\w-]+\s+){{0,3}}?{_SINGULAR}\b", re.I),
    re.compile(rf"(?:^|(?<=[.!?]\s))(?:An?|One)\s+(?:[\w-]+\s+){{0,2}}?{_SINGULAR}\b[^.;]{{0,60}}?\b(?:was|has\s+been)\s+(?:\w+\s+)?"
               rf"(?:freed|released|returned|flown\s+home|handed\s+(?:over|back)|repatriated|exchanged|swapped)", re.I),
]
# The other side of an exchange named without a number ("in exchange for hundreds of Palestinian prisoners",
# "in exchange for Arthur Petrov"): the total is not stated.
_EXCHANGE_FOR = re.compile(rf"\b(?:in\s+(?:exchange|return)\s+for|(?:exchange|swap)\s+for|"
                           rf"(?:exchang|swap|trad)\w*\s+{_NUM}\s+{_PEOPLE}\s+for)\s+([^,;.]{{0,60}})", re.I | re.X)
_COUNTED_SIDE = re.compile(rf"^(?:the\s+)?(?:(?:bodies|remains)\s+of\s+)?(?:{_NUM}|(?:a|an|one)\s|the\s+same\s+number)", re.I | re.X)
_UNCOUNTED_SIDE = re.compile(rf"^(?:the\s+)?(?:hundreds|thousands|dozens|scores|several|some|more)\b|^{_PEOPLE}|^(?-i:[A-Z][\w'’-]+\s+[A-Z])",
                             re.I)
# One side's people counted in a two-sided exchange ("a swap involving two detained French teachers"); the other
# side's number is untold. A one-way handover ("without waiting for a reciprocal exchange") is counted whole.
_TWO_SIDED = re.compile(r"\b(?:swap\w*|exchang\w*)\b", re.I)
_ONE_SIDED = re.compile(r"\b(?:without\s+(?:[\w-]+\s+){0,4}?(?:exchange|swap)|one-way|unilateral\w*)\b", re.I)
_ONE_SIDE_PEOPLE = re.compile(r"\s+(?:[a-z][\w-]*\s+)?[A-Z][a-z]+(?:-[A-Z][a-z]+)?\s+[a-z]+s\b")


def _one_released(sents: Sequence[Sent]) -> list[dict]:
    """Single people released, one count per non-overlapping phrase, in text order."""
    spans: list[tuple[int, int]] = []
    for s in sents:
        for rx in _ONE_RELEASED:
            spans.extend((s.start + m.start(), s.start + m.end()) for m in rx.finditer(s.text))
    kept: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if not any(a < e and b > s0 for s0, e in kept):
            kept.append((a, b))
    return [_quantity(1, "", a, b, 0.6) for a, b in kept]


def _one_side_of_exchange(count: dict, sents: Sequence[Sent]) -> bool:
    """A lone count of one nationality's people in a two-sided exchange counts one side only."""
    s = next((x for x in sents if x.start <= count["span"]["start"] < x.start + len(x.text)), None)
    if s is None or not _TWO_SIDED.search(s.text) or _ONE_SIDED.search(s.text):
        return False
    return bool(_ONE_SIDE_PEOPLE.match(s.text, count["span"]["end"] - s.start))


def _other_side_uncounted(sents: Sequence[Sent]) -> bool:
    for s in sents:
        for m in _EXCHANGE_FOR.finditer(s.text):
            side = m.group(1)
            if not _COUNTED_SIDE.match(side) and _UNCOUNTED_SIDE.match(side):
                return True
    return False


def _swap_counts(sents: Sequence[Sent]) -> tuple[dict | None, dict | None]:
    """(total, released_by_each_side) of a swap."""
    each = _first_number(_EACH, sents, 0.85)
    if each is None:
        for s in sents:
            for m in N_FOR_N.finditer(s.text):
                a, b = value_of(m.group(1)), value_of(m.group(2))
                if a is not None and a == b and a >= 1 and not (1900 <= a <= 2100):
                    each = _quantity(a, m.group(0), s.start + m.start(), s.start + m.end(), 0.85)
                    break
            if each:
                break
    total = _first_number(_TOTAL, sents, 0.85)
    if total is None:
        total = _first_number([_num_rx(r"{N}-(?:person|people|prisoner|man|detainee|captive)\s+(?:swap|exchange|deal)")], sents, 0.8)
    if each is None and total is None:
        same = next((s for s in sents if _SAME_NUMBER.search(s.text)), None)
        counts = _all_numbers(_ONE_WAY, [same], 0.75) if same else []
        if counts:
            each = counts[0]
    if total is None and each is not None:
        total = {**each, "value": each["value"] * 2, "score": 0.75}
    if total is None and each is None and _other_side_uncounted(sents):
        return None, None
    if total is None:
        counts = _all_numbers(_ONE_WAY, sents, 0.75)
        ones = [q for q in _one_released(sents)
                if not any(q["span"]["start"] <= c["span"]["start"] < q["span"]["end"] for c in counts)]
        counts = sorted([*counts, *ones], key=lambda q: q["span"]["start"])
        if len(counts) == 1 and _one_side_of_exchange(counts[0], sents):
            counts = []
        if len(counts) >= 2:
            # Two sides releasing different numbers ("freed three hostages ... released 90 prisoners").
            a, b = counts[0], counts[1]
            if a["value"] == b["value"]:
                each = a
            total = {"value": a["value"] + b["value"], "text": f"{a['text']} + {b['text']}",
                     "span": {"start": a["span"]["start"], "end": b["span"]["end"]}, "score": 0.7}
        elif counts:
            total = counts[0]
    return total, each


def prisoner_arguments(actors: list[tuple[Mention, Actor, Sent]], sents: Sequence[Sent]) -> tuple[dict, list[dict]]:
    total, each = _swap_counts(sents)
    category = _category(sents)
    # The Red Cross or the UN in a swap story is the intermediary, whatever the verb.
    roles = _dedupe([_actor_dict("mediator" if _is_mediator(m, s, handover=not _PARTY_SIDE.match(s.text, m.end - s.start)) or a.name in _HUMANITARIAN else "participant", m, a, 0.7)
                     for m, a, s in actors])
    mediators = [r for r in roles if r["role"] == "mediator"]
    keys = {r["country"] or r["name"] for r in mediators}
    participants = [r for r in roles if r["role"] == "participant" and (r["country"] or r["name"]) not in keys]
    args = {"total": total, "released_by_each_side": each, "category": category, "mediator": mediators[0] if mediators else None}
    return args, participants + mediators


def numbers_in(sents: Sequence[Sent]) -> list[dict]:
    """All counts in the evidence, for debugging and for `eventx extract --explain`."""
    return [_quantity(n.value, n.text, s.start + n.start, s.start + n.end, 0.5) for s in sents for n in find_numbers(s.text)]
