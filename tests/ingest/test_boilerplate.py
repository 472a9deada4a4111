from __future__ import annotations

import pytest

from worldorder.errors import ConfigError
from worldorder.ingest.boilerplate import BoilerplateRules, blank_spans, find_boilerplate

RULES = BoilerplateRules.shipped()


@pytest.mark.parametrize(
    "line",
    [
        "Connect with us",
        "Published",
        "on",
        "Share this article",
        "Subscribe to our newsletter for daily briefings",
        "Continue Reading",
        "ADVERTISEMENT",
        "Read more: Talks stall over grain corridor",
        "Jane Doe/AFP via Getty Images",
        "Staff Photographer/Reuters",
        "Photo: Embassy press office",
        "By Maria Lopez and Tom Reed",
        "This article includes reporting from Reuters and AFP",
        "Two ministers (L) and (R) pose before the talks in Ankara, March 3, 2023.",
        "The minister said the talks would resume…",
        "Published October 12, 2024",
        "© 2024 Example News Ltd. All rights reserved.",
    ],
)
def test_boilerplate_line_is_furniture(line: str) -> None:
    assert RULES.classify(line) is not None


@pytest.mark.parametrize(
    "line",
    [
        "The foreign minister met his counterpart in Ankara on Tuesday to discuss grain exports.",
        "Sanctions on the central bank will take effect next month, the Treasury said.",
        "Tehran denied the report.",
        "Senator Jim Smith (R) said the bill would pass.",
        "Officials on both sides declined to comment on the proposed ceasefire/truce terms, citing talks.",
        "Putin meets Xi in Beijing",
    ],
)
def test_boilerplate_prose_is_kept(line: str) -> None:
    assert RULES.classify(line) is None


def test_find_boilerplate_offsets_point_into_unchanged_text() -> None:
    text = "Skip to content\n\nWorld\n\nLeaders meet in Oslo\n\nThe two leaders met on Monday.\n\nContinue Reading"
    spans = find_boilerplate(text, RULES)
    assert [text[s.start : s.end] for s in spans] == ["Skip to content", "World", "Continue Reading"]


def test_blank_spans_keeps_length_and_other_text() -> None:
    text = "Share\nThe envoy arrived in Doha.\nAdvertisement"
    blanked = blank_spans(text, find_boilerplate(text, RULES))
    assert len(blanked) == len(text)
    assert blanked.split("\n")[1] == "The envoy arrived in Doha."
    assert blanked.split("\n")[0].strip() == ""


def test_rules_reject_non_string_exact_entries() -> None:
    with pytest.raises(ConfigError, match="strings"):
        BoilerplateRules.from_mapping({"exact": [True]})
