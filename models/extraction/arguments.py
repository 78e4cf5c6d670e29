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
    r"up\s+to|as\s+many\s+as|roughly|approximately|a\s+further|another)\s+)*"
)
# NUMBER without its named groups, so it can appear several times in one pattern.
_NUM = re.sub(r"\(\?P<\w+>", "(?:", NUMBER.pattern)


def _num_rx(template: str) -> re.Pattern[str]:
    """Compile a pattern where {N} is a number (captured as `n`) with qualifiers."""
    return re.compile(template.replace("{N}", rf"{_QUAL}(?P<n>{_NUM})"), re.I | re.X)


def _first_number(patterns: Sequence[re.Pattern[str]], sents: Sequence[Sent], score: float) -> dict | None:
    for s in sents:
        for rx in patterns:
            for m in rx.finditer(s.text):
                n = NUMBER.fullmatch(m.group("n").strip())
                v = parse_number(n) if n else None
                if v is None or (1900 <= v <= 2100 and "," not in m.group("n")):
                    continue
                a, b = m.span("n")
                return _quantity(v, m.group("n"), s.start + a, s.start + b, score)
    return None


# --------------------------------------------------------------------------- actors


_MEDIATOR_BEFORE = re.compile(
    r"(?:mediat\w+ by|brokered by|hosted by|facilitated by|with the (?:help|mediation|assistance) of|mediation of|"
    r"mediation from|mediator|mediators|through|via|sponsored by|under the auspices of|thanks to)\s+(?:the\s+)?(?:\w+\s+){0,2}$",
    re.I,
)
_MEDIATOR_AFTER = re.compile(r"^(?:-|\s)(?:brokered|mediated|hosted|facilitated|led mediation|sponsored)\b|^,?\s+which (?:mediated|brokered|hosted)", re.I)
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


def _state_actor(gaz: Gazetteer, a: Actor) -> Actor:
    """Leaders, officials and forces act for their state."""
    if a.kind in {"leader", "official", "institution"} and a.country:
        return gaz.state(a.country) or a
    return a


def actor_mentions(gaz: Gazetteer, sents: Sequence[Sent]) -> list[tuple[Mention, Actor, Sent]]:
    out = []
    for s in sents:
        for m in gaz.mentions(s.text, s.start):
            if not m.actors:
                continue
            # A place named after a preposition is a location, not an actor ("in Moscow").
            before = s.text[max(0, m.start - s.start - 12) : m.start - s.start]
            if m.places and re.search(r"\b(?:in|near|over|at|outside|around|from|of|across)\s+(?:the\s+)?$", before, re.I):
                if not any(a.kind in {"armed_group", "intl_org"} for a in m.actors):
                    continue
            actor = sorted(m.actors, key=lambda a: ({"state": 0, "armed_group": 1, "intl_org": 2}.get(a.kind, 3), a.name))[0]
            out.append((m, _state_actor(gaz, actor), s))
    return out


def _is_mediator(m: Mention, s: Sent) -> bool:
    rel = m.start - s.start
    before = s.text[max(0, rel - 60) : rel]
    after = s.text[m.end - s.start : m.end - s.start + 30]
    return bool(_MEDIATOR_BEFORE.search(before) or _MEDIATOR_AFTER.match(after))


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
    r"of|toward|towards|above|within|inside|to)\s+(?:the\s+)?(?:(?:city|town|village|port|region|province|"
    r"outskirts|centre|center|suburbs?|districts?) of\s+)?(?:\w+\s+){0,2}$",
    re.I,
)
_ORIGIN = re.compile(r"\b(?:from|launched from|fired from|originat\w+ (?:in|from))\s+(?:the\s+)?(?:\w+\s+){0,2}$", re.I)
FOCUS = frozenset("UKR RUS ISR PSE LBN SYR YEM IRN IRQ SDN MMR IND PAK COD AZE ARM ETH SOM MLI BFA NER".split())


@dataclass(frozen=True, slots=True)
class PlaceMention:
    mention: Mention
    place: Place
    origin: bool
    locative: bool


