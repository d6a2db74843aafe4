"""Settings shared by every environment. Everything that differs comes from the environment."""

from pathlib import Path

import django_stubs_ext
import environ
from django.core.exceptions import ImproperlyConfigured

# Runtime support for generic Django classes (admin.ModelAdmin[Model], QuerySet[Model]).
django_stubs_ext.monkeypatch()

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
# A local .env is a convenience for developers; production passes real environment variables.
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DJANGO_DEBUG", default=False)
SECRET_KEY = env("DJANGO_SECRET_KEY", default="")
ALLOWED_HOSTS: list[str] = env.list("DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1"])
# Links in emails are built from SITE_URL (`make run` sets it from HOST and PORT); allauth's
# emails name the site from SITE_NAME and SITE_URL (accounts.adapters), not the sites row.
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000")
SITE_NAME = env("SITE_NAME", default="Apprentice")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sites",
    "allauth",
    "allauth.account",
    "allauth.headless",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",  # Swagger UI's files, served by us
    "accounts",
    "courses",
    "submissions",
    "mentors",
    "notifications",
]

MIDDLEWARE = [
    "config.observability.RequestIdMiddleware",
    "config.availability.DatabaseUnavailableMiddleware",
    "config.guards.RequestGuardMiddleware",
    "config.security.SecurityHeadersMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # With DEBUG (local development) a 404 shows the site's page, not Django's technical one.
    "config.pages.SiteNotFoundPageMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
SITE_ID = 1

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False  # services own their transactions
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Web, worker and beat share one SQLite file locally: wait for locks instead of failing,
    # take the write lock up front, and let readers proceed during writes (WAL).
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    # Bounded waits: a database that is away fails a connection in seconds, not minutes.
    DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = env.int(
        "DATABASE_CONNECT_TIMEOUT", default=3
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "courses:dashboard"

# django-allauth: email is the login; verification is required before the first login.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = env("ACCOUNT_EMAIL_VERIFICATION", default="mandatory")
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_ADAPTER = "accounts.adapters.AccountAdapter"
ACCOUNT_EMAIL_SUBJECT_PREFIX = f"[{SITE_NAME}] "
# The name and time zone asked at sign-up, beside email and password.
ACCOUNT_SIGNUP_FORM_CLASS = "accounts.forms.SignupProfileForm"
# Following the link in the verification email signs the new learner in (same browser).
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_RATE_LIMITS: dict[str, str] | bool = {"login_failed": "10/m/ip,5/5m/key"}

# allauth headless: the mobile app ("app" client) authenticates with a session token sent as
# X-Session-Token; the web keeps allauth's normal pages (not headless-only). Links in emails
# point at our web pages, which the app also claims as universal/app links: it takes the key
# from the last path segment and POSTs it to the headless API (see docs/api.md).
HEADLESS_ONLY = False
HEADLESS_CLIENTS = ("app", "browser")
HEADLESS_FRONTEND_URLS = {
    "account_confirm_email": "/accounts/confirm-email/{key}/",
    "account_reset_password": "/accounts/password/reset/",
    "account_reset_password_from_key": "/accounts/password/reset/key/{key}/",
    "account_signup": "/accounts/signup/",
}
HEADLESS_SERVE_SPECIFICATION = True
HEADLESS_TOKEN_STRATEGY = "config.api.authentication.OneQuerySessionTokenStrategy"  # noqa: S105 - a class path

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT: Path | None = VAR_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MEDIA_ROOT = env.path("MEDIA_ROOT", default=str(VAR_DIR / "media"))
MEDIA_URL = "/media/"

EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)  # a mail server that hangs fails the send
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Apprentice <hello@apprentice.local>")

# Celery: locally the broker is kombu's filesystem transport under var/ (no server needed);
# tests and production use Redis through REDIS_URL.
REDIS_URL = env("REDIS_URL", default="")
# Caches: Redis when there is one, so rate limits (DRF throttles, allauth's login lockout)
# are shared by every process; each process's own memory otherwise (local, tests).
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": env("CACHE_URL", default=REDIS_URL),
            "KEY_PREFIX": "apprentice",
            "OPTIONS": {"socket_timeout": 1, "socket_connect_timeout": 1},
        }
    }
# The client's address: the socket's, unless the deployment says how many proxies in front
# of it append to X-Forwarded-For (a client can send that header with any value it likes).
NUM_PROXIES = env.int("NUM_PROXIES", default=0)
ALLAUTH_TRUSTED_PROXY_COUNT = NUM_PROXIES

