"""Drivers that map the per-document pipeline over many inputs."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from worldorder.model import Failure

T = TypeVar("T")


def without_failures(items: Iterable[T | Failure], on_failure: Callable[[Failure], None]) -> Iterator[T]:
    """The items that are not failures; each failure goes to ``on_failure`` as it comes."""
    for item in items:
        if isinstance(item, Failure):
            on_failure(item)
        else:
            yield item
