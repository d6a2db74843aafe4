"""A small HTTP JSON client whose transport is injected, so it can be tested offline."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode


@dataclass(frozen=True)
class Response:
    status: int
    body: str
    headers: Mapping[str, str] = field(default_factory=dict)

    def header(self, name: str) -> str | None:
        """A header's value, looked up case-insensitively."""
        wanted = name.lower()
        for key, value in self.headers.items():
            if key.lower() == wanted:
                return value
        return None


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
    url = f"{base.rstrip('/')}/{path.lstrip('/')}"
    if params:
        url += "?" + urlencode(params)
    return url


def check_status(response: Response) -> None:
    """Return quietly for 2xx; raise the matching ApiError for anything else."""
    status = response.status
    if 200 <= status < 300:
        return
    message = response.body.strip()[:200] or "no details"
    if status == 404:
        raise NotFound(status, message)
    if status == 429:
        raw = response.header("Retry-After")
        retry_after = int(raw) if raw is not None and raw.strip().isdigit() else None
        raise RateLimited(status, message, retry_after)
    raise ApiError(status, message)


def parse_json_body(response: Response) -> Any:
    """Decode the body as JSON; an undecodable body becomes an ApiError."""
    try:
        return json.loads(response.body)
    except json.JSONDecodeError as exc:
        raise ApiError(response.status, f"invalid JSON: {exc.msg}") from exc


def get_json(fetch: Fetch, url: str) -> Any:
    """Fetch `url`, check the status, return the decoded JSON."""
    response = fetch(url)
    check_status(response)
    return parse_json_body(response)


def fetch_all_pages(fetch: Fetch, url: str, max_pages: int = 50) -> list[Any]:
    """Follow `next` links and collect every page's `items` into one list."""
    items: list[Any] = []
    seen: set[str] = set()
    next_url: str | None = url
    while next_url is not None:
        if next_url in seen:
            raise ApiError(200, f"pagination loops back to {next_url}")
        if len(seen) >= max_pages:
            raise ApiError(200, f"more than {max_pages} pages")
        seen.add(next_url)
        page = get_json(fetch, next_url)
        if not isinstance(page, dict) or not isinstance(page.get("items"), list):
            raise ApiError(200, "page has no 'items' list")
        items.extend(page["items"])
        next_url = page.get("next")
    return items
