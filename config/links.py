"""Links that leave the site (emails, headers): a path from `reverse()` on SITE_URL."""

from __future__ import annotations

from django.conf import settings


def absolute_url(path: str) -> str:
    """`path` (e.g. `reverse("notifications:inbox")`) as a link that works outside the site;
    an empty path stays empty and an absolute URL stays as it is."""
    if not path or path.startswith(("http://", "https://")):
        return path
    return f"{settings.SITE_URL.rstrip('/')}{path}"
