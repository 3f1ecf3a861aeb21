"""Production: every secret and host comes from the environment, TLS is assumed.

Missing SECRET_KEY, ALLOWED_HOSTS or DATABASE_URL raises ImproperlyConfigured
naming the variable; manage.py, wsgi.py and gunicorn.conf.py turn that into one
line on stderr and a non-zero exit.
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env

DEBUG = False

# Required here even though base has development defaults for two of them.
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=None)
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("Set the ALLOWED_HOSTS environment variable")
if not env.str("DATABASE_URL", default=""):
    raise ImproperlyConfigured("Set the DATABASE_URL environment variable")
MAILERS = mailers_from_url(env.email_url("EMAIL_URL", default="smtp://localhost:25"))  # noqa: F405

if not env.str("REDIS_URL", default=""):
    # Every gunicorn worker must see the same cache: a publish handled by one worker
    # must renew the pages, cards and counts the others keep (core/cache.py).
    # Without Redis, files shared by the workers of this machine.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": env.str("CACHE_DIR", default=str(BASE_DIR / "cache")),  # noqa: F405
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        }
    }

# Background tasks wait in the database for `manage.py db_worker`, not in the request:
# Wagtail's on the "default" queue (deploy/systemd/collective-worker.service), the
# link checks on "links" (collective-link-worker@.service, one or more).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "links"]}}

# Behind a TLS-terminating proxy that sets X-Forwarded-Proto, and appends the client's
# address to X-Forwarded-For (one proxy unless TRUSTED_PROXY_COUNT says otherwise).
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=1)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env("SECURE_SSL_REDIRECT")
if not SECURE_SSL_REDIRECT:
    # The proxy redirects plain HTTP itself; say so rather than warn forever.
    SILENCED_SYSTEM_CHECKS = ["security.W008"]
SECURE_HSTS_SECONDS = env("SECURE_HSTS_SECONDS")
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

# Editors and administrators must use two-factor authentication unless explicitly turned off.
TWO_FACTOR_REQUIRED = env.bool("TWO_FACTOR_REQUIRED", default=True)