def place_mentions(gaz: Gazetteer, sents: Sequence[Sent], context: set[str]) -> list[PlaceMention]:
    out = []
    for s in sents:
        for m in gaz.mentions(s.text, s.start):
            if not m.places:
                continue
            rel = m.start - s.start
            before = s.text[max(0, rel - 40) : rel]
            origin = bool(_ORIGIN.search(before))
            locative = origin or m.admin_suffix or bool(_LOCATIVE.search(before))
            after = s.text[m.end - s.start : m.end - s.start + 25]
            if m.actors and not locative:
                continue  # "Moscow said", "Ukraine launched": an actor, not a place
            if re.match(r"^(?:-|\s)?(?:based|backed|born|made|built|installed|appointed|controlled|held|occupied|led)\b", after, re.I):
                continue  # "Iran-backed", "Russian-installed"
            best = max(m.places, key=lambda p: place_score(p, context, FOCUS))
            out.append(PlaceMention(m, best, origin, locative))
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
    return max(cands, key=lambda pm: (_SPECIFICITY[pm.place.precision], -pm.mention.start))


# --------------------------------------------------------------------------- drone strikes

_DRONE_WORDS = r"(?:\w+[\s-]+){0,3}?(?:drones?|uavs?|unmanned\s+aerial\s+vehicles?|shaheds?|gerans?|lancets?|quadcopters?|loitering\s+munitions?|kamikaze\s+drones?|fpvs?)"
_INTERCEPT_VERB = r"(?:shot\s+down|shoot\s+down|intercept\w*|destroy\w*|down(?:ed|ing)?|neutrali[sz]\w*|suppress\w*|repell?\w*|jammed|brought\s+down|eliminat\w*|knock\w*\s+out|took\s+down)"
_LAUNCH_VERB = r"(?:launch\w*|fir(?:ed|ing)|sent|used|deploy\w*|attack\w*\s+with|struck\s+with|involv\w*|employ\w*|unleash\w*)"

