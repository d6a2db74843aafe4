"""The core: events, the plugin contract, and the host that runs plugins in order.

Nothing here knows any concrete plugin: new behaviour is added by writing a plugin, never by
editing this file (open for extension, closed for modification)."""

from __future__ import annotations

import importlib
from abc import ABC, abstractmethod
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

# --- given (do not change) -----------------------------------------------------------------

@dataclass(frozen=True)
class Event:
    kind: str
    payload: dict[str, object]
    tags: tuple[str, ...] = ()


@runtime_checkable
class Plugin(Protocol):
    """What the host needs from a plugin - nothing more. Inheriting is not required."""

    name: str
    priority: int

    def process(self, event: Event) -> Event | None: ...


# --- your code -----------------------------------------------------------------------------


class BasePlugin(ABC):
    """A convenient base (optional): filters by kind, then calls transform()."""

    def __init__(self, name: str, *, priority: int = 100, kinds: Iterable[str] | None = None):
        raise NotImplementedError

    def process(self, event: Event) -> Event | None:
        raise NotImplementedError

    @abstractmethod
    def transform(self, event: Event) -> Event | None:
        """A new event, the same event, or None to drop it."""


class PluginHost:
    """Runs events through plugins by priority; a failing plugin never stops the pipeline."""

    def __init__(self, plugins: Iterable[Plugin] = (), *, max_errors: int = 3) -> None:
        raise NotImplementedError

    def add(self, plugin: Plugin) -> None:
        raise NotImplementedError

    def load(self, spec: str) -> Plugin:
        raise NotImplementedError

    def remove(self, name: str) -> None:
        raise NotImplementedError

    def names(self) -> list[str]:
        raise NotImplementedError

    @property
    def errors(self) -> dict[str, int]:
        raise NotImplementedError

    @property
    def disabled(self) -> list[str]:
        raise NotImplementedError

    def run(self, event: Event) -> Event | None:
        raise NotImplementedError

    def run_all(self, events: Iterable[Event]) -> list[Event]:
        raise NotImplementedError


def load_plugin(spec: str) -> Plugin:
    """Load the plugin named by 'package.module:attribute' (a class is instantiated)."""
    raise NotImplementedError
