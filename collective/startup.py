"""Load the settings once, turning a configuration error into one clear line."""

import sys

from django.core.exceptions import ImproperlyConfigured


def check_settings():
    """Exit with the settings' own message (naming the variable) if they cannot load."""
    from django.conf import settings

    try:
        settings.INSTALLED_APPS  # noqa: B018 (importing the settings module is the check)
    except ImproperlyConfigured as error:
        sys.exit(f"Configuration error: {error}")
