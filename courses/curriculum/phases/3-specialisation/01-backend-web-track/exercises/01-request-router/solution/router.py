"""A tiny HTTP request router: match method + path, extract parameters, 404/405."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

_PLACEHOLDER = re.compile(r"^\{(?P<name>[^:{}]+)(?::(?P<converter>[^{}]*))?\}$")
_DIGITS = re.compile(r"^[0-9]+$")


@dataclass(frozen=True)
class Response:
    status: int
    body: object


class HTTPError(Exception):
    """Raised by handlers to answer with an error status."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(f"{status}: {message}")
        self.status = status
        self.message = message


@dataclass(frozen=True)
class _Segment:
    """One compiled path segment: a literal, or a named parameter with optional converter."""

    literal: str | None = None
    name: str | None = None
    as_int: bool = False

    def match(self, text: str) -> tuple[bool, object]:
        if self.literal is not None:
            return text == self.literal, None
        if not text:
            return False, None
        if self.as_int:
            return (True, int(text)) if _DIGITS.match(text) else (False, None)
        return True, text


def _split(path: str) -> list[str]:
    """'/a/b' -> ['a', 'b']; '/' -> []; one trailing slash is ignored."""
    if path != "/" and path.endswith("/"):
        path = path[:-1]
    return [] if path == "/" else path[1:].split("/")


def _compile(pattern: str) -> tuple[_Segment, ...]:
    if not pattern.startswith("/"):
        raise ValueError(f"pattern must start with '/': {pattern!r}")
    segments: list[_Segment] = []
    names: set[str] = set()
    for part in _split(pattern):
        found = _PLACEHOLDER.match(part)
        if found is None:
            if "{" in part or "}" in part:
                raise ValueError(f"malformed placeholder {part!r} in {pattern!r}")
            segments.append(_Segment(literal=part))
            continue
        name, converter = found.group("name"), found.group("converter")
        if not name.isidentifier():
            raise ValueError(f"placeholder name {name!r} is not an identifier")
        if name in names:
            raise ValueError(f"placeholder {name!r} repeats in {pattern!r}")
        if converter not in (None, "int"):
            raise ValueError(f"unknown converter {converter!r} in {pattern!r}")
        names.add(name)
        segments.append(_Segment(name=name, as_int=converter == "int"))
    return tuple(segments)


@dataclass(frozen=True)
class _Route:
    method: str
    pattern: str
    segments: tuple[_Segment, ...]
    handler: Callable[..., Response]

    def match_path(self, parts: list[str]) -> dict[str, object] | None:
        if len(parts) != len(self.segments):
            return None
        params: dict[str, object] = {}
        for segment, text in zip(self.segments, parts, strict=True):
            ok, value = segment.match(text)
            if not ok:
                return None
            if segment.name is not None:
                params[segment.name] = value
        return params


class Router:
    """Map (method, path pattern) pairs to handlers."""

    def __init__(self) -> None:
        self._routes: list[_Route] = []

    def add(self, method: str, pattern: str, handler: Callable[..., Response]) -> None:
        """Register `handler` for `method` requests whose path matches `pattern`."""
        method = method.upper()
        segments = _compile(pattern)
        if any(r.method == method and r.pattern == pattern for r in self._routes):
            raise ValueError(f"{method} {pattern} is already registered")
        self._routes.append(_Route(method, pattern, segments, handler))

    def dispatch(self, method: str, path: str) -> Response:
        """Find the handler for this request and return its response (or 404/405)."""
        method = method.upper()
        parts = _split(path) if path.startswith("/") else None
        if parts is None:
            return Response(404, {"error": "not found"})
        allowed: set[str] = set()
        for route in self._routes:
            params = route.match_path(parts)
            if params is None:
                continue
            if route.method != method:
                allowed.add(route.method)
                continue
            try:
                return route.handler(**params)
            except HTTPError as err:
                return Response(err.status, {"error": err.message})
        if allowed:
            return Response(405, {"error": "method not allowed", "allowed": sorted(allowed)})
        return Response(404, {"error": "not found"})
