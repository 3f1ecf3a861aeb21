"""The benchmark and the soak test: production settings (every variable they require
comes from the environment bench/run.py and bench/soak.py set) plus the ``bench`` app,
whose ``build_bench_site`` command fills a throwaway database. The product's own
settings never install it."""

from .production import *  # noqa: F403
from .production import INSTALLED_APPS

INSTALLED_APPS = [*INSTALLED_APPS, "bench"]
