#!/usr/bin/env python
import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "collective.settings.dev")

    from django.core.management import execute_from_command_line

    from collective.startup import check_settings

    check_settings()
    execute_from_command_line(sys.argv)
