"""Parse the publication dates that inputs carry (ISO dates and timestamps)."""

from __future__ import annotations

from datetime import date, datetime


def parse_published(value: object) -> date | None:
    """A date from an ISO date or timestamp string; None for null or empty; ValueError otherwise."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ValueError(f"'published' must be an ISO date string, not {type(value).__name__}")
    raw = value.strip()
    try:
        return date.fromisoformat(raw[:10]) if len(raw) >= 10 else date.fromisoformat(raw)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(raw.replace("Z", "+00:00")).date()
    except ValueError as exc:
        raise ValueError(f"'published' is not an ISO date: {raw[:40]!r}") from exc
