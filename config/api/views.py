"""Base views the apps' API views share."""

from __future__ import annotations

import datetime
from typing import Any, TypeVar

from django.db.models import Model, QuerySet
from django_filters.rest_framework import DjangoFilterBackend  # type: ignore[import-untyped]
from rest_framework import serializers, status
from rest_framework.generics import ListAPIView
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.models import User
from config.requests import request_user

_M = TypeVar("_M", bound=Model)
_DATETIME = serializers.DateTimeField()


def api_datetime(value: datetime.datetime | None) -> str | None:
    """A time as every serializer writes it (ISO 8601, `Z` for UTC), for plain rows."""
    return None if value is None else str(_DATETIME.to_representation(value))


def validated_input(serializer_class: type[serializers.Serializer[Any]], request: Request) -> Any:
    """The request body as `serializer_class` validates it; a 400 problem otherwise."""
    serializer = serializer_class(data=request.data)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


def names_a_filter(filterset_class: type[Any], query: Any) -> bool:
    """Whether the query string names any of the FilterSet's filters (a range filter's fields
    are its name with a suffix: `…_min`, `…_after`)."""
    names = tuple(filterset_class.base_filters)
    return any(key.startswith(names) for key in query)


class QueryFilterBackend(DjangoFilterBackend):  # type: ignore[misc]
    """django-filter, skipped when the request names none of the view's filters: building
    the FilterSet and its form costs about as much as the list's own query, for nothing."""

    def filter_queryset(self, request: Request, queryset: QuerySet[Any], view: Any) -> Any:
        filterset_class = getattr(view, "filterset_class", None)
        if filterset_class is None:
            return queryset
        if not names_a_filter(filterset_class, request.query_params):
            return queryset
        return super().filter_queryset(request, queryset, view)


class UserListView(ListAPIView[_M]):
    """A list the requesting user reads through a selector (`list_for`).

    drf-spectacular builds the schema without a user; it gets an empty queryset of
    `model` instead, so no view repeats that guard."""

    model: type[_M]
    filter_backends = [QueryFilterBackend]

    def list_for(self, user: User) -> QuerySet[_M]:
        raise NotImplementedError

    def get_queryset(self) -> QuerySet[_M]:
        if getattr(self, "swagger_fake_view", False):  # schema generation
            return self.model._default_manager.none()
        return self.list_for(request_user(self.request))


class UserListCreateView(UserListView[_M]):
    # A list (`list_for`) whose POST creates a row of it: the body as `InputSerializer`
    # validates it goes to `create_for` (one service); 201 with the new row as
    # `serializer_class` writes it. (No docstring: the schema describes the operations with
    # UserListView's.)

    InputSerializer: type[serializers.Serializer[Any]]

    def create_for(self, user: User, data: dict[str, Any]) -> _M:
        raise NotImplementedError

    def post(self, request: Request) -> Response:
        data = validated_input(self.InputSerializer, request)
        created = self.create_for(request_user(request), data)
        serializer_class = self.get_serializer_class()
        return Response(serializer_class(created).data, status=status.HTTP_201_CREATED)


class PlainRowsListView(UserListView[_M]):
    """A list whose rows are plain dicts built by `row` (the serializer_class still
    documents them in the schema, and a test holds the two equal): DRF's field machinery
    costs more than the query on a page of twenty."""

    def row(self, item: _M) -> dict[str, Any]:
        raise NotImplementedError

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        queryset = self.filter_queryset(self.get_queryset())
        page = self.paginate_queryset(queryset)
        if page is None:
            return Response([self.row(item) for item in queryset])
        return self.get_paginated_response([self.row(item) for item in page])


class OwnSettingsView(APIView):
    """GET reads the requesting user's own settings (`settings_get`); PATCH changes only the
    fields sent (`settings_update`, a service that writes them under the row's lock).
    `config.api.schema.own_settings_schema` documents both."""

    OutputSerializer: type[serializers.Serializer[Any]]
    InputSerializer: type[serializers.Serializer[Any]]

    def settings_get(self, user: User) -> Any:
        raise NotImplementedError

    def settings_update(self, user: User, **changes: Any) -> Any:
        raise NotImplementedError

    def get(self, request: Request) -> Response:
        return Response(self.OutputSerializer(self.settings_get(request_user(request))).data)

    def patch(self, request: Request) -> Response:
        changes = validated_input(self.InputSerializer, request)
        updated = self.settings_update(request_user(request), **changes)
        return Response(self.OutputSerializer(updated).data)
