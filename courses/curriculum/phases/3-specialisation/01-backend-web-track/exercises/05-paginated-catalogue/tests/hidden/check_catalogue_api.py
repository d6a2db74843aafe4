"""Hidden checks: record pages, totals and headers; the grader compares with the reference."""

import random

import pytest
from fastapi.testclient import TestClient
from catalogue_api import create_app, page_link

NAMES = ["oak shelf", "Birch stool", "ash table", "Elm bench", "maple tray", "Cedar box",
         "pine crate", "Alder frame", "beech bowl", "Yew spoon", "teak chair", "Fir rack",
         "larch deck", "Holly hook", "aspen peg", "Rowan rail", "willow mat", "Hazel rod",
         "ash Table", "OAK SHELF", "lime sign", "Poplar peg", "elder cup"]
CATEGORIES = ["home & garden", "kitchen", "home", "kitchen", "outdoor"]


def catalogue() -> list[dict[str, object]]:
    products = [
        {"id": 100 + 3 * i, "name": name, "price_cents": [1200, 450, 999, 450, 3000][i % 5] + 7 * (i % 3),
         "category": CATEGORIES[i % 5]}
        for i, name in enumerate(NAMES)
    ]
    random.Random(20240611).shuffle(products)
    return products


def page(client, query):
    response = client.get("/products" + query)
    if response.status_code != 200:
        return (response.status_code, query)
    body = response.json()
    return (
        [item["id"] for item in body["items"]],
        {key: value for key, value in body.items() if key != "items"},
        response.headers.get("x-total-count"),
        response.headers.get("link"),
    )


def check_sort_orders_and_ties(observe):
    client = TestClient(create_app(catalogue()))
    for sort in ["id", "name", "-name", "price", "-price"]:
        observe(page(client, f"?sort={sort}&limit=50"))
    observe(client.get("/products?limit=3&sort=-price").json())


@pytest.mark.parametrize(
    "query",
    ["", "?limit=1", "?limit=50", "?limit=5&offset=5", "?limit=5&offset=18", "?limit=5&offset=19",
     "?limit=5&offset=20", "?limit=7&offset=3", "?offset=22", "?offset=23", "?offset=40&limit=15",
     "?limit=23", "?limit=22", "?limit=4&offset=1&sort=-name", "?limit=3&offset=0&sort=price",
     "?limit=0", "?limit=51", "?offset=-1", "?sort=Name", "?sort=", "?limit=ten"],
)
def check_pages_and_links(observe, query):
    observe(page(TestClient(create_app(catalogue())), query))


def check_category_filter_and_encoding(observe):
    client = TestClient(create_app(catalogue()))
    for query in ["?category=kitchen&limit=4", "?category=kitchen&limit=4&offset=8",
                  "?category=home%20%26%20garden&limit=2&offset=2&sort=-price",
                  "?category=home&limit=2&offset=3", "?category=Home", "?category=",
                  "?category=outdoor&limit=50&sort=name"]:
        observe(page(client, query))


def check_page_link_and_copy(observe):
    observe(page_link("prev", limit=3, offset=0, sort="-price", category=None))
    observe(page_link("next", limit=50, offset=150, sort="name", category="a/b=c?d"))
    observe(page_link("next", limit=1, offset=9, sort="id", category=""))
    products = catalogue()
    client = TestClient(create_app(products))
    products.append({"id": 1, "name": "late", "price_cents": 1, "category": "home"})
    products[0]["name"] = "changed"
    observe(page(client, "?limit=50&sort=name"))
    observe(client.get("/products?limit=50&sort=name").json()["items"][:3])
