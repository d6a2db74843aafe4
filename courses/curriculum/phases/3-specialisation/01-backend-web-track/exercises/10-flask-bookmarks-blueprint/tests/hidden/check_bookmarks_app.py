"""Hidden checks: record statuses, JSON bodies and headers from the Flask test client."""

import pytest
from bookmarks_app import bookmarks, create_app

KEY = {"X-API-Key": "hidden-key"}


def answer(response):
    body = response.get_json(silent=True)
    return (response.status_code, body if body is not None else response.get_data(as_text=True),
            response.headers.get("Location"), response.headers.get("Allow"))


def client():
    return create_app({"API_KEY": "hidden-key"}).test_client()


def check_structure_and_keys(observe):
    observe((bookmarks.name, bookmarks.url_prefix))
    app = create_app({"API_KEY": "hidden-key", "OTHER": 1})
    observe((app.config["API_KEY"], app.config["OTHER"], create_app().config["API_KEY"]))
    c = app.test_client()
    for headers in [{}, {"X-API-Key": ""}, {"X-API-Key": "dev-key"}, {"X-API-Key": "HIDDEN-KEY"}, KEY]:
        observe(answer(c.get("/api/bookmarks", headers=headers)))
    observe(answer(c.post("/api/bookmarks", json={"url": "http://no.key"})))
    observe(answer(c.delete("/api/bookmarks/1")))
    observe(answer(c.get("/api/bookmarks", headers=KEY)))


@pytest.mark.parametrize(
    "body",
    [{"url": "https://example.org/a"}, {"url": "http://example.org/b", "title": "  Bee  "},
     {"url": "HTTP://example.org"}, {"url": "example.org"}, {"url": "https:/x"}, {"url": ""},
     {"url": 42}, {"title": "no url"}, {"url": "https://" + "a" * 1992},
     {"url": "https://" + "a" * 1993}, {"url": "http://x", "title": ""}, {"url": "http://x", "title": 5},
     {"url": "http://x", "title": None}, {"url": "ftp://x", "title": ""},
     {"url": "http://x", "tags": "python"}, {"url": "http://x", "tags": ["ok", " "]},
     {"url": "http://x", "tags": ["ok", 3]}, {"url": "http://x", "title": "", "tags": 3},
     {"url": "http://x", "tags": [" Web ", "python", "WEB", "api"]}, {"url": "http://x", "tags": []},
     [], "text", 17, None],
)
def check_create_validation(observe, body):
    c = client()
    observe(answer(c.post("/api/bookmarks", headers=KEY, json=body)))
    observe(answer(c.get("/api/bookmarks", headers=KEY)))


def check_bodies_that_are_not_json(observe):
    c = client()
    for data, content_type in [("not json", "application/json"), ('{"url": "http://x"}', "text/plain"),
                               ("", "application/json"), ('{"url": "http://x"}', "application/json")]:
        observe(answer(c.post("/api/bookmarks", headers={**KEY, "Content-Type": content_type}, data=data)))


def check_duplicates_ids_and_listing(observe):
    c = client()
    for body in [{"url": "http://c.example", "tags": ["Go"]}, {"url": "http://a.example", "tags": ["py", "go"]},
                 {"url": "http://c.example", "title": "dup"}, {"url": "http://C.example"},
                 {"url": "http://b.example", "tags": ["PY"]}]:
        observe(answer(c.post("/api/bookmarks", headers=KEY, json=body)))
    observe(answer(c.delete("/api/bookmarks/2", headers=KEY)))
    observe(answer(c.post("/api/bookmarks", headers=KEY, json={"url": "http://a.example"})))
    for query in ["", "?tag=go", "?tag=GO", "?tag=py", "?tag=p", "?tag="]:
        observe((query, answer(c.get("/api/bookmarks" + query, headers=KEY))))
    other = create_app({"API_KEY": "hidden-key"}).test_client()
    observe(answer(other.get("/api/bookmarks", headers=KEY)))
    observe(answer(other.post("/api/bookmarks", headers=KEY, json={"url": "http://c.example"})))


def check_single_items_and_errors(observe):
    c = client()
    c.post("/api/bookmarks", headers=KEY, json={"url": "https://x.example", "title": "X"})
    c.post("/api/bookmarks", headers=KEY, json={"url": "https://y.example"})
    for method, path, headers in [
        ("get", "/api/bookmarks/2", KEY), ("get", "/api/bookmarks/2", {}), ("get", "/api/bookmarks/3", KEY),
        ("get", "/api/bookmarks/abc", {}), ("get", "/api/bookmarks/-1", KEY), ("delete", "/api/bookmarks/1", KEY),
        ("delete", "/api/bookmarks/1", KEY), ("get", "/api/bookmarks/1", KEY), ("put", "/api/bookmarks/2", KEY),
        ("patch", "/api/bookmarks", {}), ("delete", "/api/bookmarks", KEY), ("get", "/nowhere", {}),
        ("get", "/api", KEY), ("post", "/api/bookmarks/2", KEY),
    ]:
        observe((method, path, answer(getattr(c, method)(path, headers=headers))))
