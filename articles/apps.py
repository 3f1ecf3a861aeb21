from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Essays, organisations and sources"

    def ready(self):
        from articles.signal_handlers import register_signal_handlers

        register_signal_handlers()
