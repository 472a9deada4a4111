from __future__ import annotations

from datetime import date

import pytest

from worldorder.clusters import (
    ClusterRules,
    PlaceRef,
    Report,
    assign,
    cluster_key,
    dates_agree,
    parse_window,
    places_agree,
)

VIENNA = PlaceRef("Vienna", "AUT", 1, "city", 48.21, 16.37)
SCHWECHAT = PlaceRef("Schwechat", "AUT", 2, "city", 48.14, 16.48)
AUSTRIA = PlaceRef("Austria", "AUT", 3, "country", 47.3, 13.3)
GENEVA = PlaceRef("Geneva", "CHE", 4, "city", 46.20, 6.15)
RULES = ClusterRules()


def make(n: int, when: str | None, place: PlaceRef | None = None, pair: tuple[str, str] = ("AUT", "IRN"),
         symmetric: bool = True, modality: str = "asserted", outlet: str = "one") -> Report:  # fmt: skip
    return Report(f"r{n}", f"a{n}", "CONSULT", pair[0], pair[1], symmetric, modality, parse_window(when), place,
                  outlet, date(2024, 10, n), 1)  # fmt: skip


@pytest.mark.parametrize(
    ("a", "b", "agree"),
    [
        ("2024-10-11", "2024-10-11", True),
        ("2024-10-11", "2024-10-12", False),
        ("2024-10", "2024-10-11", True),
        ("2024-W41", "2024-10-11", True),
        ("2024-W41", "2024-10-20", False),
        ("2024", "2024-10-11", False),
        ("2024-09", "2024-10-11", False),
        (None, "2024-10-11", False),
    ],
)
def test_dates_agree_only_within_their_precision(a: str | None, b: str, agree: bool) -> None:
    assert (dates_agree(parse_window(a), parse_window(b), RULES) is not None) is agree


@pytest.mark.parametrize(
    ("a", "b", "agree"),
    [(VIENNA, VIENNA, True), (VIENNA, SCHWECHAT, True), (VIENNA, AUSTRIA, True), (AUSTRIA, GENEVA, False),
     (VIENNA, GENEVA, False), (None, GENEVA, True)],
)  # fmt: skip
def test_places_agree_when_same_near_or_contained(a: PlaceRef | None, b: PlaceRef, agree: bool) -> None:
    assert (places_agree(a, b, RULES) is not None) is agree


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        (make(1, "2024-10-11", pair=("AUT", "IRN")), make(2, "2024-10-11", pair=("IRN", "AUT")), True),
        (make(1, "2024-10-11", symmetric=False), make(2, "2024-10-11", pair=("IRN", "AUT"), symmetric=False), False),
        (make(1, "2024-10-11"), make(2, "2024-10-11", modality="negated"), False),
        (make(1, "2024-10-11"), make(2, "2024-10-11", modality="reported"), True),
    ],
)
def test_cluster_key_orders_symmetric_pairs_and_separates_negation(first: Report, second: Report, same: bool) -> None:
    assert (cluster_key(first) == cluster_key(second)) is same


def test_assign_merges_agreeing_reports_and_explains_why() -> None:
    reports = [make(1, "2024-10-11", VIENNA), make(2, "2024-10", AUSTRIA, outlet="two"), make(3, "2024-10-11")]
    result = assign(reports, {}, next_id=7)
    [cluster] = result.created.values()
    assert (cluster.cluster_id, len(cluster.articles), len(cluster.outlets)) == (7, 3, 2)
    assert cluster.window == parse_window("2024-10-11") and cluster.place == VIENNA
    assert [m.reason.split(";")[1].strip() for m in result.members[1:]] == [
        "date 2024-10-11 in 2024-10",
        "date 2024-10-11",
    ]


def test_assign_keeps_different_days_and_places_apart() -> None:
    reports = [make(1, "2024-10-11", VIENNA), make(2, "2024-10-04", VIENNA), make(3, "2024-10-11", GENEVA)]
    assert len(assign(reports, {}, next_id=1).created) == 3


def test_assign_grows_a_stored_cluster_without_creating_one() -> None:
    stored = assign([make(1, "2024-10-11", VIENNA)], {}, next_id=1).created[1]
    result = assign([make(2, "2024-10-11")], {stored.key: [stored]}, next_id=2)
    assert not result.created and result.changed[1].articles == {"a1", "a2"}
