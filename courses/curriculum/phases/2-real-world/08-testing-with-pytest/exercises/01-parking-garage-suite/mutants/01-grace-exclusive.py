"""A small car park: who is inside, and what they owe when they leave."""

import math
from datetime import datetime, timedelta

GRACE = timedelta(minutes=15)
HOUR = timedelta(hours=1)
DAY = timedelta(days=1)
HOURLY_CENTS = 250
DAILY_CAP_CENTS = 1800


class GarageFull(Exception):
    """No free space is left."""


def normalise_plate(plate: str) -> str:
    """'  ab-12 cd ' -> 'AB12CD': upper case, without spaces and hyphens."""
    cleaned = plate.upper().replace(" ", "").replace("-", "")
    if not cleaned:
        raise ValueError(f"not a number plate: {plate!r}")
    return cleaned


def fee_cents(stay: timedelta) -> int:
    """What a stay of this length costs, in cents."""
    if stay < timedelta(0):
        raise ValueError("a stay cannot be negative")
    if stay < GRACE:
        return 0
    days, rest = divmod(stay, DAY)
    return days * DAILY_CAP_CENTS + min(math.ceil(rest / HOUR) * HOURLY_CENTS, DAILY_CAP_CENTS)


class Garage:
    """Cars currently parked, by plate, with the time they came in."""

    def __init__(self, capacity: int) -> None:
        if capacity < 1:
            raise ValueError("a garage needs at least one space")
        self.capacity = capacity
        self._entries: dict[str, datetime] = {}

    @property
    def free_spaces(self) -> int:
        return self.capacity - len(self._entries)

    def enter(self, plate: str, at: datetime) -> None:
        key = normalise_plate(plate)
        if key in self._entries:
            raise ValueError(f"{key} is already inside")
        if self.free_spaces == 0:
            raise GarageFull(f"no space for {key}")
        self._entries[key] = at

    def leave(self, plate: str, at: datetime) -> int:
        key = normalise_plate(plate)
        if key not in self._entries:
            raise KeyError(key)
        entered = self._entries[key]
        if at < entered:
            raise ValueError(f"{key} cannot leave before it entered")
        del self._entries[key]
        return fee_cents(at - entered)

    def inside(self) -> list[str]:
        """Plates of the cars inside, earliest arrival first."""
        return sorted(self._entries, key=self._entries.__getitem__)
