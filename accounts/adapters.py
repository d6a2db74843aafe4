from __future__ import annotations

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from django.http import HttpRequest


class AccountAdapter(DefaultAccountAdapter):  # type: ignore[misc]  # allauth is untyped
    """Sign-up is open; emails are stored lower-case so that login is case-insensitive."""

    def is_open_for_signup(self, request: HttpRequest) -> bool:
        return True

    def clean_email(self, email: str) -> str:
        return str(super().clean_email(email)).lower()

    def save_user(self, request: HttpRequest, user: Any, form: Any, commit: bool = True) -> Any:
        user = super().save_user(request, user, form, commit=False)
        user.email = user.email.lower()
        if commit:
            user.save()
        return user
