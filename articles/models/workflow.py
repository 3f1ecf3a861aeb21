from django.core.exceptions import PermissionDenied
from wagtail.models import AbstractGroupApprovalTask

APPROVE_ACTIONS = {"approve"}


class FourEyesApprovalTask(AbstractGroupApprovalTask):
    """Group approval where nobody approves a revision they saved themselves.

    The rule is enforced where Wagtail decides which actions a user may take
    (``get_actions``, which both the editor and the workflow action view check on
    the server) and again when the action is performed.
    """

    @staticmethod
    def saved_latest_revision(obj, user):
        revision = obj.get_latest_revision()
        return revision is not None and revision.user_id == user.pk

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        if self.saved_latest_revision(obj, user):
            return [action for action in actions if action[0] not in APPROVE_ACTIONS]
        return actions

    def get_task_states_user_can_moderate(self, user, **kwargs):
        """What awaits ``user`` (the dashboard's "Awaiting your review"): never a
        revision they saved, which they may not approve."""
        states = super().get_task_states_user_can_moderate(user, **kwargs)
        return states.exclude(revision__user=user)

    def on_action(self, task_state, user, action_name, **kwargs):
        obj = task_state.workflow_state.content_object
        if action_name in APPROVE_ACTIONS and self.saved_latest_revision(obj, user):
            if task_state.revision_id != obj.get_latest_revision().pk:
                # Changed and approved in one go from the editor: the change is saved
                # and its review starts again (wagtail_hooks.restart_review_after_edit,
                # which says so); nothing is approved.
                return None
            raise PermissionDenied("You cannot approve a revision you saved yourself.")
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return "Members of the chosen groups approve or reject; never their own revision."

    class Meta:
        verbose_name = "four-eyes group approval task"
        verbose_name_plural = "four-eyes group approval tasks"


class SourceCheckTask(FourEyesApprovalTask):
    """The "Source check" step: a four-eyes approval that also needs every citation of
    the revision marked (see articles.claims)."""

    @classmethod
    def get_description(cls):
        return (
            "Fact-checkers mark every citation against its source, then approve; "
            "never their own revision."
        )

    class Meta:
        verbose_name = "source check task"
        verbose_name_plural = "source check tasks"
