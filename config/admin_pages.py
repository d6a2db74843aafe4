"""Admin base classes shared by the apps: view-only pages, and change pages that show more
than the model's fields."""

from __future__ import annotations

from typing import Any, TypeVar

from django.contrib import admin
from django.db.models import Model
from django.http import HttpRequest, HttpResponse

_M = TypeVar("_M", bound=Model)


class ChangePageContextAdmin(admin.ModelAdmin[_M]):
    """Puts `change_page_context(obj)` into the template context of an existing object's
    change page (not the add page). Subclasses read through selectors there."""

    def change_page_context(self, obj: _M) -> dict[str, Any]:
        return {}

    def render_change_form(
        self,
        request: HttpRequest,
        context: dict[str, Any],
        add: bool = False,
        change: bool = False,
        form_url: str = "",
        obj: _M | None = None,
    ) -> HttpResponse:
        if obj is not None and obj.pk:
            context.update(self.change_page_context(obj))
        return super().render_change_form(request, context, add, change, form_url, obj)


class ViewOnlyAdmin(admin.ModelAdmin[_M]):
    """Rows staff may look at but not add, change or delete here: a service, a sync or a
    worker owns them (the subclass says which, and offers actions that call it)."""

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
