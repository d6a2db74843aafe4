from fastapi.testclient import TestClient
from task_routes import create_app


def make_client() -> TestClient:
    return TestClient(create_app())


def test_create_returns_201_location_and_the_task():
    client = make_client()
    response = client.post("/tasks", json={"title": "  Ship v1 ", "tags": ["release", "api"]})
    assert response.status_code == 201
    assert response.headers["location"] == "/tasks/1"
    assert response.json() == {
        "id": 1, "title": "Ship v1", "priority": 3, "tags": ["api", "release"], "done": False,
    }


def test_read_and_missing_task():
    client = make_client()
    client.post("/tasks", json={"title": "one"})
    assert client.get("/tasks/1").json()["title"] == "one"
    missing = client.get("/tasks/2")
    assert missing.status_code == 404
    assert missing.json() == {"detail": "task 2 not found"}


def test_invalid_bodies_are_422():
    client = make_client()
    assert client.post("/tasks", json={"title": "   "}).status_code == 422
    assert client.post("/tasks", json={"title": "x", "priority": 6}).status_code == 422
    assert client.post("/tasks", json={}).status_code == 422
    assert client.get("/tasks/abc").status_code == 422


def test_list_is_sorted_by_priority_then_id_and_filters():
    client = make_client()
    client.post("/tasks", json={"title": "low", "priority": 1})
    client.post("/tasks", json={"title": "high", "priority": 5, "tags": ["x"]})
    client.post("/tasks", json={"title": "mid"})
    titles = [t["title"] for t in client.get("/tasks").json()]
    assert titles == ["high", "mid", "low"]
    assert [t["title"] for t in client.get("/tasks?min_priority=3").json()] == ["high", "mid"]
    assert [t["title"] for t in client.get("/tasks?tag=x").json()] == ["high"]


def test_patch_changes_only_what_is_sent():
    client = make_client()
    client.post("/tasks", json={"title": "draft", "priority": 2})
    response = client.patch("/tasks/1", json={"done": True})
    assert response.status_code == 200
    assert response.json() == {"id": 1, "title": "draft", "priority": 2, "tags": [], "done": True}
    assert [t["id"] for t in client.get("/tasks?done=false").json()] == []


def test_delete_is_204_and_ids_are_not_reused():
    client = make_client()
    client.post("/tasks", json={"title": "a"})
    response = client.delete("/tasks/1")
    assert response.status_code == 204
    assert response.content == b""
    assert client.delete("/tasks/1").status_code == 404
    assert client.post("/tasks", json={"title": "b"}).json()["id"] == 2


def test_apps_do_not_share_tasks():
    first, second = make_client(), make_client()
    first.post("/tasks", json={"title": "only in the first app"})
    assert second.get("/tasks").json() == []
