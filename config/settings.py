"""Settings for Sinergi, read from environment variables with embedded defaults.

Two modes, chosen by ``SINERGI_ENV``:

* ``development`` (the default): SQLite under ``var/``, console email, a secret
  generated once into ``var/secret_key``, ``DEBUG`` on. Nothing to install.
* ``production``: nothing is guessed. ``SECRET_KEY`` and ``ALLOWED_HOSTS`` must be
  given, otherwise start-up stops with a message that says which is missing.

Every variable is documented in ``docs/configuration.md``.
"""

import os
import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("SINERGI_VAR_DIR", BASE_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)

ENVIRONMENT = os.environ.get("SINERGI_ENV", "development").strip().lower()
if ENVIRONMENT not in ("development", "production"):
    raise ImproperlyConfigured(f"SINERGI_ENV must be 'development' or 'production', not {ENVIRONMENT!r}.")
PRODUCTION = ENVIRONMENT == "production"


def env_bool(name, default):
    """Read a yes/no variable; accept the usual spellings so a typo is not silently False."""
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    value = value.strip().lower()
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off"):
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}.")


def env_list(name, default=()):
    value = os.environ.get(name, "")
    items = [item.strip() for item in value.split(",") if item.strip()]
    return items or list(default)


def development_secret_key():
    """A secret made once per checkout, so sessions survive restarts of the dev server."""
    path = VAR_DIR / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


DEBUG = env_bool("DEBUG", default=not PRODUCTION)

if PRODUCTION:
    # SITE_BASE_URL: emails are sent by background processes with no request to ask for
    # the address; a guess (localhost) would send every reader a dead link.
    missing = [name for name in ("SECRET_KEY", "ALLOWED_HOSTS", "SITE_BASE_URL") if not os.environ.get(name)]
    if missing:
        names = missing[0] if len(missing) == 1 else ", ".join(missing[:-1]) + " and " + missing[-1]
        raise ImproperlyConfigured(
            f"Sinergi is running with SINERGI_ENV=production but {names} "
            + ("is" if len(missing) == 1 else "are")
            + " not set. Set them in the environment (see docs/configuration.md)."
        )
    if not os.environ["SITE_BASE_URL"].startswith("https://"):
        raise ImproperlyConfigured("SITE_BASE_URL must start with https:// in production (links in emails).")
    SECRET_KEY = os.environ["SECRET_KEY"]
else:
    SECRET_KEY = os.environ.get("SECRET_KEY") or development_secret_key()

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # modeltranslation must come before the apps whose models it translates,
    # and its migrate/makemigrations overrides before Django's own commands.
    "wagtail_modeltranslation",
    "wagtail_modeltranslation.makemigrations",
    "wagtail_modeltranslation.migrate",
    "modeltranslation",
    "core",
    "cms",
    "search",
    "agenda",
    "complaints",
    "forums",
    "evaluation",
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
]

