"""The OpenAPI schema class for every API view: drf-spectacular's AutoSchema plus the
problem-details responses each operation can return, documented once here."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal, TypeVar

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.openapi import AutoSchema as SpectacularAutoSchema
from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_view
from rest_framework import serializers
from rest_framework.permissions import AllowAny

from config.api.errors import PROBLEM_CONTENT_TYPE, problem

_V = TypeVar("_V", bound=Callable[..., Any])
_T = TypeVar("_T", bound=type)


class ProblemSerializer(serializers.Serializer[dict[str, Any]]):
    """RFC 9457 problem details, with `code` (stable, for programs) and `errors` (field →
    messages) for validation problems."""

    type = serializers.CharField(help_text="A URI naming the kind of problem.")
    title = serializers.CharField(help_text="The HTTP status phrase.")
    status = serializers.IntegerField()
    detail = serializers.CharField(help_text="What went wrong, safe to show to the user.")
    instance = serializers.CharField(help_text="The path of the request.")  # type: ignore[assignment]
    code = serializers.CharField(help_text="A stable machine-readable code.")
    errors = serializers.DictField(  # type: ignore[assignment]
        child=serializers.ListField(child=serializers.CharField()),
        required=False,
        help_text="Field errors: field name (dotted for nested fields) → messages.",
    )

    class Meta:
        ref_name = "Problem"


# The example problem of each status: code, detail, and the request it answers.
_EXAMPLE_PROBLEMS: dict[int, tuple[str, str, str]] = {
    400: (
        "validation_error",
        "The request has invalid fields; see `errors`.",
        "/api/v1/submissions/",
    ),
    401: ("not_authenticated", "Authentication credentials were not provided.", "/api/v1/me/"),
    403: (
        "permission_denied",
        "You do not have permission to perform this action.",
        "/api/v1/mentor/mentees/",
    ),
    404: ("not_found", "Not found.", "/api/v1/submissions/9/"),
    409: ("enrollment", "You are already enrolled in Backend & Web.", "/api/v1/enrollments/"),
    429: (
        "throttled",
        "Request was throttled. Expected available in 42 seconds.",
        "/api/v1/submissions/",
    ),
}
_EXAMPLES: dict[str, dict[str, Any]] = {
    str(status_code): problem(
        status_code=status_code,
        code=code,
        detail=detail,
        instance=instance,
        errors={"files": ["This field is required."]} if status_code == 400 else None,
    )
    for status_code, (code, detail, instance) in _EXAMPLE_PROBLEMS.items()
}


def list_schema(summary: str, **examples: dict[str, Any]) -> Callable[[_V], _V]:
    """The GET of a list view in the schema: its summary and example rows, one named example
    per keyword (drf-spectacular wraps each row into a page of the list's pagination)."""
    return extend_schema_view(
        get=extend_schema(
            summary=summary,
            examples=[
                OpenApiExample(name, value=row, response_only=True)
                for name, row in examples.items()
            ],
        )
    )


def own_settings_schema(
    *,
    operation: str,
    read: str,
    update: str,
    example: dict[str, Any],
    change: tuple[str, dict[str, Any]],
) -> Callable[[_T], _T]:
    """The GET and PATCH of an `OwnSettingsView` in the schema: operation ids
    `<operation>_retrieve` / `_update`, their summaries, the settings as an example response
    and `change` (name, body) as an example request."""
    name = operation.rsplit("_", 1)[-1]

    def document(view_class: _T) -> _T:
        response = OpenApiExample(name, value=example, response_only=True)
        output = view_class.OutputSerializer  # type: ignore[attr-defined]
        return extend_schema_view(
            get=extend_schema(
                operation_id=f"{operation}_retrieve",
                summary=read,
                responses=output,
                examples=[response],
            ),
            patch=extend_schema(
                operation_id=f"{operation}_update",
                summary=update,
                request=view_class.InputSerializer,  # type: ignore[attr-defined]
                responses=output,
                examples=[OpenApiExample(change[0], value=change[1], request_only=True), response],
            ),
        )(view_class)

    return document


class AutoSchema(SpectacularAutoSchema):
    """Adds the problem responses (400, 401, 403, 404, 409, 429) to every operation."""

    def _error_codes(self) -> list[str]:
        # 404 everywhere: unknown ids and slugs, and invalid page numbers or cursors.
        codes = ["400", "403", "404", "429"]
        public = any(isinstance(p, AllowAny) for p in self.view.get_permissions())
        if not public:
            codes.append("401")
        if self.method in ("POST", "PUT", "PATCH", "DELETE"):
            codes.append("409")
        return sorted(codes)

    def _get_response_bodies(
        self, direction: Literal["request", "response"] = "response"
    ) -> dict[str, Any]:
        responses: dict[str, Any] = super()._get_response_bodies(direction)
        if direction != "response":
            return responses
        for code in self._error_codes():
            if code in responses:
                continue
            response = self._get_response_for_code(  # type: ignore[no-untyped-call]
                ProblemSerializer, code, media_types=(PROBLEM_CONTENT_TYPE,), direction=direction
            )
            response["content"][PROBLEM_CONTENT_TYPE]["examples"] = {
                "problem": {"value": _EXAMPLES[code], "summary": _EXAMPLES[code]["code"]}
            }
            responses[code] = response
        return responses


class SessionTokenScheme(OpenApiAuthenticationExtension):  # type: ignore[no-untyped-call]
    target_class = "config.api.authentication.SessionTokenAuthentication"
    name = "sessionToken"

    def get_security_definition(self, auto_schema: SpectacularAutoSchema) -> dict[str, str]:
        return {
            "type": "apiKey",
            "in": "header",
            "name": "X-Session-Token",
            "description": (
                "The `meta.session_token` returned by allauth's headless app API "
                "(/_allauth/app/v1/auth/login, …/signup or …/email/verify)."
            ),
        }
