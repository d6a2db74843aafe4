"""Domain errors of the mentors app. Pages turn them into messages or form errors and the
API into problem-details responses (config.errors.ApplicationError, mapped once)."""

from __future__ import annotations

from config.errors import ApplicationError


class MentorshipError(ApplicationError):
    code = "mentorship"


class CapstoneError(ApplicationError):
    code = "capstone"


class ArchiveError(ApplicationError):
    """An uploaded capstone archive is unsafe or unreadable; the message says why."""

    code = "invalid_archive"


class ReviewError(ApplicationError):
    code = "review"


class PermissionDeniedError(ApplicationError):
    code = "permission_denied"
    status = 403


class FeedbackError(ApplicationError):
    """A feedback request, message or line comment was refused; the message says why."""

    code = "feedback"


class FeedbackLimitError(FeedbackError):
    """The learner already has as many open feedback requests as allowed."""

    code = "feedback_limit"
    status = 409


class PostingTooFast(ApplicationError):
    """More messages and line comments in a short time than a person writes
    (THREAD_POSTS_PER_10_MINUTES); each one notifies somebody, by email too."""

    code = "posting_too_fast"
    status = 429


class SnippetError(ApplicationError):
    """A comment snippet was refused (empty, a title already used, too many); the message
    says why."""

    code = "snippet"


class SnippetLimitError(SnippetError):
    """The mentor already has as many snippets as allowed (COMMENT_SNIPPETS_MAX)."""

    code = "snippet_limit"
    status = 409
