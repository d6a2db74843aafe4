"""A reference suite for inventory_api.py: behaviour through HTTP only."""

import pytest
from fastapi.testclient import TestClient
from inventory_api import MAX_STOCK, create_app


@pytest.fixture
def client():
    return TestClient(create_app())


def add(client, sku, quantity):
    response = client.post("/items", json={"sku": sku, "quantity": quantity})
    assert response.status_code == 201
    return response


def test_create_answers_201_with_the_item(client):
    response = add(client, "BLT-010", 5)
    assert response.json() == {"sku": "BLT-010", "quantity": 5}
    assert client.get("/items/BLT-010").json() == {"sku": "BLT-010", "quantity": 5}


def test_duplicate_sku_is_409_and_keeps_the_stock(client):
    add(client, "BLT-010", 5)
    response = client.post("/items", json={"sku": "BLT-010", "quantity": 9})
    assert response.status_code == 409
    assert response.json() == {"detail": "sku BLT-010 already exists"}
    assert client.get("/items/BLT-010").json()["quantity"] == 5


@pytest.mark.parametrize("sku", ["abc-123", "AB-123", "ABC-1234", "ABC123", "ABC-12a", "aBC-123"])
def test_invalid_skus_are_422(client, sku):
    assert client.post("/items", json={"sku": sku, "quantity": 1}).status_code == 422
    assert client.get("/items").json() == []


@pytest.mark.parametrize(("quantity", "status"), [(0, 201), (MAX_STOCK, 201), (-1, 422), (MAX_STOCK + 1, 422)])
def test_quantity_bounds(client, quantity, status):
    assert client.post("/items", json={"sku": "NUT-001", "quantity": quantity}).status_code == status


def test_list_is_sorted_by_sku(client):
    for sku in ["WSH-200", "BLT-010", "NUT-001"]:
        add(client, sku, 3)
    assert [item["sku"] for item in client.get("/items").json()] == ["BLT-010", "NUT-001", "WSH-200"]


def test_below_is_strictly_less_than(client):
    add(client, "BLT-010", 4)
    add(client, "NUT-001", 5)
    add(client, "WSH-200", 6)
    assert client.get("/items?below=5").json() == [{"sku": "BLT-010", "quantity": 4}]
    assert [i["sku"] for i in client.get("/items?below=6").json()] == ["BLT-010", "NUT-001"]
    assert client.get("/items?below=0").status_code == 422
    client.post("/items/BLT-010/take", json={"amount": 4})
    assert client.get("/items?below=1").json() == [{"sku": "BLT-010", "quantity": 0}]


def test_unknown_sku_is_404(client):
    response = client.get("/items/ZZZ-999")
    assert response.status_code == 404
    assert response.json() == {"detail": "unknown sku ZZZ-999"}
    assert client.post("/items/ZZZ-999/take", json={"amount": 1}).status_code == 404
    assert client.post("/items/ZZZ-999/restock", json={"amount": 1}).status_code == 404


def test_take_all_of_it_leaves_zero(client):
    add(client, "BLT-010", 3)
    response = client.post("/items/BLT-010/take", json={"amount": 3})
    assert response.status_code == 200
    assert response.json() == {"sku": "BLT-010", "quantity": 0}


def test_take_more_than_available_is_409(client):
    add(client, "BLT-010", 3)
    client.post("/items/BLT-010/take", json={"amount": 1})
    response = client.post("/items/BLT-010/take", json={"amount": 3})
    assert response.status_code == 409
    assert response.json() == {"detail": "only 2 left"}
    assert client.get("/items/BLT-010").json()["quantity"] == 2


@pytest.mark.parametrize("amount", [0, -1, "two"])
def test_amount_must_be_at_least_one(client, amount):
    add(client, "BLT-010", 3)
    assert client.post("/items/BLT-010/take", json={"amount": amount}).status_code == 422
    assert client.post("/items/BLT-010/restock", json={"amount": amount}).status_code == 422
    assert client.get("/items/BLT-010").json()["quantity"] == 3


def test_restock_adds_up_to_the_limit(client):
    add(client, "BLT-010", 7)
    response = client.post("/items/BLT-010/restock", json={"amount": MAX_STOCK - 8})
    assert response.json() == {"sku": "BLT-010", "quantity": MAX_STOCK - 1}
    assert client.post("/items/BLT-010/restock", json={"amount": 1}).json()["quantity"] == MAX_STOCK


def test_restock_over_the_limit_is_409(client):
    add(client, "BLT-010", MAX_STOCK - 1)
    response = client.post("/items/BLT-010/restock", json={"amount": 2})
    assert response.status_code == 409
    assert response.json() == {"detail": "stock is limited to 10000"}
    assert client.get("/items/BLT-010").json()["quantity"] == MAX_STOCK - 1


def test_apps_do_not_share_items():
    first, second = TestClient(create_app()), TestClient(create_app())
    add(first, "BLT-010", 1)
    assert second.get("/items").json() == []
    add(second, "BLT-010", 2)
