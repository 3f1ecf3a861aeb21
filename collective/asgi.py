import os

from django.core.asgi import get_asgi_application

from collective.startup import check_settings

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "collective.settings.production")
check_settings()

application = get_asgi_application()