_INTERCEPTED = [
    _num_rx(rf"{_INTERCEPT_VERB}\s+(?:\w+\s+){{0,3}}?{{N}}\s*(?:of\s+(?:the\s+)?{_NUM}\s+)?{_DRONE_WORDS}"),
    _num_rx(rf"{{N}}\s+(?:of\s+(?:the|them|these)\s+)?{_DRONE_WORDS}\s+(?:\w+\s+){{0,3}}?(?:were|was|had\s+been|have\s+been|being)\s+(?:\w+\s+){{0,2}}?{_INTERCEPT_VERB}"),
    _num_rx(rf"{_INTERCEPT_VERB}\s+(?:\w+\s+){{0,2}}?{{N}}\s+(?:of|out\s+of)\s+"),
    _num_rx(rf"{{N}}\s+(?:of|out\s+of)\s+(?:the\s+)?{_NUM}\s+(?:\w+\s+){{0,3}}?(?:were|was|had\s+been)\s+{_INTERCEPT_VERB}"),
    _num_rx(rf"{_INTERCEPT_VERB}\s+(?:\w+\s+){{0,3}}?{{N}}\b"),
]
_LAUNCHED = [
    _num_rx(rf"(?:of|out\s+of)\s+(?:the\s+)?{{N}}\s+{_DRONE_WORDS}"),
    _num_rx(rf"{_INTERCEPT_VERB}\s+(?:\w+\s+){{0,2}}?{_NUM}\s+(?:of|out\s+of)\s+(?:the\s+)?{{N}}"),
    _num_rx(rf"{_NUM}\s+(?:of|out\s+of)\s+(?:the\s+)?{{N}}\b"),
    _num_rx(rf"{_LAUNCH_VERB}\s+(?:\w+\s+){{0,3}}?{{N}}\s+{_DRONE_WORDS}"),
    _num_rx(rf"{{N}}\s+{_DRONE_WORDS}\s+(?:\w+\s+){{0,2}}?(?:were|was|had\s+been|have\s+been)\s+(?:\w+\s+){{0,1}}?{_LAUNCH_VERB}"),
    _num_rx(rf"{{N}}-drone\b"),
    _num_rx(rf"(?:attack|strike|raid|wave|barrage|assault|swarm)\s+(?:\w+\s+){{0,2}}?(?:involving|with|of|using)\s+{{N}}\s+{_DRONE_WORDS}"),
]
_CASUALTY_SUBJECT = r"(?:\w+\s+){0,3}?(?:people|persons|civilians|residents|soldiers|servicemen|troops|children|women|men|workers|others|staff|fighters|militants|crew|passengers|members|employees|firefighters|rescuers|medics|journalists|police|officers|guards)"
_KILLED = [
    _num_rx(rf"(?:killed|killing|left\s+dead|claimed\s+the\s+lives\s+of|took\s+the\s+lives\s+of)\s+(?:\w+\s+){{0,2}}?{{N}}"),
    _num_rx(rf"{{N}}\s+{_CASUALTY_SUBJECT}\s+(?:\w+\s+){{0,3}}?(?:were|was|have\s+been|had\s+been|being)\s+killed"),
    _num_rx(rf"{{N}}\s+(?:{_CASUALTY_SUBJECT}\s+)?(?:were\s+|was\s+)?(?:dead|killed|died)"),
    _num_rx(r"death\s+toll\s+(?:\w+\s+){0,3}?(?:rose|climbed|increased|reached|stood|stands|rises|is)\s+(?:to|at)\s+{N}"),
]
_INJURED = [
    _num_rx(rf"(?:injur\w*|wound\w*|hurt)\s+(?:\w+\s+){{0,2}}?{{N}}"),
    _num_rx(rf"{{N}}\s+{_CASUALTY_SUBJECT}\s+(?:\w+\s+){{0,3}}?(?:were|was|have\s+been|had\s+been|being)\s+(?:injured|wounded|hurt)"),
    _num_rx(rf"{{N}}\s+(?:{_CASUALTY_SUBJECT}\s+)?(?:were\s+|was\s+)?(?:injured|wounded|hurt)"),
    _num_rx(r"(?:and|with)\s+{N}\s+(?:\w+\s+){0,2}?(?:injured|wounded|hurt)"),
]
_NO_CASUALTIES = re.compile(r"\b(?:no\s+(?:casualties|one\s+was\s+(?:killed|hurt|injured)|injuries|deaths|victims)|without\s+casualties)\b", re.I)

_TARGET_TYPES: list[tuple[str, re.Pattern[str]]] = [
    ("air_base", re.compile(r"\b(?:air\s?bases?|airbases?|airfields?|air\s+fields?|aerodromes?|strategic\s+bombers?|warplanes?)\b", re.I)),
    ("energy", re.compile(r"\b(?:refiner\w*|oil\s+depots?|fuel\s+depots?|oil\s+terminals?|power\s+(?:plants?|stations?|lines?|grid|facilit\w+)|"
                          r"substations?|energy|electricity|petrochemical|gas\s+(?:facilit\w+|field|plant|pipeline)|fuel|"
                          r"thermal\s+power|tpp|hydroelectric|dam|pumping\s+station|oil|nuclear\s+(?:power\s+)?(?:plant|station))\b", re.I)),
    ("port", re.compile(r"\b(?:ports?|harbou?rs?|ships?|vessels?|tankers?|frigates?|warships?|cargo\s+ships?|dock\w*|shipyard|maritime)\b", re.I)),
    ("residential", re.compile(r"\b(?:residential|apartment\w*|homes?|houses?|housing|high-rise|dwellings?|neighbou?rhoods?|block\s+of\s+flats)\b", re.I)),
    ("civilian", re.compile(r"\b(?:hospitals?|schools?|markets?|shelters?|camps?|kindergartens?|clinics?|mosques?|churches?|universit\w+|"
                            r"shopping|supermarkets?|aid\s+convoy|humanitarian)\b", re.I)),
    ("transport", re.compile(r"\b(?:rail\w*|bridges?|airports?|trains?|bus(?:es)?|minibus\w*|roads?|highways?|vehicles?|cars?|trucks?|"
                             r"lorr\w+|stations?|logistics)\b", re.I)),
    ("military", re.compile(r"\b(?:military|army|barracks|ammunition|arms\s+depots?|positions?|troops|command\s+posts?|radar|air\s+defen[cs]e|"
                            r"base|bases|garrison|headquarters|weapons?\s+depots?|tanks?|artillery)\b", re.I)),
    ("industrial", re.compile(r"\b(?:factor\w+|plants?|industrial|enterprises?|works|chemical|manufactur\w+)\b", re.I)),
    ("government", re.compile(r"\b(?:government\s+(?:building|headquarters|offices?)|parliament|ministry\s+building|administration\s+building|city\s+hall)\b", re.I)),
]


