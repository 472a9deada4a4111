"""Reports whose source has no country and no group never join another report across articles."""

from __future__ import annotations

from datetime import date

import pytest

from worldorder.clusters import PlaceRef, Report, actor_key, assign, cluster_key, parse_window

KABUL = PlaceRef("Kabul", "AFG", 1138958, "city", 34.53, 69.17)


def told(n: int, event_type: str, source: str | None, target: str | None = None) -> Report:
    """Article ``a<n>``'s report of an event in Kabul on 11 October 2024."""
    return Report(f"a{n}#e1", f"a{n}", event_type, source, target, False, "asserted", parse_window("2024-10-11"),
                  KABUL, f"outlet{n}", date(2024, 10, 12), 1)  # fmt: skip


@pytest.mark.parametrize(("country", "group"), [(None, None), ("", None), (None, "")])
def test_actor_key_of_an_actor_without_country_or_group_is_none(country: str | None, group: str | None) -> None:
    assert actor_key(country, group) is None


@pytest.mark.parametrize(
    ("first", "second"),
    [
        pytest.param(told(1, "COERCE", None), told(2, "COERCE", None), id="police of unknown country, twice"),
        pytest.param(told(1, "ASSAULT", None), told(2, "ASSAULT", None), id="two agentless attacks"),
        pytest.param(told(1, "ASSAULT", None, "AFG"), told(2, "ASSAULT", None, "AFG"), id="unknown against a state"),
    ],
)
def test_assign_keeps_key_less_reports_of_the_same_day_and_place_apart(first: Report, second: Report) -> None:
    assert cluster_key(first) is None and cluster_key(second) is None
    result = assign([first, second], {}, next_id=1)
    assert [m.reason for m in result.members] == ["first report", "first report"]
    assert sorted(c.key for c in result.created.values()) == ["alone|a1#e1", "alone|a2#e1"]


def test_assign_merges_a_known_source_whatever_its_target_lacks() -> None:
    """An unnamed target counts as no target: the source's key is what makes the reports one event."""
    result = assign([told(1, "COERCE", "AFG"), told(2, "COERCE", "AFG")], {}, next_id=1)
    assert len(result.created) == 1 and result.members[1].reason.startswith("same COERCE|AFG|-|+")