CELERY_BROKER_URL = env("CELERY_BROKER_URL", default=REDIS_URL or "filesystem://")
BROKER_DIR = VAR_DIR / "broker"
if CELERY_BROKER_URL.startswith("filesystem://"):
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(BROKER_DIR / "queue"),
        "data_folder_out": str(BROKER_DIR / "queue"),
        "control_folder": str(BROKER_DIR / "control"),
        "store_processed": False,
        "polling_interval": 0.1,  # seconds; results should feel instant locally
    }
else:
    # Redelivery of unacknowledged messages after a worker dies: longer than any task runs.
    # Socket timeouts bound every wait on Redis (a frozen server must not hold a request).
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "visibility_timeout": env.int("BROKER_VISIBILITY_TIMEOUT", default=300),
        "socket_timeout": 5,
        "socket_connect_timeout": 3,
        "health_check_interval": 10,
    }
# Publishing waits at most a few seconds for the broker, then gives up (the row stays queued
# and the sweeper publishes it once the broker is back).
CELERY_BROKER_CONNECTION_TIMEOUT = 3
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 2,
    "interval_start": 0,
    "interval_step": 0.5,
    "interval_max": 1,
}
CELERY_TASK_IGNORE_RESULT = True  # results live in our own tables
# Every task is idempotent and loads its rows by id, so every task is acknowledged after it
# ran and put back when its worker dies: a crash repeats work, never loses it. This is the
# one place that says so (no task overrides it; tests/test_operations.py checks each one).
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_DEFAULT_QUEUE = "default"
# Sweepers have a queue of their own (consumed beside notify and default), so a backlog of
# quality checks never delays them; each beat entry expires before the next one is due.
CELERY_TASK_ROUTES = {
    "submissions.execute": {"queue": "execute"},
    "submissions.sweep_stuck": {"queue": "sweep"},
    "mentors.requeue_stale_checks": {"queue": "sweep"},
    "notifications.requeue_stale": {"queue": "sweep"},
    "notifications.*": {"queue": "notify"},
}
CELERY_TASK_SOFT_TIME_LIMIT = 120
CELERY_TASK_TIME_LIMIT = 150
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = "UTC"
CELERY_BEAT_SCHEDULE: dict[str, dict[str, object]] = {
    "sweep-stuck-submissions": {
        "task": "submissions.sweep_stuck",
        "schedule": env.float("SUBMISSION_SWEEP_SECONDS", default=30.0),
        "options": {"expires": env.float("SUBMISSION_SWEEP_SECONDS", default=30.0) * 0.8},
    },
}

# The grading sandbox: "bwrap" everywhere; "none" only for development, logged loudly.
SANDBOX_MODE = env("SANDBOX", default="bwrap")
# Warm runs (submissions/sandbox/warm.py): each worker process keeps, per exercise it graded
# lately, a visible and a hidden run started ahead with pytest and the tests' libraries
# imported; one-shot, replaced after each use, exit after the idle time.
SANDBOX_WARM_POOL = env.bool("SANDBOX_WARM_POOL", default=True)
SANDBOX_WARM_KEYS = env.int("SANDBOX_WARM_KEYS", default=4)
SANDBOX_WARM_IDLE_SECONDS = env.float("SANDBOX_WARM_IDLE_SECONDS", default=300.0)
SUBMISSIONS_PER_MINUTE = env.int("SUBMISSIONS_PER_MINUTE", default=10)
SUBMISSIONS_PENDING_MAX = env.int("SUBMISSIONS_PENDING_MAX", default=3)
# A claim is presumed dead after the exercise's wall limit plus this margin.
SUBMISSION_LEASE_MARGIN_SECONDS = env.float("SUBMISSION_LEASE_MARGIN_SECONDS", default=30.0)
# A queued submission is looked at by the sweeper once it was published this long ago (it is
# published again only if the broker lost its message), and given up only after the hours.
SUBMISSION_QUEUE_DEADLINE_SECONDS = env.float("SUBMISSION_QUEUE_DEADLINE_SECONDS", default=60.0)
SUBMISSION_GIVE_UP_HOURS = env.float("SUBMISSION_GIVE_UP_HOURS", default=12.0)
SUBMISSION_QUALITY_DEADLINE_SECONDS = env.float(
    "SUBMISSION_QUALITY_DEADLINE_SECONDS", default=300.0
)
SUBMISSION_QUALITY_CHECKS = env.bool("SUBMISSION_QUALITY_CHECKS", default=True)

