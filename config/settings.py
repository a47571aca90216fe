"""Referat settings: one module, every deployment difference read from the environment.

Every variable is listed with its default in `.env.example`.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Production refuses to start without one; "
            "for local development set DEBUG=1 (see .env.example)."
        )
    SECRET_KEY = "django-insecure-development-only-key-never-use-in-production"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",  # search: SearchVectorField (harmless on SQLite)
    "django_htmx",
    "simple_history",
    "axes",
    "django_tasks_db",
    "common",
    "meetings",
    "agendas",
    "decisions",
    "reading",
    "documents",
    "history",
    "demo",
    "oparl",
    "portal",
    "search",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "common.locale.DanishFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, so that a locked-out login attempt never reaches the view.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# The embedded default is an SQLite file under var/; PostgreSQL when DATABASE_URL says so.
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'referat.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The development server's threads and the background worker share the file. WAL lets
    # readers go on while one writes; IMMEDIATE takes the write lock when a transaction begins,
    # so that two writers queue (for up to the busy timeout) instead of one failing with
    # "database is locked" when it upgrades a read lock half-way.
    DATABASES["default"].setdefault("OPTIONS", {}).update({
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                        "PRAGMA busy_timeout=20000;",
    })
else:
    # A request that cannot reach the database fails fast into the 503 page.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


def cache_from_url(url: str) -> dict:
    """Django's cache framework from CACHE_URL: empty or locmem:// keeps pages in each
    process's memory (the embedded default); redis://host:port/db (or rediss://) is a shared
    Redis or Valkey for several processes or machines; dummy:// keeps nothing."""
    scheme = url.split("://", 1)[0] if "://" in url else url
    if scheme in {"", "locmem"}:
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                "LOCATION": "referat", "OPTIONS": {"MAX_ENTRIES": 500}}
    if scheme in {"redis", "rediss", "unix"}:
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url,
                "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "referat")}
    if scheme == "dummy":
        return {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    raise ImproperlyConfigured(f"CACHE_URL: unknown cache {scheme!r} (locmem://, redis://, "
                               "rediss://, unix:// or dummy://)")


# Pages kept between requests (common/page_cache.py).
CACHES = {"default": cache_from_url(os.environ.get("CACHE_URL", ""))}
# Database sessions, read with a query compiled once (common/auth.py). A shared cache also
# holds them (written through to the database): every process sees a log-out at once; a
# per-process cache never would, so without one they are read from the database.
SESSION_ENGINE = "common.auth"
if CACHES["default"]["BACKEND"].endswith("RedisCache"):
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # Django's ModelBackend, reading the logged-in user with a query compiled once.
    "common.auth.Backend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "meetings:list"
LOGOUT_REDIRECT_URL = "meetings:list"

# Login throttling (django-axes): a user and address pair is locked out after
# AXES_FAILURE_LIMIT failures for AXES_COOLOFF_MINUTES.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = int(os.environ.get("AXES_COOLOFF_MINUTES", "15")) / 60
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_IPWARE_META_PRECEDENCE_ORDER = env_list("AXES_IP_HEADERS", "REMOTE_ADDR")

LANGUAGE_CODE = os.environ.get("LANGUAGE_CODE", "da")
LANGUAGES = [("da", _("Dansk")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["config.formats"]
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/Copenhagen")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
WHITENOISE_USE_FINDERS = not env_bool("STATIC_MANIFEST", not DEBUG)

# Media (attachments, rendered PDFs) lives in storage and is only ever sent by views
# that check permission; MEDIA_URL is deliberately not routed anywhere.
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = "/media-is-not-served/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Hashed, compressed names (run collectstatic) in production; plain names in development
    # and tests (STATIC_MANIFEST=0), which serve straight from static/.
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if env_bool("STATIC_MANIFEST", not DEBUG)
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    # Object storage (S3 protocol) for scale-out; credentials come from the usual AWS_* variables.
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "addressing_style": os.environ.get("AWS_S3_ADDRESSING_STYLE") or None,
            # Private objects, fetched by the server only: every download goes through a
            # view that checks permission, never a bucket URL given to the browser.
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }

FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
ATTACHMENT_MAX_BYTES = int(os.environ.get("ATTACHMENT_MAX_MB", "50")) * 1024 * 1024
# Bilag intake (agendas/attachments/): each received PDF is checked in a child process with
# these limits; office files are converted by LibreOffice (found on PATH unless set) with theirs.
ATTACHMENT_INSPECT_SECONDS = int(os.environ.get("ATTACHMENT_INSPECT_SECONDS", "30"))
ATTACHMENT_INSPECT_MEMORY_MB = int(os.environ.get("ATTACHMENT_INSPECT_MEMORY_MB", "1024"))
ATTACHMENT_TEXT_PAGE_LIMIT = int(os.environ.get("ATTACHMENT_TEXT_PAGE_LIMIT", "500"))
ATTACHMENT_TEXT_MAX_CHARS = 2_000_000
ATTACHMENT_CONVERT_SECONDS = int(os.environ.get("ATTACHMENT_CONVERT_SECONDS", "120"))
ATTACHMENT_CONVERT_MEMORY_MB = int(os.environ.get("ATTACHMENT_CONVERT_MEMORY_MB", "2048"))
LIBREOFFICE_PATH = os.environ.get("LIBREOFFICE_PATH", "")

# E-mail (the agenda sent to the members): Django's mailers, SMTP from the environment, printed
# to the console in development.
MAILERS = {
    "default": {
        "BACKEND": os.environ.get("EMAIL_BACKEND") or (
            "django.core.mail.backends.console.EmailBackend" if DEBUG
            else "django.core.mail.backends.smtp.EmailBackend"),
        "OPTIONS": {} if DEBUG and not os.environ.get("EMAIL_HOST") else {
            "host": os.environ.get("EMAIL_HOST", "localhost"),
            "port": int(os.environ.get("EMAIL_PORT", "25")),
            "username": os.environ.get("EMAIL_HOST_USER", ""),
            "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
            "use_tls": env_bool("EMAIL_USE_TLS"),
            "use_ssl": env_bool("EMAIL_USE_SSL"),
            "timeout": int(os.environ.get("EMAIL_TIMEOUT", "20")),
        },
    },
}
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Referat <referat@localhost>")

# Background work: Django's tasks framework with the database backend (worker: db_worker).
TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}

# Security. Only our own scripts and styles; no inline script or style anywhere. The rich text
# editor (Trix) inserts one style element of its own, which carries the page's nonce (the
# `csp-nonce` meta tag of the pages that have the editor).
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF, CSP.NONCE],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_FAILURE_VIEW = "common.views.csrf_failure"
# HTTPS is on by default outside development: redirect, HSTS and secure cookies together.
# HTTPS=0 serves plain HTTP (the live-server tests, a local docker-compose without TLS).
USE_HTTPS = env_bool("HTTPS", not DEBUG)
if USE_HTTPS:
    SECURE_SSL_REDIRECT = True
    if env_bool("BEHIND_TLS_PROXY", True):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "weasyprint": {"level": "ERROR"},
        "fontTools": {"level": "WARNING"},
        "pikepdf": {"level": "WARNING"},
    },
}

# Where load_demo reads nothing at run time: the demo data is typed into demo/ modules.
DEMO_PASSWORD = os.environ.get("DEMO_PASSWORD", "referat-demo")

# History (django-simple-history). The admin's history pages ask for the historical model's
# own permissions (the secretariat's group has view_historical*, demo/accounts.py), and the
# history tables are indexed on (history_date, id): the audit lists and as_of() read by date.
SIMPLE_HISTORY_ENFORCE_HISTORY_MODEL_PERMISSIONS = True
SIMPLE_HISTORY_DATE_INDEX = "composite"
