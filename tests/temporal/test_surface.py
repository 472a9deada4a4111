"""Surface patterns that catch date expressions in raw text."""

from __future__ import annotations

import pytest

from worldorder.temporal.surface import find_matches, longest_first_disjoint, shipped_patterns


def matched(text: str) -> list[str]:
    bounds = longest_first_disjoint(find_matches(text, shipped_patterns().candidates))
    return [text[start:end] for start, end in bounds]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Envoys arrived on Tuesday, Oct. 8, 2024, for talks.", ["Tuesday, Oct. 8, 2024"]),
        ("The truce held until last Friday.", ["last Friday"]),
        ("Voting ends 3 November 2024 at noon.", ["3 November 2024"]),
        ("The ceasefire began in 2019 and collapsed yesterday.", ["2019", "yesterday"]),
        ("Sales reached 2019 units.", []),
        ("He spent 1,990 dollars in Sept. 2023.", ["Sept. 2023"]),
        ("May we ask the Sun editor on Wed about it?", []),
        ("The summit is set for Christmas Eve.", ["Christmas Eve"]),
        ("Inflation fell this month.", ["this month"]),
    ],
)
def test_surface_patterns_find_unambiguous_dates(text: str, expected: list[str]) -> None:
    assert matched(text) == expected


@pytest.mark.parametrize(
    ("bounds", "expected"),
    [([(0, 5), (0, 10), (12, 15)], [(0, 10), (12, 15)]), ([(3, 8), (5, 9)], [(3, 8)]), ([], [])],
)
def test_longest_first_disjoint_keeps_longest_of_overlaps(
    bounds: list[tuple[int, int]], expected: list[tuple[int, int]]
) -> None:
    assert longest_first_disjoint(bounds) == expected
