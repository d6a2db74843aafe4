"""Domain errors of the courses app."""

from __future__ import annotations

from config.errors import ApplicationError


class EnrollmentError(ApplicationError):
    code = "enrollment"
    status = 409
