"""Email delivery of one notification: claim, render (text + HTML), send, mark sent."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse

from config.links import absolute_url
from notifications import services
from notifications.models import Notification


def message_id(notification: Notification) -> str:
    domain = settings.DEFAULT_FROM_EMAIL.rsplit("@", 1)[-1].strip(" >") or "apprentice.local"
    return f"<notification-{notification.pk}.{notification.kind}@{domain}>"


def build_email(notification: Notification) -> EmailMultiAlternatives:
    recipient = notification.recipient
    unsubscribe = services.unsubscribe_url_build(user=recipient)
    context = {
        "notification": notification,
        "recipient": recipient,
        "action_url": absolute_url(notification.url),
        "inbox_url": absolute_url(reverse("notifications:inbox")),
        "preferences_url": absolute_url(reverse("notifications:preferences")),
        "unsubscribe_url": unsubscribe,
    }
    message = EmailMultiAlternatives(
        # A subject is a header: one line, whatever the title holds.
        subject=" ".join(notification.title.split()),
        body=render_to_string("notifications/email/notification.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[recipient.email],
        headers={
            # The same notification always has the same Message-ID: a copy re-sent after an
            # unknown outcome is recognisable as the same message.
            "Message-ID": message_id(notification),
            # RFC 2369 / RFC 8058: mail clients show an unsubscribe button that POSTs here.
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "X-Apprentice-Notification": f"{notification.kind}:{notification.pk}",
        },
    )
    message.attach_alternative(
        render_to_string("notifications/email/notification.html", context), "text/html"
    )
    return message


def send_email(*, notification_id: int) -> bool:
    """Send the email of one notification if it is still pending. Exactly one caller wins
    the claim; errors from the mail server propagate (the task decides about retries)."""
    if not services.email_claim(notification_id=notification_id):
        return False
    notification = Notification.objects.select_related("recipient").get(pk=notification_id)
    build_email(notification).send(fail_silently=False)
    services.email_mark_sent(notification_id=notification_id)
    return True
