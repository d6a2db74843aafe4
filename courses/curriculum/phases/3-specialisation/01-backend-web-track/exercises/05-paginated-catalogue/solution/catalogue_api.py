"""A paginated, sortable product listing with Link and X-Total-Count headers."""

from __future__ import annotations

from typing import Annotated, Literal
from urllib.parse import urlencode

from fastapi import FastAPI, Query, Response

Sort = Literal["id", "name", "-name", "price", "-price"]
_KEYS = {
    "id": lambda p: p["id"],
    "name": lambda p: p["name"].casefold(),
    "price": lambda p: p["price_cents"],
}


def page_link(rel: str, *, limit: int, offset: int, sort: str, category: str | None) -> str:
    """One Link header entry, for example '</products?limit=5&offset=5&sort=id>; rel="next"'."""
    pairs: list[tuple[str, object]] = [("limit", limit), ("offset", offset), ("sort", sort)]
    if category is not None:
        pairs.append(("category", category))
    return f'</products?{urlencode(pairs)}>; rel="{rel}"'


def create_app(products: list[dict[str, object]]) -> FastAPI:
    app = FastAPI()
    catalogue = [dict(p) for p in products]

    @app.get("/products")
    def list_products(
        response: Response,
        limit: Annotated[int, Query(ge=1, le=50)] = 10,
        offset: Annotated[int, Query(ge=0)] = 0,
        sort: Sort = "id",
        category: str | None = None,
    ) -> dict[str, object]:
        found = [p for p in catalogue if category is None or p["category"] == category]
        found.sort(key=lambda p: p["id"])
        found.sort(key=_KEYS[sort.lstrip("-")], reverse=sort.startswith("-"))
        total = len(found)
        links = []
        if offset > 0:
            links.append(page_link("prev", limit=limit, offset=max(offset - limit, 0),
                                   sort=sort, category=category))
        if offset + limit < total:
            links.append(page_link("next", limit=limit, offset=offset + limit,
                                   sort=sort, category=category))
        response.headers["X-Total-Count"] = str(total)
        if links:
            response.headers["Link"] = ", ".join(links)
        return {"items": found[offset:offset + limit], "total": total, "limit": limit,
                "offset": offset}

    return app
