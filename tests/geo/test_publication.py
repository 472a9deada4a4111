"""The publication's country from its web address, and what it does to ambiguous names."""

from __future__ import annotations

import pytest

from worldorder.geo import MemoryGazetteer, country_of_url, find_places

from .conftest import LONDON_GB, LONDON_ON, DocMaker


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.cbc.ca/news/story", "CAN"),
        ("https://www.rte.ie/news/2019/0101/x.html", "IRL"),
        ("http://news.bbc.co.uk/2/hi/world/1.stm", "GBR"),
        ("https://example.com.au/a", "AUS"),
        ("https://www.example.com/a", None),  # generic
        ("https://blog.example.io/a", None),  # a country code sold as a generic name
        ("not a url", None),
        (None, None),
    ],
)
def test_country_of_url_reads_country_code_domains(url: str | None, expected: str | None) -> None:
    assert country_of_url(url) == expected


def test_find_places_reads_an_ambiguous_name_in_the_publications_country(make_doc: DocMaker) -> None:
    gazetteer = MemoryGazetteer([("London", LONDON_GB), ("London", LONDON_ON)])
    doc = make_doc(["Storms", "hit", "London", "."], ["O", "O", "B-GPE", "O"])
    assert find_places(doc, gazetteer)[0].country == "GBR"
    assert find_places(doc, gazetteer, home="CAN")[0].country == "CAN"
    assert find_places(doc, gazetteer, home="CAN")[0].clue == "country"
