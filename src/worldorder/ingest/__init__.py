"""Reading news as users have it: plain text, scraped pages, HTML, JSON Lines and URLs."""

from worldorder.ingest.articles import article_id, make_article
from worldorder.ingest.reader import Reader

__all__ = ["Reader", "article_id", "make_article"]
