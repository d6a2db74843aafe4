"""Reminders API: the clock, the settings and the current user come from dependencies."""

from __future__ import annotations

from datetime import datetime

from fastapi import FastAPI
from pydantic_settings import BaseSettings


class Settings(BaseSettings):
    """Read from REMINDERS_* environment variables (add the model_config)."""

    max_per_user: int = 3
    min_lead_seconds: int = 60


def get_settings() -> Settings:
    """A fresh Settings() on every call."""
    raise NotImplementedError


def get_now() -> datetime:
    """The current time, timezone-aware, in UTC."""
    raise NotImplementedError


def get_current_user() -> str:
    """The stripped X-User header; HTTPException 401 when it is missing or blank.
    (Add the header parameter.)"""
    raise NotImplementedError


def create_app() -> FastAPI:
    """POST/GET /reminders and DELETE /reminders/{reminder_id}; see README.md."""
    raise NotImplementedError
