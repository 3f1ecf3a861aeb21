"""Local development: DEBUG on, a throwaway key, mail printed to the console."""

import os

os.environ.setdefault("SECRET_KEY", "dev-only-insecure-key-never-use-in-production-0123456789")
os.environ.setdefault("DEBUG", "true")

from .base import *  # noqa: F403

ALLOWED_HOSTS = ["*"]
# See changes at once while developing (the cache is purged on publish anyway).
PAGE_CACHE_ENABLED = False
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
STORAGES["staticfiles"]["BACKEND"] = (  # noqa: F405
    "django.contrib.staticfiles.storage.StaticFilesStorage"
)
# Serve static files straight from the source folders, no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
