from fastapi.testclient import TestClient
from catalogue_api import create_app, page_link

PRODUCTS = [
    {"id": 4, "name": "lamp", "price_cents": 1500, "category": "lighting"},
    {"id": 2, "name": "Bench", "price_cents": 9900, "category": "garden"},
    {"id": 5, "name": "apron", "price_cents": 1500, "category": "garden"},
    {"id": 1, "name": "Chair", "price_cents": 4500, "category": "home"},
    {"id": 3, "name": "drill", "price_cents": 7000, "category": "tools"},
]


def client() -> TestClient:
    return TestClient(create_app(PRODUCTS))


def ids(response) -> list[int]:
    return [item["id"] for item in response.json()["items"]]


def test_default_page_is_sorted_by_id():
    response = client().get("/products")
    assert response.status_code == 200
    assert ids(response) == [1, 2, 3, 4, 5]
    assert response.json()["total"] == 5
    assert response.headers["x-total-count"] == "5"
    assert "link" not in response.headers


def test_limit_offset_and_links():
    response = client().get("/products?limit=2&offset=2")
    assert ids(response) == [3, 4]
    assert response.json() == {**response.json(), "total": 5, "limit": 2, "offset": 2}
    assert response.headers["link"] == (
        '</products?limit=2&offset=0&sort=id>; rel="prev", '
        '</products?limit=2&offset=4&sort=id>; rel="next"'
    )


def test_sorting_ties_are_broken_by_id():
    assert ids(client().get("/products?sort=price")) == [4, 5, 1, 3, 2]
    assert ids(client().get("/products?sort=-price")) == [2, 3, 1, 4, 5]
    assert ids(client().get("/products?sort=name")) == [5, 2, 1, 3, 4]


def test_category_filter_counts_only_matches():
    response = client().get("/products?category=garden&limit=1")
    assert ids(response) == [2]
    assert response.json()["total"] == 2
    assert response.headers["link"] == '</products?limit=1&offset=1&sort=id&category=garden>; rel="next"'


def test_bad_parameters_are_422():
    for query in ["limit=0", "limit=51", "offset=-1", "sort=colour"]:
        assert client().get("/products?" + query).status_code == 422


def test_offset_past_the_end_is_an_empty_page():
    response = client().get("/products?offset=50")
    assert response.status_code == 200
    assert response.json()["items"] == []


def test_page_link_encodes_the_query():
    assert page_link("next", limit=2, offset=2, sort="id", category="home & garden") == (
        '</products?limit=2&offset=2&sort=id&category=home+%26+garden>; rel="next"'
    )
