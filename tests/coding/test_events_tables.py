"""The shipped event-type table and trigger lexicon are well formed (no model needed)."""

from __future__ import annotations

import re
from importlib import resources
from typing import Any

import pytest
import yaml

from worldorder.coding.event_types import PLOVER_TYPES, TARGET_POLICIES, EventTypeTable
from worldorder.coding.modality import ModalityCues
from worldorder.coding.triggers import TriggerLexicon, TriggerRule

CAMEO_CODE = re.compile(r"\d{3,4}")
TYPES = EventTypeTable.load()
LEXICON = TriggerLexicon.load()
RULES = list(LEXICON.rules())


def test_event_types_cover_the_sixteen_plover_types() -> None:
    assert TYPES.names() == PLOVER_TYPES


@pytest.mark.parametrize("name", PLOVER_TYPES)
def test_event_type_codes_are_valid(name: str) -> None:
    event_type = TYPES[name]
    codes = [event_type.code(None), *(event_type.code(m) for m in event_type.modes)]
    assert all(CAMEO_CODE.fullmatch(c.cameo) and -10.0 <= c.goldstein <= 10.0 for c in codes)
    assert event_type.quad_class in (1, 2, 3, 4)
    assert event_type.target in TARGET_POLICIES
    assert all(isinstance(p, str) for p in event_type.preps)  # YAML 1.1 reads a bare `on` as True


@pytest.mark.parametrize("name", PLOVER_TYPES)
def test_event_type_retypes_to_known_types(name: str) -> None:
    event_type = TYPES[name]
    assert {event_type.intent, event_type.negated} <= {None, *PLOVER_TYPES}


@pytest.mark.parametrize(("name", "quad_class"), [("AGREE", 1), ("AID", 2), ("ACCUSE", 3), ("ASSAULT", 4)])
def test_event_type_quad_classes_follow_plover(name: str, quad_class: int) -> None:
    assert TYPES[name].quad_class == quad_class


def test_event_type_mode_overrides_the_default_code() -> None:
    assert TYPES["AGREE"].code("sign").cameo == "057"
    assert TYPES["AGREE"].code("no-such-mode").cameo == TYPES["AGREE"].cameo


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.rule_id)
def test_trigger_rule_names_a_known_type_and_mode(rule: TriggerRule) -> None:
    assert rule.event_type in PLOVER_TYPES
    assert rule.mode is None or rule.mode in TYPES[rule.event_type].modes
    assert rule.particle is None or isinstance(rule.particle, str)
    assert all(isinstance(p, str) for p in rule.preps | rule.objects | rule.modifiers)


@pytest.mark.parametrize("name", ["event_types.yaml", "triggers.yaml", "modality.yaml"])
def test_data_files_carry_a_provenance_header(name: str) -> None:
    text = resources.files("worldorder.coding").joinpath(f"data/{name}").read_text("utf-8")
    assert text.startswith("#") and "Provenance" in text.split("\n\n")[0]


def test_modality_cues_load_every_list() -> None:
    cues = ModalityCues.load()
    assert "say" in cues.reporting and "will" in cues.planning_auxiliaries and "unless" in cues.threat_conditions


def test_data_files_name_no_key_twice() -> None:
    """YAML keeps the last of two equal keys silently: a second entry would drop the first."""

    class Strict(yaml.SafeLoader):
        pass

    def mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict[Any, Any]:
        keys = [loader.construct_object(k) for k, _ in node.value]
        assert len(keys) == len(set(map(str, keys))), f"repeated keys near line {node.start_mark.line + 1}"
        return loader.construct_mapping(node)

    Strict.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, mapping)
    for name in ("event_types.yaml", "triggers.yaml", "modality.yaml"):
        yaml.load(resources.files("worldorder.coding").joinpath(f"data/{name}").read_text("utf-8"), Loader=Strict)