def drone_arguments(sents: Sequence[Sent]) -> dict:
    launched = _first_number(_LAUNCHED, sents, 0.8)
    intercepted = _first_number(_INTERCEPTED, sents, 0.85)
    if launched and intercepted and intercepted["value"] > launched["value"]:
        launched = None  # "intercepted 70 of the 12 attack waves" style mismatch
    killed = _first_number(_KILLED, sents, 0.85)
    injured = _first_number(_INJURED, sents, 0.85)
    if killed is None or injured is None:
        for s in sents:
            m = _NO_CASUALTIES.search(s.text)
            if m:
                q = _quantity(0, m.group(0), s.start + m.start(), s.start + m.end(), 0.7)
                killed = killed or q
                injured = injured or dict(q)
                break
    target_type = None
    for s in sents:
        hits = []
        for name, rx in _TARGET_TYPES:
            m = rx.search(s.text)
            if m:
                hits.append((m.start(), name, m))
        if hits:
            # The order of _TARGET_TYPES is a priority list; position breaks ties only within a sentence.
            name, m = next((n, mm) for n, _ in _TARGET_TYPES for (_, nn, mm) in hits if nn == n)
            target_type = _label(name, m.group(0), s.start + m.start(), s.start + m.end(), 0.7)
            break
    return {
        "drones_launched": launched,
        "drones_intercepted": intercepted,
        "killed": killed,
        "injured": injured,
        "target_type": target_type,
    }


def drone_actors(actors: list[tuple[Mention, Actor, Sent]], location: dict | None) -> list[dict]:
    out: list[dict] = []
    for m, a, s in actors:
        rel = m.start - s.start
        before = s.text[max(0, rel - 40) : rel]
        after = s.text[m.end - s.start : m.end - s.start + 40]
        if re.match(rf"^\s+(?:{_DRONE_WORDS}|forces|military|army|troops|attack|strike|air\s+force|navy|launched|fired|attacked|struck|hit|targeted|carried\s+out|used)", after, re.I) or _INITIATOR_BEFORE.search(before):
            role = "initiator"
        elif _TARGET_BEFORE.search(before):
            role = "target"
        else:
            continue
        out.append(_actor_dict(role, m, a, 0.7))
    if location and location.get("country") and not any(x["role"] == "target" for x in out):
        if not any(x["role"] == "initiator" and x["country"] == location["country"] for x in out):
            out.append({"role": "target", "text": location["text"], "name": location["country"], "country": location["country"],
                        "kind": "state", "span": location["span"], "score": 0.6})
    return _dedupe(out)


# --------------------------------------------------------------------------- negotiations

