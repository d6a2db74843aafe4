"""A tiny HTTP request router: match method + path, extract parameters, 404/405."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Response:
    status: int
    body: object


class HTTPError(Exception):
    """Raised by handlers to answer with an error status."""

    def __init__(self, status: int, message: str) -> None:
        """Store `status` and `message` as attributes."""
        raise NotImplementedError


class Router:
    """Map (method, path pattern) pairs to handlers."""

    def add(self, method: str, pattern: str, handler: Callable[..., Response]) -> None:
        """Register `handler` for `method` requests whose path matches `pattern`."""
        raise NotImplementedError

    def dispatch(self, method: str, path: str) -> Response:
        """Find the handler for this request and return its response (or 404/405)."""
        raise NotImplementedError
