"""The application factory and its routes."""

from __future__ import annotations

from fastapi import FastAPI

from taskapi import models  # noqa: F401  (registers the tables on Base)
from taskapi.config import Settings
from taskapi.db import Base, make_engine


def create_app(settings: Settings) -> FastAPI:
    """Keep this skeleton: settings and engine on app.state, tables created. Then add
    the dependencies and routes described in README.md."""
    app = FastAPI(title="Task manager")
    app.state.settings = settings
    app.state.engine = make_engine(settings.database_url)
    Base.metadata.create_all(app.state.engine)
    return app
