from datetime import datetime, timedelta, timezone

import pytest
from alerts import Alert, SendError, SlackSender, format_alert, format_duration
from monitor import Monitor

T0 = datetime(2024, 6, 1, 12, 0, tzinfo=timezone.utc)


class Clock:
    """Each call is one round, `step` after the previous one."""

    def __init__(self, step=timedelta(minutes=1)):
        self.now, self.step = T0 - step, step

    def __call__(self):
        self.now += self.step
        return self.now


class Probe:
    """`script[target]` lists, round by round, None (up) or the exception to raise."""

    def __init__(self, script):
        self.script = {target: list(rounds) for target, rounds in script.items()}

    def __call__(self, target):
        outcome = self.script[target].pop(0) if self.script[target] else None
        if outcome is not None:
            raise outcome


class Sender:
    def __init__(self, failures=0):
        self.sent, self.failures = [], failures

    def send(self, alert):
        if self.failures:
            self.failures -= 1
            raise SendError("slack is down")
        self.sent.append(alert)


def refused():
    return ConnectionRefusedError("refused")


def test_format_duration_and_messages():
    assert format_duration(timedelta(seconds=45.9)) == "45s"
    assert format_duration(timedelta(minutes=3, seconds=7)) == "3m 07s"
    assert format_duration(timedelta(hours=2, seconds=9)) == "2h 00m 09s"
    down = Alert("down", "web-1:443", T0, T0, "ConnectionRefusedError: refused")
    assert format_alert(down) == "DOWN web-1:443 since 2024-06-01 12:00:00Z: ConnectionRefusedError: refused"
    back = Alert("recovered", "web-1:443", T0 + timedelta(minutes=5), T0, "")
    assert format_alert(back) == "RECOVERED web-1:443 after 5m 00s"


def test_slack_sender_posts_the_text_and_checks_the_status():
    posted = []
    sender = SlackSender("https://hooks.slack.com/x", post=lambda url, payload: posted.append((url, payload)) or 200)
    sender.send(Alert("recovered", "db", T0 + timedelta(seconds=30), T0, ""))
    assert posted == [("https://hooks.slack.com/x", {"text": "RECOVERED db after 30s"})]
    failing = SlackSender("u", post=lambda url, payload: 500)
    with pytest.raises(SendError):
        failing.send(Alert("recovered", "db", T0, T0, ""))


def test_one_alert_after_the_threshold_and_none_while_down():
    sender = Sender()
    monitor = Monitor(["web", "db"], probe=Probe({"web": [], "db": [refused()] * 4}),
                      sender=sender, clock=Clock())
    assert monitor.run_once() == []
    alerts = monitor.run_once()
    assert alerts == [Alert("down", "db", T0 + timedelta(minutes=1), T0, "ConnectionRefusedError: refused")]
    assert monitor.run_once() == [] and monitor.run_once() == []
    assert sender.sent == alerts
    assert monitor.status() == {"web": "up", "db": "down"}


def test_recovery_is_announced_and_a_flap_is_not():
    sender = Sender()
    monitor = Monitor(["a", "b"], probe=Probe({"a": [refused(), refused()], "b": [refused()]}),
                      sender=sender, clock=Clock())
    monitor.run_once()
    monitor.run_once()
    assert monitor.run_once() == [Alert("recovered", "a", T0 + timedelta(minutes=2), T0, "")]
    assert [a.kind for a in sender.sent] == ["down", "recovered"]


def test_reminders_while_down():
    monitor = Monitor(["a"], probe=Probe({"a": [refused()] * 5}), sender=Sender(), clock=Clock(),
                      failures_to_alert=1, remind_every=timedelta(minutes=2))
    kinds = [[a.kind for a in monitor.run_once()] for _ in range(5)]
    assert kinds == [["down"], [], ["reminder"], [], ["reminder"]]


def test_alerts_wait_while_the_sender_fails():
    sender = Sender(failures=2)
    monitor = Monitor(["a"], probe=Probe({"a": [refused()]}), sender=sender, clock=Clock(),
                      failures_to_alert=1)
    monitor.run_once()
    assert [a.kind for a in monitor.pending] == ["down"]
    monitor.run_once()
    assert [a.kind for a in monitor.pending] == ["down", "recovered"]
    monitor.run_once()
    assert monitor.pending == [] and [a.kind for a in sender.sent] == ["down", "recovered"]


def test_invalid_settings():
    for kwargs in ({"failures_to_alert": 0}, {"remind_every": timedelta(0)}):
        with pytest.raises(ValueError):
            Monitor(["a"], probe=Probe({}), sender=Sender(), clock=Clock(), **kwargs)
    with pytest.raises(ValueError):
        Monitor(["a", "a"], probe=Probe({}), sender=Sender(), clock=Clock())
