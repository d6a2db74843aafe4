"""A bookmarks API as a Flask blueprint, built by an application factory."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Flask

bookmarks = Blueprint("bookmarks", __name__, url_prefix="/api/bookmarks")

# The before_request hook and the four routes go on `bookmarks`; see README.md.


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """A new app: API_KEY "dev-key" unless `config` says otherwise, its own store,
    the blueprint and JSON handlers for 404 and 405."""
    raise NotImplementedError