_FORMATS: list[tuple[str, re.Pattern[str]]] = [
    ("phone_call", re.compile(r"\b(?:phone|telephone|call(?:ed)?|spoke\s+(?:to|with)|conversation|video\s+link|videoconference)\b", re.I)),
    ("summit", re.compile(r"\b(?:summit|face-to-face\s+meeting|leaders'?\s+meeting|meeting\s+between\s+(?:the\s+)?(?:two\s+)?leaders|meet\s+with\s+\w+\s+in\s+person)\b", re.I)),
    ("envoy_visit", re.compile(r"\b(?:envoy|emissary|special\s+representative|plenipotentiary|visit\w*|trip\s+to|travel\w*\s+to|arrived\s+in|shuttle)\b", re.I)),
    ("proposal", re.compile(r"\b(?:propos\w+|memorand\w+|draft|peace\s+plan|roadmap|framework|initiative|offer\w*)\b", re.I)),
    ("talks", re.compile(r"\b(?:talks|negotiat\w+|round|meeting|met|consultations|dialogue|discussions|mediat\w+)\b", re.I)),
]
_OUTCOME_AGREE = re.compile(r"\b(?:agreed|agreement\s+(?:was\s+)?reached|reached\s+(?:an?\s+)?(?:agreement|deal)|signed|struck\s+a\s+deal|clinched|accord\s+was|deal\s+was\s+reached|yielded\s+pledges)\b", re.I)
_OUTCOME_FAIL = re.compile(r"\b(?:no\s+breakthrough|without\s+(?:an?\s+)?(?:agreement|deal|breakthrough)|no\s+agreement|failed\s+to\s+(?:agree|reach|yield|produce)|ended\s+without|no\s+deal|far\s+apart|deadlock\w*|broke\s+(?:down|up))\b", re.I)


def negotiation_arguments(gaz: Gazetteer, actors: list[tuple[Mention, Actor, Sent]], places: list[PlaceMention], sents: Sequence[Sent]) -> tuple[dict, list[dict]]:
    roles: list[dict] = []
    for m, a, s in actors:
        roles.append(_actor_dict("mediator" if _is_mediator(m, s) else "participant", m, a, 0.7))
    roles = _dedupe(roles)
    mediators = [r for r in roles if r["role"] == "mediator"]
    mediator_keys = {r["country"] or r["name"] for r in mediators}
    participants = [r for r in roles if r["role"] == "participant" and (r["country"] or r["name"]) not in mediator_keys]
    venue_pm = best_place(places, kinds=frozenset({"site", "city"}))
    fmt = None
    for name, rx in _FORMATS:
        for s in sents:
            m = rx.search(s.text)
            if m:
                fmt = _label(name, m.group(0), s.start + m.start(), s.start + m.end(), 0.7)
                break
        if fmt:
            break
    outcome = None
    for s in sents:
        m = _OUTCOME_FAIL.search(s.text) or _OUTCOME_AGREE.search(s.text)
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
    ("price_cap", re.compile(r"\bprice\s+caps?\b", re.I)),
    ("asset_freeze", re.compile(r"\b(?:asset\s+freez\w*|freez\w+\s+(?:of\s+)?(?:\w+\s+){0,3}assets|frozen\s+(?:\w+\s+){0,2}assets|froze\s+(?:\w+\s+){0,3}assets)\b", re.I)),
    ("export_ban", re.compile(r"\b(?:export\s+(?:bans?|controls?|restrictions?)|ban\w*\s+(?:on\s+)?(?:the\s+)?exports?)\b", re.I)),
    ("embargo", re.compile(r"\b(?:embargo\w*|import\s+ban|ban\w*\s+(?:on\s+)?(?:\w+\s+){0,2}imports?)\b", re.I)),
    ("tariff", re.compile(r"\b(?:tariffs?|duties|duty|levies|levy)\b", re.I)),
    ("sanctions", re.compile(r"\b(?:sanction\w*|blacklist\w*|designat\w*|restrictive\s+measures|penalt\w+)\b", re.I)),
]
_ACTIONS: list[tuple[str, re.Pattern[str]]] = [
    ("lift", re.compile(r"\b(?:lift\w*|eas(?:e|ed|ing)|remov\w*|relief|rescind\w*|revok\w*|scrap\w*|abolition|drop\w*|unfreez\w*|waive\w*|roll(?:ed|ing)?\s+back)\b", re.I)),
    ("extend", re.compile(r"\b(?:extend\w*|extension|prolong\w*|renew\w*|roll(?:ed|ing)?\s+over|rollover)\b", re.I)),
    ("evade", re.compile(r"\b(?:evad\w*|evasion|circumvent\w*|bypass\w*|skirt\w*|dodg\w*|shadow\s+fleet|resist\s+sanctions|get\s+around)\b", re.I)),
]


