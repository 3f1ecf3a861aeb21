"""Who may do what: the editorial groups and the rule that pages go live only
through the "Editorial review" workflow (see docs/editorial.md)."""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, PagePermissionTester, WorkflowState

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

    def can_delete(self, ignore_bulk=False):
        """Nothing is destroyed by its author: someone deleting a page only because they
        own it (no "change" permission: contributors, fact-checkers) may delete a draft
        that was never submitted for review nor published. A page with a review or a
        publication behind it is evidence: deleting it is an editor's decision, logged
        with its title in the audit log."""
        allowed = super().can_delete(ignore_bulk)
        if not allowed or self.user.is_superuser or "change" in self.permissions:
            return allowed
        pages = self.page.get_descendants(inclusive=True)
        reviewed = WorkflowState.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=[str(pk) for pk in pages.values_list("pk", flat=True)],
        )
        return not (pages.exclude(first_published_at=None).exists() or reviewed.exists())

    def can_move(self):
        """Moving is an editor's job, even for a page its author could delete."""
        return super().can_move() and (self.user.is_superuser or "change" in self.permissions)

    def can_set_view_restrictions(self):
        return super().can_publish()

    def can_unschedule(self):
        return super().can_publish()
