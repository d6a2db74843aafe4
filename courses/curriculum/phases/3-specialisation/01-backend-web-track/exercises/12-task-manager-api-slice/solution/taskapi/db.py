"""Engine, declarative base and the per-request session dependency."""

from __future__ import annotations

from collections.abc import Iterator

from fastapi import Request
from sqlalchemy import Engine, create_engine
from sqlalchemy.orm import DeclarativeBase, Session
from sqlalchemy.pool import StaticPool


class Base(DeclarativeBase):
    pass


def make_engine(url: str) -> Engine:
    """An engine for this exercise's SQLite database: one shared connection usable from any
    thread. The test client runs routes in worker threads, and every new connection to
    "sqlite://" would be a new, empty database. (With PostgreSQL in production you would
    keep SQLAlchemy's default pool.)"""
    return create_engine(url, poolclass=StaticPool, connect_args={"check_same_thread": False})


def get_session(request: Request) -> Iterator[Session]:
    with Session(request.app.state.engine) as session:
        yield session
