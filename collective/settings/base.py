"""Settings shared by every environment.

Production-safe on its own: DEBUG is off and SECRET_KEY must come from the
environment. Every environment variable the project reads is declared in ``env``
below and read in this package only.
"""

from pathlib import Path

import environ
import pyrage
from django.core.exceptions import ImproperlyConfigured

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

# The one typed schema of the environment: (type, default). Variables without a
# default here are required wherever they are read without one.
env = environ.Env(
    DEBUG=(bool, False),
    ALLOWED_HOSTS=(list, ["localhost", "127.0.0.1", "[::1]"]),
    CSRF_TRUSTED_ORIGINS=(list, []),
    DATABASE_URL=(str, f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
    DB_CONN_MAX_AGE=(int, 60),
    REDIS_URL=(str, ""),
    EMAIL_URL=(str, "consolemail://"),
    DEFAULT_FROM_EMAIL=(str, "Collective <noreply@localhost>"),
    MEDIA_ROOT=(str, str(BASE_DIR / "media")),
    PORT=(int, 8000),
    TRUSTED_PROXY_COUNT=(int, 0),
    ADMIN_PATH=(str, "admin"),
    TWO_FACTOR_REQUIRED=(bool, False),
    PAGE_CACHE_ENABLED=(bool, True),
    PAGE_CACHE_SECONDS=(int, 600),
    FRONTEND_CACHE_PURGE_URL=(str, ""),
    SEARCH_URL=(str, ""),
    SEARCH_BACKEND=(str, "modelsearch.backends.elasticsearch8"),
    S3_BUCKET=(str, ""),
    SECURE_SSL_REDIRECT=(bool, True),
    SECURE_HSTS_SECONDS=(int, 60 * 60 * 24 * 365),
    DEMO_PASSWORD=(str, "collective-demo-2026"),
    LINK_CHECK_TIMEOUT=(float, 10.0),
    LINK_CHECK_MAX_BYTES=(int, 5 * 1024 * 1024),
    LINK_CHECK_HOST_DELAY=(float, 5.0),
    LINK_CHECK_USER_AGENT=(str, ""),
    LINK_CHECK_ALLOW_PRIVATE_ADDRESSES=(bool, False),
    ARCHIVE_SAVE_URL=(str, ""),
    ARCHIVE_ACCESS_KEY=(str, ""),
    ARCHIVE_SECRET_KEY=(str, ""),
    ARCHIVE_SNAPSHOT_URL=(str, "https://web.archive.org/web/"),
    ARCHIVE_POLL_WAIT=(float, 10.0),
    ARCHIVE_POLL_ATTEMPTS=(int, 6),
    SUBMISSION_RECIPIENTS=(list, []),
    SUBMISSION_NOTIFY=(bool, True),
    ONION_LOCATION=(str, ""),
)

SECRET_KEY = env("SECRET_KEY")
DEBUG = env("DEBUG")
ALLOWED_HOSTS = env("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env("CSRF_TRUSTED_ORIGINS")


INSTALLED_APPS = [
    "collective.users",
    "collective.images",
    "collective.documents",
    "core",
    "articles",
    "home",
    "search",
    "wagtail.contrib.settings",
    "wagtail.api.v2",
    "rest_framework",
    "wagtail.contrib.redirects",
    "wagtail_modeladmin",
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
    "django_filters",
    # Needed by wagtail-modeladmin's listings; Django's own admin site is not routed.
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
    # The tasks' table for production's worker (TASKS below; production.py).
    "django_tasks_db",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
]

MIDDLEWARE = [
    # First: the submission pages' requests lose the sender's address and browser here,
    # before anything could log or store them (collective/security.py).
    "collective.security.ForgetSenderMiddleware",
    "collective.security.OnionLocationMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "collective.security.AdminSecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "core.cache.PageCacheMiddleware",
    "collective.security.DatabaseUnavailableMiddleware",
    "core.middleware.CachedSiteMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "collective.users.twofactor.RequireTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a lockout into its response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "collective.urls"

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
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "collective.wsgi.application"


# Database: SQLite in the project directory unless DATABASE_URL says otherwise.
DATABASES = {"default": env.db("DATABASE_URL")}
DATABASES["default"]["CONN_MAX_AGE"] = env("DB_CONN_MAX_AGE")
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # An unreachable database fails a request in seconds rather than hanging a worker.
    DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = 5
    # Planner settings for a web site's many short queries, set on each connection:
    # storage is SSD (an index walk that stops at the end of a page beats sorting
    # everything), and starting parallel workers costs more than the queries save.
    DATABASES["default"]["OPTIONS"].setdefault(
        "options", "-c random_page_cost=1.1 -c max_parallel_workers_per_gather=0"
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Wagtail's search index uses PostgreSQL full-text search fields there.
    INSTALLED_APPS.append("django.contrib.postgres")


# Cache: Redis when REDIS_URL is set (a Redis outage degrades to cache misses,
# never to errors), local memory otherwise.
if env("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": env("REDIS_URL"),
            "KEY_PREFIX": "collective",
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 1,
                "SOCKET_TIMEOUT": 1,
            },
        }
    }
    # A Redis outage means cache misses; one log line per request would bury real errors.
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = False
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


# The anonymous page cache (core/cache.py): never stale, purged on every change.
PAGE_CACHE_ENABLED = env("PAGE_CACHE_ENABLED")
PAGE_CACHE_SECONDS = env("PAGE_CACHE_SECONDS")
# The query parameters public pages read (listing filters, page numbers, the search
# words): the page cache keys pages on these alone, and pages see no others.
PAGE_CACHE_PARAMETERS = [
    "page",
    "p",
    "query",
    "organisation",
    "topic",
    "contributor",
    "year",
    "type",
]

# A CDN or Varnish in front: Wagtail's frontend cache invalidation sends it a PURGE for
# each URL that shows a published, unpublished or moved page (articles/signal_handlers.py).
# Other backends (Cloudflare, CloudFront, Azure) are a WAGTAILFRONTENDCACHE entry away.
if env("FRONTEND_CACHE_PURGE_URL"):
    INSTALLED_APPS.append("wagtail.contrib.frontend_cache")
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": env("FRONTEND_CACHE_PURGE_URL"),
        }
    }

