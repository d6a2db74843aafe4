"""A registry of exporters by name (Factory) and one shared Settings object (Singleton)."""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any, ClassVar, Protocol

_NAME = re.compile(r"[a-z0-9][a-z0-9-]*")


class UnknownFormatError(LookupError):
    """No exporter is registered under that name."""


# --- given: two exporters (not to be changed) ------------------------------------------------

class Exporter(Protocol):
    def export(self, rows: Sequence[Mapping[str, object]]) -> str: ...


class CsvExporter:  # pragma: no mutate - given in the starter
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


class JsonLinesExporter:  # pragma: no mutate - given in the starter
    """One JSON object per line."""

    def __init__(self, sort_keys: bool = False) -> None:
        self.sort_keys = sort_keys

    def export(self, rows: Sequence[Mapping[str, object]]) -> str:
        return "".join(json.dumps(dict(row), sort_keys=self.sort_keys) + "\n" for row in rows)


# --- the factory -------------------------------------------------------------------------------


def _normalise(name: str) -> str:
    cleaned = name.strip().lower()
    if not _NAME.fullmatch(cleaned):
        raise ValueError(f"invalid format name {name!r}")
    return cleaned


class Registry:
    """Exporter constructors by name; create() builds a new exporter on every call."""

    def __init__(self) -> None:
        self._factories: dict[str, Callable[..., Exporter]] = {}

    def register(
        self,
        name: str,
        factory: Callable[..., Exporter] | None = None,
        *,
        replace: bool = False,
    ) -> Any:
        """register(name, factory) or, as a decorator, @register(name)."""
        key = _normalise(name)

        def add(target: Callable[..., Exporter]) -> Callable[..., Exporter]:
            if not callable(target):
                raise TypeError(f"a factory must be callable, got {target!r}")
            if key in self._factories and not replace:
                raise ValueError(f"format {key!r} is already registered")
            self._factories[key] = target
            return target

        return add if factory is None else add(factory)

    def unregister(self, name: str) -> None:
        key = _normalise(name)
        if key not in self._factories:
            raise UnknownFormatError(self._unknown(key))
        del self._factories[key]

    def create(self, name: str, **options: Any) -> Exporter:
        key = _normalise(name)
        factory = self._factories.get(key)
        if factory is None:
            raise UnknownFormatError(self._unknown(key))
        return factory(**options)

    def names(self) -> list[str]:
        return sorted(self._factories)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name.strip().lower() in self._factories

    def _unknown(self, key: str) -> str:
        return f"unknown format {key!r}; known formats: {', '.join(self.names()) or 'none'}"


# The module-level instance is the Pythonic singleton: importing the module twice still
# gives one registry.
registry = Registry()
registry.register("csv", CsvExporter)
registry.register("tsv", functools.partial(CsvExporter, delimiter="\t"))
registry.register("jsonl", JsonLinesExporter)


# --- the singleton -----------------------------------------------------------------------------


class Settings:
    """Settings() always returns the same object (one per class, subclasses included)."""

    _instances: ClassVar[dict[type, Settings]] = {}
    default_format: str

    def __new__(cls) -> Settings:
        instance = cls._instances.get(cls)
        if instance is None:
            instance = super().__new__(cls)
            # Set defaults here, once: an __init__ would run again on every Settings() call
            # and silently reset what other code changed.
            instance.default_format = "csv"
            cls._instances[cls] = instance
        return instance

    @classmethod
    def reset(cls) -> None:
        """Forget this class's instance (tests use it to start from a clean state)."""
        cls._instances.pop(cls, None)


def export(rows: Sequence[Mapping[str, object]], fmt: str | None = None, **options: Any) -> str:
    """Export with the shared registry; `fmt` defaults to Settings().default_format."""
    name = Settings().default_format if fmt is None else fmt
    return registry.create(name, **options).export(rows)
