import pytest
from api_client import (
    ApiError,
    NotFound,
    RateLimited,
    Response,
    build_url,
    check_status,
    fetch_all_pages,
    get_json,
    parse_json_body,
)


def fake_fetch(responses):
    calls = []

    def fetch(url):
        calls.append(url)
        return responses[url]

    fetch.calls = calls
    return fetch


@pytest.mark.parametrize(
    ("base", "path", "params", "expected"),
    [
        ("https://api.test", "v1/items", None, "https://api.test/v1/items"),
        ("https://api.test/", "/v1/items", None, "https://api.test/v1/items"),
        (
            "https://api.test/",
            "/v1/items",
            {"q": "blue mug", "page": 2},
            "https://api.test/v1/items?q=blue+mug&page=2",
        ),
    ],
)
def test_build_url(base, path, params, expected):
    assert build_url(base, path, params) == expected


@pytest.mark.parametrize("status", [200, 201, 204, 299])
def test_success_statuses_pass(status):
    assert check_status(Response(status, "")) is None


def test_not_found_and_server_errors():
    with pytest.raises(NotFound) as not_found:
        check_status(Response(404, "no such city\n"))
    assert not_found.value.status == 404
    assert not_found.value.message == "no such city"
    with pytest.raises(ApiError) as server:
        check_status(Response(503, ""))
    assert not isinstance(server.value, NotFound)
    assert str(server.value) == "HTTP 503: no details"


def test_rate_limited_reads_retry_after_case_insensitively():
    with pytest.raises(RateLimited) as info:
        check_status(Response(429, "slow down", {"retry-after": "30"}))
    assert info.value.retry_after == 30
    assert isinstance(info.value, ApiError)


def test_parse_json_body_and_invalid_json():
    assert parse_json_body(Response(200, '{"temp": 18.5}')) == {"temp": 18.5}
    with pytest.raises(ApiError) as info:
        parse_json_body(Response(200, "<html>oops</html>"))
    assert info.value.status == 200
    assert isinstance(info.value.__cause__, ValueError)


def test_get_json_checks_status_before_parsing():
    fetch = fake_fetch(
        {
            "https://api.test/ok": Response(200, "[1, 2]"),
            "https://api.test/gone": Response(404, "<html>not json</html>"),
        }
    )
    assert get_json(fetch, "https://api.test/ok") == [1, 2]
    with pytest.raises(NotFound):
        get_json(fetch, "https://api.test/gone")


def test_fetch_all_pages_follows_next_links():
    fetch = fake_fetch(
        {
            "https://api.test/items": Response(
                200, '{"items": [1, 2], "next": "https://api.test/items?p=2"}'
            ),
            "https://api.test/items?p=2": Response(
                200, '{"items": [3], "next": "https://api.test/items?p=3"}'
            ),
            "https://api.test/items?p=3": Response(200, '{"items": [], "next": null}'),
        }
    )
    assert fetch_all_pages(fetch, "https://api.test/items") == [1, 2, 3]
    assert len(fetch.calls) == 3
