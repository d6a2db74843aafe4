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
class Event:  # pragma: no mutate - given
    kind: str
    payload: dict[str, object]
    tags: tuple[str, ...] = ()


@runtime_checkable
class Plugin(Protocol):  # pragma: no mutate - given
    """What the host needs from a plugin - nothing more. Inheriting is not required."""

    name: str
    priority: int

    def process(self, event: Event) -> Event | None: ...


# --- your code -----------------------------------------------------------------------------


class BasePlugin(ABC):
    """A convenient base (optional): filters by kind, then calls transform()."""

    def __init__(self, name: str, *, priority: int = 100, kinds: Iterable[str] | None = None):
        self.name = name
        self.priority = priority
        self.kinds = None if kinds is None else frozenset(kinds)

    def process(self, event: Event) -> Event | None:
        if self.kinds is not None and event.kind not in self.kinds:
            return event
        return self.transform(event)

    @abstractmethod
    def transform(self, event: Event) -> Event | None:
        """A new event, the same event, or None to drop it."""


class PluginHost:
    """Runs events through plugins by priority; a failing plugin never stops the pipeline."""

    def __init__(self, plugins: Iterable[Plugin] = (), *, max_errors: int = 3) -> None:
        if max_errors < 1:
            raise ValueError("max_errors must be at least 1")
        self._max_errors = max_errors
        self._plugins: list[Plugin] = []
        self._errors: dict[str, int] = {}
        self._disabled: list[str] = []
        for plugin in plugins:
            self.add(plugin)

    def add(self, plugin: Plugin) -> None:
        if not isinstance(plugin, Plugin):
            raise TypeError(f"{plugin!r} does not satisfy the Plugin protocol")
        if not isinstance(plugin.name, str) or not plugin.name:
            raise ValueError("a plugin needs a non-empty name")
        if type(plugin.priority) is not int:
            raise TypeError("priority must be an int")
        if plugin.name in self.names():
            raise ValueError(f"a plugin named {plugin.name!r} is already registered")
        self._plugins.append(plugin)
        self._plugins.sort(key=lambda p: p.priority)  # stable: ties keep the order of adding

    def load(self, spec: str) -> Plugin:
        plugin = load_plugin(spec)
        self.add(plugin)
        return plugin

    def remove(self, name: str) -> None:
        for plugin in self._plugins:
            if plugin.name == name:
                self._plugins.remove(plugin)
                self._errors.pop(name, None)
                if name in self._disabled:
                    self._disabled.remove(name)
                return
        raise KeyError(name)

    def names(self) -> list[str]:
        return [plugin.name for plugin in self._plugins]

    @property
    def errors(self) -> dict[str, int]:
        return dict(self._errors)

    @property
    def disabled(self) -> list[str]:
        return list(self._disabled)

    def run(self, event: Event) -> Event | None:
        current = event
        for plugin in self._plugins:
            if plugin.name in self._disabled:
                continue
            try:
                result = plugin.process(current)
            except Exception:
                self._failed(plugin.name)
                continue
            if result is None:
                return None
            if not isinstance(result, Event):
                self._failed(plugin.name)
                continue
            current = result
        return current

    def run_all(self, events: Iterable[Event]) -> list[Event]:
        return [out for out in map(self.run, events) if out is not None]

    def _failed(self, name: str) -> None:
        self._errors[name] = self._errors.get(name, 0) + 1
        if self._errors[name] >= self._max_errors:
            self._disabled.append(name)


def load_plugin(spec: str) -> Plugin:
    """Load the plugin named by 'package.module:attribute' (a class is instantiated)."""
    module_name, _, attribute = spec.partition(":")  # no ":" at all leaves attribute ""
    if not module_name or not attribute or ":" in attribute:
        raise ValueError(f"expected 'module:attribute', got {spec!r}")
    found = getattr(importlib.import_module(module_name), attribute)
    plugin = found() if isinstance(found, type) else found
    if not isinstance(plugin, Plugin):
        raise TypeError(f"{spec} is not a plugin")
    return plugin
