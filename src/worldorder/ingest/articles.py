"""From a read document to a stored article: identity, language and whether to analyse it."""

from __future__ import annotations

import hashlib
from datetime import date

from worldorder.config import Settings
from worldorder.ingest.language import LanguageIdentifier
from worldorder.model import Article, DateBasis, Document

ANALYSED_LANGUAGES = frozenset({"en", "und"})


def article_id(document: Document) -> str:
    """The input id, else the canonical URL, else a hash of the text."""
    if document.id:
        return document.id
    if document.url:
        return document.url
    return "sha256:" + hashlib.sha256(document.text.encode("utf-8")).hexdigest()[:24]


def make_article(
    document: Document,
    languages: LanguageIdentifier,
    settings: Settings,
    published: date | None = None,
) -> Article:
    """The article for ``document``; ``published`` (from ``--published``) fills a missing date,
    an unreadable one too (its raw value stays in ``published_raw``)."""
    language = languages.identify(document.text, settings.language_min_chars)
    date_, basis = document.published, document.published_basis
    if date_ is None and published is not None:
        date_, basis = published, DateBasis.INPUT
    return Article(
        id=article_id(document),
        text=document.text,
        origin=document.origin,
        kind=document.kind,
        title=document.title,
        url=document.url,
        site=document.site,
        author=document.author,
        published=date_,
        published_basis=basis,
        language=language,
        skipped=None if language in ANALYSED_LANGUAGES else f"language: {language}",
        excluded=document.excluded,
        crawled=document.crawled,
        published_raw=document.published_raw,
    )
