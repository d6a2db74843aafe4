"""Writes of the mentors app, one module per job: assignment, capstones, check runs, reviews,
feedback requests, comment snippets, certificates, portfolio. Callers import the package
(`from mentors import services`).

Every function is one use case, keyword-only and typed; each owns its transaction. State
changes are conditional updates (`filter(status=...).update(...)`), so two requests or two
workers cannot both win a transition.
"""

from mentors.services.assignment import (
    assignment_end,
    assignment_ensure,
    assignment_set,
    waiting_learners_assign,
    waiting_learners_assign_later,
)
from mentors.services.capstones import capstone_start, capstone_unlock, capstone_upload
from mentors.services.certificates import certificate_issue
from mentors.services.check_runs import (
    check_run_claim,
    check_run_record,
    check_run_record_failure,
    check_runs_requeue_stale,
)
from mentors.services.feedback import (
    feedback_comment_add,
    feedback_message_add,
    feedback_request_create,
    feedback_request_resolve,
)
from mentors.services.portfolio import portfolio_update
from mentors.services.reviews import round_comment_add, round_decide, round_message_add
from mentors.services.snippets import (
    snippet_comment_text,
    snippet_create,
    snippet_delete,
    snippet_update,
)

__all__ = [
    "assignment_end",
    "assignment_ensure",
    "assignment_set",
    "capstone_start",
    "capstone_unlock",
    "capstone_upload",
    "certificate_issue",
    "check_run_claim",
    "check_run_record",
    "check_run_record_failure",
    "check_runs_requeue_stale",
    "feedback_comment_add",
    "feedback_message_add",
    "feedback_request_create",
    "feedback_request_resolve",
    "portfolio_update",
    "round_comment_add",
    "round_decide",
    "round_message_add",
    "snippet_comment_text",
    "snippet_create",
    "snippet_delete",
    "snippet_update",
    "waiting_learners_assign",
    "waiting_learners_assign_later",
]