MIDDLEWARE = [
    # First: the container and load-balancer probe, for any Host, without the HTTPS redirect.
    "core.liveness.LivenessMiddleware",
    "core.request_log.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "core.security.SecurityHeadersMiddleware",
    "core.site_cache.SiteCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "core.locale_middleware.SinergiLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "site" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'sinergi.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Take the write lock when a transaction starts, so that counting seats and then
    # writing (agenda/registration.py) is never interleaved with another writer;
    # PostgreSQL gets the same guarantee from SELECT ... FOR UPDATE.
    DATABASES["default"].setdefault("OPTIONS", {}).update(transaction_mode="IMMEDIATE", timeout=20)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Wagtail 8's database search index uses PostgreSQL's full-text types.
    INSTALLED_APPS.append("django.contrib.postgres")
    # When the server is unreachable, fail within seconds with the 503 page
    # (cms/views.py) rather than hold a worker for the operating system's timeout.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "connect_timeout", int(os.environ.get("DATABASE_CONNECT_TIMEOUT", "5"))
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Two caches: "default" for application data, "pages" for whole anonymous pages,
# so purging pages on publish never throws away anything else. With Redis, an outage
# makes them miss instead of failing requests (short timeouts, logged once, /readyz
# "not ready"; core/cache.py), and rate limits count per process meanwhile.
if os.environ.get("CACHE_URL"):
    CACHES = {
        alias: {
            "BACKEND": "core.cache.ResilientRedisCache",
            "LOCATION": os.environ["CACHE_URL"],
            "KEY_PREFIX": alias,
        }
        for alias in ("default", "pages")
    }
else:
    CACHES = {
        alias: {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": alias,
            "OPTIONS": {"MAX_ENTRIES": 20000},  # feeds cache one entry per session (agenda/ics.py)
        }
        for alias in ("default", "pages")
    }

# Whole-page cache for anonymous readers, off unless PAGE_CACHE_SECONDS is set.
# The key is the full URL, which carries the language prefix, so languages never
# mix. Every publish, unpublish, move or delete empties it (core/page_cache.py).
# Pages that carry a CSRF token or a session must not be cached: Django's cache
# middleware skips responses that set cookies, and views with forms should be
# marked with django.views.decorators.cache.never_cache.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "0"))
if PAGE_CACHE_SECONDS > 0:
    MIDDLEWARE.insert(0, "django.middleware.cache.UpdateCacheMiddleware")
    MIDDLEWARE.append("django.middleware.cache.FetchFromCacheMiddleware")
    CACHE_MIDDLEWARE_ALIAS = "pages"
    CACHE_MIDDLEWARE_SECONDS = PAGE_CACHE_SECONDS
    CACHE_MIDDLEWARE_KEY_PREFIX = "page"

# A CDN or caching proxy in front (wagtail.contrib.frontend_cache's backends): on publish,
# unpublish, move or delete the page's URLs in every language, its parents' and the
# home page are purged by a background task (core/page_cache.py). Either an HTTP
# purge endpoint (Varnish, nginx, Fastly-style PURGE requests) or Cloudflare.
WAGTAILFRONTENDCACHE = {}
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE["proxy"] = {
        "BACKEND": "core.frontend_cache.RetryingHTTPBackend",  # failed purges are retried
        "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
    }
if os.environ.get("CLOUDFLARE_API_TOKEN"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": os.environ["CLOUDFLARE_API_TOKEN"],
        "ZONEID": os.environ.get("CLOUDFLARE_ZONE_ID", ""),
    }

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Languages -------------------------------------------------------------
# Indonesian is the source language: every page exists in it, and other
# languages fall back to it (see cms/translation_state.py).
LANGUAGE_CODE = "id"
LANGUAGES = [
    ("id", "Bahasa Indonesia"),
    ("en", "English"),
    ("ar", "العربية"),
    ("zh-hans", "简体中文"),
]
WAGTAILFRONTENDCACHE_LANGUAGES = [code for code, _name in LANGUAGES]  # a purged page, in each language
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Asia/Jakarta"

MODELTRANSLATION_DEFAULT_LANGUAGE = "id"
MODELTRANSLATION_LANGUAGES = ("id", "en", "ar", "zh-hans")
MODELTRANSLATION_FALLBACK_LANGUAGES = ("id",)
# Slugs stay in Indonesian for every language: the same path under /id/, /en/,
# /ar/, /zh-hans/ is the same page, which keeps links, hreflang and the language
# switcher exact (decision recorded in docs/architecture.md).
WAGTAILMODELTRANSLATION_TRANSLATE_SLUGS = False
WAGTAILMODELTRANSLATION_LOCALE_PICKER = True

# --- Wagtail ---------------------------------------------------------------
WAGTAIL_SITE_NAME = "Sinergi"
# The admin asks no outside server: no upgrade check (releases.wagtail.io) and no avatars
# from Gravatar (editors' email hashes would go to a third party on every admin page).
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# The public address, for links in emails sent by background tasks (no request to ask);
# required in production. Admin links in emails use the same address unless the admin is
# served elsewhere.
SITE_BASE_URL = os.environ.get("SITE_BASE_URL", "http://localhost:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", SITE_BASE_URL).rstrip("/")
# How many reverse proxies stand in front of the web processes; rate limits then
# read the client address from X-Forwarded-For (core/rate_limit.py). 0: none.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
# /readyz shows what is wrong only to these client addresses or with this bearer token
# (core/health.py); everyone else gets the status alone.
READYZ_ALLOWED_ADDRESSES = env_list("READYZ_ALLOWED_ADDRESSES", default=["127.0.0.1", "::1"])
READYZ_TOKEN = os.environ.get("READYZ_TOKEN", "")
WAGTAIL_I18N_ENABLED = False  # content translation is done by modeltranslation
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES  # the admin catalogues cover all four (tests/i18n)
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_DOCUMENT_MODEL = "cms.LibraryDocument"
# Only formats people can open safely; content is checked too (cms/document_checks.py).
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "xlsx", "ods"]
WAGTAILDOCS_DOCUMENT_FORM_BASE = "cms.document_checks.LibraryDocumentForm"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILADMIN_PATH = os.environ.get("WAGTAILADMIN_PATH", "admin/").strip("/") + "/"
WAGTAIL_APPEND_SLASH = True

