"""The one domain-error type. Services raise it (or a subclass); pages turn it into a message
or a form error and the API into a problem-details response, each in exactly one place."""

from __future__ import annotations


class ApplicationError(Exception):
    """A business rule said no. `message` is safe to show to the person who asked."""

    code = "invalid"
    status = 400

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code
