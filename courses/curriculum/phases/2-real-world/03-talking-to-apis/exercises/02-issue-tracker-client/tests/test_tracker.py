import json

import pytest
from tracker import ClientError, NotFound, Reply, RetryLimitReached, ServerError, TrackerClient


class FakeApi:
    """Answers with the given replies in turn and keeps every request it received."""

    def __init__(self, *replies):
        self.replies = list(replies)
        self.requests = []

    def __call__(self, request):
        self.requests.append(request)
        return self.replies.pop(0)


def make(api, **options):
    waits = []
    client = TrackerClient("https://tracker.test/api/", "s3cret", api, sleep=waits.append, **options)
    return client, waits


def test_get_issue_sends_auth_headers():
    api = FakeApi(Reply(200, '{"number": 7, "title": "Crash"}'))
    client, waits = make(api)
    assert client.get_issue(7) == {"number": 7, "title": "Crash"}
    request = api.requests[0]
    assert (request.method, request.url, request.body) == ("GET", "https://tracker.test/api/issues/7", None)
    assert request.headers == {"Accept": "application/json", "Authorization": "Bearer s3cret"}
    assert waits == []


def test_retries_503_then_succeeds():
    api = FakeApi(Reply(503, "restarting"), Reply(429, "", {"Retry-After": "7"}), Reply(200, "[]"))
    client, waits = make(api)
    assert client.request("GET", "/ping") == []
    assert waits == [1, 7]
    assert len(api.requests) == 3


def test_gives_up_after_max_retries():
    api = FakeApi(*[Reply(503, "down")] * 3)
    client, waits = make(api, max_retries=2)
    with pytest.raises(RetryLimitReached) as info:
        client.get_issue(1)
    assert info.value.status == 503
    assert waits == [1, 2]


def test_client_errors_are_not_retried():
    api = FakeApi(Reply(404, '{"message": "no such issue"}'), Reply(422, "bad title"), Reply(500, "oops"))
    client, waits = make(api)
    with pytest.raises(NotFound) as missing:
        client.get_issue(99)
    assert missing.value.message == "no such issue"
    with pytest.raises(ClientError):
        client.create_issue("x")
    with pytest.raises(ServerError):
        client.get_issue(1)
    assert waits == []


def test_list_issues_follows_pages():
    api = FakeApi(
        Reply(200, json.dumps({"issues": [{"number": 1}], "next_page": 2})),
        Reply(200, json.dumps({"issues": [{"number": 2}, {"number": 3}], "next_page": None})),
    )
    client, _ = make(api)
    assert [issue["number"] for issue in client.list_issues()] == [1, 2, 3]
    assert [r.url for r in api.requests] == [
        "https://tracker.test/api/issues?state=open&page=1",
        "https://tracker.test/api/issues?state=open&page=2",
    ]


def test_create_issue_posts_json():
    api = FakeApi(Reply(201, '{"number": 8, "title": "Typo"}'))
    client, _ = make(api)
    assert client.create_issue("  Typo ", ["docs"]) == {"number": 8, "title": "Typo"}
    request = api.requests[0]
    assert request.method == "POST"
    assert json.loads(request.body) == {"title": "Typo", "labels": ["docs"]}
    assert request.headers["Content-Type"] == "application/json"


def test_bad_arguments_send_nothing():
    api = FakeApi()
    client, _ = make(api)
    for bad in (0, -1, True, "7"):
        with pytest.raises(ValueError):
            client.get_issue(bad)
    with pytest.raises(ValueError):
        client.list_issues("pending")
    with pytest.raises(ValueError):
        client.create_issue("   ")
    assert api.requests == []
