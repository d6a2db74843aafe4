"""A registry of exporters by name (Factory) and one shared Settings object (Singleton)."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Protocol


class UnknownFormatError(LookupError):
    """No exporter is registered under that name."""


# --- given: two exporters (not to be changed) ------------------------------------------------

class Exporter(Protocol):
    def export(self, rows: Sequence[Mapping[str, object]]) -> str: ...


class CsvExporter:
    """Rows as delimited text: a header from the first row's keys, then one line per row."""

    def __init__(self, delimiter: str = ",") -> None:
        self.delimiter = delimiter

    def export(self, rows: Sequence[Mapping[str, object]]) -> str:
        if not rows:
            return ""
        columns = list(rows[0])
        lines = [self.delimiter.join(columns)]
        lines += [self.delimiter.join(str(row.get(c, "")) for c in columns) for row in rows]
        return "\n".join(lines) + "\n"


class JsonLinesExporter:
    """One JSON object per line."""

    def __init__(self, sort_keys: bool = False) -> None:
        self.sort_keys = sort_keys

    def export(self, rows: Sequence[Mapping[str, object]]) -> str:
        return "".join(json.dumps(dict(row), sort_keys=self.sort_keys) + "\n" for row in rows)


# --- the factory: your code -------------------------------------------------------------------


class Registry:
    """Exporter constructors by name; create() builds a new exporter on every call."""

    def __init__(self) -> None:
        pass  # TODO: somewhere to keep the factories

    def register(
        self,
        name: str,
        factory: Callable[..., Exporter] | None = None,
        *,
        replace: bool = False,
    ) -> Any:
        """register(name, factory) or, as a decorator, @register(name)."""
        raise NotImplementedError

    def unregister(self, name: str) -> None:
        raise NotImplementedError

    def create(self, name: str, **options: Any) -> Exporter:
        raise NotImplementedError

    def names(self) -> list[str]:
        raise NotImplementedError

    def __contains__(self, name: object) -> bool:
        raise NotImplementedError


registry = Registry()  # TODO: register "csv", "tsv" and "jsonl" on it


# --- the singleton: your code -----------------------------------------------------------------


class Settings:
    """Settings() always returns the same object (one per class, subclasses included)."""

    default_format: str

    @classmethod
    def reset(cls) -> None:
        """Forget this class's instance (tests use it to start from a clean state)."""
        raise NotImplementedError


def export(rows: Sequence[Mapping[str, object]], fmt: str | None = None, **options: Any) -> str:
    """Export with the shared registry; `fmt` defaults to Settings().default_format."""
    raise NotImplementedError
