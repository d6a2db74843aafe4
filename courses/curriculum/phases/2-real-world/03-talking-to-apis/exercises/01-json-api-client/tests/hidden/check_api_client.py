"""Hidden checks for the JSON API client: they record what the code does, never assert."""

import api_client
import pytest
from api_client import ApiError, Response, build_url, fetch_all_pages, get_json, parse_json_body

# imported under another name: pytest would collect a function called check_* as a check
status_of = api_client.check_status


def error_of(function, *args, **kwargs):
    """What a call did: its return value, or the error's class and the fields it carries."""
    try:
        return ("returned", function(*args, **kwargs))
    except ApiError as error:
        fields = [type(error).__name__, error.status, error.message, str(error)]
        if hasattr(error, "retry_after"):
            fields.append(error.retry_after)
        return tuple(fields)


def shape_of(function, *args, **kwargs):
    """Like error_of, for errors whose message wording the statement leaves free."""
    try:
        return ("returned", function(*args, **kwargs))
    except ApiError as error:
        return (type(error).__name__, error.status, isinstance(error.__cause__, ValueError))


class Site:
    """A fake transport: canned responses by URL, and a log of the URLs fetched."""

    def __init__(self, pages):
        self.pages = pages
        self.log = []

    def __call__(self, url):
        self.log.append(url)
        return self.pages[url]


def page(items, next_url=None, with_next=True):
    import json

    body = {"items": items}
    if with_next:
        body["next"] = next_url
    return Response(200, json.dumps(body))


def check_header_lookup(observe):
    response = Response(200, "", {"Content-Type": "application/json", "X-Count": " 7 "})
    for name in ["content-type", "CONTENT-TYPE", "Content-Type", "x-count", "X-Missing", "content"]:
        observe(response.header(name))
    observe(Response(204, "").header("Content-Type"))


@pytest.mark.parametrize(
    ("base", "path", "params"),
    [
        ("https://api.test", "v1/items", None),
        ("https://api.test//", "//v1/items", None),
        ("https://api.test/root/", "deep/path/", {}),
        ("https://api.test", "/search", {"q": "tea & cake", "page": 10, "sort": "-price"}),
        ("https://api.test/", "/find", {"city": "São Paulo", "path": "a/b", "eq": "x=y"}),
        ("https://api.test", "", {"z": 1, "a": 2}),
        ("https://mail.test/INBOX", "Xmas/list", None),
        ("https://mail.test/INBOX/", "/XX", {"x": "X"}),
    ],
)
def check_build_url(observe, base, path, params):
    observe(build_url(base, path, params))
    observe(build_url(base, path))


@pytest.mark.parametrize("status", [199, 200, 204, 250, 299, 300, 301, 304, 399, 400, 401, 403, 418, 422, 500, 502, 503, 599])
def check_status_families(observe, status):
    observe(error_of(status_of, Response(status, f"  status {status} body \n")))


def check_not_found_and_rate_limits(observe):
    observe(error_of(status_of, Response(404, "no such city\n")))
    observe(error_of(status_of, Response(404, "")))
    for headers in [
        {"Retry-After": "30"},
        {"retry-after": "0"},
        {"RETRY-AFTER": " 120 "},
        {"Retry-After": "Wed, 21 Oct 2026 07:28:00 GMT"},
        {"Retry-After": "-5"},
        {"Retry-After": "2.5"},
        {"Retry-After": ""},
        {"X-Retry": "9"},
        {},
    ]:
        observe(error_of(status_of, Response(429, " slow down ", headers)))


def check_messages_are_stripped_then_cut_to_200(observe):
    for body in ["x" * 199, "y" * 200, "z" * 201, "   " + "w" * 250 + "   ", "\n\t ", "",
                 "  " + "a" * 198 + "  bc"]:
        result = error_of(status_of, Response(500, body))
        observe(result)
        observe(len(result[2]))


def check_json_parsing(observe):
    for body in ['{"temp": 18.5}', "[1, 2]", "null", "3", '"text"', " [] "]:
        observe(shape_of(parse_json_body, Response(200, body)))
    for status, body in [(200, "<html>oops</html>"), (201, ""), (202, "{'single': 'quotes'}"), (200, "[1, 2")]:
        observe(shape_of(parse_json_body, Response(status, body)))


def check_get_json_checks_status_before_parsing(observe):
    site = Site({
        "https://api.test/ok": Response(200, '{"ok": true}'),
        "https://api.test/gone": Response(404, "<html>gone</html>"),
        "https://api.test/busy": Response(429, "<html>busy</html>", {"Retry-After": "4"}),
        "https://api.test/bad": Response(200, "<html>not json</html>"),
        "https://api.test/empty": Response(204, ""),
    })
    for name in ["ok", "gone", "busy", "bad", "empty"]:
        observe(shape_of(get_json, site, f"https://api.test/{name}"))
    observe(site.log)


def check_pagination_order_and_end(observe):
    site = Site({
        "https://api.test/p1": page(["c", "a"], "https://api.test/p2"),
        "https://api.test/p2": page([], "https://api.test/p3"),
        "https://api.test/p3": page(["b", {"id": 9}], with_next=False),
    })
    observe(fetch_all_pages(site, "https://api.test/p1"))
    observe(site.log)
    single = Site({"https://api.test/only": page([3, 2, 1], None)})
    observe(fetch_all_pages(single, "https://api.test/only"))


def check_max_pages_is_an_inclusive_limit(observe):
    chain = {f"https://api.test/{n}": page([n], f"https://api.test/{n + 1}") for n in range(1, 4)}
    chain["https://api.test/4"] = page([4], None)
    for limit in [4, 3, 5, 1, 0]:
        site = Site(chain)
        observe(shape_of(fetch_all_pages, site, "https://api.test/1", max_pages=limit))
        observe(site.log)

    def endless(url):
        number = int(url.rsplit("=", 1)[1])
        endless.calls += 1
        return page([number], f"https://api.test/?p={number + 1}")

    endless.calls = 0
    observe(shape_of(fetch_all_pages, endless, "https://api.test/?p=1"))
    observe(endless.calls)


def check_bad_pages_and_loops(observe):
    loop = Site({
        "https://api.test/a": page([1], "https://api.test/b"),
        "https://api.test/b": page([2], "https://api.test/c"),
        "https://api.test/c": page([3], "https://api.test/a"),
    })
    observe(shape_of(fetch_all_pages, loop, "https://api.test/a"))
    observe(loop.log)
    self_loop = Site({"https://api.test/s": page([1], "https://api.test/s")})
    observe(shape_of(fetch_all_pages, self_loop, "https://api.test/s"))
    observe(self_loop.log)
    for body in ["[1, 2, 3]", '{"items": "abc"}', '{"items": {"a": 1}}', '{"next": null}', '"items"', "oops"]:
        site = Site({"https://api.test/x": page([1], "https://api.test/y"),
                     "https://api.test/y": Response(200, body)})
        observe(shape_of(fetch_all_pages, site, "https://api.test/x"))
    broken = Site({
        "https://api.test/a": page([1], "https://api.test/b"),
        "https://api.test/b": Response(503, "down for maintenance"),
    })
    observe(error_of(fetch_all_pages, broken, "https://api.test/a"))
