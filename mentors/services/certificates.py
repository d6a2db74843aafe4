"""Certificates: issued once per approved capstone, with a code that is read aloud and typed."""

from __future__ import annotations

import secrets

from django.db import IntegrityError, transaction

from mentors.errors import ReviewError
from mentors.models import Capstone, Certificate

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud and typed


def _certificate_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def certificate_issue(*, capstone: Capstone, mentor_name: str) -> Certificate:
    existing = Certificate.objects.filter(capstone=capstone).first()
    if existing is not None:
        return existing
    for _ in range(5):
        try:
            with transaction.atomic():
                return Certificate.objects.create(
                    capstone=capstone,
                    learner=capstone.learner,
                    code=_certificate_code(),
                    learner_name=capstone.learner.name,
                    track_title=capstone.track.title,
                    capstone_title=capstone.track.capstone_title,
                    mentor_name=mentor_name,
                )
        except IntegrityError:  # a code collision: astronomically rare, try another
            continue
    raise ReviewError("Could not issue a certificate code; try again.")
