from __future__ import annotations

import zoneinfo
from typing import Any, ClassVar

from django.contrib.auth.models import AbstractUser, UserManager
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

WEEKDAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
ALL_DAYS = 0b1111111


def validate_time_zone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(f"'{value}' is not an IANA time zone, e.g. 'Europe/Berlin'.")


# Control characters and line breaks (a name ends up in email headers and subjects), and
# the bidirectional overrides that make text read differently from what it is.
_NOT_PLAIN = frozenset(
    chr(c)
    for c in (*range(32), 127, 0x2028, 0x2029, *range(0x202A, 0x202F), *range(0x2066, 0x206A))
)


def validate_plain_text(value: str) -> None:
    if any(ch in _NOT_PLAIN for ch in value):
        raise ValidationError(
            "Use letters, digits, spaces and punctuation only (no line breaks or control characters)."
        )


class EmailUserManager(UserManager["User"]):
    """Users are identified by email; there is no username."""

    use_in_migrations = True

    def create_user(  # type: ignore[override]
        self, email: str, password: str | None = None, **extra: Any
    ) -> User:
        if not email:
            raise ValueError("An email address is required.")
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(  # type: ignore[override]
        self, email: str, password: str | None = None, **extra: Any
    ) -> User:
        return self.create_user(
            email, password, **{"is_staff": True, "is_superuser": True, **extra}
        )


class User(AbstractUser):
    """A person using Apprentice. Everyone is a learner; mentors have a mentor profile;
    staff have `is_staff`."""

    username = None  # type: ignore[assignment]
    first_name = None  # type: ignore[assignment]
    last_name = None  # type: ignore[assignment]
    email = models.EmailField("email address", unique=True)
    display_name = models.CharField(max_length=80, blank=True, validators=[validate_plain_text])
    time_zone = models.CharField(max_length=64, default="UTC", validators=[validate_time_zone])
    practice_hour = models.PositiveSmallIntegerField(
        default=18,
        validators=[MaxValueValidator(23)],
        help_text="Local hour (0–23) of the daily practice block.",
    )
    practice_days = models.PositiveSmallIntegerField(
        default=ALL_DAYS,
        validators=[MaxValueValidator(ALL_DAYS)],
        help_text="Bit mask of weekdays, Monday = bit 0.",
    )
    daily_goal_minutes = models.PositiveSmallIntegerField(
        default=60,
        validators=[MinValueValidator(15), MaxValueValidator(240)],
        help_text="The programme asks for one to two hours of focused coding a day.",
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    objects: ClassVar[EmailUserManager] = EmailUserManager()

    class Meta:
        ordering = ("email",)
        # Reminder planning selects users by local time: zone first, then practice hour.
        indexes = [models.Index(fields=("time_zone", "practice_hour"), name="user_zone_hour_idx")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(practice_hour__lte=23), name="user_practice_hour_range"
            ),
            models.CheckConstraint(
                condition=models.Q(daily_goal_minutes__gte=15, daily_goal_minutes__lte=240),
                name="user_daily_goal_range",
            ),
        ]

    def __str__(self) -> str:
        return self.email

    @property
    def name(self) -> str:
        return self.display_name or self.email.split("@", 1)[0]

    @property
    def practice_weekdays(self) -> list[int]:
        return [day for day in range(7) if self.practice_days & (1 << day)]

    @property
    def practice_days_label(self) -> str:
        if self.practice_days == ALL_DAYS:
            return "every day"
        return ", ".join(WEEKDAY_NAMES[day] for day in self.practice_weekdays) or "no days"

    @property
    def is_mentor(self) -> bool:
        return hasattr(self, "mentor_profile")

    def get_full_name(self) -> str:
        return self.name

    def get_short_name(self) -> str:
        return self.name
