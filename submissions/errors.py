"""Domain errors of the submissions app (mapped once: forms show them, the API answers with
problem details)."""

from __future__ import annotations

from config.errors import ApplicationError


class SubmissionError(ApplicationError):
    """Bad files or a rule (rate limit, availability) refused the submission.
    `field_errors` maps a file name (or "files") to messages for forms and the API."""

    code = "submission_invalid"

    def __init__(
        self,
        message: str,
        *,
        field_errors: dict[str, list[str]] | None = None,
        code: str | None = None,
    ) -> None:
        super().__init__(message, code=code)
        self.field_errors = field_errors or {}


class RateLimited(SubmissionError):
    code = "rate_limited"
    status = 429


class IdempotencyKeyReused(SubmissionError):
    code = "idempotency_key_reused"
    status = 422
