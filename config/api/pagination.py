"""Pagination for every list: pages for small, stable collections; cursors for feeds that
grow while a client reads them (submissions, notifications)."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Page
from django.db.models import Count, QuerySet, Window
from rest_framework.exceptions import NotFound
from rest_framework.pagination import CursorPagination, PageNumberPagination
from rest_framework.request import Request
from rest_framework.views import APIView


class PagePagination(PageNumberPagination):
    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100


class FeedCursorPagination(CursorPagination):
    """Newest first; stable under inserts. `created_at` is the cursor position."""

    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100
    ordering = ("-created_at", "-id")


class WindowCountPagePagination(PagePagination):
    """`PagePagination` (the same `count`/`next`/`previous`/`results` shape) whose total
    comes with the page's own rows (`COUNT(*) OVER ()`) instead of a second COUNT query.
    "last" as a page number needs the total first and takes the usual two queries."""

    def paginate_queryset(
        self, queryset: QuerySet[Any], request: Request, view: APIView | None = None
    ) -> list[Any] | None:
        page_size = self.get_page_size(request)
        if not page_size:
            return None
        raw = request.query_params.get(self.page_query_param) or "1"
        if raw in self.last_page_strings:
            return super().paginate_queryset(queryset, request, view)
        try:
            number = int(raw)
        except ValueError:
            number = 0
        if number < 1:
            raise NotFound(self.invalid_page_message)
        offset = (number - 1) * page_size
        rows = list(queryset.annotate(page_total=Window(Count("pk")))[offset : offset + page_size])
        if not rows and number > 1:
            raise NotFound(self.invalid_page_message)
        paginator = self.django_paginator_class(queryset, page_size)
        paginator.__dict__["count"] = rows[0].page_total if rows else 0  # the cached property
        self.page = Page(rows, number, paginator)
        if paginator.num_pages > 1 and self.template is not None:
            self.display_page_controls = True
        self.request = request
        return rows
