"""A bookmarks API as a Flask blueprint, built by an application factory."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Flask, Response, current_app, jsonify, request
from werkzeug.exceptions import MethodNotAllowed, NotFound

bookmarks = Blueprint("bookmarks", __name__, url_prefix="/api/bookmarks")


def _store() -> dict[str, Any]:
    store: dict[str, Any] = current_app.extensions["bookmarks"]
    return store


def _field_error(field: str) -> tuple[Response, int]:
    return jsonify(error="invalid field", field=field), 400


@bookmarks.before_request
def require_api_key() -> tuple[Response, int] | None:
    if request.headers.get("X-API-Key") != current_app.config["API_KEY"]:
        return jsonify(error="invalid API key"), 401
    return None


@bookmarks.get("")
def list_bookmarks() -> Response:
    items = sorted(_store()["items"].values(), key=lambda b: b["id"])
    tag = request.args.get("tag")
    if tag is not None:
        items = [b for b in items if tag.lower() in b["tags"]]
    return jsonify(items)


@bookmarks.post("")
def add_bookmark() -> tuple[Response, int] | tuple[Response, int, dict[str, str]]:
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        return jsonify(error="expected a JSON object"), 400
    url = body.get("url")
    if not isinstance(url, str) or not url.startswith(("http://", "https://")) or len(url) > 2000:
        return _field_error("url")
    title = body.get("title", url)
    if not isinstance(title, str) or not title.strip():
        return _field_error("title")
    tags = body.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(t, str) and t.strip() for t in tags):
        return _field_error("tags")
    store = _store()
    for existing in store["items"].values():
        if existing["url"] == url:
            return jsonify(error="bookmark already exists", id=existing["id"]), 409
    store["last_id"] += 1
    bookmark = {"id": store["last_id"], "url": url, "title": title.strip(),
                "tags": sorted({t.strip().lower() for t in tags})}
    store["items"][bookmark["id"]] = bookmark
    return jsonify(bookmark), 201, {"Location": f"/api/bookmarks/{bookmark['id']}"}


@bookmarks.get("/<int:bookmark_id>")
def get_bookmark(bookmark_id: int) -> Response:
    bookmark = _store()["items"].get(bookmark_id)
    if bookmark is None:
        raise NotFound()
    return jsonify(bookmark)


@bookmarks.delete("/<int:bookmark_id>")
def delete_bookmark(bookmark_id: int) -> tuple[str, int]:
    if _store()["items"].pop(bookmark_id, None) is None:
        raise NotFound()
    return "", 204


def create_app(config: dict[str, Any] | None = None) -> Flask:
    app = Flask(__name__)
    app.config["API_KEY"] = "dev-key"
    app.config.update(config or {})
    app.extensions["bookmarks"] = {"items": {}, "last_id": 0}
    app.register_blueprint(bookmarks)

    @app.errorhandler(404)
    def not_found(error: NotFound) -> tuple[Response, int]:
        return jsonify(error="not found"), 404

    @app.errorhandler(405)
    def not_allowed(error: MethodNotAllowed) -> tuple[Response, int, dict[str, str]]:
        allowed = ", ".join(sorted(error.valid_methods or []))
        return jsonify(error="method not allowed"), 405, {"Allow": allowed}

    return app
