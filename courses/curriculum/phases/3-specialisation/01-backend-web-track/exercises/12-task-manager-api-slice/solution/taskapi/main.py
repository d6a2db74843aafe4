"""The application factory and its routes."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request, Response
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from taskapi import security
from taskapi.config import Settings
from taskapi.db import Base, get_session, make_engine
from taskapi.models import Task, User
from taskapi.schemas import Credentials, TaskIn, TaskOut, TaskPatch, UserOut

DB = Annotated[Session, Depends(get_session)]
BEARER = {"WWW-Authenticate": "Bearer"}


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


Config = Annotated[Settings, Depends(get_settings)]


def current_user(
    session: DB, settings: Config, authorization: Annotated[str | None, Header()] = None
) -> User:
    scheme, _, token = (authorization or "").partition(" ")
    user_id = security.user_id_from_token(token, settings) if scheme.lower() == "bearer" else None
    user = session.get(User, user_id) if user_id is not None else None
    if user is None:
        raise HTTPException(status_code=401, detail="not authenticated", headers=BEARER)
    return user


Me = Annotated[User, Depends(current_user)]


def own_task(task_id: int, session: DB, user: Me) -> Task:
    task = session.get(Task, task_id)
    if task is None or task.owner_id != user.id:
        raise HTTPException(status_code=404, detail="task not found")
    return task


def create_app(settings: Settings) -> FastAPI:
    app = FastAPI(title="Task manager")
    app.state.settings = settings
    app.state.engine = make_engine(settings.database_url)
    Base.metadata.create_all(app.state.engine)

    @app.post("/auth/register", status_code=201)
    def register(body: Credentials, session: DB, config: Config) -> UserOut:
        user = User(email=body.email, password_hash=security.hash_password(body.password, config))
        session.add(user)
        try:
            session.commit()
        except IntegrityError:
            raise HTTPException(status_code=409, detail="email already registered") from None
        return UserOut.model_validate(user)

    @app.post("/auth/token")
    def login(body: Credentials, session: DB, config: Config) -> dict[str, object]:
        user = session.scalar(select(User).where(User.email == body.email))
        if user is None or not security.password_matches(body.password, user.password_hash):
            raise HTTPException(status_code=401, detail="invalid email or password", headers=BEARER)
        return {"access_token": security.issue_token(user.id, config), "token_type": "bearer",
                "expires_in": config.token_ttl_seconds}

    @app.get("/tasks")
    def list_tasks(
        session: DB,
        user: Me,
        limit: Annotated[int, Query(ge=1, le=100)] = 20,
        offset: Annotated[int, Query(ge=0)] = 0,
        done: bool | None = None,
    ) -> dict[str, object]:
        query = select(Task).where(Task.owner_id == user.id)
        if done is not None:
            query = query.where(Task.done.is_(done))
        total = session.scalar(select(func.count()).select_from(query.subquery()))
        page = session.scalars(query.order_by(Task.id).limit(limit).offset(offset))
        return {"items": [TaskOut.model_validate(t).model_dump(mode="json") for t in page],
                "total": total}

    @app.post("/tasks", status_code=201)
    def create_task(body: TaskIn, session: DB, user: Me) -> TaskOut:
        task = Task(owner_id=user.id, title=body.title, due=body.due)
        session.add(task)
        session.commit()
        return TaskOut.model_validate(task)

    @app.get("/tasks/{task_id}")
    def read_task(task: Annotated[Task, Depends(own_task)]) -> TaskOut:
        return TaskOut.model_validate(task)

    @app.patch("/tasks/{task_id}")
    def update_task(body: TaskPatch, session: DB, task: Annotated[Task, Depends(own_task)]) -> TaskOut:
        for name, value in body.model_dump(exclude_unset=True).items():
            setattr(task, name, value)
        session.commit()
        return TaskOut.model_validate(task)

    @app.delete("/tasks/{task_id}", status_code=204)
    def delete_task(session: DB, task: Annotated[Task, Depends(own_task)]) -> Response:
        session.delete(task)
        session.commit()
        return Response(status_code=204)

    return app
