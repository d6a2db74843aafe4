import smtplib

import pytest
from mailer import build_message, is_valid_email, read_recipients, render, send_bulk


class Recorder:
    def __init__(self, fail_for=()):
        self.outbox = []
        self.fail_for = set(fail_for)

    def send_message(self, msg):
        if msg["To"] in self.fail_for:
            raise smtplib.SMTPRecipientsRefused({msg["To"]: (550, b"no such user")})
        self.outbox.append(msg)


CSV = """email,name,plan
ada@example.com,Ada,gold
not-an-address,Bob,silver
grace@example.org , Grace ,bronze
"""


@pytest.mark.parametrize(
    ("address", "valid"),
    [
        ("ada@example.com", True),
        ("ada.l+club@mail.example.org", True),
        ("ada@localhost", False),
        ("ada@@example.com", False),
        ("ada@example..com", False),
        ("ada example@x.com", False),
        ("ada@example.com ", False),
        ("", False),
    ],
)
def test_is_valid_email(address, valid):
    assert is_valid_email(address) is valid


def test_read_recipients_strips_values():
    rows = read_recipients(CSV)
    assert len(rows) == 3
    assert rows[2] == {"email": "grace@example.org", "name": "Grace", "plan": "bronze"}


def test_read_recipients_requires_columns():
    with pytest.raises(ValueError):
        read_recipients("mail,name\nada@example.com,Ada\n")


def test_render_and_missing_field():
    assert render("Hi $name, your ${plan} plan", {"name": "Ada", "plan": "gold"}) == (
        "Hi Ada, your gold plan"
    )
    with pytest.raises(ValueError, match="plan"):
        render("Your $plan plan", {"name": "Ada"})


def test_build_message_headers_and_body():
    msg = build_message(
        "club@example.org", {"email": "ada@example.com", "name": "Ada"}, "Hi $name", "Dear $name"
    )
    assert msg["From"] == "club@example.org"
    assert msg["To"] == "ada@example.com"
    assert msg["Subject"] == "Hi Ada"
    assert msg.get_content().strip() == "Dear Ada"


def test_send_bulk_sends_valid_and_skips_invalid():
    box = Recorder()
    report = send_bulk(CSV, "Hi $name", "Your $plan plan renews soon.", "club@example.org", box)
    assert report.sent == ["ada@example.com", "grace@example.org"]
    assert [number for number, _ in report.skipped] == [2]
    assert "invalid" in report.skipped[0][1]
    assert report.failed == []
    assert [m.get_content().strip() for m in box.outbox] == [
        "Your gold plan renews soon.",
        "Your bronze plan renews soon.",
    ]


def test_send_bulk_records_transport_failures_and_continues():
    box = Recorder(fail_for={"ada@example.com"})
    report = send_bulk(CSV, "Hi", "Hello $name", "club@example.org", box)
    assert report.sent == ["grace@example.org"]
    assert [address for address, _ in report.failed] == ["ada@example.com"]
    assert len(box.outbox) == 1