# --- Background tasks ----------------------------------------------------------
# django-tasks. TASKS_BACKEND=immediate (the default) runs a task in the web process
# right after the transaction commits; TASKS_BACKEND=database queues it in the
# database for a worker process (manage.py task_worker), as production should, so
# requests never wait for emails or index updates (docs/deployment.md).
INSTALLED_APPS.append("django_tasks_db")  # always installed, so migrations do not depend on the setting
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "immediate")
if TASKS_BACKEND not in ("immediate", "database"):
    raise ImproperlyConfigured("TASKS_BACKEND must be 'immediate' or 'database'.")
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend"
        if TASKS_BACKEND == "database"
        else "django_tasks.backends.immediate.ImmediateBackend"
    }
}

# --- Search ------------------------------------------------------------------
# "db" (embedded), "opensearch+http://host:9200" or "elasticsearch+http://host:9200".
SEARCH_URL = os.environ.get("SEARCH_URL", "db")
SEARCH_INDEX_PREFIX = os.environ.get("SEARCH_INDEX_PREFIX", "sinergi")
# Seconds to wait for the engine before answering from the database instead.
SEARCH_TIMEOUT = float(os.environ.get("SEARCH_TIMEOUT", "1.5"))
# Replicas per index: 0 on one node; 1 or more on a cluster, so a node can fail.
SEARCH_REPLICAS = int(os.environ.get("SEARCH_REPLICAS", "0"))
# Seconds a search's results are kept in the cache (0: off); new index updates retire
# them at once (search/service.py).
SEARCH_CACHE_SECONDS = int(os.environ.get("SEARCH_CACHE_SECONDS", "60"))

# --- Static and media ------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "site" / "static"]
# Production serves collected files with content hashes in their names (cache them
# forever); development serves them as they are, straight from the source folders.
if PRODUCTION:
    # Static files straight from the web process (before sessions and the rest),
    # compressed, cached for a year under fingerprinted names. Development serves
    # them from the source folders (runserver), with nothing to collect.
    MIDDLEWARE.insert(
        MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
        "whitenoise.middleware.WhiteNoiseMiddleware",
    )
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
# Files only staff may see (complaint attachments): never under MEDIA_ROOT, never on object
# storage, always streamed through a permission check; backed up with the media (core/backup.py).
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", VAR_DIR / "private"))
# Media (images, documents) on S3-compatible object storage (AWS S3, MinIO, Ceph...) when a
# bucket is named, so that several web servers share them. Images are read straight from the
# bucket (or its CDN domain), so the bucket's media prefix must be publicly readable; documents
# are always streamed through Sinergi (serve_view) so that private collections stay private.
# Credentials come from the usual AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY variables.
# Complaint attachments never go there: they stay in COMPLAINTS_PRIVATE_DIR (complaints/storage.py).
if os.environ.get("MEDIA_S3_BUCKET"):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["MEDIA_S3_BUCKET"],
            "endpoint_url": os.environ.get("MEDIA_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("MEDIA_S3_REGION") or None,
            "custom_domain": os.environ.get("MEDIA_S3_CUSTOM_DOMAIN") or None,
            "location": "media",
            "default_acl": None,
            "querystring_auth": False,
            "file_overwrite": False,
        },
    }
WAGTAILDOCS_SERVE_METHOD = "serve_view"

# --- Email -----------------------------------------------------------------
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Sinergi <noreply@localhost>")
if os.environ.get("EMAIL_URL"):
    from urllib.parse import unquote, urlparse

    _email = urlparse(os.environ["EMAIL_URL"])
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    if _email.scheme == "file":  # file:///path: each message written to a file (staging, browser tests)
        EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
        EMAIL_FILE_PATH = unquote(_email.path)
    EMAIL_HOST = _email.hostname or "localhost"
    EMAIL_PORT = _email.port or 25
    EMAIL_HOST_USER = unquote(_email.username or "")
    EMAIL_HOST_PASSWORD = unquote(_email.password or "")
    EMAIL_USE_TLS = _email.scheme == "smtp+tls"
    EMAIL_USE_SSL = _email.scheme == "smtps"

