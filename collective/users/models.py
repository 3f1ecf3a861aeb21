from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.db.models import Case, Exists, OuterRef, Subquery, Value, When
from django.utils.functional import cached_property

UNSET = object()


class HandleUserManager(UserManager):
    """Accounts, each read with what its handle is made of (``User.handle``): the pen
    name of the first profile tied to it and its role, as two subqueries of the query
    that reads it. A list of accounts (a filter's choices, an account chooser) names
    them all from that one query, and the signed-in user too. Migrations keep Django's
    own manager: historical models have no handles."""

    use_in_migrations = False

    def get_queryset(self):
        Contributor = apps.get_model("articles", "Contributor")
        memberships = self.model.groups.through.objects.filter(user=OuterRef("pk"))
        pen_names = Contributor.objects.filter(user=OuterRef("pk")).order_by("pk")
        return (
            super()
            .get_queryset()
            .annotate(
                handle_pen_name=Subquery(pen_names.values("name")[:1]),
                handle_role=Case(
                    *(
                        When(Exists(memberships.filter(group__name=name)), then=Value(label))
                        for name, label in settings.ACCOUNT_ROLES
                    ),
                    default=Value("Account"),
                ),
            )
        )


class User(AbstractUser):
    """The project's own user model, in place from the first migration.

    Account names, emails and real names are private to the admin: readers only
    ever see a contributor's public profile (``articles.Contributor``), and the admin
    names an account to everyone by its handle (``get_full_name``), so that a pen name
    is never tied to a person through the history, reports, filters or comments. The
    real name and email are in the account's own fields, which only administrators
    (who manage users) can open.
    """

    objects = HandleUserManager()

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
        # Accounts reached through a relation (``page.owner``) are read with their
        # handle too.
        base_manager_name = "objects"

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
        ("Fact-checker 7"): never its username, real name or email. Read with the
        account by ``User.objects``; otherwise (an account joined to another row) it
        takes a query or two."""
        if self.pk is None:
            return "New account"
        pen_name = getattr(self, "handle_pen_name", UNSET)
        if pen_name is UNSET:
            pen_name = (
                self.contributor_profiles.order_by("pk").values_list("name", flat=True).first()
            )
        if pen_name:
            return pen_name
        if self.is_superuser:
            return f"Administrator {self.pk}"
        role = getattr(self, "handle_role", UNSET)
        if role is UNSET:
            groups = set(self.groups.values_list("name", flat=True))
            role = next(
                (label for name, label in settings.ACCOUNT_ROLES if name in groups), "Account"
            )
        return f"{role} {self.pk}"