REST_FRAMEWORK = {
    # App clients send allauth headless session tokens (X-Session-Token); the browsable API
    # and the web pages' own fetches use the Django session cookie.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "config.api.authentication.SessionTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "config.api.pagination.PagePagination",
    "PAGE_SIZE": 20,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_THROTTLE_CLASSES": [
        "config.api.throttles.UserThrottle",
        "config.api.throttles.AnonThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "user": env("API_USER_RATE", default="600/min"),
        "anon": env("API_ANON_RATE", default="60/min"),
        "submissions": env("API_SUBMISSIONS_RATE", default="10/min"),
        "certificates": env("API_CERTIFICATES_RATE", default="30/min"),
    },
    "EXCEPTION_HANDLER": "config.api.errors.problem_exception_handler",
    "NUM_PROXIES": NUM_PROXIES,
    "DEFAULT_SCHEMA_CLASS": "config.api.schema.AutoSchema",
    "DATETIME_FORMAT": "iso-8601",
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}


def log_format(default: str) -> str:
    """LOG_FORMAT from the environment: "text" for people at a terminal, "json" for a log
    collector. Anything else stops start-up here, not as a riddle from logging.config."""
    value = str(env("LOG_FORMAT", default=default))
    if value not in ("text", "json"):
        raise ImproperlyConfigured(f"LOG_FORMAT is {value!r}; use 'text' or 'json'.")
    return value


LOG_FORMAT = log_format("text")  # production.py: "json"
LOG_LEVEL = env("LOG_LEVEL", default="INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"context": {"()": "config.observability.ContextFilter"}},
    "formatters": {
        "text": {
            "format": "%(asctime)s %(levelname)s %(name)s [req=%(request_id)s sub=%(submission_id)s] %(message)s"
        },
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "format": "%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s %(submission_id)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": LOG_FORMAT,
            "filters": ["context"],
        }
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        "celery": {"level": "INFO"},
    },
}

# drf-spectacular: the OpenAPI 3 schema of /api/v1/ (served at /api/v1/schema/).
SPECTACULAR_SETTINGS = {
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "TITLE": "Apprentice API",
    "DESCRIPTION": (
        "The API of Apprentice for mobile clients. Authenticate with django-allauth's headless "
        "API (/_allauth/app/v1/…) and send the session token it returns as `X-Session-Token`. "
        "Every error is an RFC 9457 problem details document (`application/problem+json`)."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "SubmissionStatusEnum": "submissions.models.Submission.Status",
        "EnrollmentStatusEnum": "courses.models.Enrollment.Status",
        "ExerciseKindEnum": "courses.models.Exercise.Kind",
        "NextStepKindEnum": ["lesson", "exercise"],
        "NotificationKindEnum": "notifications.models.Kind",
        "CapstoneStatusEnum": "mentors.models.Capstone.Status",
        "ReviewRoundStatusEnum": "mentors.models.ReviewRound.Status",
        "FeedbackRequestStatusEnum": "mentors.models.FeedbackRequest.Status",
        "DecisionEnum": [("changes_requested", "Changes requested"), ("approved", "Approved")],
    },
}

# Capstones and mentorship (mentors app).
CAPSTONE_MAX_UPLOAD_MB = env.int("CAPSTONE_MAX_UPLOAD_MB", default=5)
CAPSTONE_MAX_FILES = env.int("CAPSTONE_MAX_FILES", default=500)
CAPSTONE_MAX_UNCOMPRESSED_MB = env.int("CAPSTONE_MAX_UNCOMPRESSED_MB", default=20)
CAPSTONE_MAX_FILE_KB = env.int("CAPSTONE_MAX_FILE_KB", default=1024)
CAPSTONE_DEFAULT_DAYS = env.int("CAPSTONE_DEFAULT_DAYS", default=21)
CAPSTONE_CHECK_LEASE_SECONDS = env.int("CAPSTONE_CHECK_LEASE_SECONDS", default=360)
# Feedback on exercises: open requests a learner may have with their mentor at once.
FEEDBACK_REQUESTS_OPEN_MAX = env.int("FEEDBACK_REQUESTS_OPEN_MAX", default=3)
# Messages and line comments one person may write in ten minutes, across review rounds and
# feedback requests (each notifies the other side, by email too). A thorough review with
# snippets stays well inside it.
THREAD_POSTS_PER_10_MINUTES = env.int("THREAD_POSTS_PER_10_MINUTES", default=60)
# Comment snippets a mentor may keep (each body up to 4000 characters, like a comment).
COMMENT_SNIPPETS_MAX = env.int("COMMENT_SNIPPETS_MAX", default=100)
# Similar solutions and similarity signals (mentors.similarity; shown to mentors and staff only).
# Earlier feedback: the newest requests of the mentor on the exercise whose solutions are compared.
SIMILAR_FEEDBACK_CANDIDATES = env.int("SIMILAR_FEEDBACK_CANDIDATES", default=200)
# copydetect: matches shorter than the noise threshold are ignored, ones as long as the
# guarantee threshold always found (filtered characters of code).
SIMILARITY_NOISE_THRESHOLD = env.int("SIMILARITY_NOISE_THRESHOLD", default=25)
SIMILARITY_GUARANTEE_THRESHOLD = env.int("SIMILARITY_GUARANTEE_THRESHOLD", default=30)
if not 1 <= SIMILARITY_NOISE_THRESHOLD <= SIMILARITY_GUARANTEE_THRESHOLD:
    raise ImproperlyConfigured(
        "SIMILARITY_NOISE_THRESHOLD must be at least 1 and at most SIMILARITY_GUARANTEE_THRESHOLD."
    )
