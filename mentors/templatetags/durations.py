"""`{{ seconds|duration }}`: a length of time as people read it ("3 h 20 min")."""

from __future__ import annotations

from django import template

register = template.Library()

MINUTES_PER_HOUR = 60
MINUTES_PER_DAY = 24 * MINUTES_PER_HOUR


@register.filter
def duration(seconds: float | None) -> str:
    """Rounded to the minute; days and hours above a day ("2 d 3 h"), hours and minutes
    above an hour ("3 h 20 min"), minutes below ("45 min", "under 1 min"); "—" for None."""
    if seconds is None:
        return "—"
    minutes = round(seconds / 60)
    if minutes < 1:
        return "under 1 min"
    days, rest = divmod(minutes, MINUTES_PER_DAY)
    hours, minutes = divmod(rest, MINUTES_PER_HOUR)
    if days:
        return f"{days} d {hours} h" if hours else f"{days} d"
    if hours:
        return f"{hours} h {minutes} min" if minutes else f"{hours} h"
    return f"{minutes} min"
