"""The event coder as a specification: who did what to whom, in sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.coding.support import code, dyads, who
from worldorder.coding.events import EventCoder

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kenya accused Uganda of arming the rebels.", ("ACCUSE", "KEN", "UGA")),
        ("Uganda was accused by Kenya of arming the rebels.", ("ACCUSE", "KEN", "UGA")),
        ("Norway and Sweden held talks on fishing quotas.", ("CONSULT", "NOR", "SWE")),
        ("The Indian prime minister met with Japanese officials in Tokyo.", ("CONSULT", "IND", "JPN")),
        ("The Canadian foreign minister flew to Mexico City to meet Mexican officials.", ("CONSULT", "CAN", "MEX")),
        ("Japan sent humanitarian aid to Nepal.", ("AID", "JPN", "NPL")),
        ("France urged Iran to release the detained journalists.", ("REQUEST", "FRA", "IRN")),
        ("Venezuela rejected a Colombian proposal for new talks.", ("REJECT", "VEN", "COL")),
        ("Hungary refused to meet the Ukrainian delegation.", ("REJECT", "HUN", "UKR")),
        ("Iran threatened to close the strait to American tankers.", ("THREATEN", "IRN", "USA")),
        ("The United States imposed new sanctions on Venezuela.", ("SANCTION", "USA", "VEN")),
        ("Czechia expelled two Russian diplomats.", ("SANCTION", "CZE", "RUS")),
        ("Azerbaijan's 2020 offensive against Armenia lasted six weeks.", ("ASSAULT", "AZE", "ARM")),
        ("Colombia shared intelligence with Ecuador.", ("COOPERATE", "COL", "ECU")),
        ("Brazil praised Argentina for its handling of the floods.", ("SUPPORT", "BRA", "ARG")),
        ("China said Japan must apologize for the remarks.", ("REQUEST", "CHN", "JPN")),
    ],
)
def test_code_reads_type_and_dyad(nlp: Language, coder: EventCoder, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in dyads(code(nlp, coder, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Poland accused both Belarus and Russia of staging the crisis.",
            {("ACCUSE", "POL", "BLR"), ("ACCUSE", "POL", "RUS")},
        ),
        ("Canada condemned Iran and Syria for the crackdown.", {("ACCUSE", "CAN", "IRN"), ("ACCUSE", "CAN", "SYR")}),
    ],
)
def test_code_splits_coordinated_targets(
    nlp: Language, coder: EventCoder, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert dyads(code(nlp, coder, text)) == expected


@pytest.mark.parametrize(
    "text",
    ["Chile and Peru agreed to reopen their border crossings.", "Spain and Portugal held talks in Madrid."],
)
def test_code_makes_one_symmetric_event_of_coordinated_sources(nlp: Language, coder: EventCoder, text: str) -> None:
    events = code(nlp, coder, text)
    assert len(events) == 1
    assert events[0].symmetric
    assert events[0].target is not None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Egypt extended an invitation to Jordan, which Jordan accepted.", ("AGREE", "JOR", "EGY")),
        (
            "The Estonian prime minister spoke in Tallinn. She also condemned Russia for the attacks.",
            ("ACCUSE", "EST", "RUS"),
        ),
        ("Iraq said it would allow inspectors from the United Nations to return.", ("AGREE", "IRQ", "UN")),
    ],
)
def test_code_follows_relative_clauses_and_pronouns(
    nlp: Language, coder: EventCoder, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in dyads(code(nlp, coder, text))


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("Australia will provide military aid to Papua New Guinea.", "AGREE"),
        ("Turkey will not accept the Swedish conditions.", "REJECT"),
        ("Lithuania will expel Belarusian diplomats unless Minsk stops the flights.", "THREATEN"),
        ("The German chancellor is scheduled to meet the Polish president.", "CONSULT"),
    ],
)
def test_code_retypes_pledges_refusals_and_threats(
    nlp: Language, coder: EventCoder, text: str, event_type: str
) -> None:
    assert event_type in {e.event_type for e in code(nlp, coder, text)}


@pytest.mark.parametrize(
    "text",
    [
        "Heavy rain fell across the north of the country on Tuesday.",
        "The national team won the match by two goals.",
        "Officials met on Monday to discuss the budget.",
        "The ceremony took place in March 2022.",
    ],
)
def test_code_finds_nothing_without_coded_actors(nlp: Language, coder: EventCoder, text: str) -> None:
    assert code(nlp, coder, text) == []


def test_code_fills_codes_and_one_mention(nlp: Language, coder: EventCoder) -> None:
    text = "Germany supplied tanks to Ukraine, the defence ministry said."
    (event,) = code(nlp, coder, text)
    (mention,) = event.mentions
    assert (event.cameo, event.quad_class, event.goldstein) == ("072", 2, 8.3)
    assert text[mention.trigger_start : mention.trigger_end] == "supplied"
    assert text[mention.sentence_start : mention.sentence_end] == mention.sentence
    assert mention.rule == "verb:supply:AID"
    assert event.date is None and event.location is None


@pytest.mark.parametrize(
    ("text", "attribution"),
    [
        ("Vietnam and Laos signed a border accord, according to Xinhua.", "CHN"),
        ("Ghana hosted the Togolese president on Thursday, the Nigerian foreign ministry said.", "NGA"),
    ],
)
def test_code_credits_the_claim(nlp: Language, coder: EventCoder, text: str, attribution: str) -> None:
    (event,) = code(nlp, coder, text)
    assert who(event.attribution) == attribution
    assert event.modality == "reported"


def test_code_offsets_point_into_the_text(nlp: Language, coder: EventCoder) -> None:
    text = "Russia's invasion of Ukraine began in 2022."
    (event,) = code(nlp, coder, text)
    assert text[event.source.start : event.source.end].startswith("Russia")
    assert event.target is not None
    assert text[event.target.start : event.target.end] == "Ukraine"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the target the syntax misses is the other country the sentence names
        ("Peru turned down the proposal, citing Chilean pressure.", ("REJECT", "PER", "CHL")),
        ("Ghana welcomed the statement as proof of goodwill from Togo.", ("SUPPORT", "GHA", "TGO")),
    ],
)
def test_code_takes_the_other_named_country_as_missing_target(
    nlp: Language, coder: EventCoder, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in dyads(code(nlp, coder, text))


@pytest.mark.parametrize(
    "text",
    [
        "President Jean Dupontel of Gabon banned the opposition rally.",
        "President Jean Dupontel banned opposition rallies across Gabon.",
    ],
)
def test_code_reads_an_unknown_titled_person_by_title_and_named_country(
    nlp: Language, coder: EventCoder, text: str
) -> None:
    assert ("COERCE", "GAB", "GAB") in dyads(code(nlp, coder, text))


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The Soviet Union expelled two Norwegian diplomats.", "RUS"),
        ("Zaire accused Rwanda of backing the rebels.", "COD"),
        ("UNITA rejected the Angolan government's peace plan.", "AGO"),
    ],
)
def test_code_reads_historical_states_and_movements(nlp: Language, coder: EventCoder, text: str, source: str) -> None:
    assert source in {who(e.source) for e in code(nlp, coder, text)}


def test_code_credits_no_target_to_the_news_source(nlp: Language, coder: EventCoder) -> None:
    events = code(nlp, coder, "Kenyan police arrested twelve activists, the French embassy said.")
    assert all(who(e.target) != "FRA" for e in events)


@pytest.mark.parametrize(
    ("text", "expected", "venue"),
    [
        ("The Chilean president met his Peruvian counterpart in Santiago on Monday.", ("CONSULT", "CHL", "PER"), "CHL"),
        (
            "Kenya's foreign minister held talks with her Ethiopian counterpart in Nairobi.",
            ("CONSULT", "KEN", "ETH"),
            "KEN",
        ),
        ("The Indonesian president met the Malaysian king at a summit in Bangkok.", ("CONSULT", "IDN", "MYS"), "THA"),
    ],
)
def test_code_takes_a_meeting_capital_as_venue_not_party(
    nlp: Language, coder: EventCoder, text: str, expected: tuple[str, str, str], venue: str
) -> None:
    found = dyads(code(nlp, coder, text))
    assert expected in found
    assert all(target != venue for _, _, target in found)


def test_code_takes_no_party_from_a_venue_alone(nlp: Language, coder: EventCoder) -> None:
    assert not code(nlp, coder, "The Brazilian president held talks in Lima on Tuesday.")


@pytest.mark.parametrize(
    ("text", "expected", "absent_source"),
    [
        (
            "The talks opened as several Western governments accuse Syria of supplying Iraq with rockets"
            " for its war in Kuwait.",
            ("AID", "SYR", "IRQ"),
            "KWT",
        ),
        ("European officials blamed Belarus for pushing migrants across the border into Poland.", None, "POL"),
    ],
)
def test_code_invents_no_source_from_another_clause(
    nlp: Language, coder: EventCoder, text: str, expected: tuple[str, str, str] | None, absent_source: str
) -> None:
    found = dyads(code(nlp, coder, text))
    assert expected is None or expected in found
    assert all(source not in (absent_source, target) for _, source, target in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rebels insisted that Chad's government release their jailed commanders.", ("REQUEST", "TCD", "TCD")),
        ("Striking workers boycotted talks with Peru's labour ministry.", ("REJECT", "PER", "PER")),
    ],
)
def test_code_places_non_state_sources_in_their_target_country(
    nlp: Language, coder: EventCoder, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in dyads(code(nlp, coder, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A roadside bomb near Kabul killed three Canadian soldiers on Tuesday.", ("ASSAULT", "AFG", "CAN")),
        ("Four Kenyan police officers were killed in a car bombing in Nairobi.", ("ASSAULT", "KEN", "KEN")),
        ("Two Nigerian villagers were wounded by a landmine explosion.", ("ASSAULT", "NGA", "NGA")),
        ("An Israeli air strike killed five Palestinian fighters.", ("ASSAULT", "ISR", "PSE")),
    ],
)
def test_code_gives_agentless_violence_to_the_country_where_it_happened(
    nlp: Language, coder: EventCoder, text: str, expected: tuple[str, str, str]
) -> None:
    assert dyads(code(nlp, coder, text)) == {expected}


def test_code_invents_no_perpetrator_for_disasters(nlp: Language, coder: EventCoder) -> None:
    assert code(nlp, coder, "The earthquake killed three hundred people in Peru.") == []


def test_code_keeps_a_killing_by_an_unresolved_pronoun_with_an_unknown_source(nlp: Language, coder: EventCoder) -> None:
    [event] = code(nlp, coder, "They killed five people in an ambush.")
    assert event.event_type == "ASSAULT" and event.source.text == "They"
    assert (event.source.code.country, event.source.code.sector) == (None, None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russian tanks shelled the town of Bakhmut in Ukraine.", ("ASSAULT", "RUS", "UKR")),
        ("Syrian gunboats fired at targets in Beirut.", ("ASSAULT", "SYR", "LBN")),
        ("Turkish police opened fire on Kurdish demonstrators in Ankara.", ("ASSAULT", "TUR", "TUR")),
        ("Germany supplied tanks to Ukraine.", ("AID", "DEU", "UKR")),
    ],
)
def test_code_reads_military_instruments_as_the_armed_forces(
    nlp: Language, coder: EventCoder, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in dyads(code(nlp, coder, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ethnic Turks in Sweden demonstrated on Friday.", ("PROTEST", "SWE", "SWE")),
        (
            "The Albanians of northern Greece are demanding autonomy from the Greek government.",
            ("REQUEST", "GRC", "GRC"),
        ),
        ("Ethnic Albanian rebels in Macedonia attacked a police station.", ("ASSAULT", "MKD", "MKD")),
        (
            "Hundreds of ethnic Hungarians protested against the Slovak government's language law.",
            ("PROTEST", "SVK", "SVK"),
        ),
    ],
)
def test_code_places_ethnic_groups_in_the_country_they_live_in(
    nlp: Language, coder: EventCoder, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in dyads(code(nlp, coder, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dock workers in London stopped work on Monday.", ("PROTEST", "GBR", "GBR")),
        ("Spain and Morocco restored diplomatic ties.", ("SUPPORT", "ESP", "MAR")),
        ("The Kenyan president welcomed visitors from Uganda.", ("CONSULT", "KEN", "UGA")),
        ("Britain is opposed to the French plan.", ("REJECT", "GBR", "FRA")),
        ("Serbian troops were engaged in ethnic cleansing against Albanians in Kosovo.", ("ASSAULT", "SRB", "XKX")),
        ("Russian and Chinese warships began joint naval exercises.", ("COOPERATE", "RUS", "CHN")),
        ("A Chilean court indicted two Peruvian generals.", ("ACCUSE", "CHL", "PER")),
    ],
)
def test_code_reads_further_verb_senses(
    nlp: Language, coder: EventCoder, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in dyads(code(nlp, coder, text))


def test_code_leaves_out_an_event_told_in_a_relative_clause(nlp: Language, coder: EventCoder) -> None:
    text = "Jordan complained to Syria about two raids in which ten Jordanian farmers were killed."
    assert dyads(code(nlp, coder, text)) == {("ACCUSE", "JOR", "SYR")}


@pytest.mark.parametrize(
    "text",
    [
        "Chile accused Peru of selling rifles to Bolivia, which both Bolivia and Peru have rejected.",
        "Poland blamed Minsk for a border incident, a charge Belarus denied.",
    ],
)
def test_code_drops_a_state_acting_on_itself(nlp: Language, coder: EventCoder, text: str) -> None:
    assert all(who(e.source) != who(e.target) or e.source.code.sector for e in code(nlp, coder, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Latvia accused Belarus of supplying Russia with artillery shells.", ("AID", "BLR", "RUS")),
        ("Several Baltic governments accuse Belarus of sending weapons to Russia.", ("AID", "BLR", "RUS")),
    ],
)
def test_code_marks_the_accused_action_alleged(
    nlp: Language, coder: EventCoder, text: str, expected: tuple[str, str, str]
) -> None:
    accused = [e for e in code(nlp, coder, text) if (e.event_type, who(e.source), who(e.target)) == expected]
    assert accused and all(e.modality == "alleged" for e in accused)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Ethiopian-led forces shelled rebel positions in Somalia.", "ETH"),
        ("Kenyan-led troops attacked an al-Shabaab camp in Somalia.", "KEN"),
    ],
)
def test_code_gives_nation_led_forces_to_the_leading_nation(
    nlp: Language, coder: EventCoder, text: str, source: str
) -> None:
    assert source in {who(e.source) for e in code(nlp, coder, text) if e.event_type == "ASSAULT"}
