"""`{% practice_streak %}`: streak and six-month heatmap for the signed-in learner."""

from __future__ import annotations

from typing import Any

from django import template

from accounts.models import User
from accounts.selectors import user_local_date
from notifications import selectors

register = template.Library()


@register.inclusion_tag("notifications/_streak.html", takes_context=True)
def practice_streak(context: dict[str, Any], learner: User | None = None) -> dict[str, Any]:
    user = learner or context.get("user")
    if not isinstance(user, User):
        return {"learner": None}
    today = user_local_date(user=user)
    return {
        "learner": user,
        "streaks": selectors.learner_streaks(learner=user, today=today),
        "heatmap": selectors.learner_heatmap(learner=user, today=today),
    }
