"""A client for an issue tracker's JSON API; the HTTP transport and the sleep are injected."""

from __future__ import annotations

import json
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


def _header(reply: Reply, name: str) -> str | None:
    for key, value in reply.headers.items():
        if key.lower() == name.lower():
            return value
    return None


def _message(reply: Reply) -> str:
    fallback = reply.body.strip()[:200] or "no details"
    try:
        data = json.loads(reply.body)
    except ValueError:
        return fallback
    if isinstance(data, dict) and isinstance(data.get("message"), str):
        return data["message"]
    return fallback


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
        if isinstance(max_retries, bool) or not isinstance(max_retries, int):
            raise TypeError("max_retries must be an int")
        if max_retries < 0:
            raise ValueError("max_retries must not be negative")
        self._base_url = base_url.rstrip("/")
        self._token = token
        self._transport = transport
        self._max_retries = max_retries
        self._sleep = sleep

    def _delay(self, reply: Reply, retry: int) -> float:
        raw = _header(reply, "Retry-After")
        if raw is not None and raw.strip().isdigit():
            return float(raw.strip())
        return float(2**retry)

    def request(self, method: str, path: str, payload: Any = None) -> Any:
        """Send one API call (retrying 429 and 503), check the answer, decode its JSON."""
        headers = {"Accept": "application/json", "Authorization": f"Bearer {self._token}"}
        body = None
        if payload is not None:
            headers["Content-Type"] = "application/json"
            body = json.dumps(payload)
        request = Request(method, self._base_url + path, headers, body)
        retry = 0
        while True:
            reply = self._transport(request)
            if reply.status not in RETRY_STATUSES:
                break
            if retry == self._max_retries:
                raise RetryLimitReached(reply.status, _message(reply))
            self._sleep(self._delay(reply, retry))
            retry += 1
        status = reply.status
        if 200 <= status < 300:
            if not reply.body.strip():
                return None
            try:
                return json.loads(reply.body)
            except ValueError as exc:
                raise ApiError(status, "the answer is not JSON") from exc
        if status == 404:
            raise NotFound(status, _message(reply))
        if 400 <= status < 500:
            raise ClientError(status, _message(reply))
        if 500 <= status < 600:
            raise ServerError(status, _message(reply))
        raise ApiError(status, _message(reply))

    def get_issue(self, number: int) -> dict[str, Any]:
        if isinstance(number, bool) or not isinstance(number, int) or number < 1:
            raise ValueError(f"issue numbers are positive ints, not {number!r}")
        return self.request("GET", f"/issues/{number}")

    def list_issues(self, state: str = "open") -> list[dict[str, Any]]:
        if state not in STATES:
            raise ValueError(f"state must be one of {', '.join(STATES)}")
        issues: list[dict[str, Any]] = []
        page = 1
        while True:
            data = self.request("GET", f"/issues?state={state}&page={page}")
            if not isinstance(data, dict) or not isinstance(data.get("issues"), list):
                raise ApiError(200, "a page of issues needs an 'issues' list")
            issues.extend(data["issues"])
            next_page = data.get("next_page")
            if next_page is None:
                return issues
            if isinstance(next_page, bool) or not isinstance(next_page, int) or next_page <= page:
                raise ApiError(200, f"next_page must come after page {page}")
            page = next_page

    def create_issue(self, title: str, labels: Iterable[str] = ()) -> dict[str, Any]:
        cleaned = title.strip()
        if not cleaned:
            raise ValueError("an issue needs a title")
        return self.request("POST", "/issues", {"title": cleaned, "labels": list(labels)})
