"""Caches keyed by document text, kept in one registry so that they can be emptied together.

Within a document the same line or paragraph is tested by several parts of the pipeline (the paragraph
builder, the segmenter, the extractors); across documents, boilerplate repeats (the quốc hiệu, "Căn cứ
Luật Tổ chức chính quyền địa phương ..."). Each cache is bounded. `clear()` empties them all: the
benchmark does so before each parse, since cycling over five documents would find every paragraph cached.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

_CACHES: list[Any] = []


def text_cache(maxsize: int) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """`functools.lru_cache(maxsize)`, registered for `clear()`. Arguments must be hashable (texts)."""

    def wrap(fn: Callable[P, R]) -> Callable[P, R]:
        cached = functools.lru_cache(maxsize=maxsize)(fn)
        _CACHES.append(cached)
        return cached  # type: ignore[return-value]

    return wrap


def clear() -> None:
    """Empty every text cache."""
    for cache in _CACHES:
        cache.cache_clear()
