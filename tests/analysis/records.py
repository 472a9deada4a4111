"""Hand-made relation records with the fields of the store's DyadWeight and RelationPoint."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

# Goldstein values of a few event kinds, for readable fixtures
MEET, SUPPORT, ACCUSE, ATTACK = 1.0, 3.4, -2.0, -10.0


@dataclass(frozen=True, slots=True)
class Pair:
    a: str
    b: str
    verbal_cooperation: int = 0
    material_cooperation: int = 0
    verbal_conflict: int = 0
    material_conflict: int = 0
    goldstein: float = 0.0


@dataclass(frozen=True, slots=True)
class Period:
    period: date
    verbal_cooperation: int = 0
    material_cooperation: int = 0
    verbal_conflict: int = 0
    material_conflict: int = 0
    goldstein: float = 0.0
    event_ids: tuple[int, ...] = ()


def meetings(a: str, b: str, n: int) -> Pair:
    return Pair(a, b, verbal_cooperation=n, goldstein=n * MEET * 3)


def accusations(a: str, b: str, n: int) -> Pair:
    return Pair(a, b, verbal_conflict=n, goldstein=n * ACCUSE)


def attacks(a: str, b: str, n: int) -> Pair:
    return Pair(a, b, material_conflict=n, goldstein=n * ATTACK)


def two_camps() -> list[Pair]:
    """East (AAA, BBB, CCC) and West (XXX, YYY, ZZZ): cooperation inside, accusations across."""
    return [
        meetings("AAA", "BBB", 4),
        meetings("BBB", "CCC", 2),
        meetings("AAA", "CCC", 1),
        meetings("XXX", "YYY", 3),
        meetings("YYY", "ZZZ", 2),
        accusations("XXX", "AAA", 3),
        accusations("YYY", "BBB", 2),
        attacks("ZZZ", "CCC", 1),
    ]
