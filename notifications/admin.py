"""Admin: notification history per learner, failures, per-kind daily counts, announcements."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import URLPattern, path

from notifications import selectors, services
from notifications.forms import AnnouncementForm
from notifications.models import (
    DeliveryStatus,
    LearnerActivity,
    Notification,
    NotificationPreferences,
)


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin[Notification]):
    list_display = (
        "created_at",
        "recipient",
        "kind",
        "dedupe_key",
        "inbox_status",
        "email_status",
        "email_attempts",
        "read_at",
    )
    list_filter = ("kind", "email_status", "inbox_status", "created_at")
    # A learner's notification history: search by email, or filter by recipient id (?recipient__id__exact=).
    search_fields = ("recipient__email", "dedupe_key", "title")
    list_select_related = ("recipient",)
    date_hierarchy = "created_at"
    readonly_fields = tuple(f.name for f in Notification._meta.fields)
    actions = ("retry_failed_email",)
    change_list_template = "admin/notifications/notification/change_list.html"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.action(description="Retry email of selected failed notifications")
    def retry_failed_email(self, request: HttpRequest, queryset: QuerySet[Notification]) -> None:
        ids = list(queryset.values_list("pk", flat=True))
        queued = services.email_retry_failed(notification_ids=ids)
        self.message_user(request, f"Queued {queued} email(s) again.")

    def get_urls(self) -> list[URLPattern]:
        own = [
            path(
                "report/", self.admin_site.admin_view(self.report_view), name="notifications_report"
            ),
            path(
                "announce/",
                self.admin_site.admin_view(self.announce_view),
                name="notifications_announce",
            ),
        ]
        return own + super().get_urls()

    def report_view(self, request: HttpRequest) -> HttpResponse:
        context: dict[str, Any] = {
            **self.admin_site.each_context(request),
            "title": "Notifications per kind per day",
            "rows": selectors.notification_sent_per_kind_per_day(days=14),
            "failures": Notification.objects.filter(email_status=DeliveryStatus.FAILED)
            .select_related("recipient")
            .order_by("-created_at")[:50],
        }
        return TemplateResponse(request, "admin/notifications/report.html", context)

    def announce_view(self, request: HttpRequest) -> HttpResponse:
        form = AnnouncementForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            track = form.cleaned_data["track"]
            services.announcement_schedule(
                track_id=track.pk,
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
                url=form.cleaned_data["url"],
            )
            messages.success(request, f"Announcement to {track.title} queued.")
            return redirect("admin:notifications_notification_changelist")
        context: dict[str, Any] = {
            **self.admin_site.each_context(request),
            "title": "Send an announcement to a track",
            "form": form,
        }
        return TemplateResponse(request, "admin/notifications/announce.html", context)


@admin.register(NotificationPreferences)
class NotificationPreferencesAdmin(admin.ModelAdmin[NotificationPreferences]):
    list_display = ("user", "email_enabled", "in_app_enabled", "quiet", "unsubscribed_at")
    list_filter = ("email_enabled", "in_app_enabled", "quiet")
    search_fields = ("user__email",)
    raw_id_fields = ("user",)


@admin.register(LearnerActivity)
class LearnerActivityAdmin(admin.ModelAdmin[LearnerActivity]):
    list_display = ("learner", "day", "lessons_completed", "submissions", "minutes")
    search_fields = ("learner__email",)
    date_hierarchy = "day"
    raw_id_fields = ("learner",)
