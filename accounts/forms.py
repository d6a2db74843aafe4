from __future__ import annotations

import zoneinfo
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpRequest

from accounts import services
from accounts.models import WEEKDAY_NAMES, User, validate_plain_text


def _zone_choices() -> list[tuple[str, str]]:
    return [(zone, zone.replace("_", " ")) for zone in sorted(zoneinfo.available_timezones())]


WEEKDAY_CHOICES = list(enumerate(WEEKDAY_NAMES))


class WeekdaysField(forms.TypedMultipleChoiceField):
    """A weekday bit mask (Monday = bit 0) as one tick box per day, for forms bound to
    `User.practice_days` itself: shows the mask's days, cleans to the mask."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(choices=WEEKDAY_CHOICES, coerce=int, **kwargs)

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, int):
            return [day for day in range(7) if value & (1 << day)]
        return super().prepare_value(value)

    def has_changed(self, initial: Any, data: Any) -> bool:
        return bool(super().has_changed(self.prepare_value(initial), data))

    def clean(self, value: Any) -> int:
        days: list[int] = super().clean(value)
        return sum(1 << day for day in set(days))


class PracticeSettingsForm(forms.ModelForm[User]):
    """Profile and daily-practice preferences. Days are ticked per weekday, stored as a mask."""

    time_zone = forms.ChoiceField(
        choices=_zone_choices, help_text="Reminders follow your local time."
    )
    days = forms.TypedMultipleChoiceField(
        choices=WEEKDAY_CHOICES,
        coerce=int,
        required=False,  # clean_days explains what is missing
        widget=forms.CheckboxSelectMultiple,
        label="Practice days",
        help_text="One hour daily beats seven hours on Sunday: pick the days you will protect.",
    )

    class Meta:
        model = User
        fields = ("display_name", "time_zone", "practice_hour", "daily_goal_minutes")
        labels = {
            "practice_hour": "Practice hour (0–23, local)",
            "daily_goal_minutes": "Daily goal (minutes)",
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["days"].initial = self.instance.practice_weekdays

    def clean_days(self) -> list[int]:
        days: list[int] = self.cleaned_data["days"]
        if not days:
            raise forms.ValidationError("Pick at least one day to practise.")
        return days


class SignupProfileForm(forms.Form):
    """What allauth's sign-up asks besides email and password: the name mentors see and the
    time zone reminders follow (filled in by the browser's own zone, see static/js/timezone.js)."""

    display_name = forms.CharField(
        max_length=80,
        required=False,
        label="Your name",
        help_text="Shown to your mentor and on your certificate. You can change it later.",
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    time_zone = forms.ChoiceField(
        choices=_zone_choices,
        initial="UTC",
        required=False,  # clients that do not ask (older apps, scripts) get UTC
        label="Time zone",
        help_text="Reminders and your daily streak follow your local time.",
        widget=forms.Select(attrs={"data-detect-time-zone": ""}),
    )

    def clean_display_name(self) -> str:
        name: str = self.cleaned_data["display_name"].strip()
        try:
            validate_plain_text(name)
        except ValidationError as exc:
            raise forms.ValidationError(exc.messages) from exc
        return name

    def clean_time_zone(self) -> str:
        zone: str = self.cleaned_data.get("time_zone") or "UTC"
        return zone

    def signup(self, request: HttpRequest, user: User) -> None:
        """Called by allauth once the user row exists."""
        services.profile_set_at_signup(
            user=user,
            display_name=self.cleaned_data["display_name"],
            time_zone=self.cleaned_data["time_zone"],
        )
