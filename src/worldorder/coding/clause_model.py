"""The learned second opinion: a bag-of-words text classifier that reads a sentence and says which
PLOVER type it tells, or none.

The model (``data/clause_model/``, a spaCy pipeline with one ``textcat`` component, TextCatBOW over
lower-cased unigrams and bigrams) is trained by ``scripts/train_clause_model.py`` on labels derived
only from data whose licence lets us ship what it learns: PETRARCH2's verb patterns (MIT) mapped
through PLOVER's CAMEO2PLOVER table (CC BY-SA 4.0), our own written gold (dev split) and weak labels
of our rule coder on unlabelled news (``../shared/corpus``). See docs/coding.md, "The learned second
opinion".

``ClauseModel.load()`` reads it once (about 0.1 s); ``judge`` scores a batch of sentences. The coder
uses a ``SecondOpinion`` (the model with the thresholds of one mode) to veto rule events the model
finds very unlikely and/or to keep an event where the rules found none.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import spacy
from spacy.language import Language

NONE_LABEL = "NONE"  # the sentence tells no political event
MODEL_DIR = "data/clause_model"
MODES = ("off", "veto", "recall", "both")


@dataclass(frozen=True, slots=True)
class Opinion:
    """The model's reading of one sentence: each label's probability (they sum to 1)."""

    scores: Mapping[str, float]

    @property
    def best(self) -> str:
        """The most probable PLOVER type, never ``NONE``."""
        return max((label for label in self.scores if label != NONE_LABEL), key=self.scores.__getitem__)

    @property
    def none(self) -> float:
        """How probable it is that the sentence tells no event."""
        return self.scores.get(NONE_LABEL, 0.0)

    def of(self, event_type: str) -> float:
        return self.scores.get(event_type, 0.0)


class ClauseModel:
    """The shipped classifier, loaded once; nothing is downloaded."""

    def __init__(self, nlp: Language) -> None:
        self._nlp = nlp

    @classmethod
    def load(cls, path: Path | None = None) -> ClauseModel:
        """The model shipped in the package (or one at ``path``, e.g. a freshly trained one)."""
        if path is None:
            with resources.as_file(resources.files("worldorder.coding").joinpath(MODEL_DIR)) as shipped:
                return cls(spacy.load(shipped))
        return cls(spacy.load(path))

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(self._nlp.get_pipe("textcat").labels)  # type: ignore[attr-defined]

    def judge(self, sentences: Iterable[str]) -> list[Opinion]:
        """One opinion per sentence, in order; case is ignored (the model reads lower case)."""
        docs = self._nlp.pipe(normalised(s) for s in sentences)
        return [Opinion(dict(doc.cats)) for doc in docs]


def normalised(sentence: str) -> str:
    """What the model reads: lower case, whitespace runs as one space (headlines and prose alike)."""
    return " ".join(sentence.lower().split())


@dataclass(frozen=True, slots=True)
class SecondOpinion:
    """The model with the thresholds of one mode.

    ``veto``: a rule event is dropped when the model gives its sentence no event with probability
    at least ``veto_at`` and the event's own type at most ``keep_below``. ``recall``: where the rules
    code nothing in a sentence, the model's best type is kept as an event when its probability is at
    least ``recall_at``.
    """

    model: ClauseModel
    mode: str = "recall"
    veto_at: float = 0.9
    keep_below: float = 0.05
    recall_at: float = 0.5

    def judge(self, sentences: Sequence[str]) -> list[Opinion]:
        return self.model.judge(sentences)

    def vetoes(self, opinion: Opinion, event_type: str) -> bool:
        """Whether the model finds a rule event of ``event_type`` very unlikely in its sentence."""
        if self.mode not in ("veto", "both"):
            return False
        return opinion.none >= self.veto_at and opinion.of(event_type) <= self.keep_below

    def adds(self, opinion: Opinion) -> str | None:
        """The type of an event the rules missed that the model is confident of, else None."""
        if self.mode not in ("recall", "both"):
            return None
        best = opinion.best
        return best if opinion.of(best) >= self.recall_at else None
