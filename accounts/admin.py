"""Users. A learner's change page is the staff console's learner page: enrolment, day,
phase, pace, mentor, submissions, capstone and notifications above the account's fields."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import UserChangeForm

from accounts.forms import WeekdaysField
from accounts.models import User
from config import console
from config.admin_pages import ChangePageContextAdmin


class UserAdminForm(UserChangeForm[User]):
    """Django's user form with the practice days as weekday tick boxes, not a bit mask."""

    practice_days = WeekdaysField(label="Practice days", required=False)

    class Meta:
        model = User
        fields = "__all__"


@admin.register(User)
class UserAdmin(ChangePageContextAdmin[User], DjangoUserAdmin[User]):
    form = UserAdminForm
    ordering = ("email",)
    list_display = (
        "email",
        "display_name",
        "time_zone",
        "practice_days_label",
        "is_staff",
        "is_active",
        "date_joined",
        "last_login",
    )
    list_filter = ("is_staff", "is_superuser", "is_active", "time_zone")
    search_fields = ("email", "display_name")
    readonly_fields = ("date_joined", "last_login")
    # Plain multi-selects for groups and permissions: Django's two-box filter widget marks
    # its search icons up in a way screen readers are told to ignore (axe aria-prohibited-attr).
    filter_horizontal = ()
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        ("Profile", {"fields": ("display_name", "time_zone")}),
        ("Daily practice", {"fields": ("practice_hour", "practice_days", "daily_goal_minutes")}),
        (
            "Permissions",
            {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")},
        ),
        ("Dates", {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),)

    @admin.display(description="Practice days")
    def practice_days_label(self, obj: User) -> str:
        return obj.practice_days_label

    def change_page_context(self, obj: User) -> dict[str, Any]:
        return {"overview": console.learner_overview_get(learner=obj)}
