"""The gazetteer interface: name keys and the in-memory gazetteer."""

from __future__ import annotations

import pytest

from worldorder.geo import GazetteerEntry, MemoryGazetteer, name_key
from worldorder.geo.gazetteer import fallback_names

from .conftest import BERLIN, PARIS_FR, PARIS_TX


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("U.S.", "us"),
        ("St. Louis", "st louis"),
        ("Saint Louis", "st louis"),
        ("São Paulo", "sao paulo"),
        ("Tamil Nādu", "tamil nadu"),
        ("the Netherlands", "netherlands"),
        ("Côte d’Ivoire", "cote divoire"),
        ("‘Afrīn", "afrin"),  # a transliterated ayn
        ("Maʿarrat an Nuʿman", "maarrat an numan"),
        ("Trinidad & Tobago", "trinidad and tobago"),
        ("Guinea-Bissau", "guinea bissau"),
        ("  New   York ", "new york"),
    ],
)
def test_name_key_folds_spelling_variants(written: str, key: str) -> None:
    assert name_key(written) == key


def test_memory_gazetteer_lists_every_homonym() -> None:
    gazetteer = MemoryGazetteer([("Paris", PARIS_FR), ("Paris", PARIS_TX), ("Berlin", BERLIN)])
    assert set(gazetteer.candidates("PARIS")) == {PARIS_FR, PARIS_TX}
    assert gazetteer.candidates("Atlantis") == ()


def test_memory_gazetteer_keeps_one_copy_of_an_entry_named_twice() -> None:
    gazetteer = MemoryGazetteer([("Paris", PARIS_FR), ("paris", PARIS_FR)])
    assert list(gazetteer.candidates("Paris")) == [PARIS_FR]


@pytest.mark.parametrize(("word", "expected"), [("Iranian", True), ("iranians", True), ("Iran", False)])
def test_memory_gazetteer_knows_demonyms(word: str, expected: bool) -> None:
    gazetteer = MemoryGazetteer([], demonyms=["Iranian", "Iranians"])
    assert gazetteer.is_demonym(word) is expected


@pytest.mark.parametrize(
    ("feature", "kind"),
    [("country", "country"), ("admin1", "region"), ("admin2", "region"), ("continent", "region"),
     ("area", "region"), ("city", "city"), ("landmark", "landmark")],
)
def test_gazetteer_entry_kind_folds_features(feature: str, kind: str) -> None:
    entry = GazetteerEntry(1, "X", feature, None, None, None, 0.0, 0.0)
    assert entry.kind == kind


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Benue State", ["Benue State", "Benue"]),
        ("City of London", ["City of London", "London"]),
        ("northern Syria", ["northern Syria", "Syria"]),
        ("South Waziristan Agency", ["South Waziristan Agency", "South Waziristan", "Waziristan"]),
        ("Berlin", ["Berlin"]),
    ],
)
def test_fallback_names_drop_generic_words(text: str, names: list[str]) -> None:
    assert fallback_names(text) == names
