from django.apps import AppConfig


class UsersConfig(AppConfig):
    name = "collective.users"
    label = "users"
    verbose_name = "Users"
