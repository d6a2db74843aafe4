import pytest
from api_client import ApiError, RateLimited, Response, check_status, fetch_all_pages


def test_header_lookup_is_case_insensitive_and_missing_is_none():
    response = Response(200, "", {"Content-Type": "application/json"})
    assert response.header("content-type") == "application/json"
    assert response.header("X-Missing") is None


def test_retry_after_that_is_not_a_number_gives_none():
    with pytest.raises(RateLimited) as info:
        check_status(Response(429, "", {"Retry-After": "Wed, 21 Oct 2026 07:28:00 GMT"}))
    assert info.value.retry_after is None
    with pytest.raises(RateLimited) as missing:
        check_status(Response(429, ""))
    assert missing.value.retry_after is None


def test_redirects_are_errors_and_long_bodies_are_cut():
    with pytest.raises(ApiError) as info:
        check_status(Response(301, "x" * 500))
    assert info.value.status == 301
    assert len(info.value.message) == 200


def test_pagination_loop_is_detected():
    pages = {
        "https://api.test/a": Response(200, '{"items": [1], "next": "https://api.test/b"}'),
        "https://api.test/b": Response(200, '{"items": [2], "next": "https://api.test/a"}'),
    }
    with pytest.raises(ApiError):
        fetch_all_pages(pages.__getitem__, "https://api.test/a")


def test_page_without_items_and_missing_next():
    good = {"https://api.test/a": Response(200, '{"items": ["x"]}')}
    assert fetch_all_pages(good.__getitem__, "https://api.test/a") == ["x"]
    bad = {"https://api.test/a": Response(200, "[1, 2, 3]")}
    with pytest.raises(ApiError):
        fetch_all_pages(bad.__getitem__, "https://api.test/a")


def test_max_pages_is_enforced():
    def endless(url):
        number = int(url.rsplit("=", 1)[1])
        return Response(200, f'{{"items": [{number}], "next": "https://api.test/?p={number + 1}"}}')

    with pytest.raises(ApiError):
        fetch_all_pages(endless, "https://api.test/?p=1", max_pages=5)


def test_error_in_the_middle_of_pagination_propagates():
    pages = {
        "https://api.test/a": Response(200, '{"items": [1], "next": "https://api.test/b"}'),
        "https://api.test/b": Response(500, "boom"),
    }
    with pytest.raises(ApiError) as info:
        fetch_all_pages(pages.__getitem__, "https://api.test/a")
    assert info.value.status == 500
