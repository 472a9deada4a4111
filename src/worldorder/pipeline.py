"""From articles to coded articles: NLP, dates, places, events.

``Pipeline.analyse`` runs spaCy over a batch with ``nlp.pipe``; everything after parsing is the
per-document function ``code_document``, so any runner (serial, process pool, Dask) can map it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from worldorder.coding.actors import ActorKB
from worldorder.coding.clause_model import MODES, ClauseModel, SecondOpinion
from worldorder.coding.events import EventCoder
from worldorder.coding.homeland import complete_countries, dominant_country
from worldorder.coding.merge import merge_mentions
from worldorder.config import Settings
from worldorder.errors import ConfigError
from worldorder.geo import ArticlePlaces, Gazetteer, OfflineGazetteer, country_of_url, find_places, locate_event
from worldorder.ingest.boilerplate import blank_spans
from worldorder.model import Article, CodedArticle, DateBasis, Event, Failure, Mention, Place, TimeExpression
from worldorder.nlp import Truecaser, load_nlp, load_truecaser, pieces
from worldorder.temporal import event_date, find_dates, infer_reference_date

MAX_REASON_CHARS = 200  # a failure line names what went wrong; spaCy's messages run to paragraphs


@dataclass(frozen=True)
class Pipeline:
    """The loaded parts of the analysis: spaCy, the actor knowledge base, the coder, the gazetteer
    and the truecaser (None when ``settings.truecase`` is off)."""

    nlp: Language
    kb: ActorKB
    coder: EventCoder
    gazetteer: Gazetteer
    settings: Settings
    truecaser: Truecaser | None = None

    @classmethod
    def load(cls, settings: Settings) -> Pipeline:
        kb = ActorKB.load(settings.actor_files)
        gazetteer = OfflineGazetteer()  # one index for toponyms and for the coder's towns
        truecaser = load_truecaser(kb) if settings.truecase else None
        coder = EventCoder(kb, gazetteer, second_opinion(settings))
        return cls(load_nlp(settings.spacy_model), kb, coder, gazetteer, settings, truecaser)

    def analyse(self, articles: Sequence[Article]) -> list[CodedArticle]:
        """Coded articles, in order; skipped articles come back with no analysis."""
        coded = []
        for article, doc in self._parse(articles):
            if isinstance(doc, Exception):
                raise doc
            coded.append(self.code_document(article, doc) if doc is not None else _unanalysed(article))
        return coded

    def analyse_each(self, articles: Sequence[Article]) -> list[CodedArticle | Failure]:
        """Like ``analyse``, but an article whose analysis fails becomes a failure with a one-line reason.

        Runners use this so that one odd article never stops a batch; the failed article is not
        stored, so a later run analyses it again.
        """
        return [self._guarded(a, doc) if doc is not None else _unanalysed(a) for a, doc in self._parse(articles)]

    def _parse(self, articles: Sequence[Article]) -> list[tuple[Article, Doc | Exception | None]]:
        """Each article with its parse; None for skipped articles, the exception for one spaCy refused.

        spaCy reads the text with excluded spans blanked and the case of all-lower-case and ALL-CAPS
        lines restored, so every offset stays the original's. Texts over ``max_parse_chars`` are
        parsed in pieces and joined (``nlp.pieces``). The batch goes through ``nlp.pipe`` at once;
        should spaCy fail on it, each text is parsed alone so that only the guilty one fails.
        """
        texts = [self._readable(blank_spans(a.text, a.excluded)) for a in articles if a.skipped is None]
        try:
            parsed: list[Doc | Exception] = list(self._pipe(texts))
        except Exception:
            parsed = [self._parse_alone(text) for text in texts]
        docs = iter(parsed)
        return [(a, next(docs) if a.skipped is None else None) for a in articles]

    def _pipe(self, texts: Sequence[str]) -> Iterator[Doc]:
        limit = min(self.settings.max_parse_chars, self.nlp.max_length)
        split = [pieces.cut(text, limit) for text in texts]
        parsed = iter(self.nlp.pipe((p for each in split for p in each), batch_size=self.settings.batch_size))
        for each in split:
            yield pieces.join([next(parsed) for _ in each])

    def _parse_alone(self, text: str) -> Doc | Exception:
        try:
            [doc] = self._pipe([text])
        except Exception as exc:  # one text spaCy cannot take must not lose the batch
            return exc
        return doc

    def _readable(self, text: str) -> str:
        """The text as spaCy should read it: cased like ordinary prose, same length."""
        return self.truecaser.restore(text) if self.truecaser else text

    def _guarded(self, article: Article, doc: Doc | Exception) -> CodedArticle | Failure:
        if isinstance(doc, Exception):
            return Failure(article.origin, f"analysis failed: spaCy could not parse it: {one_line(doc)}")
        try:
            return self.code_document(article, doc)
        except Exception as exc:  # a coding bug on one article must not lose the batch
            return Failure(article.origin, f"analysis failed: {one_line(exc)}")

    def code_document(self, article: Article, doc: Doc) -> CodedArticle:
        """Everything worldorder finds in one parsed article."""
        reference, basis = reference_date(article)
        dates = find_dates(doc, reference)
        places = find_places(doc, self.gazetteer, home=country_of_url(article.url))
        around = ArticlePlaces.of(doc, places)
        dateline, home = around.dateline, dominant_country(places)
        events = [
            anchor_sentences(place_and_date(e, doc, dates, places, reference), doc.text, article.text)
            for e in self.coder.code(doc, reference)
        ]
        # actors take the country of the event's own place before the article's place fills in
        completed = [placed_by_article(complete_countries(e, dateline, home), around) for e in events]
        return CodedArticle(
            article=article,
            reference_date=reference,
            reference_basis=basis,
            events=tuple(merge_mentions(completed)),
            places=tuple(places),
            dates=tuple(dates),
            dateline=dateline,
        )


def second_opinion(settings: Settings) -> SecondOpinion | None:
    """The learned second opinion the settings ask for (``clause_model``), or None when it is off."""
    mode = settings.clause_model
    if mode == "off":
        return None
    if mode not in MODES:
        raise ConfigError(f"clause_model must be one of {', '.join(MODES)}, not {mode!r}")
    return SecondOpinion(ClauseModel.load(), mode, settings.clause_veto_at, recall_at=settings.clause_recall_at)


def reference_date(article: Article) -> tuple[date | None, DateBasis]:
    """The publication date, else the latest full explicit date in the text (inferred), else the day
    a crawler fetched the page, else unknown.

    The whole text is searched, excluded spans included: "Published Oct. 12, 2024" lines and
    photo captions are furniture, yet they are where a scraped page keeps its date. The crawl day
    comes last: news crawls fetch a page within days of publication, but a stated date is exact.
    """
    if article.published is not None:
        return article.published, article.published_basis
    inferred = infer_reference_date(article.text)
    if inferred:
        return inferred, DateBasis.TEXT
    if article.crawled is not None:
        return article.crawled.date(), DateBasis.CRAWL
    return None, DateBasis.UNKNOWN


def place_and_date(
    event: Event, doc: Doc, dates: Sequence[TimeExpression], places: Sequence[Place], reference: date | None
) -> Event:
    """The event with the date and place of its own clause (see temporal and geo)."""
    mention = event.mentions[0]
    span = doc.char_span(mention.trigger_start, mention.trigger_end, alignment_mode="expand")
    if span is None or not len(span):
        return event
    trigger = span.root.i
    value, precision, basis = event_date(doc, trigger, dates, reference)
    place, place_basis = locate_event(doc, trigger, places)
    return replace(
        event,
        date=value,
        date_precision=precision,
        date_basis=basis,
        location=place,
        location_basis=place_basis,
    )


def placed_by_article(event: Event, around: ArticlePlaces) -> Event:
    """The event, placed at the dateline or the article's place when its text names no place."""
    if event.location is not None:
        return event
    place, basis = around.fallback()
    return replace(event, location=place, location_basis=basis) if place is not None else event


