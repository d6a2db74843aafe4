"""Base views the apps' API views share."""

from __future__ import annotations

from typing import TypeVar

from django.db.models import Model, QuerySet
from rest_framework.generics import ListAPIView

from accounts.models import User
from config.api.requests import request_user

_M = TypeVar("_M", bound=Model)


class UserListView(ListAPIView[_M]):
    """A list the requesting user reads through a selector (`list_for`).

    drf-spectacular builds the schema without a user; it gets an empty queryset of
    `model` instead, so no view repeats that guard."""

    model: type[_M]

    def list_for(self, user: User) -> QuerySet[_M]:
        raise NotImplementedError

    def get_queryset(self) -> QuerySet[_M]:
        if getattr(self, "swagger_fake_view", False):  # schema generation
            return self.model._default_manager.none()
        return self.list_for(request_user(self.request))
