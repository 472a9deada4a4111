"""The PLOVER event-type table: CAMEO code, quad class and Goldstein weight per type and mode.

Values ship as ``data/event_types.yaml``; see its header and docs/coding.md for where they
come from.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import yaml

PLOVER_TYPES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)
TARGET_POLICIES = ("required", "optional", "home")


# CAMEO roots by quad class, as the field uses them (GDELT, Phoenix; ../shared/eval README):
# 01-05 verbal cooperation, 06-08 material cooperation, 09-13 verbal conflict, 14-20 material conflict
QUAD_ROOTS = ((1, 5, 1), (6, 8, 2), (9, 13, 3), (14, 20, 4))


def cameo_quad_class(cameo: str) -> int:
    """The quad class of a CAMEO code, read from its two-digit root: "036" (invite) is 1, "100" is 3."""
    root = int(cameo[:2])
    return next(quad for low, high, quad in QUAD_ROOTS if low <= root <= high)


@dataclass(frozen=True, slots=True)
class ModeCode:
    """The CAMEO code and Goldstein weight of one mode of a type."""

    cameo: str
    goldstein: float

    @property
    def quad_class(self) -> int:
        """Follows the CAMEO code, so type, code and class never disagree in an export."""
        return cameo_quad_class(self.cameo)


@dataclass(frozen=True, slots=True)
class EventType:
    """One PLOVER type with its default codes and argument habits."""

    name: str
    cameo: str
    quad_class: int
    goldstein: float
    target: str  # required, optional or home (see event_types.yaml)
    symmetric: bool
    preps: frozenset[str]
    modes: Mapping[str, ModeCode] = field(default_factory=dict)
    intent: str | None = None  # the type a pledge of this event is coded as
    negated: str | None = None  # the type a refusal of this event is coded as
    object_is_thing: bool = False  # the direct object is what is moved, never the target
    venue: bool = False  # a capital where two parties meet is the venue, never a party
    # what kills when nobody is named ("a roadside bomb killed ..."): the event is coded to the
    # country where it happened, the field's convention for unknown perpetrators
    agentless_causes: frozenset[str] = frozenset()
    # modes done only by authorities ("was jailed in Turkey"): told in the passive with no agent, the
    # state where it happened did it
    state_modes: frozenset[str] = frozenset()

    def code(self, mode: str | None) -> ModeCode:
        """The CAMEO code and Goldstein weight for ``mode``, or the type's defaults."""
        if mode is not None and mode in self.modes:
            return self.modes[mode]
        return ModeCode(self.cameo, self.goldstein)


def _event_type(name: str, spec: Mapping[str, Any]) -> EventType:
    modes = {m: ModeCode(str(v["cameo"]), float(v["goldstein"])) for m, v in (spec.get("modes") or {}).items()}
    return EventType(
        name=name,
        cameo=str(spec["cameo"]),
        quad_class=int(spec["quad_class"]),
        goldstein=float(spec["goldstein"]),
        target=str(spec["target"]),
        symmetric=bool(spec["symmetric"]),
        preps=frozenset(spec.get("preps") or ()),
        modes=modes,
        intent=spec.get("intent"),
        negated=spec.get("negated"),
        object_is_thing=spec.get("object") == "thing",
        venue=bool(spec.get("venue", False)),
        agentless_causes=frozenset(str(c).lower() for c in spec.get("agentless_causes") or ()),
        state_modes=frozenset(str(m) for m in spec.get("state_modes") or ()),
    )


class EventTypeTable:
    """All 16 PLOVER types, looked up by name."""

    def __init__(self, types: Mapping[str, EventType]) -> None:
        self._types = dict(types)

    @classmethod
    def load(cls) -> EventTypeTable:
        """Read the shipped table (``data/event_types.yaml``)."""
        text = resources.files("worldorder.coding").joinpath("data/event_types.yaml").read_text("utf-8")
        raw: dict[str, Any] = yaml.safe_load(text)
        return cls({name: _event_type(name, spec) for name, spec in raw.items()})

    def __getitem__(self, name: str) -> EventType:
        return self._types[name]

    def __contains__(self, name: object) -> bool:
        return name in self._types

    def names(self) -> tuple[str, ...]:
        """Type names in table order."""
        return tuple(self._types)