AUTH_USER_MODEL = "users.User"
AUTHENTICATION_BACKENDS = [
    # django-axes first: it refuses locked-out usernames and addresses before any check.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]


LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True


STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STATIC_URL = "/static/"

MEDIA_ROOT = env("MEDIA_ROOT")
MEDIA_URL = "/media/"

STORAGES = {
    # Media on local disk; S3_BUCKET switches to S3-compatible storage (below).
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage",
    },
}
if env("S3_BUCKET"):
    # Needs `pip install django-storages[s3]`; credentials and endpoint come from the
    # AWS_* variables django-storages reads (AWS_S3_ENDPOINT_URL for non-AWS stores).
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env("S3_BUCKET"),
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }

# Complex page forms (StreamFields, inline panels) exceed Django's default of 1,000.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000


def mailers_from_url(config):
    """Django 6.1's MAILERS from an EMAIL_URL parsed by django-environ."""
    options = {}
    if config["EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend":
        options = {
            "host": config["EMAIL_HOST"],
            "port": config["EMAIL_PORT"],
            "username": config["EMAIL_HOST_USER"],
            "password": config["EMAIL_HOST_PASSWORD"],
            "use_tls": bool(config.get("EMAIL_USE_TLS")),
            "use_ssl": bool(config.get("EMAIL_USE_SSL")),
            "timeout": 10,
        }
    return {"default": {"BACKEND": config["EMAIL_BACKEND"], "OPTIONS": options}}


# EMAIL_URL: smtp://user:password@host:587/?tls=True, or consolemail:// (the default).
MAILERS = mailers_from_url(env.email_url("EMAIL_URL"))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL")
SERVER_EMAIL = DEFAULT_FROM_EMAIL


# Background tasks (Wagtail 8 uses the django-tasks package). Without a worker
# they run inside the request that enqueues them; production queues them in the
# database for `manage.py db_worker` (production.py). The link checks (hours at a time,
# articles/linkcheck.py) have a queue of their own, so that they never hold up Wagtail's.
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "QUEUES": ["default", "links"],
    }
}


LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Nothing is logged about requests to the submission pages (FORGET_SENDER_PATHS).
    "filters": {"forget_sender": {"()": "collective.security.ForgetSenderLogFilter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["forget_sender"]}},
    "loggers": {
        name: {"filters": ["forget_sender"]}
        for name in ("django.request", "django.server", "django.security.csrf")
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
}


# The password of the demo accounts `load_demo` creates, only when DEBUG is on.
DEMO_PASSWORD = env("DEMO_PASSWORD")

# Security. Readers may be watched and writers may be hunted: no referrer leaves the
# site, nothing frames it, and public pages may load nothing from anywhere else.
from django.utils.csp import CSP  # noqa: E402

SECURE_REFERRER_POLICY = "no-referrer"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
# The Wagtail admin needs inline scripts and styles, and frames its own previews.
ADMIN_CSP = {
    **SECURE_CSP,
    "script-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:", "blob:"],
    "font-src": [CSP.SELF, "data:"],
    "frame-src": [CSP.SELF],
    "frame-ancestors": [CSP.SELF],
}
ADMIN_PATH = env("ADMIN_PATH").strip("/")

# How the admin names an account that has no pen name: by its first group here, and its
# number (collective.users.models.User.handle). The editorial groups' names.
ACCOUNT_ROLES = [
    ("Editors", "Editor"),
    ("Fact-checkers", "Fact-checker"),
    ("Contributors", "Contributor"),
]

# Login rate limiting (django-axes): five failures for one username from one address
# lock that pair for an hour. Not the address alone: behind the reverse proxy, or in a
# shared office, one person's mistakes would lock everyone out. The client's address is
# read from X-Forwarded-For as set by the TRUSTED_PROXY_COUNT proxies in front of the
# app (collective.security.client_address). Counted in the database, which every server
# process shares, and which `manage.py axes_reset` can clear; successful sign-ins are
# never logged.
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_FAILURE_LIMIT = 5
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "collective.security.client_address"
TRUSTED_PROXY_COUNT = env("TRUSTED_PROXY_COUNT")
AXES_COOLOFF_TIME = 1  # hours
AXES_RESET_ON_SUCCESS = True
AXES_DISABLE_ACCESS_LOG = True
AXES_ENABLE_ACCESS_FAILURE_LOG = False
AXES_VERBOSE = False
AXES_LOCKOUT_TEMPLATE = "users/locked_out.html"

# Two-factor authentication (TOTP, django-otp): every admin account may add an
# authenticator app and must then use it; Editors and administrators must add one
# when TWO_FACTOR_REQUIRED is on (the default in production).
TWO_FACTOR_REQUIRED = env("TWO_FACTOR_REQUIRED")
# The groups whose members must add one (core/editorial.py names the groups).
TWO_FACTOR_REQUIRED_GROUPS = ["Editors"]
OTP_TOTP_ISSUER = "Collective"

# Uploads: sizes chosen for scans and photos, not for video.
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 60_000_000
WAGTAILDOCS_MAX_UPLOAD_SIZE = 40 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# Wagtail
WAGTAIL_SITE_NAME = "Collective"
# The site's public address, in notification emails (and, through load_demo, the default
# Site's, in canonical URLs, the sitemap and the API). In development it follows PORT, so
# that `PORT=9000 make run` links to port 9000 everywhere; production sets it.
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default=f"http://127.0.0.1:{env('PORT')}")
WAGTAILIMAGES_IMAGE_MODEL = "images.CollectiveImage"
WAGTAILDOCS_DOCUMENT_MODEL = "documents.CollectiveDocument"
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Every document is downloaded, none opened in the site's origin (a PDF may hold script).
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "txt", "csv"]
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "gif"]
# PostgreSQL full-text search through Wagtail's database backend (search/backend.py:
# ranking bounded to the newest matches), unless SEARCH_URL
# names an Elasticsearch/OpenSearch cluster (SEARCH_BACKEND picks the client version,
# e.g. modelsearch.backends.opensearch2; install its Python client). Run
# `manage.py update_index` after switching.
if env("SEARCH_URL"):
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": env("SEARCH_BACKEND"),
            "URLS": [env("SEARCH_URL")],
            "INDEX_PREFIX": "collective_",
        }
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backend"}}
# Readers may be watched: nothing in the admin calls third parties either.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ALLOW_UNICODE_SLUGS = False

