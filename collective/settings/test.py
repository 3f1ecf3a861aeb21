"""The test suite: fast hashing, local caches, tasks run at once, mail in memory."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-insecure-key-never-use-in-production-0123456789")
os.environ["DEBUG"] = "false"

from .base import *  # noqa: F403

ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Most tests sign in many times: lockout has tests of its own (they turn it on).
AXES_ENABLED = False
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Tests change data directly; the page cache has tests of its own that turn it on.
PAGE_CACHE_ENABLED = False
STORAGES["staticfiles"]["BACKEND"] = (  # noqa: F405
    "django.contrib.staticfiles.storage.StaticFilesStorage"
)
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "QUEUES": ["default", "links"],
    }
}
WAGTAILADMIN_BASE_URL = "http://testserver"
# Serve static files straight from the source folders, no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Submissions are encrypted to a key made for this run; tests read them with its
# private half (SUBMISSION_TEST_IDENTITY), as an editor would with theirs.
SUBMISSION_TEST_IDENTITY = str(pyrage.x25519.Identity.generate())  # noqa: F405
SUBMISSION_RECIPIENTS = [
    str(pyrage.x25519.Identity.from_str(SUBMISSION_TEST_IDENTITY).to_public())  # noqa: F405
]