# --- Security --------------------------------------------------------------
SESSION_COOKIE_SECURE = PRODUCTION
CSRF_COOKIE_SECURE = PRODUCTION
CSRF_FAILURE_VIEW = "core.views.csrf_failure"  # a branded page in the reader's language
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
if PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

# JSON lines in production (LOG_FORMAT=json by default there), readable text in development;
# commands that report progress (run_periodic) log through it too when it is json.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "json" if PRODUCTION else "plain")
if LOG_FORMAT not in ("json", "plain"):
    raise ImproperlyConfigured(f"LOG_FORMAT must be 'json' or 'plain', not {LOG_FORMAT!r}.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "core.request_log.RequestIdFilter"}},
    "formatters": {
        "json": {"()": "core.request_log.JsonFormatter"},
        "plain": {"format": "%(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": LOG_FORMAT,
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        # Each background task and page action is logged at INFO; keep them for debugging only.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        # The search clients log every request at INFO.
        "opensearchpy": {"level": "WARNING"},
        "opensearch": {"level": "WARNING"},
        "elastic_transport": {"level": "WARNING"},
    },
}

# --- Forums and accounts (forums/) ---------------------------------------------
# Public accounts for the forums come from django-allauth: sign-up and login by
# email, address verified before the first login. The Wagtail admin keeps Django's
# own login (ModelBackend), so both backends are listed. Accounts' URLs are in
# config/urls.py, outside any namespace (allauth's URL names are global).
INSTALLED_APPS += ["allauth", "allauth.account"]
MIDDLEWARE.append("allauth.account.middleware.AccountMiddleware")
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
ACCOUNT_ADAPTER = "forums.accounts.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "forums.accounts.MemberSignupForm"
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_CONFIRM_EMAIL_ON_GET = False  # the link shows a button; mail scanners cannot confirm
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS = 3
ACCOUNT_EMAIL_SUBJECT_PREFIX = "Sinergi: "
ACCOUNT_LOGOUT_ON_GET = False
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "forums:index"
ACCOUNT_LOGOUT_REDIRECT_URL = "forums:index"

# --- Tunables (core/tunables.py) ---------------------------------------------------------
# Rate limits, offer hours, retention periods, SLA days...: each app declares its own with
# defaults (<app>/conf.py); operators set SINERGI_<APP>_<NAME> in the environment, settings
# files and tests this dict ({"forums": {"POST_LIMIT": 20}}). See docs/configuration.md.
SINERGI_LIMITS = {}

# --- Sign-in limits (core/login_limits.py) --------------------------------------------
# First, so that once too many sign-ins failed, no backend is asked at all.
AUTHENTICATION_BACKENDS.insert(0, "core.login_limits.LoginLimitBackend")

# --- Public API (cms/api/, /api/v1/) ---------------------------------------------------
# Only defaults that are safe for Wagtail's own admin API too; the public endpoints
# set their renderer, authentication and throttle themselves (cms/api/base.py).
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "NUM_PROXIES": TRUSTED_PROXY_COUNT,  # client address for rate limits, as core/rate_limit.py
}
API_CACHE_SECONDS = int(os.environ.get("API_CACHE_SECONDS", "60"))
SPECTACULAR_SETTINGS = {
    "TITLE": "Sinergi public API",
    "DESCRIPTION": (
        "Read-only public information of the immigration service: guides, regulations, events "
        "and answered forum questions. No personal data. Texts in Indonesian, English, Arabic "
        f"and Simplified Chinese (`lang`). Responses may be up to {API_CACHE_SECONDS} seconds old. "
        "Open data under CC BY 4.0."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    # Its deploy check would build a schema of every DRF view, Wagtail's admin API included;
    # ours is checked by schemathesis in the tests instead.
    "ENABLE_DJANGO_DEPLOY_CHECK": False,
    "ENUM_NAME_OVERRIDES": {
        "RegulationStatusEnum": "cms.models.regulations.STATUS_CHOICES",
        "SessionStatusEnum": "agenda.choices.SESSION_STATUSES",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "cms.api.base.non_empty_query_strings",
    ],
}
