from __future__ import annotations

import zoneinfo
from typing import Any

from django import forms

from accounts.models import WEEKDAY_NAMES, User


def _zone_choices() -> list[tuple[str, str]]:
    return [(zone, zone.replace("_", " ")) for zone in sorted(zoneinfo.available_timezones())]


class PracticeSettingsForm(forms.ModelForm[User]):
    """Profile and daily-practice preferences. Days are ticked per weekday, stored as a mask."""

    time_zone = forms.ChoiceField(
        choices=_zone_choices, help_text="Reminders follow your local time."
    )
    days = forms.TypedMultipleChoiceField(
        choices=list(enumerate(WEEKDAY_NAMES)),
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
