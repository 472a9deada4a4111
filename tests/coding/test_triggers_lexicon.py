"""Lexicon entries and their conditions, in sentences written for these tests (real spaCy model)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.coding.support import code, dyads
from worldorder.coding.events import EventCoder
from worldorder.coding.triggers import TriggerLexicon, TriggerRule
from worldorder.model import Event

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def lexicon() -> TriggerLexicon:
    return TriggerLexicon.load()


def typed(events: list[Event]) -> set[tuple[str, str | None]]:
    return {(e.event_type, e.mode) for e in events}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # CAMEO 090: inspectors sent to a country investigate it
        ("The IAEA sent inspectors to Syria to check the reactor.", ("ACCUSE", "IAEA", "SYR")),
        ("The UN dispatched investigators to Myanmar.", ("ACCUSE", "UN", "MMR")),
        # CAMEO 045: a mediation mission between two parties
        ("Egypt's foreign minister undertook a mediation mission between Jordan and Syria.", ("CONSULT", "EGY", "JOR")),
        # CAMEO 0861/0862: receiving observers is allowing international involvement
        ("Nepal received a team of observers from the UN.", ("RETREAT", "NPL", "UN")),
        # CAMEO 073: evacuating the wounded is humanitarian aid
        ("Canadian helicopters evacuated the wounded from the Syrian town of Homs.", ("AID", "CAN", "SYR")),
        # CAMEO 166: forcing an agency out of the country
        ("Peru forced the UN agency out of the country.", ("SANCTION", "PER", "UN")),
        # CAMEO 138: a vow to fight threatens force
        ("Militants vowed to fight the Ethiopian army.", ("THREATEN", "ETH", "ETH")),
        # CAMEO 17x: an order to stop is enforced
        ("The Ugandan government ordered the Kenyan newspaper to suspend publication.", ("COERCE", "UGA", "KEN")),
        # CAMEO 183: setting off bombs
        ("Somali militants detonated a string of bombs in the Kenyan town of Garissa.", ("ASSAULT", "SOM", "KEN")),
        (
            "Syrian militants exploded a car bomb outside a police station in southern Turkey.",
            ("ASSAULT", "SYR", "TUR"),
        ),
        ("Bombs were detonated by Libyan gunmen in the Tunisian town of Ben Guerdane.", ("ASSAULT", "LBY", "TUN")),
        # 'set off' bombs: coded by the PETRARCH2 layer (SET_OFF + &BOMB)
        ("Chadian rebels set off several bombs in the Sudanese town of Geneina.", ("ASSAULT", "TCD", "SDN")),
    ],
)
def test_entries_code_type_and_dyad(
    nlp: Language, coder: EventCoder, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in dyads(code(nlp, coder, text))


@pytest.mark.parametrize(
    ("text", "event_type", "absent"),
    [
        # CAMEO 15x: getting ready to attack is a show of force, the attack is only its content
        ("The Kenyan army prepared to resume shelling Somali positions.", "MOBILIZE", "ASSAULT"),
        # CAMEO 153/154: ordering patrols out
        ("The Chilean government ordered patrols by police.", "MOBILIZE", "REQUEST"),
        # CAMEO 1662: withdrawing inspectors, announced, is a threat to sanction
        ("The UN will withdraw its inspectors from Syria.", "THREATEN", "AGREE"),
        # CAMEO 162: banning aid is a sanction, not coercion
        ("Japan announced it would prohibit all aid to Myanmar.", "THREATEN", "COERCE"),
        # "decided to allow" tells the decision taken, not a pledge
        ("Sudan decided to allow Chadian observers to enter.", "CONCEDE", "AGREE"),
    ],
)
def test_entries_choose_the_type(nlp: Language, coder: EventCoder, text: str, event_type: str, absent: str) -> None:
    types = {t for t, _ in typed(code(nlp, coder, text))}
    assert event_type in types
    assert absent not in types


def test_kidnapping_is_coercion_as_in_the_gold_standard(nlp: Language, coder: EventCoder) -> None:
    assert ("COERCE", "MLI", "CHN") in dyads(code(nlp, coder, "Rebels in Mali have kidnapped four Chinese engineers."))


def test_press_release_is_no_release(nlp: Language, lexicon: TriggerLexicon) -> None:
    doc = nlp("The Tamil rebels said in a press release that talks would resume.")
    assert not [t for t in lexicon.find(next(doc.sents)) if t.token.lower_ == "release"]


def test_release_of_prisoners_is_still_a_release(nlp: Language, lexicon: TriggerLexicon) -> None:
    rule = lexicon.match(nlp("The release of the prisoners began.")[1])
    assert rule is not None and rule.event_type == "RETREAT"


def test_complements_condition_reads_the_to_clause(nlp: Language, lexicon: TriggerLexicon) -> None:
    harmful = lexicon.match(nlp("Rebels vowed to retaliate.")[1])
    friendly = lexicon.match(nlp("Rebels vowed to cooperate.")[1])
    assert harmful is not None and harmful.event_type == "THREATEN"
    assert friendly is not None and friendly.event_type == "AGREE"


def test_particle_object_counts_as_object(nlp: Language, lexicon: TriggerLexicon) -> None:
    rule = lexicon.match(nlp("Iran put its forces on alert.")[1])
    assert rule is not None and (rule.event_type, rule.mode) == ("MOBILIZE", "alert")


@pytest.mark.parametrize(
    "text",
    [
        "The Zambian interior minister has declined to resign despite the scandal.",
        "President Hichilema of Zambia has reneged on his promise to hold a referendum.",
    ],
)
def test_untargeted_refusal_is_domestic(nlp: Language, coder: EventCoder, text: str) -> None:
    assert ("REJECT", "ZMB", "ZMB") in dyads(code(nlp, coder, text))


def test_possible_sanction_is_a_threat(nlp: Language, coder: EventCoder) -> None:
    assert ("THREATEN", "AU", "MLI") in dyads(code(nlp, coder, "The African Union may halt aid to Mali."))


def test_sworn_to_fight_is_a_threat(nlp: Language, coder: EventCoder) -> None:
    events = code(nlp, coder, "Kurdish rebels have sworn to fight until they control the Turkish border towns.")
    assert {e.event_type for e in events} == {"THREATEN"}


def test_bombers_blowing_themselves_up_is_an_assault(nlp: Language, coder: EventCoder) -> None:
    events = code(nlp, coder, "Two Chechen suicide bombers blew themselves up in Moscow.")
    assert typed(events) == {("ASSAULT", "explosives")}


def test_lifting_a_blockade_is_a_retreat(nlp: Language, coder: EventCoder) -> None:
    events = code(nlp, coder, "The Ethiopian army lifted its blockade of the Eritrean port.")
    assert ("RETREAT", "ETH", "ERI") in dyads(events)
    assert "CONCEDE" not in {e.event_type for e in events}


def test_restrictions_imposed_are_coercion_and_planned_ones_a_threat(nlp: Language, coder: EventCoder) -> None:
    done = code(nlp, coder, "Hungary imposed restrictions on Romanian truckers.")
    planned = code(nlp, coder, "Hungary plans to impose restrictions on Romanian truckers.")
    assert ("COERCE", "HUN", "ROU") in dyads(done)
    assert ("THREATEN", "HUN", "ROU") in dyads(planned)


def test_particle_may_mark_the_governed_clause(nlp: Language, coder: EventCoder) -> None:
    events = code(nlp, coder, "Britain is pushing hard for Germany to support its debt plan.")
    assert ("REQUEST", "GBR", "DEU") in dyads(events)
    assert "SUPPORT" not in {e.event_type for e in events}


def test_a_trigger_compound_of_another_is_its_modifier(nlp: Language, lexicon: TriggerLexicon) -> None:
    doc = nlp("Kenyan and Ugandan troops held joint war games near the border.")
    assert {t.rule.event_type for t in lexicon.find(next(doc.sents))} == {"COOPERATE"}


def test_counted_objects_meet_object_conditions(nlp: Language, lexicon: TriggerLexicon) -> None:
    rule = lexicon.match(nlp("The army has been holding thousands of civilians in the camp.")[4])
    assert rule is not None and (rule.event_type, rule.mode) == ("COERCE", "arrest")


def test_hearing_into_is_an_investigation(nlp: Language, coder: EventCoder) -> None:
    events = code(nlp, coder, "Kenya's high court opened a hearing into the detention of Ugandan activists.")
    assert ("ACCUSE", "investigate") in typed(events)


def test_shipping_out_peacekeepers_is_a_sanction(nlp: Language, coder: EventCoder) -> None:
    events = code(nlp, coder, "The UN shipped out its peacekeepers from the Congolese town of Goma.")
    assert ("SANCTION", "UN", "COD") in dyads(events)


def test_a_ceasefire_monitored_is_no_ceasefire_declared(nlp: Language, lexicon: TriggerLexicon) -> None:
    doc = nlp("African Union troops were sent to the region to monitor a ceasefire between Sudan and Chad.")
    assert "RETREAT" not in {t.rule.event_type for t in lexicon.find(next(doc.sents))}


@pytest.mark.parametrize(
    ("text", "types"),
    [
        # the condition of a threat's content belongs to the threat
        ("Turkey threatened to launch an offensive unless Syria accepted its conditions.", {"THREATEN"}),
        # a war fled from is a backdrop, not an event told
        ("Thousands of Sudanese refugees fled the war into Chad.", set()),
        # CAMEO 15x: preparing an offensive is a show of force
        ("The Azerbaijani army is preparing a major offensive against Armenian positions.", {"MOBILIZE"}),
        # CAMEO 045: brokering a truce is mediating it
        ("Qatar brokered a truce between Israel and Hamas.", {"CONSULT"}),
    ],
)
def test_precedence_and_entries_choose_the_events(
    nlp: Language, lexicon: TriggerLexicon, text: str, types: set[str]
) -> None:
    assert {t.rule.event_type for t in lexicon.find(next(nlp(text).sents))} == types


def test_closing_a_border_is_coercion_and_an_embassy_a_sanction(nlp: Language, coder: EventCoder) -> None:
    assert ("COERCE", "TUR", "IRN") in dyads(code(nlp, coder, "Turkey closed its border with Iran."))
    assert ("SANCTION", "LTU", "BLR") in dyads(code(nlp, coder, "Lithuania closed its embassy in Belarus."))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia ordered its troops to leave the Georgian town of Gori.", ("RETREAT", "RUS", "GEO")),
        ("The Kenyan president ordered troops to the border with Somalia.", ("MOBILIZE", "KEN", "SOM")),
    ],
)
def test_orders_to_troops(nlp: Language, coder: EventCoder, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in dyads(code(nlp, coder, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hamas launched rockets at Israel.", ("ASSAULT", "PSE", "ISR")),
        ("Russian artillery pounded Ukrainian positions near Bakhmut.", ("ASSAULT", "RUS", "UKR")),
        ("Israel ruled out talks with Hamas.", ("REJECT", "ISR", "PSE")),
        ("The Chinese foreign minister lambasted Japan over the visit.", ("ACCUSE", "CHN", "JPN")),
    ],
)
def test_common_news_verbs(nlp: Language, coder: EventCoder, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in dyads(code(nlp, coder, text))


def test_hunger_strike_has_its_own_mode(nlp: Language, lexicon: TriggerLexicon) -> None:
    rule = lexicon.match(nlp("Kurdish prisoners began a hunger strike.")[5])
    assert rule is not None and (rule.event_type, rule.mode) == ("PROTEST", "hunger-strike")


@pytest.mark.parametrize(
    "text", ["The new president vowed to fight corruption.", "The minister pledged to fight against poverty."]
)
def test_a_vow_against_a_social_ill_is_no_threat(nlp: Language, lexicon: TriggerLexicon, text: str) -> None:
    assert "THREATEN" not in {t.rule.event_type for t in lexicon.find(next(nlp(text).sents))}


@pytest.mark.parametrize(
    "text", ["The Kenyan minister declined to comment.", "A Ugandan official refused to be named."]
)
def test_declining_to_comment_is_no_refusal(nlp: Language, lexicon: TriggerLexicon, text: str) -> None:
    assert "REJECT" not in {t.rule.event_type for t in lexicon.find(next(nlp(text).sents))}


def test_declining_to_discuss_tells_no_meeting(nlp: Language, lexicon: TriggerLexicon) -> None:
    doc = nlp("The Jordanian minister declined to discuss details of the trip.")
    assert not lexicon.find(next(doc.sents))


def test_insisting_on_is_a_demand_but_insisting_that_is_a_statement(nlp: Language, lexicon: TriggerLexicon) -> None:
    demand = lexicon.match(nlp("Chile insisted on the release of the fishermen.")[1])
    statement = lexicon.match(nlp("Chile insisted the unrest was local.")[1])
    assert demand is not None and demand.event_type == "REQUEST"
    assert statement is None


def test_insisting_that_with_a_subjunctive_is_a_demand(nlp: Language, lexicon: TriggerLexicon) -> None:
    rule = lexicon.match(nlp("Chile insisted that Peru release the fishermen.")[1])
    assert rule is not None and rule.event_type == "REQUEST"


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        # CAMEO 062: manoeuvres held together are military cooperation
        ("Kenya and Tanzania held naval drills off Mombasa.", "COOPERATE"),
        ("The Indian navy staged military exercises with Vietnam.", "COOPERATE"),
        ("Chilean and Peruvian frigates began a week of war games in the Pacific.", "COOPERATE"),
        # CAMEO 150: held alone, a show of military power
        ("Pakistan held military exercises near the Indian border.", "MOBILIZE"),
    ],
)
def test_military_exercises_joint_or_alone(nlp: Language, lexicon: TriggerLexicon, text: str, event_type: str) -> None:
    assert {t.rule.event_type for t in lexicon.find(next(nlp(text).sents))} == {event_type}


def test_a_span_of_talks_is_the_verbs_argument(nlp: Language, coder: EventCoder) -> None:
    events = code(nlp, coder, "Chile and Bolivia held two days of talks in Lima.")
    assert ("CONSULT", "meet") in typed(events)


def test_peacekeepers_deployed_are_aid(nlp: Language, coder: EventCoder) -> None:
    events = code(nlp, coder, "Rwanda deployed peacekeepers in the Central African Republic.")
    assert ("AID", "RWA", "CAF") in dyads(events)
    assert ("AID", "peacekeepers") in typed(events)


def test_hosting_talks_between_two_parties_is_mediation(nlp: Language, coder: EventCoder) -> None:
    events = code(nlp, coder, "Angola has hosted talks between Rwanda and Congo.")
    assert typed(events) == {("CONSULT", "mediate")}
    assert ("CONSULT", "AGO", "RWA") in dyads(events)


@pytest.mark.parametrize(
    "text",
    ["The Egyptian president has restored political freedoms in Egypt.", "Tunisia expanded the rights of the press."],
)
def test_widening_freedoms_is_a_concession(nlp: Language, coder: EventCoder, text: str) -> None:
    events = code(nlp, coder, text)
    assert ("CONCEDE", "ease-restrictions") in typed(events)


def test_shortening_a_curfew_is_a_concession(nlp: Language, coder: EventCoder) -> None:
    events = code(nlp, coder, "The Ugandan army shortened the curfew in Kampala.")
    assert ("CONCEDE", "UGA", "UGA") in dyads(events)


def test_protesting_that_a_party_fails_is_an_accusation(nlp: Language, coder: EventCoder) -> None:
    events = code(nlp, coder, "Kenyan lawyers protested that the Ugandan police were ignoring court orders.")
    assert ("ACCUSE", "KEN", "UGA") in dyads(events)
    assert "PROTEST" not in {e.event_type for e in events}


@pytest.mark.parametrize(
    "text",
    ["Serb militiamen set fire to the offices of an Albanian party.", "Serb militiamen burned down Albanian homes."],
)
def test_burning_property_is_coercion(nlp: Language, coder: EventCoder, text: str) -> None:
    assert ("COERCE", "SRB", "ALB") in dyads(code(nlp, coder, text))


def test_a_vow_not_to_do_something_is_a_refusal(nlp: Language, coder: EventCoder) -> None:
    events = code(nlp, coder, "The Ethiopian prime minister vowed not to hand the port back to Eritrea.")
    assert ("REJECT", "ETH", "ERI") in dyads(events)
    assert "AGREE" not in {e.event_type for e in events}


def test_subject_condition_reads_what_names_the_subject(nlp: Language) -> None:
    rule = TriggerRule(lemma="arrive", pos="verb", event_type="AID", subjects=frozenset({"peacekeeping"}))
    doc = nlp("The first contingent of Nepalese peacekeeping troops arrived in Lebanon.")
    other = nlp("The first contingent of Nepalese tourists arrived in Lebanon.")
    assert rule.accepts(next(t for t in doc if t.lemma_ == "arrive"))
    assert not rule.accepts(next(t for t in other if t.lemma_ == "arrive"))


@pytest.mark.parametrize(
    "text",
    [
        "The Sudanese army arrested Chadian rebels for violating the truce.",
        "Peru arrested a Chilean engineer for collaborating with Bolivia.",
    ],
)
def test_prepositional_gerund_is_content(nlp: Language, lexicon: TriggerLexicon, text: str) -> None:
    assert len(lexicon.find(next(nlp(text).sents))) == 1


@pytest.mark.parametrize(
    ("text", "mobilized"),
    [("Armenia mobilized thousands of reservists.", True), ("Qatar mobilized lobby groups in Washington.", False)],
)
def test_mobilizing_is_of_forces(nlp: Language, lexicon: TriggerLexicon, text: str, mobilized: bool) -> None:
    assert ("MOBILIZE" in {t.rule.event_type for t in lexicon.find(next(nlp(text).sents))}) is mobilized


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # CAMEO 196 (ASSAULT in CAMEO2PLOVER): violating a ceasefire
        ("Azerbaijani forces violated the ceasefire with Armenia.", ("ASSAULT", "violate-ceasefire")),
        # CAMEO 201 (ASSAULT in CAMEO2PLOVER): driving a population from its homes
        ("Burmese troops forced out thousands of Rohingya villagers.", ("ASSAULT", "mass-expulsion")),
        # CAMEO 166: an agency or mission forced out is still expelled
        ("The Sudanese government forced UN peacekeepers out of Darfur.", ("SANCTION", "expel")),
        ("The Ethiopian government forced the UN children's agency out of Tigray.", ("SANCTION", "expel")),
        ("Mali's junta forced out the UN stabilisation mission last year.", ("SANCTION", "expel")),
        ("The Tanzanian authorities forced out the UN refugee office in Kigoma.", ("SANCTION", "expel")),
    ],
)
def test_cameo2plover_assault_conventions(nlp: Language, lexicon: TriggerLexicon, text: str, expected: tuple) -> None:
    assert {(t.rule.event_type, t.rule.mode) for t in lexicon.find(next(nlp(text).sents))} == {expected}


def test_a_mandative_clause_tells_what_is_asked_not_an_event(nlp: Language, lexicon: TriggerLexicon) -> None:
    doc = nlp("The World Bank repeated its call today that Egypt lift restrictions on wheat imports.")
    assert "CONCEDE" not in {t.rule.event_type for t in lexicon.find(next(doc.sents))}


def test_a_plain_present_that_clause_is_still_an_event(nlp: Language, lexicon: TriggerLexicon) -> None:
    doc = nlp("Kenya said that the rebels attack villages every night.")
    assert "ASSAULT" in {t.rule.event_type for t in lexicon.find(next(doc.sents))}


@pytest.mark.parametrize(
    ("text", "types"),
    [
        # a verb conjoined to a trigger's content is content too
        ("The Somali militia refused to let Kenyan aircraft land and evacuate the wounded.", {"REJECT"}),
        # a gerund after a trigger noun's preposition is what the noun asks
        ("Nepal rejected an Indian appeal for deploying troops along the border.", {"REJECT"}),
    ],
)
def test_content_reached_through_conjunction_or_preposition(
    nlp: Language, lexicon: TriggerLexicon, text: str, types: set[str]
) -> None:
    assert {t.rule.event_type for t in lexicon.find(next(nlp(text).sents))} == types


def test_a_noun_in_the_condition_of_an_event_is_no_event(nlp: Language, lexicon: TriggerLexicon) -> None:
    doc = nlp("The Tuareg rebels would meet the Malian envoy if he offered them a ceasefire.")
    assert {t.rule.event_type for t in lexicon.find(next(doc.sents))} == {"CONSULT"}


@pytest.mark.parametrize(
    ("text", "types"),
    [
        ("Kurdish prisoners began a hunger strike in protest of Turkey's refusal to free them.", {"PROTEST"}),
        ("The Chilean senate renewed its demand for the release of the fishermen.", {"REQUEST"}),
    ],
)
def test_an_event_noun_about_another_swallows_it(
    nlp: Language, lexicon: TriggerLexicon, text: str, types: set[str]
) -> None:
    assert {t.rule.event_type for t in lexicon.find(next(nlp(text).sents))} == types