def sanctions_arguments(actors: list[tuple[Mention, Actor, Sent]], sents: Sequence[Sent], modality: str) -> tuple[dict, list[dict]]:
    imposer = target = None
    first_trigger = None
    for s in sents:
        m = _INSTRUMENTS[-1][1].search(s.text) or _INSTRUMENTS[-2][1].search(s.text) or re.search(r"\b(?:embargo|price\s+cap|freez|export)", s.text, re.I)
        if m:
            first_trigger = (s, m.start())
            break
    roles: list[dict] = []
    for m, a, s in actors:
        rel = m.start - s.start
        before = s.text[max(0, rel - 45) : rel]
        after = s.text[m.end - s.start : m.end - s.start + 30]
        if re.search(r"(?:on|against|targeting|target(?:ed|s)?|over|punish\w*|for|hit|of|to|with)\s+(?:the\s+)?(?:\w+\s+){0,3}$", before, re.I) and not re.search(r"\bby\s+(?:the\s+)?(?:\w+\s+){0,2}$", before, re.I):
            role = "target"
        elif re.search(r"\bby\s+(?:the\s+)?(?:\w+\s+){0,2}$", before, re.I) or re.match(r"^(?:'s)?\s+(?:\w+\s+){0,3}?(?:sanction\w*|impos\w*|announc\w*|adopt\w*|approv\w*|threat\w*|slap\w*|levi\w*|blacklist\w*|designat\w*|froze|extend\w*|lift\w*|ban\w*|said|says|would|will|could|plans?|has|had|is|was|wants?|warn\w*|vow\w*|consider\w*|propos\w*|agreed)", after, re.I):
            role = "initiator"
        elif first_trigger and s is first_trigger[0] and rel > first_trigger[1]:
            role = "target"
        elif first_trigger and s is first_trigger[0]:
            role = "initiator"
        else:
            continue
        roles.append(_actor_dict(role, m, a, 0.65))
    roles = _dedupe(roles)
    for r in roles:
        if r["role"] == "initiator" and imposer is None:
            imposer = r
        elif r["role"] == "target" and target is None and (imposer is None or (r["country"] or r["name"]) != (imposer["country"] or imposer["name"])):
            target = r
    instrument = None
    for s in sents:
        hits = [(name, rx.search(s.text)) for name, rx in _INSTRUMENTS]
        hits = [(n, m) for n, m in hits if m]
        if hits:
            name, m = hits[0]
            instrument = _label(name, m.group(0), s.start + m.start(), s.start + m.end(), 0.75)
            break
    action = None
    for s in sents:
        for name, rx in _ACTIONS:
            m = rx.search(s.text)
            if m:
                action = _label(name, m.group(0), s.start + m.start(), s.start + m.end(), 0.7)
                break
        if action:
            break
    if action is None:
        value = {"threatened": "threaten", "proposed": "propose", "planned": "impose"}.get(modality, "impose")
        action = _label(value, None, None, None, 0.55)
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

