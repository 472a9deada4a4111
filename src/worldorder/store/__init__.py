"""The article and event store (DuckDB); the only package with SQL."""

from worldorder.store.database import ArticleSummary, BatchResult, Store
from worldorder.store.queries import (
    ActorActivity,
    ActorRef,
    DyadWeight,
    EventDetail,
    EventFilter,
    EventSummary,
    Matches,
    MentionDetail,
    RelationPoint,
)

__all__ = [
    "ActorActivity",
    "ActorRef",
    "ArticleSummary",
    "BatchResult",
    "DyadWeight",
    "EventDetail",
    "EventFilter",
    "EventSummary",
    "Matches",
    "MentionDetail",
    "RelationPoint",
    "Store",
]
