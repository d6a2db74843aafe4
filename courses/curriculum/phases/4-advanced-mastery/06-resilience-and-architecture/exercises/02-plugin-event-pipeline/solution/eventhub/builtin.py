"""Plugins that ship with eventhub. The core never imports this module: these plugins use
the same extension point as anyone else's."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

from eventhub.core import BasePlugin, Event

MASK = "***"


def _with_tag(event: Event, tag: str) -> Event:
    return event if tag in event.tags else replace(event, tags=(*event.tags, tag))


class Redact(BasePlugin):
    """Mask payload fields (personal data) and tag the event "redacted"."""

    def __init__(
        self, fields: Iterable[str], *, kinds: Iterable[str] | None = None, priority: int = 10
    ) -> None:
        super().__init__("redact", priority=priority, kinds=kinds)
        self.fields = tuple(fields)

    def transform(self, event: Event) -> Event:
        present = [field for field in self.fields if field in event.payload]
        if not present:
            return event
        payload = dict(event.payload)  # a copy: the incoming event is never changed
        for field in present:
            payload[field] = MASK
        return _with_tag(replace(event, payload=payload), "redacted")


class Drop(BasePlugin):
    """Drop every event of the given kinds."""

    def __init__(self, kinds: Iterable[str], *, priority: int = 0) -> None:
        chosen = frozenset(kinds)
        if not chosen:
            raise ValueError("Drop needs at least one kind")
        super().__init__("drop", priority=priority, kinds=chosen)

    def transform(self, event: Event) -> None:
        return None


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
        if not tag:
            raise ValueError("a tag must not be empty")
        super().__init__(f"tag:{tag}", priority=priority, kinds=kinds)
        self.tag = tag
        self.when = when

    def transform(self, event: Event) -> Event:
        if self.when is not None and not self.when(event):
            return event
        return _with_tag(event, self.tag)
