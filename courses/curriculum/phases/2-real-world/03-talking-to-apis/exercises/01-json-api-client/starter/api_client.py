"""A small HTTP JSON client whose transport is injected, so it can be tested offline.

Read README.md for the full specification. `Response` and the exception classes are given.
"""

from __future__ import annotations

import json  # noqa: F401 - you will need it
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode  # noqa: F401 - you will need it


@dataclass(frozen=True)
class Response:
    status: int
    body: str
    headers: Mapping[str, str] = field(default_factory=dict)

    def header(self, name: str) -> str | None:
        """A header's value, looked up case-insensitively."""
        raise NotImplementedError


Fetch = Callable[[str], Response]


class ApiError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(f"HTTP {status}: {message}")
        self.status = status
        self.message = message


class NotFound(ApiError):
    pass


class RateLimited(ApiError):
    def __init__(self, status: int, message: str, retry_after: int | None) -> None:
        super().__init__(status, message)
        self.retry_after = retry_after


def build_url(base: str, path: str, params: Mapping[str, str | int] | None = None) -> str:
    """Join `base` and `path` with exactly one slash and append encoded query parameters."""
    raise NotImplementedError


def check_status(response: Response) -> None:
    """Return quietly for 2xx; raise the matching ApiError for anything else."""
    raise NotImplementedError


def parse_json_body(response: Response) -> Any:
    """Decode the body as JSON; an undecodable body becomes an ApiError."""
    raise NotImplementedError


def get_json(fetch: Fetch, url: str) -> Any:
    """Fetch `url`, check the status, return the decoded JSON."""
    raise NotImplementedError


def fetch_all_pages(fetch: Fetch, url: str, max_pages: int = 50) -> list[Any]:
    """Follow `next` links and collect every page's `items` into one list."""
    raise NotImplementedError
