"""The Python API for notebooks and scripts.

    >>> import worldorder
    >>> coded = worldorder.extract("Putin met Iran's president in Ashgabat on Friday.", published="2024-10-12")
    >>> [(e.event_type, e.source.code.country, e.target.code.country) for e in coded.events]
    [('CONSULT', 'RUS', 'IRN')]

``extract`` loads the pipeline on its first call and keeps it for later calls with the same
settings; ``load_pipeline`` gives it to you to pass around explicitly.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from functools import cache

from worldorder.config import Settings
from worldorder.ingest import make_article
from worldorder.ingest.boilerplate import BoilerplateRules, find_boilerplate
from worldorder.ingest.dates import Published, parse_published
from worldorder.ingest.language import LanguageIdentifier
from worldorder.model import CodedArticle, DateBasis, Document
from worldorder.pipeline import Pipeline


@cache
def load_pipeline(settings: Settings | None = None) -> Pipeline:
    """The analysis pipeline for ``settings`` (defaults when None), loaded once."""
    return Pipeline.load(settings or Settings())


def pipeline_for(settings: Settings) -> Pipeline:
    """The pipeline with ``settings``; its models are loaded once per process for each spaCy model,
    set of actor files and truecasing (the database path or batch size does not reload them)."""
    models = Settings(spacy_model=settings.spacy_model, actor_files=settings.actor_files, truecase=settings.truecase)
    return replace(load_pipeline(models), settings=settings)


def extract(
    text: str,
    published: date | str | None = None,
    *,
    id: str | None = None,
    title: str | None = None,
    pipeline: Pipeline | None = None,
) -> CodedArticle:
    """Events, places and dates of one article given as text (boilerplate lines are excluded)."""
    pipeline = pipeline or load_pipeline()
    order = pipeline.settings.date_order
    given = Published(day=published) if isinstance(published, date) else parse_published(published, order)
    document = Document(
        text=text,
        origin="<api>",
        kind="text",
        id=id,
        title=title,
        published=given.day,
        published_basis=DateBasis.INPUT if given.day else DateBasis.UNPARSED if given.unparsed else DateBasis.UNKNOWN,
        published_raw=given.raw,
        excluded=find_boilerplate(text, _rules()),
    )
    article = make_article(document, LanguageIdentifier(), pipeline.settings)
    [coded] = pipeline.analyse([article])
    return coded


@cache
def _rules() -> BoilerplateRules:
    return BoilerplateRules.shipped()