_CATEGORIES: list[tuple[str, re.Pattern[str]]] = [
    ("bodies", re.compile(r"\b(?:bodies|remains|fallen|dead\s+soldiers|killed\s+soldiers)\b", re.I)),
    ("hostages", re.compile(r"\bhostages?\b", re.I)),
    ("pows", re.compile(r"\b(?:pows?|prisoners\s+of\s+war|servicem[ae]n|soldiers|troops|defenders|fighters|combatants|marines)\b", re.I)),
    ("civilians", re.compile(r"\b(?:civilians?|children|journalists?|residents)\b", re.I)),
    ("detainees", re.compile(r"\b(?:detainees?|prisoners?|captives?|detained|political\s+prisoners?|citizens|nationals)\b", re.I)),
]
_PEOPLE = r"(?:\w+\s+){0,3}?(?:prisoners?|pows?|captives?|detainees?|hostages?|soldiers|servicem[ae]n|civilians|people|bodies|remains|troops|defenders|prisoners\s+of\s+war|citizens|nationals|fighters|children|journalists|marines)"
_EACH = [
    _num_rx(rf"{{N}}\s+{_PEOPLE}\s+(?:\w+\s+){{0,2}}?(?:each|apiece|per\s+side|from\s+each\s+side|on\s+each\s+side|for\s+each\s+side)"),
    _num_rx(rf"{{N}}\s+(?:each|apiece|per\s+side|from\s+each\s+side|on\s+each\s+side|for\s+each\s+side)"),
    _num_rx(rf"(?:each|both)\s+(?:side|sides|country|party)\s+(?:\w+\s+){{0,2}}?(?:released|returned|freed|handed\s+over|exchanged|swapped|repatriated|received)\s+{{N}}"),
]
_TOTAL = [
    _num_rx(rf"(?:a\s+total\s+of|in\s+total|total\s+of|totall?ing)\s+{{N}}"),
    _num_rx(rf"(?:swap\w*|exchang\w*|releas\w*|freed|free|return\w*|repatriat\w*|handed\s+over|hand\s+over|bring\s+home|brought\s+home|came\s+home|returning|transfer\w*)\s+(?:of\s+)?(?:\w+\s+){{0,3}}?{{N}}\s+{_PEOPLE}"),
    _num_rx(rf"{{N}}\s+{_PEOPLE}\s+(?:\w+\s+){{0,3}}?(?:were|was|have\s+been|had\s+been|will\s+be|to\s+be|being)\s+(?:\w+\s+){{0,1}}?(?:swapped|exchanged|released|freed|returned|repatriated|handed\s+over|brought\s+home)"),
    _num_rx(rf"{{N}}\s+{_PEOPLE}\s+(?:\w+\s+){{0,2}}?(?:returned|came\s+back|came\s+home|went\s+home)"),
    _num_rx(rf"(?:swap|exchange|release)\s+(?:\w+\s+){{0,2}}?(?:involving|of)\s+{{N}}"),
]


def prisoner_arguments(actors: list[tuple[Mention, Actor, Sent]], sents: Sequence[Sent]) -> tuple[dict, list[dict]]:
    each = None
    for s in sents:
        for m in N_FOR_N.finditer(s.text):
            a, b = value_of(m.group(1)), value_of(m.group(2))
            if a is not None and a == b and a >= 1 and not (1900 <= a <= 2100):
                each = _quantity(a, m.group(0), s.start + m.start(), s.start + m.end(), 0.9)
                break
        if each:
            break
    each = each or _first_number(_EACH, sents, 0.85)
    total = _first_number(_TOTAL, sents, 0.75)
    if each and total and total["value"] == each["value"] and total["span"] == each["span"]:
        total = None
    if each and total is None:
        total = {**each, "value": each["value"] * 2, "score": 0.7}
    elif each and total and total["value"] == each["value"]:
        total = {**total, "value": each["value"] * 2, "score": 0.7}
    category = None
    for name, rx in _CATEGORIES:
        for s in sents:
            m = rx.search(s.text)
            if m:
                category = _label(name, m.group(0), s.start + m.start(), s.start + m.end(), 0.7)
                break
        if category:
            break
    roles = _dedupe([_actor_dict("mediator" if _is_mediator(m, s) else "participant", m, a, 0.7) for m, a, s in actors])
    mediators = [r for r in roles if r["role"] == "mediator"]
    keys = {r["country"] or r["name"] for r in mediators}
    participants = [r for r in roles if r["role"] == "participant" and (r["country"] or r["name"]) not in keys]
    args = {"total": total, "released_by_each_side": each, "category": category, "mediator": mediators[0] if mediators else None}
    return args, participants + mediators


def numbers_in(sents: Sequence[Sent]) -> list[dict]:
    """All counts in the evidence, for debugging and for `eventx extract --explain`."""
    return [_quantity(n.value, n.text, s.start + n.start, s.start + n.end, 0.5) for s in sents for n in find_numbers(s.text)]
