"""Plugins that ship with eventhub. The core never imports this module: these plugins use
the same extension point as anyone else's."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from eventhub.core import BasePlugin, Event

MASK = "***"


class Redact(BasePlugin):
    """Mask payload fields (personal data) and tag the event "redacted"."""

    def __init__(
        self, fields: Iterable[str], *, kinds: Iterable[str] | None = None, priority: int = 10
    ) -> None:
        raise NotImplementedError

    def transform(self, event: Event) -> Event:
        raise NotImplementedError


class Drop(BasePlugin):
    """Drop every event of the given kinds."""

    def __init__(self, kinds: Iterable[str], *, priority: int = 0) -> None:
        raise NotImplementedError

    def transform(self, event: Event) -> None:
        raise NotImplementedError


class Tag(BasePlugin):
    """Add `tag` to events (of `kinds`, for which `when` is true)."""

    def __init__(
        self,
        tag: str,
        *,
        when: Callable[[Event], bool] | None = None,
        kinds: Iterable[str] | None = None,
        priority: int = 50,
    ) -> None:
        raise NotImplementedError

    def transform(self, event: Event) -> Event:
        raise NotImplementedError
