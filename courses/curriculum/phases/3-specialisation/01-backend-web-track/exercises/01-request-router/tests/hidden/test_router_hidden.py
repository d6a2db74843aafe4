import pytest
from router import HTTPError, Response, Router


def ok(**params: object) -> Response:
    return Response(200, params)


def test_first_registered_route_wins():
    router = Router()
    router.add("GET", "/tasks/overdue", lambda: Response(200, "literal"))
    router.add("GET", "/tasks/{key}", lambda key: Response(200, key))
    assert router.dispatch("GET", "/tasks/overdue").body == "literal"
    assert router.dispatch("GET", "/tasks/other").body == "other"


def test_trailing_slash_ignored_and_root_route():
    router = Router()
    router.add("GET", "/", lambda: Response(200, "home"))
    router.add("GET", "/tasks", lambda: Response(200, "list"))
    assert router.dispatch("GET", "/").body == "home"
    assert router.dispatch("GET", "/tasks/").body == "list"
    assert router.dispatch("GET", "/tasks//").status == 404


def test_empty_segments_do_not_match_parameters():
    router = Router()
    router.add("GET", "/a/{x}/b", ok)
    assert router.dispatch("GET", "/a//b").status == 404
    assert router.dispatch("GET", "/a/1/b") == Response(200, {"x": "1"})


def test_multiple_parameters():
    router = Router()
    router.add("GET", "/users/{user}/tasks/{task_id:int}", ok)
    assert router.dispatch("GET", "/users/bo/tasks/007") == Response(
        200, {"user": "bo", "task_id": 7}
    )


@pytest.mark.parametrize(
    "pattern",
    ["/a/{x:float}", "/a/{x}/{x}", "/a/{1x}", "no-slash", "/a/{x"],
)
def test_invalid_patterns_are_rejected(pattern):
    with pytest.raises(ValueError):
        Router().add("GET", pattern, ok)


def test_duplicate_registration_is_rejected():
    router = Router()
    router.add("get", "/a", ok)
    with pytest.raises(ValueError):
        router.add("GET", "/a", ok)
    router.add("POST", "/a", ok)  # a different method is fine


def test_405_lists_each_method_once_sorted():
    router = Router()
    router.add("post", "/a/{x}", ok)
    router.add("GET", "/a/{y}", ok)
    router.add("POST", "/a/{z:int}", ok)
    response = router.dispatch("PATCH", "/a/5")
    assert response.status == 405
    assert response.body == {"error": "method not allowed", "allowed": ["GET", "POST"]}


def test_http_error_keeps_attributes():
    err = HTTPError(403, "forbidden")
    assert (err.status, err.message) == (403, "forbidden")
    assert isinstance(err, Exception)


def test_non_ascii_digits_are_not_ints():
    router = Router()
    router.add("GET", "/n/{n:int}", ok)
    assert router.dispatch("GET", "/n/\u0663").status == 404
