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

# Submissions (/submit/) are encrypted to SUBMISSION_RECIPIENTS. Without any, development
# uses a key of its own, made once in dev-submission-key.txt (never committed): the demo
# editor pastes that file's AGE-SECRET-KEY line into the Submissions inbox to read them.
if not SUBMISSION_RECIPIENTS:  # noqa: F405
    _key_file = BASE_DIR / "dev-submission-key.txt"  # noqa: F405
    if not _key_file.exists():
        _key_file.write_text(f"{pyrage.x25519.Identity.generate()}\n")  # noqa: F405
        _key_file.chmod(0o600)
    _identity = pyrage.x25519.Identity.from_str(_key_file.read_text().strip())  # noqa: F405
    SUBMISSION_RECIPIENTS = [str(_identity.to_public())]
