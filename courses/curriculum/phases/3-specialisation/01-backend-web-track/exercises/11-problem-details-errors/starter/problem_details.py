"""Errors as RFC 9457 problem details (application/problem+json) in a FastAPI app."""

from __future__ import annotations

from fastapi import FastAPI

PROBLEM_JSON = "application/problem+json"
PROBLEM_BASE = "https://tasks.example.com/problems/"


class ProblemError(Exception):
    """A domain error that knows how to describe itself as a problem."""

    status = 500
    slug = "internal"
    title = "Internal error"

    def __init__(self, detail: str, **extensions: object) -> None:
        raise NotImplementedError


class NotFoundError(ProblemError):
    pass  # status, slug and title: see README.md


class ConflictError(ProblemError):
    pass


def install_problem_handlers(app: FastAPI) -> None:
    """Register the four exception handlers described in README.md."""
    raise NotImplementedError


def create_app() -> FastAPI:
    """The projects API, with problem handlers installed."""
    raise NotImplementedError
