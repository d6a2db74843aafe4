"""Hidden checks for the tracker client: they record what the code does, never assert."""

import json

import pytest
from tracker import ApiError, Reply, TrackerClient

BASE = "https://tracker.test/v2//"


class FakeApi:
    def __init__(self, *replies):
        self.replies = list(replies)
        self.requests = []

    def __call__(self, request):
        self.requests.append((request.method, request.url, dict(request.headers), request.body))
        return self.replies.pop(0)


def make(*replies, **options):
    api = FakeApi(*replies)
    waits = []
    client = TrackerClient(BASE, "tok-42", api, sleep=waits.append, **options)
    return client, api, waits


def outcome(function, *args):
    try:
        return ("returned", function(*args))
    except ApiError as error:
        return (type(error).__name__, error.status, error.message, str(error))
    except (TypeError, ValueError) as error:
        return (type(error).__name__,)


def page(issues, next_page=None, **extra):
    return Reply(200, json.dumps({"issues": issues, "next_page": next_page, **extra}))


def check_constructor(observe):
    for value in [-1, True, 1.0, "3", None]:
        observe.raises(TrackerClient, BASE, "t", FakeApi(), max_retries=value)
    client, api, waits = make(max_retries=0)
    observe((api.requests, waits))
    observe(outcome(TrackerClient(BASE, "t", FakeApi(Reply(200, "1"))).request, "GET", "/x"))


def check_request_shape(observe):
    client, api, _ = make(Reply(200, '{"ok": true}'), Reply(201, ' [1, "two"] '), Reply(204),
                          Reply(200, "  \n"), Reply(202, '"queued"'))
    observe(outcome(client.request, "GET", "/issues/3"))
    observe(outcome(client.request, "POST", "/issues", {"title": "Ünïcode", "labels": ["a", "b"], "n": 1.5}))
    observe(outcome(client.request, "DELETE", "/issues/3"))
    observe(outcome(client.request, "PUT", "/issues/3", {}))
    observe(outcome(client.request, "PATCH", "/issues/3", [None, False]))
    observe(api.requests)


@pytest.mark.parametrize(
    "status",
    [199, 200, 299, 300, 304, 400, 401, 403, 404, 409, 418, 422, 499, 500, 501, 502, 504, 599, 600],
)
def check_status_families(observe, status):
    client, api, waits = make(Reply(status, f'  {{"message": "m{status}", "code": 1}} '))
    observe(outcome(client.request, "GET", "/s"))
    observe((len(api.requests), waits))


def check_messages(observe):
    bodies = ['{"message": "title is required"}', '{"message": 42}', '{"error": "x"}', '["message"]',
              "  plain text  ", "", "   ", "z" * 250, "<html>oops</html>"]
    for body in bodies:
        client, _, _ = make(Reply(400, body))
        observe(outcome(client.get_issue, 5))
    client, _, _ = make(Reply(200, "<html>not json</html>"))
    result = outcome(client.get_issue, 5)
    observe(result[:2])


@pytest.mark.parametrize("status", [429, 503])
def check_retry_then_success(observe, status):
    client, api, waits = make(Reply(status, "slow"), Reply(status, "slow"), Reply(200, '{"n": 1}'))
    observe(outcome(client.get_issue, 1))
    observe([float(w) for w in waits])
    observe(len(api.requests))
    observe(len({json.dumps(r) for r in api.requests}))


@pytest.mark.parametrize("max_retries", [0, 1, 3, 5])
def check_retry_limit_is_exact(observe, max_retries):
    replies = [Reply(503, f"attempt {n}") for n in range(max_retries + 1)] + [Reply(200, '"late"')]
    client, api, waits = make(*replies, max_retries=max_retries)
    observe(outcome(client.get_issue, 2))
    observe([float(w) for w in waits])
    observe(len(api.requests))
    # one reply fewer: the last retry succeeds
    client, api, waits = make(*[Reply(429, "")] * max_retries, Reply(200, '"ok"'), max_retries=max_retries)
    observe(outcome(client.get_issue, 2))
    observe([float(w) for w in waits])


