"""Domain errors of the courses app."""

from __future__ import annotations

from django.http import Http404

from config.errors import ApplicationError


class EnrollmentError(ApplicationError):
    code = "enrollment"
    status = 409


class NotInPlan(ApplicationError, Http404):
    """No such lesson or exercise for this learner: missing, retired and another track's
    look the same. An Http404 too, so pages answer the 404 page and the API its 404 problem
    (config.api.errors) with no wrapper in any view."""

    code = "not_found"
    status = 404
