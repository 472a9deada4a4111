"""Drivers that map the per-document pipeline over many inputs."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TypeVar

from worldorder.model import Failure

T = TypeVar("T")
# Documents per Dask task: the per-task cost (tens of ms, docs/scale.md) is noise beside the ~25 s
# a worker codes 256 documents in, and a corpus still splits into enough tasks to keep workers even.
PARTITION_SIZE = 256


@dataclass(frozen=True, slots=True)
class DaskOptions:
    """Where to run: ``workers`` local worker processes, or the cluster at ``scheduler``."""

    workers: int | None = None
    scheduler: str | None = None
    partition_size: int = PARTITION_SIZE

    @property
    def wanted(self) -> bool:
        return bool(self.workers or self.scheduler)


def without_failures(items: Iterable[T | Failure], on_failure: Callable[[Failure], None]) -> Iterator[T]:
    """The items that are not failures; each failure goes to ``on_failure`` as it comes."""
    for item in items:
        if isinstance(item, Failure):
            on_failure(item)
        else:
            yield item
