from django.contrib.auth.models import AbstractUser


class User(AbstractUser):
    """The project's own user model, in place from the first migration.

    Account names, emails and real names are private to the admin: readers only
    ever see a contributor's public profile (``articles.Contributor``).
    """

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
