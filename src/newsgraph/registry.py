"""Registered, versioned stages: ``@stage("quotes.rules.v1", requires=..., assigns=...)``.

A stage is a plain function ``Article -> Article`` that does no I/O. Its name carries a version so
that a stored result says which code made it, and ``requires``/``assigns`` let the pipeline check
the order of stages before anything runs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .errors import PipelineError
from .types import Article

StageFn = Callable[[Article], Article]
BatchFn = Callable[[list[Article]], list[Article]]


@dataclass(frozen=True)
class Stage:
    name: str
    fn: StageFn
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    batch: BatchFn | None = None  # the same work on many articles at once, where that is faster

    def __call__(self, doc: Article) -> Article:
        return self.fn(doc)


STAGES: dict[str, Stage] = {}


def stage(
    name: str, *, requires: tuple[str, ...] = (), assigns: tuple[str, ...] = (), batch: BatchFn | None = None
) -> Callable[[StageFn], StageFn]:
    def register(fn: StageFn) -> StageFn:
        if name in STAGES and STAGES[name].fn is not fn:
            raise PipelineError(f"two stages are registered as {name!r}; give the new one a new version")
        STAGES[name] = Stage(name, fn, tuple(requires), tuple(assigns), batch)
        return fn

    return register


def get_stage(name: str) -> Stage:
    try:
        return STAGES[name]
    except KeyError:
        known = ", ".join(sorted(STAGES))
        raise PipelineError(f"no stage named {name!r}; registered stages: {known}") from None
