"""Settings of the worker process in tests/test_reminders_worker.py: the test settings, with
email written to files the test can read (a locmem outbox lives in another process)."""

from config.settings.test import *  # noqa: F403
from config.settings.test import env

EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = env("EMAIL_FILE_PATH")
