"""Inferring an article's reference date from the full dates in its text."""

from __future__ import annotations

from datetime import date

import pytest

from worldorder.temporal import infer_reference_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The treaty signed on March 3, 2019 lapsed on Oct. 11, 2024, the ministry said.", date(2024, 10, 11)),
        ("Posted 11 October 2024. Talks resume next week.", date(2024, 10, 11)),
        ("Updated: 2023-05-17 09:30 UTC", date(2023, 5, 17)),
        ("On Thursday, Sept. 5, 2024, delegates met; a follow-up is due in 2025.", date(2024, 9, 5)),
        ("The 12th of June 2022 vote was close.", date(2022, 6, 12)),
    ],
)
def test_infer_reference_date_takes_latest_full_date(text: str, expected: date) -> None:
    assert infer_reference_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Ministers met on Friday and again in March.",
        "The agreement dates from 2019.",
        "Invoice 2024-13-45 was rejected.",
        "",
    ],
)
def test_infer_reference_date_needs_a_full_date(text: str) -> None:
    assert infer_reference_date(text) is None
