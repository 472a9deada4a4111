"""HTML pages: main text and metadata with trafilatura."""

from __future__ import annotations

from typing import Any

import trafilatura

from worldorder.errors import MalformedInput
from worldorder.ingest.dates import Published, parse_published
from worldorder.model import DateBasis, Document

# The shortest news sentence runs to about 40 characters; less than that is a menu item or a
# label that trafilatura kept from a page without an article.
MIN_ARTICLE_CHARS = 40


def read_html(html: str, origin: str, url: str | None = None, date_order: str = "MDY") -> Document:
    """The article in ``html`` with its title, author, site, date and canonical URL."""
    # favor_precision drops "ADVERTISEMENT" and similar lines that default extraction keeps (NOTES.md)
    result = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, favor_precision=True, include_comments=False
    )
    meta: dict[str, Any] = result.as_dict() if result is not None and not isinstance(result, dict) else {}
    text = (meta.get("text") or "").strip()
    if len(text) < MIN_ARTICLE_CHARS:
        raise MalformedInput("HTML page holds no article text")
    published = parse_published(meta.get("date"), date_order)
    return Document(
        text=text,
        origin=origin,
        kind="html",
        title=meta.get("title") or None,
        url=meta.get("url") or url,
        site=meta.get("sitename") or meta.get("hostname") or None,
        author=meta.get("author") or None,
        published=published.day,
        published_basis=_basis(published),
        published_raw=published.raw,
    )


def _basis(published: Published) -> DateBasis:
    if published.day is not None:
        return DateBasis.METADATA
    return DateBasis.UNPARSED if published.unparsed else DateBasis.UNKNOWN
