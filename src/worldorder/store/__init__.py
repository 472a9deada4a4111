"""The article and event store (DuckDB); the only package with SQL."""

from worldorder.store.database import ArticleSummary, BatchResult, Store

__all__ = ["ArticleSummary", "BatchResult", "Store"]
