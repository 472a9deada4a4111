"""The PETRARCH2 verb dictionary reader, the CAMEO -> PLOVER mapping and the second lexicon layer."""

from __future__ import annotations

import pytest
from spacy.language import Language

from worldorder.coding.cameo_dictionary import (
    Codes,
    PloverCodes,
    VerbDictionary,
    read_codes,
    read_plover_table,
    read_verb_dictionary,
    shipped_dictionary,
    shipped_index,
)
from worldorder.coding.event_types import EventTypeTable, ModeCode
from worldorder.coding.triggers import TriggerLexicon

SNIPPET = """\
# a hand-written dictionary in PETRARCH2's format
####### SYNONYM SETS #######
&GRAIN
+WHEAT
+BARLEY
+FLOUR_      # no plural
+RICE_PADDY

&HELPERS_
+MEDIC
+NURSE

####### VERB PATTERNS #######
---  HAUL   [---]  ---
HAUL
CARRY {CARRIES CARRYING CARRIED }
+FERRY_OVER {+FERRIES_OVER +FERRIED_OVER }  [073]
- * &GRAIN                          [073]   # HAUL
- * &HELPERS (TO FRONT)             [074:0861]   # CARRY
- &HELPERS * PATIENTS               [:070]   # CARRY
- * {SCRAP METAL}                   [---]   # HAUL
- $ * +                             [042]   # only TABARI marks
- * &UNDEFINED                      [190]   # an unknown set

---  GREET   [051]  ---
GREET
HAIL  [050!]
WIRE_+TAP

######## TRANSFORMATIONS ##########
~ a (a b ATTACK) SAY = a b 015
"""


@pytest.fixture(scope="module")
def snippet() -> VerbDictionary:
    return read_verb_dictionary(SNIPPET)


def test_synonym_sets_generate_plurals_unless_marked(snippet: VerbDictionary) -> None:
    grain = snippet.synonyms["grain"]
    assert ("wheat",) in grain and ("wheats",) in grain
    assert ("flour",) in grain and ("flours",) not in grain
    assert ("rice", "paddy") in grain and ("rice", "paddies") in grain
    helpers = snippet.synonyms["helpers"]  # the set name ends in "_": no plurals
    assert helpers == frozenset({("medic",), ("nurse",)})


def test_verb_lines_read_irregular_forms_codes_and_multi_word_verbs(snippet: VerbDictionary) -> None:
    verbs = {(v.base, v.words): v for v in snippet.verbs}
    assert {"carries", "carrying", "carried"} <= verbs[("carry", ())].forms
    assert {"hauls", "hauled", "hauling"} <= verbs[("haul", ())].forms  # regular forms generated
    ferry = verbs[("ferry", ("over",))]
    assert ferry.codes == Codes("073", "073") and "ferried" in ferry.forms
    assert ("tap", ("wire",)) in verbs  # the "+" marks the inflecting word
    assert verbs[("hail", ())].codes == Codes("050", "050")  # stray "!" dropped
    assert verbs[("greet", ())].default == Codes("051", "051")  # the block's default
    assert verbs[("haul", ())].default == Codes(None, None)  # [---]


def test_patterns_read_sets_phrases_and_prepositions(snippet: VerbDictionary) -> None:
    block = next(v.block for v in snippet.verbs if v.base == "haul")
    texts = [p.text for p in block.patterns]
    assert len(block.patterns) == 4  # the TABARI-only and the unknown-set patterns are left out
    grain, helpers_to_front, passive_only, no_event = block.patterns
    assert grain.after[0].alternatives == snippet.synonyms["grain"]
    assert helpers_to_front.preps[0].prep == "to" and helpers_to_front.codes == Codes("074", "0861")
    assert passive_only.before and passive_only.codes == Codes(None, "070")
    assert no_event.codes == Codes(None, None) and len(no_event.after) == 2
    assert all("#" not in t for t in texts)


