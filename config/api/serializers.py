"""Serializer bases the apps' API views share."""

from __future__ import annotations

from typing import Any, TypeVar

from django.db.models import Model
from rest_framework import serializers

_M = TypeVar("_M", bound=Model)


# A response shape read straight from a model: each field's type, nullability, length and
# help text come from the model (`Meta.model`, `Meta.fields`), so they are stated once. Every
# model field is read-only, which the schema shows as always present. (A comment, not a
# docstring: drf-spectacular would print a docstring into every subclass's component.)
class ModelOutputSerializer(serializers.ModelSerializer[_M]):
    def get_extra_kwargs(self) -> dict[str, Any]:
        extra: dict[str, Any] = super().get_extra_kwargs()
        for name in self.Meta.fields:
            extra.setdefault(name, {})["read_only"] = True
        return extra
