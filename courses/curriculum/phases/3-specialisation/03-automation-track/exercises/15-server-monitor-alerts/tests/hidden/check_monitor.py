"""Hidden checks: they record what the code does; the grader compares with the reference."""

from datetime import datetime, timedelta, timezone

import pytest
from alerts import Alert, SendError, SlackSender, format_alert, format_duration
from monitor import Monitor

T0 = datetime(2024, 12, 31, 23, 58, 30, tzinfo=timezone.utc)


class Clock:
    def __init__(self, *gaps_in_seconds):
        self.gaps, self.now, self.calls = list(gaps_in_seconds), T0, 0

    def __call__(self):
        if self.calls:
            self.now += timedelta(seconds=self.gaps.pop(0) if self.gaps else 60)
        self.calls += 1
        return self.now


class Probe:
    def __init__(self, script):
        self.script = {t: list(r) for t, r in script.items()}
        self.calls = []

    def __call__(self, target):
        self.calls.append(target)
        outcome = self.script.get(target, []).pop(0) if self.script.get(target) else None
        if outcome is not None:
            raise outcome
        return "ignored"


class Sender:
    def __init__(self, fail_on=()):
        self.fail_on, self.attempts, self.sent = set(fail_on), 0, []

    def send(self, alert):
        self.attempts += 1
        if self.attempts in self.fail_on:
            raise OSError("network unreachable")
        self.sent.append(alert)


def view(alerts):
    return [(a.kind, a.target, a.at - T0, a.since - T0, a.detail) for a in alerts]


def rounds(monitor, count):
    return [view(monitor.run_once()) for _ in range(count)]


def check_format_duration(observe):
    for seconds in (0, 0.999, 1, 59, 59.99, 60, 61, 599, 3599, 3600, 3601, 3660, 86399, 90061, 360000):
        observe(format_duration(timedelta(seconds=seconds)))


def check_format_alert(observe):
    since = datetime(2024, 2, 29, 3, 4, 5, 999999, tzinfo=timezone.utc)
    for kind, at, detail in [
        ("down", since + timedelta(minutes=2), "TimeoutError: timed out"),
        ("reminder", since + timedelta(hours=1, seconds=59), "OSError: [Errno 113] No route to host"),
        ("reminder", since + timedelta(seconds=30), "TimeoutError: "),
        ("recovered", since + timedelta(hours=25), ""),
        ("recovered", since, ""),
        ("DOWN", since, "x"),
        ("silenced", since, "x"),
    ]:
        observe.call(format_alert, Alert(kind, "db-1.internal:5432", at, since, detail))


@pytest.mark.parametrize("status", [200, 201, 204, 299, 300, 199, 404, 500])
def check_slack_sender(observe, status):
    posted = []

    def post(url, payload):
        posted.append((url, payload))
        return status

    sender = SlackSender("https://hooks.slack.com/services/T1/B2/c3", post=post)
    alert = Alert("down", "api:443", T0, T0 - timedelta(minutes=1), "ConnectionResetError: reset")
    observe.raises(sender.send, alert)
    observe(posted)
    observe(sender.webhook_url)


def check_outage_flap_and_recovery(observe):
    err = TimeoutError("timed out")
    script = {
        "web-1:443": [None, err, None, err, err, err, None, None],
        "db-1:5432": [ConnectionRefusedError("refused"), ConnectionRefusedError("still refused"), None],
        "cache:6379": [OSError(), OSError("gone"), OSError("gone"), None, OSError("again"), OSError("again")],
    }
    probe = Probe(script)
    sender = Sender()
    clock = Clock(30, 45, 60, 61, 3600, 5, 5)
    monitor = Monitor(list(script), probe=probe, sender=sender, clock=clock)
    observe(monitor.status())
    observe(rounds(monitor, 8))
    observe(view(sender.sent))
    observe(monitor.status())
    observe(clock.calls)
    observe(probe.calls[:6])


@pytest.mark.parametrize("threshold", [1, 2, 3])
def check_thresholds(observe, threshold):
    err = ConnectionError("reset")
    probe = Probe({"a": [err, err, None, err, err, err, err, None], "b": [err] * 8})
    monitor = Monitor(["a", "b"], probe=probe, sender=Sender(), clock=Clock(), failures_to_alert=threshold)
    observe(rounds(monitor, 9))
    observe(monitor.status())


@pytest.mark.parametrize("every", [None, 60, 120, 150, 1])
def check_reminders(observe, every):
    err = TimeoutError("slow")
    probe = Probe({"api": [err] * 7 + [None], "ok": []})
    remind = None if every is None else timedelta(seconds=every)
    monitor = Monitor(["ok", "api"], probe=probe, sender=Sender(), clock=Clock(60, 60, 30, 30, 60, 90, 60),
                      failures_to_alert=2, remind_every=remind)
    observe(rounds(monitor, 9))


def check_delivery_survives_sender_failures(observe):
    err = OSError("down")
    probe = Probe({"x": [err, None, err, None], "y": [err, err, None]})
    sender = Sender(fail_on={1, 3, 4})
    monitor = Monitor(["x", "y"], probe=probe, sender=sender, clock=Clock(), failures_to_alert=1)
    for _ in range(6):
        observe(view(monitor.run_once()))
        observe(view(monitor.pending))
        observe(view(sender.sent))
    copy = monitor.pending
    copy.append("not an alert")
    observe(view(monitor.pending))
    observe(sender.attempts)


def check_sender_that_always_fails(observe):
    class Broken:
        def send(self, alert):
            raise SendError("no route")

    probe = Probe({"z": [KeyError("k"), None]})
    monitor = Monitor(["z"], probe=probe, sender=Broken(), clock=Clock(), failures_to_alert=1,
                      remind_every=timedelta(minutes=1))
    observe(rounds(monitor, 3))
    observe(view(monitor.pending))


@pytest.mark.parametrize(
    "targets, kwargs",
    [
        (["a", "b", "a"], {}), (["a"], {"failures_to_alert": 0}), (["a"], {"failures_to_alert": -2}),
        (["a"], {"remind_every": timedelta(0)}), (["a"], {"remind_every": timedelta(seconds=-1)}),
        (["a"], {"remind_every": timedelta(microseconds=1)}), ([], {}), (["A", "a"], {"failures_to_alert": 1}),
    ],
)
def check_construction(observe, targets, kwargs):
    def build():
        return Monitor(targets, probe=Probe({}), sender=Sender(), clock=Clock(), **kwargs)

    observe.raises(build)
    monitor = Monitor(["only"], probe=Probe({"only": [OSError("x")]}), sender=Sender(), clock=Clock(),
                      failures_to_alert=1)
    observe(view(monitor.run_once()))
