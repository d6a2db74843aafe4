"""allauth's headless session token for DRF, answering 401 (not 403) when it is missing."""

from __future__ import annotations

from allauth.headless.contrib.rest_framework.authentication import XSessionTokenAuthentication
from allauth.headless.internal import sessionkit
from allauth.headless.tokens.strategies.sessions import SessionTokenStrategy
from django.contrib.sessions.backends.base import SessionBase
from django.http import HttpRequest

AUTHENTICATE_HEADER = 'X-Session-Token realm="api"'


class SessionTokenAuthentication(XSessionTokenAuthentication):  # type: ignore[misc]
    """The `X-Session-Token` header issued by /_allauth/app/v1/auth/login (or signup/verify).

    allauth's class has no `authenticate_header`, so DRF would answer a missing token with
    403; a client must be able to tell "log in" (401) from "not yours" (403/404)."""

    def authenticate_header(self, request: HttpRequest) -> str:
        return AUTHENTICATE_HEADER


class OneQuerySessionTokenStrategy(SessionTokenStrategy):  # type: ignore[misc]
    """allauth's session token strategy, looking the session up in one query instead of two
    (`exists()` then load): this runs on every API request."""

    def lookup_session(self, session_token: str) -> SessionBase | None:
        session: SessionBase | None = sessionkit.lookup_session(session_token)
        return session