# Editorial workflow (see docs/editorial.md): editing a page in review needs the review again,
# comments and page locking are on, and notifications come from this address.
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
WAGTAIL_WORKFLOW_CANCEL_ON_PUBLISH = True
WAGTAIL_FINISH_WORKFLOW_ACTION = "articles.workflow_actions.publish_approved"
WAGTAILADMIN_COMMENTS_ENABLED = True
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
WAGTAILADMIN_NOTIFICATION_USE_HTML = False
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False

# Uploads lose their identifying metadata (GPS position, camera serial, author names)
# before they are stored: see collective/images/metadata.py and
# collective/documents/metadata.py. These forms refuse a file that cannot be cleaned.
WAGTAILIMAGES_IMAGE_FORM_BASE = "collective.images.forms.CollectiveImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "collective.documents.forms.CollectiveDocumentForm"

# Sources' links watched (articles/linkcheck.py, `manage.py check_links`, daily): each
# fetch waits at most LINK_CHECK_TIMEOUT seconds to connect and for each read, reads at
# most LINK_CHECK_MAX_BYTES of a body, and a host is asked once every
# LINK_CHECK_HOST_DELAY seconds at most. Addresses that resolve to a private, loopback,
# link-local or reserved address are refused unless LINK_CHECK_ALLOW_PRIVATE_ADDRESSES
# (the tests' stub server only).
LINK_CHECK_TIMEOUT = env("LINK_CHECK_TIMEOUT")
LINK_CHECK_MAX_BYTES = env("LINK_CHECK_MAX_BYTES")
LINK_CHECK_HOST_DELAY = env("LINK_CHECK_HOST_DELAY")
LINK_CHECK_ALLOW_PRIVATE_ADDRESSES = env("LINK_CHECK_ALLOW_PRIVATE_ADDRESSES")
LINK_CHECK_USER_AGENT = env("LINK_CHECK_USER_AGENT") or (
    f"CollectiveLinkChecker/1.0 (+{WAGTAILADMIN_BASE_URL.rstrip('/')}/)"
)
# Archive on demand (articles/archive.py): a source without a working archived copy gets
# a capture asked of a service speaking the Wayback Machine's "Save Page Now" API
# (https://web.archive.org/save; off while ARCHIVE_SAVE_URL is empty), with its S3-style
# keys if given; the snapshot proposed is ARCHIVE_SNAPSHOT_URL + timestamp + "/" + address.
# The capture's progress is asked ARCHIVE_POLL_ATTEMPTS times, ARCHIVE_POLL_WAIT apart.
ARCHIVE_SAVE_URL = env("ARCHIVE_SAVE_URL").rstrip("/")
ARCHIVE_ACCESS_KEY = env("ARCHIVE_ACCESS_KEY")
ARCHIVE_SECRET_KEY = env("ARCHIVE_SECRET_KEY")
ARCHIVE_SNAPSHOT_URL = env("ARCHIVE_SNAPSHOT_URL")
ARCHIVE_POLL_WAIT = env("ARCHIVE_POLL_WAIT")
ARCHIVE_POLL_ATTEMPTS = env("ARCHIVE_POLL_ATTEMPTS")


# Anonymous submissions (/submit/, docs/security.md): everything a submitter sends is
# encrypted on receipt to these age public keys (age1...), one per editor or one shared;
# their private keys never reach the server. With none set, /submit/ takes nothing.
SUBMISSION_RECIPIENTS = env("SUBMISSION_RECIPIENTS")
for _recipient in SUBMISSION_RECIPIENTS:
    try:
        pyrage.x25519.Recipient.from_str(_recipient)
    except pyrage.RecipientError:
        raise ImproperlyConfigured(
            f"SUBMISSION_RECIPIENTS: {_recipient!r} is not an age public key (age1...)"
        ) from None
# Requests to these paths lose their sender's address and browser on arrival.
FORGET_SENDER_PATHS = ("/submit",)
# Mail the Editors "a new submission arrived" (nothing else) when one does.
SUBMISSION_NOTIFY = env("SUBMISSION_NOTIFY")
# At most this many messages sent, and codenames tried wrongly, per sender per hour.
SUBMISSION_SEND_LIMIT = 20
SUBMISSION_CODENAME_LIMIT = 10
# The site's onion service address (http://....onion), sent as Onion-Location.
ONION_LOCATION = env("ONION_LOCATION").rstrip("/")
