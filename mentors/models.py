"""Mentors. Assignment and capstone reviews build on this profile."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models


class MentorProfile(models.Model):
    """A user who mentors: the tracks they cover and how many active mentees they take."""

    class Availability(models.TextChoices):
        ACTIVE = "active", "Active"
        PAUSED = "paused", "Paused"

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mentor_profile"
    )
    tracks = models.ManyToManyField("courses.Track", related_name="mentors")
    capacity = models.PositiveSmallIntegerField(
        default=8, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    availability = models.CharField(
        max_length=10, choices=Availability.choices, default=Availability.ACTIVE
    )
    bio = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("user__email",)

    def __str__(self) -> str:
        return f"Mentor {self.user}"
