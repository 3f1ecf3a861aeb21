from django.apps import AppConfig


class ImagesConfig(AppConfig):
    name = "collective.images"
    label = "images"
    verbose_name = "Images"