def check_retry_after(observe):
    replies = [
        Reply(429, "", {"Retry-After": "30"}),
        Reply(503, "", {"retry-after": " 0 "}),
        Reply(429, "", {"RETRY-AFTER": "Wed, 21 Oct 2026 07:28:00 GMT"}),
        Reply(503, "", {"Retry-After": "-5"}),
        Reply(429, "", {"Retry-After": "2.5"}),
        Reply(503, '{"message": "still down"}', {"X-Retry": "9"}),
    ]
    client, api, waits = make(*replies, max_retries=5)
    observe(outcome(client.get_issue, 3))
    observe([float(w) for w in waits])
    client, api, waits = make(Reply(429, "", {"Retry-After": "12"}), Reply(404, ""), max_retries=1)
    observe(outcome(client.get_issue, 3))
    observe([float(w) for w in waits])


def check_other_errors_are_never_retried(observe):
    for status in [400, 404, 500, 502, 504]:
        client, api, waits = make(Reply(status, "no"), Reply(200, "{}"))
        observe(outcome(client.get_issue, 4)[:2])
        observe((len(api.requests), waits))


def check_get_issue_arguments(observe):
    for number in [1, 250]:
        client, api, _ = make(Reply(200, json.dumps({"number": number})))
        observe(outcome(client.get_issue, number))
        observe(api.requests[0][1])
    for bad in [0, -3, True, False, 2.0, "7", None]:
        client, api, _ = make()
        observe(outcome(client.get_issue, bad))
        observe(api.requests)


def check_list_issues_pages(observe):
    client, api, _ = make(page([{"n": 3}, {"n": 1}], 2), page([], 5), page([{"n": 2}]))
    observe(outcome(client.list_issues, "all"))
    observe(api.requests)
    client, api, _ = make(Reply(200, json.dumps({"issues": [{"n": 9}]})))
    observe(outcome(client.list_issues))
    observe([r[:2] for r in api.requests])
    client, api, _ = make(page([{"n": 1}], 2), Reply(503, ""), page([{"n": 2}]))
    observe(outcome(client.list_issues, "closed"))
    observe([r[:2] for r in api.requests])
    for state in ["pending", "OPEN", "", None]:
        client, api, _ = make()
        observe(outcome(client.list_issues, state))
        observe(api.requests)


@pytest.mark.parametrize(
    "bad_page",
    [page([{"n": 2}], 1), page([{"n": 2}], 0), page([{"n": 2}], 2), page([], "3"), page([], True),
     page([], 2.0), Reply(200, '{"next_page": null}'), Reply(200, '{"issues": {"n": 2}}'),
     Reply(200, "[1, 2]"), Reply(204, "")],
)
def check_list_issues_bad_pages(observe, bad_page):
    client, api, _ = make(page([{"n": 1}], 2), bad_page, page([{"n": 3}]), page([{"n": 4}]))
    result = outcome(client.list_issues)
    observe(result[:2])
    observe(len(api.requests))


def check_create_issue(observe):
    client, api, _ = make(Reply(201, '{"number": 8}'), Reply(201, '{"number": 9}'), Reply(422, '{"message": "duplicate"}'))
    observe(outcome(client.create_issue, "  Login fails on Safari \n", ("bug", "ui")))
    observe(outcome(client.create_issue, "Docs"))
    observe(outcome(client.create_issue, "Again", iter(["dup"])))
    observe(api.requests)
    client, api, _ = make()
    for title in ["", "   ", "\n\t"]:
        observe(outcome(client.create_issue, title))
    observe(api.requests)


def check_defaults(observe):
    api = FakeApi(*[Reply(429, "busy")] * 6)
    waits = []
    client = TrackerClient("https://tracker.test/BOX/", "t", api, sleep=waits.append)
    observe(outcome(client.get_issue, 1))
    observe([float(w) for w in waits])
    observe([r[1] for r in api.requests])
    api = FakeApi(*[Reply(503, "")] * 3, Reply(200, '{"n": 3}'))
    waits = []
    client = TrackerClient("https://tracker.test/X", "t", api, sleep=waits.append)
    observe(outcome(client.get_issue, 3))
    observe(([float(w) for w in waits], api.requests[0][1]))
