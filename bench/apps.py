from django.apps import AppConfig


class BenchConfig(AppConfig):
    """The benchmark's and the soak test's tooling: enabled only by
    collective.settings.bench, never in the product's own settings."""

    name = "bench"
    verbose_name = "Benchmark tooling"
