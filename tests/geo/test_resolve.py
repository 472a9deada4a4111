"""Toponym finding and resolution on hand-built docs with a small in-memory gazetteer."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from worldorder.geo import GazetteerEntry, MemoryGazetteer, ResolutionWeights, find_places

from .conftest import BRITAIN, KENT_GB, KENT_OH, KREMLIN, LONDON_GB, PARIS_FR, PARIS_TX, TEXAS, DocMaker


def test_find_places_reads_a_city_alone_as_the_largest_homonym(
        make_doc: DocMaker, small_gazetteer: MemoryGazetteer) -> None:
    doc = make_doc(["Talks", "in", "Paris", "ended", "."], ["O", "O", "B-GPE", "O", "O"])
    [paris] = find_places(doc, small_gazetteer)
    assert (paris.text, paris.start, paris.end) == ("Paris", 9, 14)
    assert (paris.geonameid, paris.country, paris.kind) == (PARIS_FR.geonameid, "FRA", "city")


def test_find_places_follows_a_qualifier_after_a_comma(make_doc: DocMaker, small_gazetteer: MemoryGazetteer) -> None:
    doc = make_doc(["A", "fair", "in", "Paris", ",", "Texas", "opened", "."],
                   ["O", "O", "O", "B-GPE", "O", "B-GPE", "O", "O"])
    paris, texas = find_places(doc, small_gazetteer)
    assert (paris.geonameid, paris.lat, paris.lon) == (PARIS_TX.geonameid, PARIS_TX.lat, PARIS_TX.lon)
    assert (texas.geonameid, texas.kind, texas.country) == (TEXAS.geonameid, "region", "USA")


def test_find_places_splits_an_entity_spanning_a_comma(make_doc: DocMaker, small_gazetteer: MemoryGazetteer) -> None:
    doc = make_doc(["A", "fair", "in", "Paris", ",", "Texas", "opened", "."],
                   ["O", "O", "O", "B-GPE", "I-GPE", "I-GPE", "O", "O"])
    assert [p.text for p in find_places(doc, small_gazetteer)] == ["Paris", "Texas"]


@pytest.mark.parametrize(
    ("words", "ents", "expected"),
    [
        (["Rain", "hit", "Kent", "and", "Britain", "."], ["O", "O", "B-GPE", "O", "B-GPE", "O"], KENT_GB),
        (["Rain", "hit", "Kent", "in", "Texas", "."], ["O", "O", "B-GPE", "O", "B-GPE", "O"], KENT_OH),
    ],
)
def test_find_places_prefers_the_country_the_article_is_about(
        make_doc: DocMaker, small_gazetteer: MemoryGazetteer, words: list[str], ents: list[str],
        expected: GazetteerEntry) -> None:
    kent = find_places(make_doc(words, ents), small_gazetteer)[0]
    assert kent.geonameid == expected.geonameid


@pytest.mark.parametrize(
    ("words", "ents"),
    [
        (["Iranian", "officials", "spoke", "."], ["B-GPE", "O", "O", "O"]),
        (["Iranians", "voted", "."], ["B-GPE", "O", "O"]),
        (["British", "troops", "left", "."], ["B-NORP", "O", "O", "O"]),
    ],
)
def test_find_places_demonyms_are_not_places(
        make_doc: DocMaker, small_gazetteer: MemoryGazetteer, words: list[str], ents: list[str]) -> None:
    assert find_places(make_doc(words, ents), small_gazetteer) == []


@pytest.mark.parametrize("label", ["ORG", "FAC", "GPE"])
def test_find_places_landmark_resolves_to_its_city(
        make_doc: DocMaker, small_gazetteer: MemoryGazetteer, label: str) -> None:
    doc = make_doc(["the", "Kremlin", "said", "."], [f"B-{label}", f"I-{label}", "O", "O"])
    [kremlin] = find_places(doc, small_gazetteer)
    assert (kremlin.text, kremlin.kind, kremlin.country) == ("Kremlin", "landmark", "RUS")
    assert (kremlin.lat, kremlin.lon) == (KREMLIN.lat, KREMLIN.lon)


def test_find_places_rescues_a_country_tagged_as_a_person(
        make_doc: DocMaker, small_gazetteer: MemoryGazetteer) -> None:
    doc = make_doc(["Britain", "'s", "envoy", "left", "."], ["B-PERSON", "I-PERSON", "O", "O", "O"])
    [britain] = find_places(doc, small_gazetteer)
    assert (britain.text, britain.geonameid) == ("Britain", BRITAIN.geonameid)


def test_find_places_ignores_people_not_named_like_major_places(
        make_doc: DocMaker, small_gazetteer: MemoryGazetteer) -> None:
    doc = make_doc(["Paris", "Hilton", "smiled", "."], ["B-PERSON", "I-PERSON", "O", "O"])
    assert find_places(doc, small_gazetteer) == []


def test_find_places_keeps_unknown_toponyms_unresolved(make_doc: DocMaker, small_gazetteer: MemoryGazetteer) -> None:
    doc = make_doc(["Floods", "hit", "Zorbaville", "."], ["O", "O", "B-GPE", "O"])
    [unknown] = find_places(doc, small_gazetteer)
    assert unknown.text == "Zorbaville"
    assert (unknown.geonameid, unknown.lat, unknown.lon, unknown.kind) == (None, None, None, None)


def test_find_places_drops_the_article_and_possessive(make_doc: DocMaker, small_gazetteer: MemoryGazetteer) -> None:
    doc = make_doc(["the", "London", "'s", "mayor", "."], ["B-GPE", "I-GPE", "I-GPE", "O", "O"])
    [london] = find_places(doc, small_gazetteer)
    assert (london.text, london.start, london.geonameid) == ("London", 4, LONDON_GB.geonameid)


def test_find_places_offsets_point_into_the_text(make_doc: DocMaker, small_gazetteer: MemoryGazetteer) -> None:
    doc = make_doc(["From", "London", "to", "Paris", "and", "Kent", "."],
                   ["O", "B-GPE", "O", "B-GPE", "O", "B-GPE", "O"])
    assert [doc.text[p.start : p.end] for p in find_places(doc, small_gazetteer)] == ["London", "Paris", "Kent"]


def test_find_places_reads_an_uppercase_dateline(make_doc: DocMaker, small_gazetteer: MemoryGazetteer) -> None:
    doc = make_doc(["PARIS", "(", "AP", ")", "--", "Talks", "began", "."],
                   ["O", "O", "B-ORG", "O", "O", "O", "O", "O"])
    [paris] = find_places(doc, small_gazetteer)
    assert (paris.text, paris.geonameid) == ("PARIS", PARIS_FR.geonameid)


def test_find_places_splits_an_unknown_name_made_of_countries(
        make_doc: DocMaker, small_gazetteer: MemoryGazetteer) -> None:
    doc = make_doc(["Youth", "in", "France", "Kenya", "or", "Iran"], ["O", "O", "B-GPE", "I-GPE", "O", "B-GPE"])
    assert [(p.text, p.country) for p in find_places(doc, small_gazetteer)] == [
        ("France", "FRA"), ("Kenya", "KEN"), ("Iran", "IRN")]


def test_find_places_finds_a_town_before_its_state(make_doc: DocMaker, small_gazetteer: MemoryGazetteer) -> None:
    doc = make_doc(["Floods", "hit", "Paris", ",", "Texas", "."], ["O", "O", "O", "O", "B-GPE", "O"])
    paris, _texas = find_places(doc, small_gazetteer)
    assert (paris.text, paris.geonameid) == ("Paris", PARIS_TX.geonameid)


@pytest.mark.parametrize("tag", ["O", "B-PERSON", "B-ORG"])
def test_find_places_finds_a_town_after_a_locative_preposition(
        make_doc: DocMaker, small_gazetteer: MemoryGazetteer, tag: str) -> None:
    doc = make_doc(["Talks", "in", "Ashgabat", "ended", "."], ["O", "O", tag, "O", "O"])
    assert [p.text for p in find_places(doc, small_gazetteer)] == ["Ashgabat"]


def test_find_places_leaves_names_after_to_alone(make_doc: DocMaker, small_gazetteer: MemoryGazetteer) -> None:
    doc = make_doc(["She", "wrote", "to", "Ashgabat", "."], ["O", "O", "O", "B-PERSON", "O"])
    assert find_places(doc, small_gazetteer) == []


def test_find_places_needs_the_whole_proper_name_after_a_preposition(
        make_doc: DocMaker, small_gazetteer: MemoryGazetteer) -> None:
    doc = make_doc(["Guests", "dined", "at", "Ashgabat", "Castle", "."], ["O", "O", "O", "B-ORG", "I-ORG", "O"])
    assert find_places(doc, small_gazetteer) == []


@pytest.mark.parametrize("kind", ["city", "town", "province"])
def test_find_places_reads_a_name_after_the_city_of(
        make_doc: DocMaker, small_gazetteer: MemoryGazetteer, kind: str) -> None:
    doc = make_doc(["Troops", "entered", "the", kind, "of", "Ashgabat", "."], ["O"] * 7)
    assert [p.text for p in find_places(doc, small_gazetteer)] == ["Ashgabat"]


def test_find_places_ignores_an_unknown_name_after_the_city_of(
        make_doc: DocMaker, small_gazetteer: MemoryGazetteer) -> None:
    doc = make_doc(["The", "city", "of", "Gondor", "fell", "."], ["O"] * 6)
    assert find_places(doc, small_gazetteer) == []


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["the", "Kenya", "Wildlife", "Service"], "Kenya"),  # opening the name
        (["Oxfam", "Iran"], "Iran"),  # closing it
        (["Texas", "Department", "of", "Health"], "Texas"),
        (["Paris", "Saint", "Germain"], None),  # a city is not taken from an organisation's name
    ],
)
def test_find_places_reads_a_country_or_state_inside_an_organisation_name(
        make_doc: DocMaker, small_gazetteer: MemoryGazetteer, words: list[str], expected: str | None) -> None:
    tokens = ["Officials", "of", *words, "spoke", "."]
    ents = ["O", "O", *(["B-ORG"] + ["I-ORG"] * (len(words) - 1)), "O", "O"]
    if words[0] == "the":
        ents[2], ents[3] = "O", "B-ORG"
    places = find_places(make_doc(tokens, ents), small_gazetteer)
    assert [p.text for p in places] == ([expected] if expected else [])


def test_find_places_prefers_the_namesake_near_another_place_of_the_article(make_doc: DocMaker) -> None:
    # two towns called Riverton; the smaller lies 40 km from the article's other town
    big = GazetteerEntry(1, "Riverton", "city", "USA", "Utah", "US.UT", 40.52, -111.94, 45_000)
    small = GazetteerEntry(2, "Riverton", "city", "USA", "Wyoming", "US.WY", 43.02, -108.38, 11_000)
    lander = GazetteerEntry(3, "Lander", "city", "USA", "Wyoming", "US.WY", 42.83, -108.73, 60_000)
    gazetteer = MemoryGazetteer([("Riverton", big), ("Riverton", small), ("Lander", lander)])
    doc = make_doc(["Floods", "hit", "Riverton", "and", "Lander", "."], ["O", "O", "B-GPE", "O", "B-GPE", "O"])
    without = find_places(doc, gazetteer, ResolutionWeights(nearby=0.0, context_admin1=0.0))
    with_nearby = find_places(doc, gazetteer, ResolutionWeights(context_admin1=0.0))
    assert (without[0].geonameid, with_nearby[0].geonameid) == (1, 2)


@pytest.mark.parametrize(
    ("town_population", "expected"),
    # a hamlet beside a state of 5 million; a town a fiftieth of it; a city a ninth of it
    [(30_000, 10), (100_000, 10), (600_000, 12)],
)
def test_find_places_reads_a_state_over_a_small_town_of_its_name(
        make_doc: DocMaker, town_population: int, expected: int) -> None:
    # the town lies in the division another place of the article names; the state does not
    state = GazetteerEntry(10, "Marlow", "admin1", "USA", "Marlow", "US.MW", 44.0, -120.0, 5_000_000)
    county = GazetteerEntry(11, "Alder", "admin2", "USA", "Upland", "US.UP", 41.0, -83.0, 200_000)
    town = GazetteerEntry(12, "Marlow", "city", "USA", "Upland", "US.UP", 41.6, -83.5, town_population)
    gazetteer = MemoryGazetteer([("Marlow", state), ("Marlow", town), ("Alder", county)])
    doc = make_doc(["Floods", "hit", "Alder", "and", "Marlow", "."], ["O", "O", "B-GPE", "O", "B-GPE", "O"])
    assert find_places(doc, gazetteer)[1].geonameid == expected


@pytest.mark.parametrize(
    ("towns", "expected"),
    [(["Dunmore", "Ashby"], 21), (["Ashby"], 20)],  # two other names in the state's country; one
)
def test_find_places_reads_a_home_state_over_a_foreign_country_of_its_name(
        make_doc: DocMaker, towns: list[str], expected: int) -> None:
    country = GazetteerEntry(20, "Carrow", "country", "XCA", None, None, 42.0, 43.5, 4_000_000)
    state = GazetteerEntry(21, "Carrow", "admin1", "USA", "Carrow", "US.CW", 33.0, -83.5, 10_000_000)
    dunmore = GazetteerEntry(22, "Dunmore", "city", "USA", "Lenox", "US.LX", 41.0, -81.0, 500_000)
    ashby = GazetteerEntry(23, "Ashby", "city", "USA", "Lenox", "US.LX", 40.0, -83.0, 900_000)
    gazetteer = MemoryGazetteer([("Carrow", country), ("Carrow", state), ("Dunmore", dunmore), ("Ashby", ashby)])
    words = ["Cases", "rose", "in", *[w for town in towns for w in (town, ",")], "and", "Carrow", "."]
    ents = ["O", "O", "O", *[e for _ in towns for e in ("B-GPE", "O")], "O", "B-GPE", "O"]
    assert find_places(make_doc(words, ents), gazetteer)[-1].geonameid == expected


@pytest.mark.parametrize(
    ("words", "ents", "expected"),
    [
        (["Talks", "in", "Paris", "ended", "."], ["O", "O", "B-GPE", "O", "O"], {"Paris": "prior"}),
        (["A", "fair", "in", "Paris", ",", "Texas", "opened", "."], ["O", "O", "O", "B-GPE", "O", "B-GPE", "O", "O"],
         {"Paris": "qualified", "Texas": "qualifier"}),
        (["Rain", "hit", "Kent", "and", "Britain", "."], ["O", "O", "B-GPE", "O", "B-GPE", "O"],
         {"Kent": "country", "Britain": "only"}),
        (["Rebels", "left", "Gondor", "."], ["O", "O", "B-GPE", "O"], {"Gondor": None}),
    ],
)
def test_find_places_says_which_clue_decided(
        make_doc: DocMaker, small_gazetteer: MemoryGazetteer, words: list[str], ents: list[str],
        expected: dict[str, str | None]) -> None:
    assert {p.text: p.clue for p in find_places(make_doc(words, ents), small_gazetteer)} == expected


# a state that shares its name with a larger capital city, and with a town in a neighbour
ALDER_STATE = GazetteerEntry(30, "Alder", "admin1", "USA", "Alder", "US.AL", 47.0, -120.0, 6_000_000)
ALDER_CAPITAL = GazetteerEntry(31, "Alder", "capital", "USA", "Capital District", "US.CD", 38.9, -77.0, 700_000)
BRAMBLE = GazetteerEntry(32, "Bramble", "admin1", "USA", "Bramble", "US.BR", 41.0, -77.5, 12_000_000)
ALDER_TOWN = GazetteerEntry(33, "Alder", "city", "USA", "Bramble", "US.BR", 40.2, -80.2, 14_000)
CEDAR = GazetteerEntry(34, "Cedar", "admin1", "USA", "Cedar", "US.CE", 40.4, -82.8, 11_000_000)
DOVE = GazetteerEntry(35, "Dove", "admin1", "USA", "Dove", "US.DV", 36.8, -119.4, 37_000_000)
ELM = GazetteerEntry(36, "Elm", "city", "USA", "Elm", "US.EL", 42.3, -71.0, 690_000)
FEN = GazetteerEntry(37, "Fen", "city", "USA", "Fen", "US.FE", 41.9, -87.6, 2_700_000)
DC_STATE = GazetteerEntry(38, "Capital District", "admin1", "USA", "Capital District", "US.CD", 38.9, -77.0,
                          700_000)
STATES = MemoryGazetteer([
    ("Alder", ALDER_STATE), ("Alder", ALDER_CAPITAL), ("Alder", ALDER_TOWN), ("Bramble", BRAMBLE),
    ("Cedar", CEDAR), ("Dove", DOVE), ("Elm", ELM), ("Fen", FEN), ("C.D.", DC_STATE),
])


def test_find_places_reads_the_capital_by_its_name_alone(make_doc: DocMaker) -> None:
    doc = make_doc(["Talks", "in", "Alder", "ended", "."], ["O", "O", "B-GPE", "O", "O"])
    assert find_places(doc, STATES)[0].geonameid == ALDER_CAPITAL.geonameid


@pytest.mark.parametrize(
    ("words", "ents"),
    [
        (["A", "farm", "in", "Alder", "state", "."], ["O", "O", "O", "B-GPE", "O", "O"]),
        (["The", "state", "of", "Alder", "voted", "."], ["O", "O", "O", "B-GPE", "O", "O"]),
        # the other mention of the name says it
        (["Alder", "state", "said", "deaths", "in", "Alder", "rose", "."],
         ["B-GPE", "O", "O", "O", "O", "B-GPE", "O", "O"]),
    ],
)
def test_find_places_follows_a_word_of_kind_around_the_name(
        make_doc: DocMaker, words: list[str], ents: list[str]) -> None:
    places = find_places(make_doc(words, ents), STATES)
    assert {p.geonameid for p in places} == {ALDER_STATE.geonameid}
    assert places[-1].clue == "kind"


def test_find_places_reads_a_name_in_a_list_of_states_as_a_state(make_doc: DocMaker) -> None:
    doc = make_doc(["Cases", "in", "Cedar", ",", "Alder", ",", "Bramble", "and", "Dove", "."],
                   ["O", "O", "B-GPE", "O", "B-GPE", "O", "B-GPE", "O", "B-GPE", "O"])
    alder = find_places(doc, STATES)[1]
    # not the capital, and Bramble after it is one more state of the list, not Alder's qualifier
    assert (alder.geonameid, alder.clue) == (ALDER_STATE.geonameid, "list")


def test_find_places_keeps_a_qualifier_in_a_list_of_towns(make_doc: DocMaker) -> None:
    doc = make_doc(["Trips", "to", "Elm", ",", "Alder", ",", "Bramble", ",", "and", "Fen", "."],
                   ["O", "O", "B-GPE", "O", "B-GPE", "O", "B-GPE", "O", "O", "B-GPE", "O"])
    assert find_places(doc, STATES)[1].geonameid == ALDER_TOWN.geonameid


def test_find_places_keeps_an_abbreviated_qualifier_in_a_list_of_states(make_doc: DocMaker) -> None:
    doc = make_doc(["Trips", "to", "Cedar", ",", "Dove", "and", "Alder", ",", "C.D.", "."],
                   ["O", "O", "B-GPE", "O", "B-GPE", "O", "B-GPE", "O", "B-GPE", "O"])
    assert find_places(doc, STATES)[2].geonameid == ALDER_CAPITAL.geonameid


def test_find_places_ignores_towns_known_by_the_name_only_as_an_alias(make_doc: DocMaker) -> None:
    # a big town that merely has the state's name as an alternate name does not keep the state's
    # small namesake towns in the running
    state = GazetteerEntry(40, "Marsh", "admin1", "USA", "Marsh", "US.MA", 28.0, -81.5, 9_000_000)
    hamlet = GazetteerEntry(41, "Marsh", "city", "USA", "Upland", "US.UP", 41.3, -74.3, 3_000)
    alias = GazetteerEntry(42, "Marshville", "city", "COL", "Norte", "CO.26", 7.1, -73.1, 270_000)
    upland = GazetteerEntry(43, "Upland", "admin1", "USA", "Upland", "US.UP", 43.0, -75.0, 19_000_000)
    gazetteer = MemoryGazetteer([("Marsh", state), ("Marsh", hamlet), ("Marsh", alias), ("Upland", upland)])
    doc = make_doc(["Attacks", "in", "Upland", "and", "Marsh", "."], ["O", "O", "B-GPE", "O", "B-GPE", "O"])
    assert find_places(doc, gazetteer)[1].geonameid == state.geonameid


# a border town, its country, and a hamlet abroad that a misread name matches
SOLANO = GazetteerEntry(50, "Solano", "city", "MEX", "Norte", "MX.02", 32.5, -117.0, 1_600_000)
MEXICO = GazetteerEntry(51, "Mexico", "country", "MEX", None, None, 23.0, -102.0, 126_000_000)
HAMLET = GazetteerEntry(52, "Quill", "city", "FRA", "Nord", "FR.32", 50.1, 3.2, 300)
BORDER = MemoryGazetteer([("Solano", SOLANO), ("Mexico", MEXICO), ("Quill", HAMLET)])


def test_find_places_reads_a_feature_as_the_place_it_is_named_after(make_doc: DocMaker) -> None:
    doc = make_doc(["Sewage", "fouls", "the", "Solano", "River", "in", "Mexico", "."],
                   ["O", "O", "O", "B-LOC", "I-LOC", "O", "B-GPE", "O"])
    river = find_places(doc, BORDER)[0]
    assert (river.text, river.geonameid, river.clue) == ("Solano River", SOLANO.geonameid, "feature")


def test_find_places_places_an_unknown_name_at_the_article_s_town(make_doc: DocMaker) -> None:
    doc = make_doc(["Police", "in", "Solano", ",", "Mexico", "closed", "Harbin", "Street", "."],
                   ["O", "O", "B-GPE", "O", "B-GPE", "O", "B-FAC", "I-FAC", "O"])
    street = find_places(doc, BORDER)[-1]
    assert (street.text, street.geonameid, street.clue) == ("Harbin Street", SOLANO.geonameid, "article")


def test_find_places_does_not_place_an_unknown_name_at_a_stray_hamlet(make_doc: DocMaker) -> None:
    # "Quill" is a person's name read as a place: its hamlet is no town of the article
    doc = make_doc(["Quill", "toured", "Harbin", "Street", "."], ["B-GPE", "O", "B-FAC", "I-FAC", "O"])
    assert find_places(doc, BORDER)[-1].geonameid is None


def test_find_places_reads_an_unknown_name_before_a_comma_as_the_division_after_it(make_doc: DocMaker) -> None:
    norte = GazetteerEntry(53, "Norte", "admin1", "MEX", "Norte", "MX.02", 31.0, -115.0, 3_300_000)
    gazetteer = MemoryGazetteer([("Solano", SOLANO), ("Mexico", MEXICO), ("Norte", norte)])
    doc = make_doc(["Races", "at", "Harbin", "Park", ",", "Norte", ",", "and", "in", "Solano", "."],
                   ["O", "O", "B-FAC", "I-FAC", "O", "B-GPE", "O", "O", "O", "B-GPE", "O"])
    track = find_places(doc, gazetteer)[0]
    assert (track.text, track.geonameid, track.clue) == ("Harbin Park", norte.geonameid, "within")


def test_find_places_joins_a_name_the_recogniser_split(make_doc: DocMaker) -> None:
    # "Santa" alone is a hamlet abroad; with the untagged word after it, a town of the article's country
    hamlet = GazetteerEntry(60, "Santa", "city", "PER", "Lima", "PE.15", -12.0, -77.0, 800)
    town = GazetteerEntry(61, "Santa Lora", "city", "MEX", "Norte", "MX.02", 30.5, -116.0, 40_000)
    gazetteer = MemoryGazetteer([("Santa", hamlet), ("Santa Lora", town), ("Mexico", MEXICO)])
    doc = make_doc(["Families", "in", "Santa", "Lora", ",", "Mexico", "wait", "."],
                   ["O", "O", "B-GPE", "O", "O", "B-GPE", "O", "O"])
    assert [(p.text, p.geonameid) for p in find_places(doc, gazetteer)] == [
        ("Santa Lora", town.geonameid), ("Mexico", MEXICO.geonameid)]


def test_find_places_needs_a_town_s_own_name_to_read_a_qualifier(make_doc: DocMaker) -> None:
    # a county known as "Alder" only by an alias lies in Bramble: "Alder, Bramble and Fen" is a
    # list of towns, not the county in its state
    county = GazetteerEntry(62, "Alder County", "admin2", "USA", "Bramble", "US.BR", 40.5, -79.0, 60_000)
    town = GazetteerEntry(63, "Bramble", "city", "USA", "Bramble", "US.BR", 40.7, -74.0, 8_000_000)
    gazetteer = MemoryGazetteer([("Alder", ALDER_CAPITAL), ("Alder", county), ("Bramble", BRAMBLE),
                                 ("Bramble", town), ("Fen", FEN)])
    doc = make_doc(["Stops", "in", "Alder", ",", "Bramble", "and", "Fen", "."],
                   ["O", "O", "B-GPE", "O", "B-GPE", "O", "B-GPE", "O"])
    alder, bramble, _ = find_places(doc, gazetteer)
    assert (alder.geonameid, bramble.geonameid) == (ALDER_CAPITAL.geonameid, town.geonameid)


def test_find_places_keeps_a_small_namesake_in_the_article_s_own_country(make_doc: DocMaker) -> None:
    # a village abroad shares its name with a large state; the article is about the village's country
    state = GazetteerEntry(64, "Marlow", "admin1", "USA", "Marlow", "US.MW", 44.0, -120.0, 5_000_000)
    village = GazetteerEntry(65, "Marlow", "city", "IRL", "Leinster", "IE.L", 53.8, -7.1, 2_600)
    county = GazetteerEntry(66, "Carran", "admin2", "IRL", "Leinster", "IE.L", 53.9, -7.3, 76_000)
    gazetteer = MemoryGazetteer([("Marlow", state), ("Marlow", village), ("Carran", county)])
    doc = make_doc(["Shows", "in", "Carran", "and", "Marlow", "."], ["O", "O", "B-GPE", "O", "B-GPE", "O"])
    assert find_places(doc, gazetteer)[1].geonameid == village.geonameid


@pytest.mark.parametrize(("town_people", "expected"), [(180_000, "state"), (450_000, "town")])
def test_find_places_shadows_a_town_with_a_fifth_of_a_state_s_people(
        make_doc: DocMaker, town_people: int, expected: str) -> None:
    # a judge "in Tamar" is the state of a million people, not its namesake suburb of 180,000;
    # a namesake with nearly half the state's people keeps its larger prior
    state = GazetteerEntry(67, "Tamar", "admin1", "USA", "Tamar", "US.TM", 43.0, -107.5, 1_000_000)
    town = GazetteerEntry(68, "Tamar", "city", "USA", "Lakeland", "US.LK", 42.9, -85.7, town_people)
    gazetteer = MemoryGazetteer([("Tamar", state), ("Tamar", town)])
    doc = make_doc(["A", "judge", "in", "Tamar", "ruled", "."], ["O", "O", "O", "B-GPE", "O", "O"])
    chosen = find_places(doc, gazetteer)[0].geonameid
    assert chosen == {"state": state.geonameid, "town": town.geonameid}[expected]


# an Irish story: a town, a county, and a hamlet abroad that a church's cut name matches
DUNMORE = GazetteerEntry(70, "Dunmore", "city", "IRL", "Leinster", "IE.L", 53.6, -6.6, 60_000)
CARRAN = GazetteerEntry(71, "Carran", "admin2", "IRL", "Leinster", "IE.L", 53.9, -7.3, 76_000)
BELLOW = GazetteerEntry(72, "Bellow", "city", "USA", "Upland", "US.UP", 41.3, -74.3, 3_000)
UPLAND = GazetteerEntry(73, "Upland", "admin1", "USA", "Upland", "US.UP", 43.0, -75.0, 19_000_000)
PARISH = MemoryGazetteer([("Dunmore", DUNMORE), ("Carran", CARRAN), ("Bellow", BELLOW), ("Upland", UPLAND)])


def test_find_places_draws_a_small_namesake_abroad_at_the_article_s_town(make_doc: DocMaker) -> None:
    doc = make_doc(["Choirs", "of", "Dunmore", "and", "Carran", "sang", "in", "Bellow", "."],
                   ["O", "O", "B-GPE", "O", "B-GPE", "O", "O", "B-GPE", "O"])
    church = find_places(doc, PARISH)[-1]
    assert (church.geonameid, church.clue) == (DUNMORE.geonameid, "article")


def test_find_places_keeps_a_small_namesake_in_a_country_the_article_names(make_doc: DocMaker) -> None:
    doc = make_doc(["Choirs", "of", "Dunmore", "and", "Carran", "sang", "in", "Bellow", "and", "Upland", "."],
                   ["O", "O", "B-GPE", "O", "B-GPE", "O", "O", "B-GPE", "O", "B-GPE", "O"])
    assert find_places(doc, PARISH)[2].geonameid == BELLOW.geonameid


# towns of one country that a list names with only its first tagged
ZARA = GazetteerEntry(80, "Zara", "city", "SVN", "Gora", "SI.01", 46.1, 14.5, 80_000)
BREN = GazetteerEntry(81, "Bren", "city", "SVN", "Gora", "SI.01", 46.3, 14.9, 2_000)
OLM = GazetteerEntry(82, "Olm", "admin2", "SVN", "Gora", "SI.01", 46.5, 15.1, 30_000)
OLM_ABROAD = GazetteerEntry(83, "Olm", "city", "PER", "Lima", "PE.15", -12.0, -77.0, 900)
LISTED = MemoryGazetteer([("Zara", ZARA), ("Bren", BREN), ("Olm", OLM)])


@pytest.mark.parametrize("joint", [[","], ["and"], [",", "and"], [",", "or"]])
def test_find_places_reads_untagged_names_in_a_list_with_a_place(make_doc: DocMaker, joint: list[str]) -> None:
    words = ["Shops", "in", "Zara", ",", "Bren", *joint, "Olm", "closed", "."]
    doc = make_doc(words, ["O", "O", "B-GPE"] + ["O"] * (len(words) - 3))
    assert [(p.text, p.geonameid) for p in find_places(doc, LISTED)] == [
        ("Zara", ZARA.geonameid), ("Bren", BREN.geonameid), ("Olm", OLM.geonameid)]


def test_find_places_reads_a_list_backwards_from_its_tagged_place(make_doc: DocMaker) -> None:
    doc = make_doc(["Shops", "in", "Bren", "and", "Zara", "closed", "."], ["O", "O", "O", "O", "B-GPE", "O", "O"])
    assert [p.text for p in find_places(doc, LISTED)] == ["Bren", "Zara"]


def test_find_places_takes_from_a_list_only_places_of_its_place_s_country(make_doc: DocMaker) -> None:
    gazetteer = MemoryGazetteer([("Zara", ZARA), ("Olm", OLM_ABROAD)])
    doc = make_doc(["Shops", "in", "Zara", "and", "Olm", "closed", "."], ["O", "O", "B-GPE", "O", "O", "O", "O"])
    assert [p.text for p in find_places(doc, gazetteer)] == ["Zara"]


def test_find_places_takes_no_subject_after_a_place_and_a_comma() -> None:
    # "in Zara, Bren said": Bren is the one speaking, not one more town
    words = ["Shops", "in", "Zara", ",", "Bren", "said", "."]
    doc = Doc(Vocab(), words=words, spaces=[True, True, False, True, True, False, False],
              tags=["NNS", "IN", "NNP", ",", "NNP", "VBD", "."], heads=[5, 0, 1, 5, 5, 5, 5],
              deps=["ccomp", "prep", "pobj", "punct", "nsubj", "ROOT", "punct"],
              ents=["O", "O", "B-GPE", "O", "O", "O", "O"])
    assert [p.text for p in find_places(doc, LISTED)] == ["Zara"]


def test_find_places_counts_a_qualified_name_as_its_qualifier_reads_it(make_doc: DocMaker) -> None:
    # "Norwick, Albion" is the county in Albion, not the larger city abroad; the city must not
    # lend its country to "Fen", which is then Albion's county too, not a small town abroad
    albion = GazetteerEntry(90, "Albion", "country", "ALB", None, None, 54.0, -2.0, 60_000_000)
    county = GazetteerEntry(91, "Norwick", "admin2", "ALB", "Anglia", "AL.01", 52.6, 1.0, 600_000)
    city = GazetteerEntry(92, "Norwick", "city", "USA", "Tidewater", "US.TW", 36.8, -76.3, 240_000)
    fen = GazetteerEntry(93, "Fen", "admin2", "ALB", "Caledon", "AL.02", 56.2, -3.1, 350_000)
    fen_town = GazetteerEntry(94, "Fen", "city", "USA", "Cascadia", "US.CA", 47.2, -122.3, 10_000)
    gazetteer = MemoryGazetteer([("Albion", albion), ("Norwick", county), ("Norwick", city), ("Fen", fen),
                                 ("Fen", fen_town)])
    words = ["Birds", "died", "in", "Norwick", ",", "Albion", ",", "and", "later", "in", "Fen", "."]
    ents = ["O", "O", "O", "B-GPE", "O", "B-GPE", "O", "O", "O", "O", "B-GPE", "O"]
    places = find_places(make_doc(words, ents), gazetteer)
    assert [p.geonameid for p in places] == [county.geonameid, albion.geonameid, fen.geonameid]


def test_find_places_reads_a_list_ending_in_and_the_as_a_list(make_doc: DocMaker) -> None:
    # "Cathay, Nippon, and the Albion": three countries, not a town named Cathay in Nippon
    cathay = GazetteerEntry(95, "Cathay", "country", "CTH", None, None, 35.0, 105.0, 1_400_000_000)
    town = GazetteerEntry(96, "Cathay", "city", "NIP", "Ryu", "NP.47", 27.3, 128.6, 600)
    nippon = GazetteerEntry(97, "Nippon", "country", "NIP", None, None, 35.7, 139.7, 126_000_000)
    albion = GazetteerEntry(98, "Albion", "country", "ALB", None, None, 54.0, -2.0, 60_000_000)
    gazetteer = MemoryGazetteer([("Cathay", cathay), ("Cathay", town), ("Nippon", nippon), ("Albion", albion)])
    words = ["Among", "them", "Cathay", ",", "Nippon", ",", "and", "the", "Albion", "."]
    ents = ["O", "O", "B-GPE", "O", "B-GPE", "O", "O", "O", "B-GPE", "O"]
    assert find_places(make_doc(words, ents), gazetteer)[0].geonameid == cathay.geonameid


def test_find_places_joins_a_name_cut_before_of_the(make_doc: DocMaker) -> None:
    # the recogniser tags "Republic" and "Marsh" apart; together with "of the" they are a country
    country = GazetteerEntry(99, "Republic of the Marsh", "country", "RMA", None, None, -2.9, 23.7, 90_000_000)
    town = GazetteerEntry(100, "Marsh", "city", "USA", "Upland", "US.UP", 41.3, -74.3, 3_000)
    gazetteer = MemoryGazetteer([("Republic of the Marsh", country), ("Marsh", town)])
    doc = make_doc(["Aid", "reached", "Republic", "of", "the", "Marsh", "."],
                   ["O", "O", "B-GPE", "O", "O", "B-GPE", "O"])
    places = find_places(doc, gazetteer)
    assert [(p.text, p.geonameid) for p in places] == [("Republic of the Marsh", country.geonameid)]


@pytest.mark.parametrize(("office", "expected"), [("Governor", "admin1"), ("Mayor", "city")])
def test_find_places_reads_a_name_before_governor_as_the_state(
        make_doc: DocMaker, office: str, expected: str) -> None:
    # a governor governs the state; the city of the same name is larger and wins otherwise
    state = GazetteerEntry(101, "Tamar", "admin1", "USA", "Tamar", "US.TM", 43.0, -75.0, 1_000_000)
    city = GazetteerEntry(102, "Tamar", "city", "USA", "Tamar", "US.TM", 40.7, -74.0, 3_000_000)
    gazetteer = MemoryGazetteer([("Tamar", state), ("Tamar", city)])
    doc = make_doc(["The", "Tamar", office, "spoke", "."], ["O", "B-GPE", "O", "O", "O"])
    assert find_places(doc, gazetteer)[0].geonameid == {"admin1": state, "city": city}[expected].geonameid
