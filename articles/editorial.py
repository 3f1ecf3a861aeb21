"""Who may do what: the editorial groups and the rule that pages go live only
through the "Editorial review" workflow (see README, "Editorial workflow")."""

from wagtail.models import PagePermissionTester

CONTRIBUTORS = "Contributors"
FACT_CHECKERS = "Fact-checkers"
EDITORS = "Editors"
WORKFLOW = "Editorial review"
SOURCE_CHECK = "Source check"
EDITORIAL_APPROVAL = "Editorial approval"

DIRECT_PUBLISH_REFUSED = (
    "Saved as a draft, not published: pages go live only through the “Editorial review” "
    "workflow. Submit it for review; approving the final step publishes it."
)


def is_editor(user):
    return user.is_superuser or user.groups.filter(name=EDITORS).exists()


class EditorialPermissionTester(PagePermissionTester):
    """Wagtail's page permissions, except that only administrators publish directly.

    Everyone else's changes go live by approval of the workflow's final step,
    which publishes (see workflow_actions.py). Only editors move pages. Unpublishing, privacy
    and unscheduling keep Wagtail's rule (the publish permission): taking a page
    down must never wait for a review.
    """

    def can_publish(self):
        return self.user.is_superuser and super().can_publish()

    def can_publish_subpage(self):
        return self.user.is_superuser and super().can_publish_subpage()

    def can_move(self):
        """Moving is an editor's job, even for a page its author could delete."""
        return super().can_move() and (self.user.is_superuser or "change" in self.permissions)

    def can_set_view_restrictions(self):
        return super().can_publish()

    def can_unschedule(self):
        return super().can_publish()
