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
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", "200"))
# Readers' addresses are not logged: errors only, no access log.
accesslog = None
errorlog = "-"
