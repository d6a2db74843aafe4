from __future__ import annotations

from typing import Any

from django import forms

from courses.models import Track
from mentors import selectors
from mentors.models import REVIEW_SUMMARY_MAX_CHARS, MentorProfile, ReviewRound


class CapstoneUploadForm(forms.Form):
    archive = forms.FileField(
        help_text="Your project as .zip, .tar.gz or .tar: source, tests and a README.",
        widget=forms.ClearableFileInput(attrs={"accept": ".zip,.tar.gz,.tgz,.tar"}),
    )


class LineCommentForm(forms.Form):
    """A line comment. A mentor may pick one of their snippets (`snippet`, its id): with the
    comment left empty, the snippet's text is the comment (pages without JS)."""

    file_id = forms.IntegerField(widget=forms.HiddenInput)
    line = forms.IntegerField(min_value=1)
    body = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}), max_length=4000, required=False
    )
    snippet = forms.IntegerField(min_value=1, required=False)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not cleaned.get("body", "").strip() and not cleaned.get("snippet"):
            self.add_error("body", "Write a comment or pick a snippet.")
        return cleaned


class SnippetForm(forms.Form):
    title = forms.CharField(max_length=80, help_text="A short name you pick it by.")
    body = forms.CharField(label="Text", widget=forms.Textarea(attrs={"rows": 5}), max_length=4000)


class MessageForm(forms.Form):
    body = forms.CharField(
        label="Message", widget=forms.Textarea(attrs={"rows": 3}), max_length=4000
    )


class DecisionForm(forms.Form):
    """Rubric scores (one field per criterion of the track), a summary and the decision."""

    decision = forms.ChoiceField(
        choices=[
            (ReviewRound.Status.CHANGES_REQUESTED, "Request changes"),
            (ReviewRound.Status.APPROVED, "Approve"),
        ],
        widget=forms.RadioSelect,
    )
    summary = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 5}), max_length=REVIEW_SUMMARY_MAX_CHARS
    )

    def __init__(self, *args: Any, track: Track, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.criteria = list(track.rubric)
        for item in self.criteria:
            self.fields[f"score_{item['slug']}"] = forms.IntegerField(
                label=f"{item['title']} (0–{item['max_score']})",
                min_value=0,
                max_value=int(item["max_score"]),
                required=False,
                help_text=str(item.get("description", "")),
            )

    def scores(self) -> dict[str, int]:
        return {
            str(item["slug"]): int(self.cleaned_data[f"score_{item['slug']}"])
            for item in self.criteria
            if self.cleaned_data.get(f"score_{item['slug']}") is not None
        }


class PortfolioForm(forms.Form):
    is_public = forms.BooleanField(label="Show my public portfolio", required=False)
    headline = forms.CharField(max_length=160, required=False)


class MentorChoiceField(forms.ModelChoiceField[MentorProfile]):
    """Each mentor with their load, so staff pick one with room."""

    def label_from_instance(self, obj: MentorProfile) -> str:
        load = getattr(obj, "active_mentees", 0)
        return f"{obj.user} — {load}/{obj.capacity} mentees ({obj.get_availability_display()})"


class ReassignForm(forms.Form):
    mentor = MentorChoiceField(queryset=selectors.mentor_profile_list().order_by("user__email"))
    reason = forms.CharField(max_length=300)


class FeedbackAskForm(forms.Form):
    body = forms.CharField(
        label="What should your mentor look at?",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
        help_text="Say what you tried and where you are stuck; your mentor sees your files.",
    )
