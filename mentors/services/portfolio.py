"""The learner's public portfolio settings."""

from __future__ import annotations

from accounts.models import User
from mentors.models import PortfolioSettings


def portfolio_update(*, user: User, is_public: bool, headline: str = "") -> PortfolioSettings:
    portfolio_settings, _ = PortfolioSettings.objects.update_or_create(
        user=user, defaults={"is_public": is_public, "headline": headline.strip()[:160]}
    )
    return portfolio_settings
