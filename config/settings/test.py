"""The test run: PostgreSQL/Redis when DATABASE_URL/REDIS_URL are set (CI), else SQLite."""

from .base import *  # noqa: F403
from .base import VAR_DIR, env

SECRET_KEY = "test-only-insecure-key"
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # speed; tests only
# locmem unless a run asks for a real mail server (`make chaos` counts deliveries at an SMTP sink)
EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.locmem.EmailBackend")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = env.path("MEDIA_ROOT", default=str(VAR_DIR / "test-media"))
ACCOUNT_RATE_LIMITS = False
# Grading tests start cold: a warm run left by one test would outlive it (the warm runs have
# tests of their own, and the real-worker test turns them on).
SANDBOX_WARM_POOL = env.bool("SANDBOX_WARM_POOL", default=False)
# Each test process keeps its own counters (CI's Redis is shared with real workers).
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
WHITENOISE_AUTOREFRESH = True  # no collectstatic in tests: serve from the finders
STATIC_ROOT = None  # no collectstatic in tests; WhiteNoise serves from the finders
