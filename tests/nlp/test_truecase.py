"""The truecaser: lower-case and ALL-CAPS lines read like prose, offsets kept, prose untouched."""

from __future__ import annotations

from importlib import resources

import pytest
import yaml

import worldorder
from worldorder.coding.actors import ActorKB
from worldorder.nlp import Truecaser, load_truecaser
from worldorder.nlp.truecase import CaseRules, KnownName, ZipfTable, lower_in_place, shaped_like, shipped_rules

# Zipf frequencies of the words these tests need: common words high, names low.
FREQUENCIES = {
    "will": 6.4, "reading": 5.1, "kano": 3.2, "sunday": 4.9, "nato": 4.0, "nigeria": 4.3,
    "us": 6.0, "kill": 5.0, "in": 7.3,
}
NAMES = ["Kano", "Nigeria", "Sunday", "NATO", "Will", "Reading", "New Delhi", "Côte d'Ivoire", "Zamfara", "Abuja"]


def small_truecaser() -> Truecaser:
    """The shipped rules over a handful of names, with no gazetteer or frequency list loaded."""
    zipf = ZipfTable({w: 10 ** (z - 9) for w, z in FREQUENCIES.items()})
    return Truecaser.build((KnownName(n, 5.0) for n in NAMES), shipped_rules(), zipf)


@pytest.fixture(scope="module")
def truecaser() -> Truecaser:
    return load_truecaser(ActorKB.load())


def test_truecase_rules_file_has_provenance_and_parses() -> None:
    text = resources.files("worldorder.nlp").joinpath("data", "truecase.yaml").read_text(encoding="utf-8")
    assert "provenance:" in text and "licence:" in text
    rules = CaseRules.from_mapping(yaml.safe_load(text))
    assert rules.lower_max_capitalised < 0.2 < rules.upper_min_letters
    assert {"actor", "city", "region", "calendar"} <= set(rules.zipf_limits)


@pytest.mark.parametrize(
    "prose",
    [
        "Soldiers shelled two towns near Kano on Sunday, the army said.\nNo one claimed the attack.",
        "The U.S. and NATO will meet in Brussels. Ms. Okafor said i.e. nothing.",
        "Protesters in Reading marched to the town hall.",
        "",
        "42 - 7",
    ],
)
def test_truecase_leaves_prose_byte_identical(prose: str) -> None:
    assert small_truecaser().restore(prose) == prose


def test_truecase_restores_lower_case_sentence() -> None:
    text = "police arrested two persons in kano on sunday. they will appear in court in abuja."
    expected = "Police arrested two persons in Kano on Sunday. They will appear in court in Abuja."
    assert small_truecaser().restore(text) == expected


def test_truecase_restores_all_caps_headline_over_prose() -> None:
    text = "GUNMEN KILL 12 IN NIGERIA\nGunmen killed 12 people in Zamfara, the police said on Sunday.\n"
    expected = "Gunmen kill 12 in Nigeria\nGunmen killed 12 people in Zamfara, the police said on Sunday.\n"
    assert small_truecaser().restore(text) == expected


def test_truecase_restores_title_case_headline_and_keeps_acronyms() -> None:
    text = "NATO Jets Kill 12 In Raid On Kano Market\nGunmen killed 12 people in Zamfara on Sunday.\n"
    expected = "NATO jets kill 12 in raid on Kano market\nGunmen killed 12 people in Zamfara on Sunday.\n"
    assert small_truecaser().restore(text) == expected


def test_truecase_rules_refuse_a_word_yaml_read_as_a_boolean() -> None:
    text = resources.files("worldorder.nlp").joinpath("data", "truecase.yaml").read_text(encoding="utf-8")
    raw = yaml.safe_load(text)
    raw["title_small_words"] = [*raw["title_small_words"], True]
    with pytest.raises(ValueError, match="title_small_words"):
        CaseRules.from_mapping(raw)


def test_truecase_restores_a_title_with_as_many_small_words_as_capitalised_ones() -> None:
    text = "Talks on a Deal to End the Siege of Kano Resume\n"
    assert small_truecaser().restore(text) == "Talks on a deal to end the siege of Kano resume\n"


