from __future__ import annotations

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from mentors.models import MentorProfile


@admin.register(MentorProfile)
class MentorProfileAdmin(admin.ModelAdmin[MentorProfile]):
    list_display = ("user", "availability", "capacity", "track_list", "created_at")
    list_filter = ("availability", "tracks")
    search_fields = ("user__email", "user__display_name", "bio")
    filter_horizontal = ("tracks",)
    autocomplete_fields = ("user",)

    def get_queryset(self, request: HttpRequest) -> QuerySet[MentorProfile]:
        return super().get_queryset(request).select_related("user").prefetch_related("tracks")

    @admin.display(description="Tracks")
    def track_list(self, obj: MentorProfile) -> str:
        return ", ".join(track.letter for track in obj.tracks.all()) or "—"
