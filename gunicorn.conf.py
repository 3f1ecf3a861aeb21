"""gunicorn settings, each overridable from the environment.

gunicorn collective.wsgi   (run by `make serve`)
"""

import multiprocessing
import os

from collective.startup import check_settings

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "collective.settings.production")
# Refuse to start (one line, no traceback) before any worker boots.
check_settings()

bind = os.environ.get("GUNICORN_BIND", f"127.0.0.1:{os.environ.get('PORT', '8000')}")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))
# Recycling workers is off unless asked for: workers sharing a steady load evenly reach
# the limit together and restart at once, stalling every request for the seconds they
# take to boot (make bench measured p99s of 1-3 s). Set GUNICORN_MAX_REQUESTS to
# recycle; the jitter is then half of it, so that workers restart at different times.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "0"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", max_requests // 2))
# Readers' addresses are not logged: errors only, no access log.
accesslog = None
errorlog = "-"