@pytest.mark.parametrize(
    "text",
    [
        "By Ada Okafor In Abuja",  # a byline: too few words to be a headline
        "Soldiers From Nigeria killed 12 in Kano.",  # a lower-case word: prose
    ],
)
def test_truecase_leaves_short_or_partly_capitalised_lines_alone(text: str) -> None:
    assert small_truecaser().restore(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("i think nato will talk to us.", "I think NATO will talk to us."),
        ("the us and nato sent troops to new delhi.", "The US and NATO sent troops to New Delhi."),
        ("nigeria turned down a us proposal on sunday.", "Nigeria turned down a US proposal on Sunday."),
        ("kano feared recent us raids.", "Kano feared recent US raids."),
        ("nato told us that it will not come.", "NATO told us that it will not come."),
        ("reading about kano is what i'm doing in nigeria.", "Reading about Kano is what I'm doing in Nigeria."),
        ("it may rain in may, on 5 march or in march.", "It may rain in May, on 5 March or in March."),
    ],
)
def test_truecase_capitalises_names_pronoun_and_dates_but_not_common_words(text: str, expected: str) -> None:
    assert small_truecaser().restore(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "STRAẞE IN CÔTE D'IVOIRE: SOLDIERS FIRED ON CROWDS IN ABIDJAN",
        "fußball fans in côte d'ivoire and i̇stanbul protested on sunday",
        "DIE GROẞE ÉLITE ﬁled OUT OF ŉ TOWNS",
        "ÇA VA\n\nPOLICE ARRESTED ĲSSEL LEADERS IN KANO ON SUNDAY\r\n",
    ],
)
def test_truecase_keeps_length_and_every_character_but_its_case(text: str) -> None:
    restored = small_truecaser().restore(text)
    assert len(restored) == len(text)
    assert all(a == b or a.lower() == b.lower() for a, b in zip(text, restored, strict=True))


def test_truecase_shapes_non_ascii_names_like_the_table() -> None:
    assert small_truecaser().restore("talks in côte d'ivoire and cote d'ivoire began") == (
        "Talks in Côte d'Ivoire and Cote d'Ivoire began"
    )


def test_truecase_leaves_letters_whose_case_changes_length() -> None:
    assert lower_in_place("İSTANBUL") == "İstanbul"
    assert shaped_like("straße", "STRASSE") == "Straße"
    assert small_truecaser().restore("ßaid the kano police on sunday") == "ßaid the Kano police on Sunday"


def test_truecase_shipped_tables_know_places_people_and_acronyms(truecaser: Truecaser) -> None:
    text = "the un envoy met vladimir putin in moscow and officials of al-shabaab in godhra on friday."
    assert truecaser.restore(text) == (
        "The UN envoy met Vladimir Putin in Moscow and officials of al-Shabaab in Godhra on Friday."
    )


def test_truecase_shipped_tables_skip_common_words_that_are_towns(truecaser: Truecaser) -> None:
    text = "police said the mobile phone was nice reading for everyone who will march."
    assert truecaser.restore(text) == "Police said the mobile phone was nice reading for everyone who will march."


@pytest.mark.model
def test_pipeline_codes_lower_case_police_report_as_coerce() -> None:
    text = "the police arrested two persons in godhra on sunday."
    coded = worldorder.extract(text, published="2024-03-12")
    [event] = [e for e in coded.events if e.event_type == "COERCE"]
    mention = event.mentions[0]
    assert mention.sentence == text and text[mention.trigger_start : mention.trigger_end] == mention.trigger


@pytest.mark.model
def test_pipeline_codes_all_caps_headline_as_assault() -> None:
    text = "GUNMEN KILL 12 IN ATTACK ON VILLAGE IN NORTHERN NIGERIA"
    coded = worldorder.extract(text, published="2024-03-12")
    [event] = [e for e in coded.events if e.event_type == "ASSAULT"]
    assert event.mentions[0].sentence == text
