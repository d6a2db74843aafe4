import pytest
from router import HTTPError, Response, Router


def make_router() -> Router:
    router = Router()
    router.add("GET", "/tasks", lambda: Response(200, ["a", "b"]))
    router.add("GET", "/tasks/{task_id:int}", lambda task_id: Response(200, {"id": task_id}))
    router.add("DELETE", "/tasks/{task_id:int}", lambda task_id: Response(204, None))
    router.add("GET", "/users/{name}", lambda name: Response(200, {"name": name}))
    return router


def test_literal_route_is_dispatched():
    assert make_router().dispatch("GET", "/tasks") == Response(200, ["a", "b"])


def test_int_parameter_is_converted():
    assert make_router().dispatch("GET", "/tasks/42") == Response(200, {"id": 42})


def test_string_parameter_is_passed_as_text():
    assert make_router().dispatch("GET", "/users/ana") == Response(200, {"name": "ana"})


def test_unknown_path_is_404():
    assert make_router().dispatch("GET", "/projects") == Response(404, {"error": "not found"})


def test_int_parameter_rejects_non_digits():
    assert make_router().dispatch("GET", "/tasks/abc").status == 404


def test_wrong_method_is_405_with_allowed_methods():
    response = make_router().dispatch("PUT", "/tasks/3")
    assert response == Response(405, {"error": "method not allowed", "allowed": ["DELETE", "GET"]})


def test_method_is_case_insensitive():
    assert make_router().dispatch("delete", "/tasks/3") == Response(204, None)


def test_handler_http_error_becomes_response():
    def missing(task_id: int) -> Response:
        raise HTTPError(404, f"task {task_id} not found")

    router = Router()
    router.add("GET", "/tasks/{task_id:int}", missing)
    assert router.dispatch("GET", "/tasks/9") == Response(404, {"error": "task 9 not found"})


def test_pattern_must_start_with_slash():
    with pytest.raises(ValueError):
        Router().add("GET", "tasks", lambda: Response(200, None))
