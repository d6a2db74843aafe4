"""Send one personalised email per CSV row, through any object with send_message()."""

from __future__ import annotations

import csv
import io
import re
import smtplib
from collections.abc import Mapping
from dataclasses import dataclass, field
from email.message import EmailMessage
from string import Template
from typing import Protocol

EMAIL = re.compile(
    r"""
    [A-Za-z0-9._%+-]+                           # local part
    @
    (?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+   # domain labels, each followed by a dot
    [A-Za-z]{2,}                                # top-level domain: letters only
    """,
    re.VERBOSE,
)
REQUIRED_COLUMNS = ("email", "name")


class Transport(Protocol):
    """What we need from a mail connection; smtplib.SMTP fits."""

    def send_message(self, msg: EmailMessage) -> object: ...


@dataclass
class SendReport:
    sent: list[str] = field(default_factory=list)
    skipped: list[tuple[int, str]] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)


def is_valid_email(address: str) -> bool:
    """A pragmatic check: local part, one @, a dotted domain ending in letters."""
    return (
        EMAIL.fullmatch(address) is not None
        and ".." not in address
        and not address.startswith(".")
        and ".@" not in address
    )


def read_recipients(csv_text: str) -> list[dict[str, str]]:
    """Rows of a CSV with a header that includes `email` and `name`; values stripped."""
    reader = csv.DictReader(io.StringIO(csv_text))
    columns = [name.strip() for name in reader.fieldnames or []]
    missing = [column for column in REQUIRED_COLUMNS if column not in columns]
    if missing:
        raise ValueError(f"CSV is missing required columns: {', '.join(missing)}")
    reader.fieldnames = columns
    return [
        {key: (value or "").strip() for key, value in row.items() if key is not None}
        for row in reader
    ]


def render(template: str, row: Mapping[str, str]) -> str:
    """Fill $placeholders from the row; a missing field raises ValueError naming it."""
    try:
        return Template(template).substitute(row)
    except KeyError as exc:
        raise ValueError(f"missing field {exc.args[0]!r}") from None


def build_message(
    sender: str, row: Mapping[str, str], subject_template: str, body_template: str
) -> EmailMessage:
    """One ready-to-send message for one recipient row."""
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = row["email"]
    msg["Subject"] = render(subject_template, row)
    msg.set_content(render(body_template, row))
    return msg


def send_bulk(
    csv_text: str,
    subject_template: str,
    body_template: str,
    sender: str,
    transport: Transport,
) -> SendReport:
    """Send to every valid, distinct recipient; report what was sent, skipped or failed."""
    report = SendReport()
    seen: set[str] = set()
    for number, row in enumerate(read_recipients(csv_text), start=1):
        address = row["email"]
        if not is_valid_email(address):
            report.skipped.append((number, f"invalid address {address!r}"))
            continue
        if address.lower() in seen:
            report.skipped.append((number, f"duplicate address {address!r}"))
            continue
        try:
            message = build_message(sender, row, subject_template, body_template)
        except ValueError as exc:
            report.skipped.append((number, str(exc)))
            continue
        seen.add(address.lower())
        try:
            transport.send_message(message)
        except (smtplib.SMTPException, OSError) as exc:
            report.failed.append((address, str(exc) or type(exc).__name__))
        else:
            report.sent.append(address)
    return report
