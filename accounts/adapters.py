from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.http import HttpRequest
from django.urls import reverse


@dataclass(frozen=True)
class EmailSite:
    """What emails call the site (`current_site` in their templates)."""

    name: str
    domain: str


def email_site() -> EmailSite:
    """The site as settings name it (SITE_NAME, the host of SITE_URL): never the
    `django.contrib.sites` row, which Django creates as "example.com"."""
    return EmailSite(name=settings.SITE_NAME, domain=urlsplit(settings.SITE_URL).netloc)


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

    def get_login_redirect_url(self, request: HttpRequest) -> str:
        """Mentors land on the mentor home; everyone else on LOGIN_REDIRECT_URL (a `next`
        the login was given still wins: allauth asks this only without one)."""
        if getattr(request.user, "is_mentor", False):
            return reverse("mentors:home")
        return str(super().get_login_redirect_url(request))

    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        super().send_mail(template_prefix, email, {"current_site": email_site(), **context})

    def send_account_already_exists_mail(self, email: str) -> None:
        """Signing up with an address that has an account answers like a new sign-up; it
        also costs what a new sign-up costs (one password hash), so the time an answer
        takes says nothing about which addresses have accounts."""
        make_password(secrets.token_urlsafe(24))
        super().send_account_already_exists_mail(email)
