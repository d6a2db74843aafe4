from bookmarks_app import create_app

KEY = {"X-API-Key": "k"}


def client():
    return create_app({"API_KEY": "k"}).test_client()


def test_create_answers_201_with_location():
    c = client()
    response = c.post("/api/bookmarks", headers=KEY,
                      json={"url": "https://flask.palletsprojects.com/", "tags": ["Python", "web"]})
    assert response.status_code == 201
    assert response.headers["Location"] == "/api/bookmarks/1"
    assert response.get_json() == {
        "id": 1, "url": "https://flask.palletsprojects.com/",
        "title": "https://flask.palletsprojects.com/", "tags": ["python", "web"],
    }


def test_api_key_is_required():
    c = client()
    assert c.get("/api/bookmarks").status_code == 401
    assert c.get("/api/bookmarks", headers={"X-API-Key": "wrong"}).get_json() == {"error": "invalid API key"}
    assert c.get("/api/bookmarks", headers=KEY).get_json() == []


def test_default_key_and_separate_apps():
    first, second = create_app().test_client(), create_app().test_client()
    dev = {"X-API-Key": "dev-key"}
    first.post("/api/bookmarks", headers=dev, json={"url": "http://a.example"})
    assert second.get("/api/bookmarks", headers=dev).get_json() == []


def test_validation_errors_name_the_field():
    c = client()
    assert c.post("/api/bookmarks", headers=KEY, json=["x"]).get_json() == {"error": "expected a JSON object"}
    response = c.post("/api/bookmarks", headers=KEY, json={"url": "ftp://x"})
    assert response.status_code == 400
    assert response.get_json() == {"error": "invalid field", "field": "url"}
    assert c.post("/api/bookmarks", headers=KEY, json={"url": "http://x", "title": "  "}).get_json()["field"] == "title"


def test_duplicates_are_409_with_the_existing_id():
    c = client()
    c.post("/api/bookmarks", headers=KEY, json={"url": "http://a.example"})
    response = c.post("/api/bookmarks", headers=KEY, json={"url": "http://a.example", "title": "again"})
    assert response.status_code == 409
    assert response.get_json() == {"error": "bookmark already exists", "id": 1}


def test_get_delete_and_json_errors():
    c = client()
    c.post("/api/bookmarks", headers=KEY, json={"url": "http://a.example", "title": " A "})
    assert c.get("/api/bookmarks/1", headers=KEY).get_json()["title"] == "A"
    assert c.delete("/api/bookmarks/1", headers=KEY).status_code == 204
    missing = c.get("/api/bookmarks/1", headers=KEY)
    assert (missing.status_code, missing.get_json()) == (404, {"error": "not found"})
    wrong = c.put("/api/bookmarks/1", headers=KEY)
    assert wrong.status_code == 405
    assert wrong.headers["Allow"] == "DELETE, GET, HEAD, OPTIONS"


def test_tag_filter_ignores_case():
    c = client()
    c.post("/api/bookmarks", headers=KEY, json={"url": "http://a.example", "tags": ["Python"]})
    c.post("/api/bookmarks", headers=KEY, json={"url": "http://b.example", "tags": ["go"]})
    assert [b["id"] for b in c.get("/api/bookmarks?tag=PYTHON", headers=KEY).get_json()] == [1]
