from django.apps import AppConfig


class CoreConfig(AppConfig):
    """What every content app shares: the page base class and the readability rule, the
    site settings, the page cache, the editorial groups, the API and the operations
    commands (backup, restore)."""

    name = "core"
    verbose_name = "Core"