def anchor_sentences(event: Event, analysed: str, original: str) -> Event:
    """Mentions whose sentence is the original text between their trimmed offsets.

    spaCy parsed the text with excluded spans blanked, so a sentence can begin with the blanks
    of a furniture line; trimming keeps offsets on the words, and reading the sentence from the
    original text makes ``text[sentence_start:sentence_end] == sentence`` hold for every mention.
    """
    mentions = tuple(_anchored(m, analysed, original) for m in event.mentions)
    return replace(event, mentions=mentions)


def _anchored(mention: Mention, analysed: str, original: str) -> Mention:
    start, end = mention.sentence_start, mention.sentence_end
    while start < end and analysed[start].isspace():
        start += 1
    while end > start and analysed[end - 1].isspace():
        end -= 1
    return replace(mention, sentence=original[start:end], sentence_start=start, sentence_end=end)


def one_line(exc: Exception) -> str:
    """An exception as one short line: its type and the first line of its message."""
    lines = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {lines[0][:MAX_REASON_CHARS] if lines else ''}".rstrip(": ")


def _unanalysed(article: Article) -> CodedArticle:
    return CodedArticle(article=article, reference_date=article.published, reference_basis=article.published_basis)


def iter_coded(pipeline: Pipeline, articles: Iterable[Article]) -> Iterable[CodedArticle | Failure]:
    """Analyse a stream of articles batch by batch; failed analyses come as failures."""
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) >= pipeline.settings.batch_size:
            yield from pipeline.analyse_each(batch)
            batch = []
    if batch:
        yield from pipeline.analyse_each(batch)
