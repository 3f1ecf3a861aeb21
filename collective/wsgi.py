import os

from django.core.wsgi import get_wsgi_application

from collective.startup import check_settings

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "collective.settings.production")
check_settings()

application = get_wsgi_application()
