from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import time_machine

from accounts.models import User
from conftest import make_user
from courses import services as course_services
from courses.models import Track
from notifications import tasks

UTC = datetime.UTC


def at(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0
) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, minute, second, tzinfo=UTC)


@pytest.fixture
def frozen() -> Iterator[Callable[[datetime.datetime], Any]]:
    """Freeze time at a moment; call again to move (time-machine, no ticking)."""
    travellers: list[Any] = []

    def freeze(moment: datetime.datetime) -> Any:
        if travellers:
            travellers.pop().stop()
        traveller = time_machine.travel(moment, tick=False)
        traveller.start()
        travellers.append(traveller)
        return traveller

    yield freeze
    for traveller in travellers:
        traveller.stop()


@pytest.fixture
def published(monkeypatch: pytest.MonkeyPatch) -> list[list[int]]:
    """Batches published to the notify queue (recorded; run with `deliver`)."""
    batches: list[list[int]] = []
    monkeypatch.setattr(tasks.deliver_batch, "delay", lambda ids: batches.append(list(ids)))
    return batches


@pytest.fixture
def make_learner(backend_track: Track) -> Callable[..., User]:
    counter = iter(range(10_000))

    def make(**extra: Any) -> User:
        user = make_user(f"learner{next(counter)}@example.com", **extra)
        course_services.enrollment_create(learner=user, track=backend_track)
        return user

    return make