@pytest.mark.parametrize(
    ("field", "codes"),
    [
        ("042:043", Codes("042", "043")),
        (":173", Codes(None, "173")),
        ("---", Codes(None, None)),
        ("0871", Codes("0871", "0871")),
    ],
)
def test_codes_read_active_and_passive_readings(field: str, codes: Codes) -> None:
    assert read_codes(field) == codes


def test_the_plover_table_skips_headings() -> None:
    table = read_plover_table("17: COERCE\n173: COERCE, arrest, legal # Arrest\n191: COERCE, restrict, military # x\n")
    assert table == {"173": "COERCE", "191": "COERCE"}


@pytest.fixture(scope="module")
def codes() -> PloverCodes:
    return PloverCodes.load(EventTypeTable.load())


@pytest.mark.parametrize(
    ("cameo", "event_type", "mode"),
    [
        ("173", "COERCE", "arrest"),
        ("1823", "ASSAULT", "beat"),  # the nearest mode above it in CAMEO's tree
        ("0231", "REQUEST", "appeal"),  # CAMEO 02 is dropped by PLOVER, appeal in our scheme
        ("1041", "REQUEST", "demand"),
        ("057", "AGREE", "sign"),  # our scheme's placing of the exact code wins
        ("0871", "RETREAT", "ceasefire"),  # three of our types have it: CAMEO2PLOVER decides
        ("191", "COERCE", None),  # root taken from the code, not the heading it sits under
        ("040", "CONSULT", None),  # not "invite": that mode only borrows the code
    ],
)
def test_cameo_codes_map_to_our_types_and_modes(codes: PloverCodes, cameo: str, event_type: str, mode: str) -> None:
    event = codes.event(cameo)
    assert event is not None and (event.event_type, event.mode) == (event_type, mode)


def test_statements_code_no_event(codes: PloverCodes) -> None:
    assert codes.event("010") is None and codes.event("015") is None


def test_the_shipped_dictionary_is_read_once() -> None:
    assert shipped_dictionary() is shipped_dictionary()
    assert len({v.block.name for v in shipped_dictionary().verbs}) > 350
    assert "detain" in shipped_index()


@pytest.fixture(scope="module")
def layered() -> TriggerLexicon:
    return TriggerLexicon.load()


@pytest.mark.parametrize(
    ("text", "verb", "event_type", "cameo"),
    [
        ("The navy rushed two frigates to the border.", "rushed", "MOBILIZE", "154"),
        ("The prosecutor looked into the charges against the mayor.", "looked", "ACCUSE", "090"),
        ("Students hurled stones at the soldiers.", "hurled", "ASSAULT", "182"),
    ],
)
def test_the_petrarch_layer_codes_verbs_our_entries_miss(
    nlp: Language, layered: TriggerLexicon, text: str, verb: str, event_type: str, cameo: str
) -> None:
    doc = nlp(text)
    found = {t.token.text: t.rule for t in layered.find(doc[:])}
    rule = found[verb]
    assert (rule.event_type, rule.cameo) == (event_type, cameo)
    assert rule.rule_id.startswith(f"cameo:{rule.lemma}:")
    assert not TriggerLexicon.load(petrarch=False).find(doc[:])  # our own entries alone miss it


def test_own_entries_win(nlp: Language, layered: TriggerLexicon) -> None:
    found = layered.find(nlp("Police detained the opposition leader.")[:])
    assert [t.rule.source for t in found] == ["own"]


def test_a_pattern_code_travels_with_the_rule(nlp: Language, layered: TriggerLexicon) -> None:
    rule = next(iter(layered.find(nlp("The navy rushed two frigates to the border.")[:]))).rule
    assert rule.code(ModeCode("150", -7.2)).cameo == "154"
    assert rule.code(ModeCode("150", -7.2)).quad_class == 4


def test_a_light_verb_needs_a_pattern(nlp: Language, layered: TriggerLexicon) -> None:
    assert not layered.find(nlp("The ministers want more time.")[:])
