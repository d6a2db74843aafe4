from __future__ import annotations

from django import forms

from courses.models import Track


class PreferencesForm(forms.Form):
    email_enabled = forms.BooleanField(required=False, label="Email me reminders and messages")
    in_app_enabled = forms.BooleanField(required=False, label="Show them in my inbox")
    quiet = forms.BooleanField(
        required=False,
        label="Quiet mode",
        help_text="Mute practice reminders everywhere; mentor messages still reach your inbox.",
    )


class AnnouncementForm(forms.Form):
    track: forms.ModelChoiceField[Track] = forms.ModelChoiceField(queryset=Track.objects.none())
    title = forms.CharField(max_length=200)
    body = forms.CharField(widget=forms.Textarea)
    url = forms.CharField(max_length=500, required=False, help_text="Optional link, e.g. /tracks/")

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["track"].queryset = Track.objects.live()  # type: ignore[attr-defined]