# A pair is shown when at least this share of the code under review matches.
SIMILARITY_DISPLAY_THRESHOLD = env.float("SIMILARITY_DISPLAY_THRESHOLD", default=0.33)
SIMILARITY_SHOWN = env.int("SIMILARITY_SHOWN", default=5)
# Candidates compared: the newest other capstones' latest versions, the newest other learners'
# passing solutions of the exercise.
SIMILARITY_CAPSTONE_CANDIDATES = env.int("SIMILARITY_CAPSTONE_CANDIDATES", default=50)
SIMILARITY_SOLUTION_CANDIDATES = env.int("SIMILARITY_SOLUTION_CANDIDATES", default=100)
# Python files larger than this are left out; a document stops at the second cap.
SIMILARITY_FILE_MAX_KB = env.int("SIMILARITY_FILE_MAX_KB", default=64)
SIMILARITY_DOCUMENT_MAX_KB = env.int("SIMILARITY_DOCUMENT_MAX_KB", default=512)
# Digests and pair scores are cached (keys are content digests, so they never go stale).
SIMILARITY_CACHE_SECONDS = env.int("SIMILARITY_CACHE_SECONDS", default=7 * 24 * 3600)

# How long a review round may wait for its decision, and a feedback request for its mentor's
# first answer, before it is overdue (mentor home, staff turnaround) and the reminders
# escalate it to staff (notifications.planning, through mentors.selectors.review_sla).
REVIEW_SLA_HOURS = env.int("REVIEW_SLA_HOURS", default=72)
CELERY_TASK_ROUTES["mentors.run_capstone_checks"] = {"queue": "execute"}
CELERY_BEAT_SCHEDULE["assign-waiting-learners"] = {
    "task": "mentors.assign_waiting_learners",
    "schedule": 300.0,
    "options": {"expires": 240},
}

# Reminders (notifications app): plan every five minutes; requeue emails a dead worker left.
CELERY_BEAT_SCHEDULE["plan-reminders"] = {
    "task": "notifications.plan_reminders",
    "schedule": 300.0,
    "options": {"expires": 240},
}
CELERY_BEAT_SCHEDULE["requeue-stale-emails"] = {
    "task": "notifications.requeue_stale",
    "schedule": 600.0,
    "options": {"expires": 500},
}
TEMPLATES[0]["OPTIONS"]["context_processors"].append(  # type: ignore[index]
    "notifications.context_processors.inbox"
)
CELERY_BEAT_SCHEDULE["requeue-stale-capstone-checks"] = {
    "task": "mentors.requeue_stale_checks",
    "schedule": 60.0,
    "options": {"expires": 50},
}

# Retention (documented in README.md): beat runs these daily.
SUBMISSION_REPORT_RETENTION_DAYS = env.int("SUBMISSION_REPORT_RETENTION_DAYS", default=30)
NOTIFICATION_RETENTION_DAYS = env.int("NOTIFICATION_RETENTION_DAYS", default=365)
CELERY_TASK_ROUTES["accounts.clear_sessions"] = {"queue": "default"}
for _name, _task in (
    ("clear-expired-sessions", "accounts.clear_sessions"),
    ("prune-superseded-reports", "submissions.prune_reports"),
    ("prune-old-notifications", "notifications.prune"),
):
    CELERY_BEAT_SCHEDULE[_name] = {
        "task": _task,
        "schedule": 86_400.0,
        "options": {"expires": 3_600, "queue": "default"},
    }

# /metrics (config/metrics.py): off unless asked for; a scraper sends
# `Authorization: Bearer $METRICS_TOKEN` (without a token only a DEBUG server answers).
METRICS_ENABLED = env.bool("METRICS_ENABLED", default=False)
METRICS_TOKEN = env("METRICS_TOKEN", default="")
# The programme dashboard waits this long for workers to answer a ping.
WORKER_PING_SECONDS = env.float("WORKER_PING_SECONDS", default=1.0)

# Public certificate pages: lookups per client address and minute (codes are not guessable,
# and must not become so by trying many).
CERTIFICATE_LOOKUPS_PER_MINUTE = env.int("CERTIFICATE_LOOKUPS_PER_MINUTE", default=30)
