"""Pages: the inbox, preferences, and the public one-click unsubscribe."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from config.requests import found_or_404, request_user
from notifications import selectors, services
from notifications.forms import PreferencesForm

INBOX_PAGE_SIZE = 20


@login_required
def inbox(request: HttpRequest) -> HttpResponse:
    page = Paginator(
        selectors.notification_inbox(recipient=request_user(request)), INBOX_PAGE_SIZE
    ).get_page(request.GET.get("page"))
    return render(request, "notifications/inbox.html", {"page": page})


@login_required
@require_POST
def mark_read(request: HttpRequest, pk: int) -> HttpResponse:
    user = request_user(request)
    notification = found_or_404(
        services.notification_mark_read, "No such notification.", recipient=user, notification_id=pk
    )
    target = request.POST.get("next", "")
    if (
        target == "open"
        and notification.url
        and url_has_allowed_host_and_scheme(notification.url, allowed_hosts={request.get_host()})
    ):
        return redirect(notification.url)
    return redirect("notifications:inbox")


@login_required
@require_POST
def mark_all_read(request: HttpRequest) -> HttpResponse:
    count = services.notification_mark_all_read(recipient=request_user(request))
    messages.success(request, f"Marked {count} notification{'s' if count != 1 else ''} read.")
    return redirect("notifications:inbox")


@login_required
def preferences(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    current = selectors.preferences_get(user=user)
    form = PreferencesForm(
        request.POST or None,
        initial={
            "email_enabled": current.wants_email,
            "in_app_enabled": current.in_app_enabled,
            "quiet": current.quiet,
        },
    )
    if request.method == "POST" and form.is_valid():
        services.preferences_update(user=user, **form.cleaned_data)
        messages.success(request, "Notification preferences saved.")
        return redirect("notifications:preferences")
    return render(request, "notifications/preferences.html", {"form": form, "preferences": current})


# Mail clients POST here without a session or CSRF token (RFC 8058 one-click); the signed
# token is the credential, and unsubscribing is harmless to repeat.
@csrf_exempt
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    user = services.unsubscribe_token_verify(token=token)
    if user is None:
        return render(request, "notifications/unsubscribe_invalid.html", status=400)
    if request.method == "POST":
        services.email_unsubscribe(user=user)
        return render(request, "notifications/unsubscribed.html", {"email": user.email})
    return render(request, "notifications/unsubscribe.html", {"email": user.email, "token": token})
