"""Read the publication dates that inputs carry, in whatever form news archives write them.

ISO dates and timestamps are read directly; anything else goes to dateparser ("December 13,
2016 1:57PM EST", "9:43 PM, Dec 11, 2016", "DEC. 14, 2016, 2:54 AM EST", "13/12/2016").
A date is the day as the publisher wrote it, in the publisher's own time zone (as for ISO
timestamps: ``2016-12-11T21:43-05:00`` is December 11). A value that names no whole day
(``"December 2016"``, ``"yesterday"``, a list) is not guessed at: the article is kept with its
date unknown and the value as given (``published_raw``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import lru_cache

import dateparser

# Numbers are Unix timestamps (seconds, or milliseconds when larger) only inside these years;
# 12345 or 2016 as a timestamp would date an article to 1970, so they stay unparsed.
TIMESTAMP_YEARS = (1990, 2100)
# A raw value is kept for the user to see, not as a second copy of the article.
MAX_RAW_CHARS = 200
# dateparser's absolute parsers only: "2 hours ago" in an export means nothing without the export
# time, and its own timestamp parser reads 12345 as 1970.
PARSERS = ["custom-formats", "absolute-time"]


@dataclass(frozen=True, slots=True)
class Published:
    """A publication date as read: the day, or the value as given when it names no day."""

    day: date | None = None
    raw: str | None = None  # set only when the value was there but could not be read as a date

    @property
    def unparsed(self) -> bool:
        return self.day is None and self.raw is not None


def parse_published(value: object, date_order: str = "MDY") -> Published:
    """The day ``value`` names; ``Published()`` for null or empty; ``raw`` set when it names none.

    ``date_order`` (MDY, DMY, YMD) decides ambiguous numeric dates only: 05/06/2016 is May 6
    with MDY and June 5 with DMY, while 13/12/2016 is December 13 with either.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return Published()
    if isinstance(value, bool):
        return Published(raw=_raw(value))
    if isinstance(value, int | float):
        return _from_number(value)
    if not isinstance(value, str):
        return Published(raw=_raw(value))
    day = parse_day_text(value.strip(), date_order)
    return Published(day=day) if day else Published(raw=_raw(value))


def parse_day_text(text: str, date_order: str = "MDY") -> date | None:
    """The day a date string names (ISO first, then dateparser), or None."""
    return _iso_day(text) or _dateparser_day(text[:MAX_RAW_CHARS], date_order)


def _iso_day(text: str) -> date | None:
    try:
        return date.fromisoformat(text[:10]) if len(text) >= 10 else date.fromisoformat(text)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        return None


@lru_cache(maxsize=4096)
def _dateparser_day(text: str, date_order: str) -> date | None:
    """dateparser, English only (5 ms rather than 100 ms), whole days only, no relative dates."""
    settings = {
        "DATE_ORDER": date_order,
        "REQUIRE_PARTS": ["day", "month", "year"],
        "RETURN_AS_TIMEZONE_AWARE": True,  # keep the written zone: the date is the publisher's day
        "PARSERS": PARSERS,
    }
    try:
        parsed = dateparser.parse(text, languages=["en"], settings=settings)
    except Exception:  # dateparser raises odd errors (OverflowError, ValueError) on odd strings
        return None
    return parsed.date() if parsed else None


def _from_number(value: float) -> Published:
    """A YYYYMMDD number, or a Unix timestamp in seconds or milliseconds within TIMESTAMP_YEARS."""
    if not abs(value) < 1e15:  # also NaN; and no float overflow on 10**400 below
        return Published(raw=_raw(value))
    day = _compact_day(value) or _timestamp_day(value) or _timestamp_day(value / 1000)
    return Published(day=day) if day else Published(raw=_raw(value))


def _compact_day(value: float) -> date | None:
    if not float(value).is_integer() or not 19000101 <= value <= 21001231:
        return None
    try:
        return datetime.strptime(str(int(value)), "%Y%m%d").date()
    except ValueError:
        return None


def _timestamp_day(seconds: float) -> date | None:
    low, high = (datetime(year, 1, 1, tzinfo=UTC).timestamp() for year in TIMESTAMP_YEARS)
    if not low <= seconds < high:
        return None
    return datetime.fromtimestamp(seconds, UTC).date()


def _raw(value: object) -> str:
    if isinstance(value, str):
        return value.strip()[:MAX_RAW_CHARS]
    try:
        return json.dumps(value, ensure_ascii=False, default=str)[:MAX_RAW_CHARS]
    except (RecursionError, ValueError, TypeError):  # nested beyond the encoder's depth
        return f"<{type(value).__name__}>"
