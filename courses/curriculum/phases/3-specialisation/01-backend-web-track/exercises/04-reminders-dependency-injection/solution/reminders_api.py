"""Reminders API: the clock, the settings and the current user come from dependencies."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Annotated

from fastapi import Depends, FastAPI, Header, HTTPException, Request, Response
from pydantic import AwareDatetime, BaseModel, StringConstraints
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="REMINDERS_")

    max_per_user: int = 3
    min_lead_seconds: int = 60


class ReminderIn(BaseModel):
    text: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80)]
    due: AwareDatetime


def get_settings() -> Settings:
    return Settings()


def get_now() -> datetime:
    return datetime.now(timezone.utc)


def get_current_user(x_user: Annotated[str | None, Header()] = None) -> str:
    user = (x_user or "").strip()
    if not user:
        raise HTTPException(status_code=401, detail="missing X-User header")
    return user


class Store:
    def __init__(self) -> None:
        self.reminders: dict[int, dict[str, object]] = {}
        self.last_id = 0


def get_store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


User = Annotated[str, Depends(get_current_user)]
Now = Annotated[datetime, Depends(get_now)]
Config = Annotated[Settings, Depends(get_settings)]
Reminders = Annotated[Store, Depends(get_store)]


def _public(reminder: dict[str, object], now: datetime) -> dict[str, object]:
    return {**reminder, "overdue": now >= reminder["due"]}  # type: ignore[operator]


def create_app() -> FastAPI:
    app = FastAPI()
    app.state.store = Store()

    @app.post("/reminders", status_code=201)
    def create_reminder(
        body: ReminderIn, user: User, now: Now, settings: Config, store: Reminders
    ) -> dict[str, object]:
        due = body.due.astimezone(timezone.utc)
        lead = settings.min_lead_seconds
        if due - now < timedelta(seconds=lead):
            raise HTTPException(status_code=422, detail=f"due must be at least {lead} seconds from now")
        mine = [r for r in store.reminders.values() if r["owner"] == user]
        if len(mine) >= settings.max_per_user:
            raise HTTPException(
                status_code=409, detail=f"limit of {settings.max_per_user} reminders reached"
            )
        store.last_id += 1
        reminder = {"id": store.last_id, "owner": user, "text": body.text, "due": due}
        store.reminders[store.last_id] = reminder
        return _public(reminder, now)

    @app.get("/reminders")
    def list_reminders(
        user: User, now: Now, store: Reminders, overdue: bool | None = None
    ) -> list[dict[str, object]]:
        mine = [_public(r, now) for r in store.reminders.values() if r["owner"] == user]
        if overdue is not None:
            mine = [r for r in mine if r["overdue"] == overdue]
        return sorted(mine, key=lambda r: (r["due"], r["id"]))  # type: ignore[return-value]

    @app.delete("/reminders/{reminder_id}", status_code=204)
    def delete_reminder(reminder_id: int, user: User, store: Reminders) -> Response:
        reminder = store.reminders.get(reminder_id)
        if reminder is None or reminder["owner"] != user:
            raise HTTPException(status_code=404, detail=f"reminder {reminder_id} not found")
        del store.reminders[reminder_id]
        return Response(status_code=204)

    return app
