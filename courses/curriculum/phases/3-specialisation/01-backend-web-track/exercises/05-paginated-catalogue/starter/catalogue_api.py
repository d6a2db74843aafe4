"""A paginated, sortable product listing with Link and X-Total-Count headers."""

from __future__ import annotations

from fastapi import FastAPI


def page_link(rel: str, *, limit: int, offset: int, sort: str, category: str | None) -> str:
    """One Link header entry, for example '</products?limit=5&offset=5&sort=id>; rel="next"'."""
    raise NotImplementedError


def create_app(products: list[dict[str, object]]) -> FastAPI:
    """An app serving GET /products over a copy of `products`; see README.md."""
    raise NotImplementedError
