from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.utils.functional import cached_property


class User(AbstractUser):
    """The project's own user model, in place from the first migration.

    Account names, emails and real names are private to the admin: readers only
    ever see a contributor's public profile (``articles.Contributor``), and the admin
    names an account to everyone by its handle (``get_full_name``), so that a pen name
    is never tied to a person through the history, reports, filters or comments. The
    real name and email are in the account's own fields, which only administrators
    (who manage users) can open.
    """

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"

    def __str__(self):
        # Choice lists (the reports' "requested by"), log entries and messages print this.
        return self.handle

    def get_full_name(self):
        return self.handle

    def get_short_name(self):
        return self.handle

    @cached_property
    def handle(self):
        """The pen name of a profile tied to the account, else its role and number
        ("Fact-checker 7"): never its username, real name or email."""
        if self.pk is None:
            return "New account"
        pen_name = self.contributor_profiles.order_by("pk").values_list("name", flat=True).first()
        if pen_name:
            return pen_name
        if self.is_superuser:
            return f"Administrator {self.pk}"
        groups = set(self.groups.values_list("name", flat=True))
        role = next((label for name, label in settings.ACCOUNT_ROLES if name in groups), "Account")
        return f"{role} {self.pk}"
