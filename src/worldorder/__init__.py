"""worldorder: world news into structured, explainable political event data.

The public API; everything else is internal and may change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from worldorder.config import Settings, load_settings
from worldorder.errors import ConfigError, InputError, StoreError, WorldorderError
from worldorder.model import ActorCode, ActorMention, Article, CodedArticle, Event, Mention, Place, TimeExpression

if TYPE_CHECKING:
    from worldorder.api import extract, load_pipeline
    from worldorder.pipeline import Pipeline

__all__ = [
    "ActorCode",
    "ActorMention",
    "Article",
    "CodedArticle",
    "ConfigError",
    "Event",
    "InputError",
    "Mention",
    "Pipeline",
    "Place",
    "Settings",
    "StoreError",
    "TimeExpression",
    "WorldorderError",
    "extract",
    "load_pipeline",
    "load_settings",
]

_LAZY = {"extract": "worldorder.api", "load_pipeline": "worldorder.api", "Pipeline": "worldorder.pipeline"}


def __getattr__(name: str) -> Any:
    """Import spaCy-backed parts only when used: ``import worldorder`` stays light."""
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'worldorder' has no attribute {name!r}")
