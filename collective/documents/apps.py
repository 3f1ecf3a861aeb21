from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "collective.documents"
    label = "documents"
    verbose_name = "Documents"
