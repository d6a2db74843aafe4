from fastapi import FastAPI
from fastapi.testclient import TestClient
from problem_details import (
    PROBLEM_JSON, ConflictError, NotFoundError, ProblemError, create_app, install_problem_handlers,
)


def test_not_found_is_a_problem():
    response = TestClient(create_app()).get("/projects/9")
    assert response.status_code == 404
    assert response.headers["content-type"] == PROBLEM_JSON
    assert response.json() == {
        "type": "https://tasks.example.com/problems/not-found", "title": "Resource not found",
        "status": 404, "detail": "project 9 does not exist", "instance": "/projects/9",
    }


def test_conflict_carries_an_extension():
    client = TestClient(create_app())
    assert client.post("/projects", json={"name": " Web "}).json() == {"id": 1, "name": "Web", "archived": False}
    body = client.post("/projects", json={"name": "WEB"}).json()
    assert body["status"] == 409
    assert body["detail"] == 'the name "WEB" is taken'
    assert body["existing_id"] == 1


def test_validation_errors_are_listed():
    response = TestClient(create_app()).post("/projects", json={"name": ""})
    assert response.status_code == 422
    body = response.json()
    assert body["detail"] == "1 validation error"
    assert body["errors"][0]["location"] == "body.name"
    assert body["type"] == "https://tasks.example.com/problems/validation-error"


def test_router_errors_use_about_blank():
    client = TestClient(create_app())
    response = client.get("/nowhere")
    assert response.json() == {"type": "about:blank", "title": "Not Found", "status": 404,
                               "detail": "Not Found", "instance": "/nowhere"}
    client.post("/projects", json={"name": "a"})
    assert "allow" in client.put("/projects/1").headers


def test_unexpected_errors_do_not_leak():
    app = create_app()

    @app.get("/boom")
    def boom():
        raise RuntimeError("password=hunter2")

    response = TestClient(app, raise_server_exceptions=False).get("/boom")
    assert response.status_code == 500
    assert "hunter2" not in response.text
    assert response.json()["detail"] == "an unexpected error occurred"


def test_handlers_work_on_any_app_and_subclass():
    class Gone(ProblemError):
        status = 410
        slug = "gone"
        title = "Gone for good"

    app = FastAPI()
    install_problem_handlers(app)

    @app.get("/old")
    def old():
        raise Gone("moved away", moved_to="/new")

    body = TestClient(app).get("/old").json()
    assert body["status"] == 410 and body["moved_to"] == "/new"
    assert issubclass(NotFoundError, ProblemError) and issubclass(ConflictError, ProblemError)
