"""Send one personalised email per CSV row, through any object with send_message().

Read README.md for the full specification.
"""

from __future__ import annotations

import csv  # noqa: F401 - you will need it
import re  # noqa: F401 - you will need it
from collections.abc import Mapping
from dataclasses import dataclass, field
from email.message import EmailMessage
from string import Template  # noqa: F401 - you will need it
from typing import Protocol


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
    raise NotImplementedError


def read_recipients(csv_text: str) -> list[dict[str, str]]:
    """Rows of a CSV with a header that includes `email` and `name`; values stripped."""
    raise NotImplementedError


def render(template: str, row: Mapping[str, str]) -> str:
    """Fill $placeholders from the row; a missing field raises ValueError naming it."""
    raise NotImplementedError


def build_message(
    sender: str, row: Mapping[str, str], subject_template: str, body_template: str
) -> EmailMessage:
    """One ready-to-send message for one recipient row."""
    raise NotImplementedError


def send_bulk(
    csv_text: str,
    subject_template: str,
    body_template: str,
    sender: str,
    transport: Transport,
) -> SendReport:
    """Send to every valid, distinct recipient; report what was sent, skipped or failed."""
    raise NotImplementedError
