"""A client for an issue tracker's JSON API; the HTTP transport and the sleep are injected.

Read README.md for the full specification. The dataclasses and exceptions are given.
"""

from __future__ import annotations

import json  # noqa: F401 - you will need it
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

RETRY_STATUSES = (429, 503)
STATES = ("open", "closed", "all")


@dataclass(frozen=True)
class Request:
    method: str
    url: str
    headers: dict[str, str]
    body: str | None = None


@dataclass(frozen=True)
class Reply:
    status: int
    body: str = ""
    headers: Mapping[str, str] = field(default_factory=dict)


Transport = Callable[[Request], Reply]


class ApiError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(f"HTTP {status}: {message}")
        self.status = status
        self.message = message


class ClientError(ApiError):
    """A 4xx answer: the request itself is wrong; sending it again will not help."""


class NotFound(ClientError):
    """404."""


class ServerError(ApiError):
    """A 5xx answer that is not worth retrying."""


class RetryLimitReached(ApiError):
    """Still 429 or 503 after every retry."""


class TrackerClient:
    def __init__(
        self,
        base_url: str,
        token: str,
        transport: Transport,
        *,
        max_retries: int = 3,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        """Keep the collaborators; validate max_retries."""
        raise NotImplementedError

    def request(self, method: str, path: str, payload: Any = None) -> Any:
        """Send one API call (retrying 429 and 503), check the answer, decode its JSON."""
        raise NotImplementedError

    def get_issue(self, number: int) -> dict[str, Any]:
        raise NotImplementedError

    def list_issues(self, state: str = "open") -> list[dict[str, Any]]:
        raise NotImplementedError

    def create_issue(self, title: str, labels: Iterable[str] = ()) -> dict[str, Any]:
        raise NotImplementedError
