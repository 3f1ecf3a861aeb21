from django import forms
from django.core.exceptions import PermissionDenied
from wagtail.forms import TaskStateCommentForm
from wagtail.log_actions import log
from wagtail.models import AbstractGroupApprovalTask

APPROVE_ACTIONS = {"approve", "override"}
SOURCE_CHECK_OVERRIDE = "collective.source_check_override"


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


class OverrideForm(TaskStateCommentForm):
    reason = forms.CharField(
        label="Override reason",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Why this revision may go on although a citation is unmarked or marked "
        "“does not support”. Kept in the page's history.",
    )


class SourceCheckTask(FourEyesApprovalTask):
    """The "Source check" step: a four-eyes approval that also needs every citation of
    the revision marked, none "does not support" (see articles.claims). Otherwise the
    only approval offered is "override", which asks for a reason and logs it.

    Wagtail offers and checks actions through ``get_actions`` (the editor's menu, the
    action view and the edit view all refuse an action it does not list), and
    ``on_action`` checks again, in case marks changed in between.
    """

    @staticmethod
    def open_claims(obj):
        from articles.claims import check_sheet, is_essay_revision, unresolved

        revision = obj.get_latest_revision()
        if revision is None or not is_essay_revision(revision):
            return []
        return unresolved(check_sheet(revision))

    def get_actions(self, obj, user):
        return self.actions_given(obj, user, lambda: self.open_claims(obj))

    def actions_given(self, obj, user, open_claims):
        """``get_actions``, the open claims of ``obj``'s latest revision given by
        ``open_claims()`` (a list of many pages' claims can be read at once)."""
        actions = super().get_actions(obj, user)
        if not any(name == "approve" for name, _, _ in actions) or not open_claims():
            return actions
        return [
            *(action for action in actions if action[0] != "approve"),
            ("override", "Approve with override reason", True),
        ]

    def get_form_for_action(self, action):
        return OverrideForm if action == "override" else super().get_form_for_action(action)

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve" and self.open_claims(task_state.workflow_state.content_object):
            raise PermissionDenied(
                "Every citation must be marked, none “does not support”, before the source "
                "check is approved; or approve with an override reason."
            )
        if action_name == "override":
            reason = kwargs.pop("reason", "").strip()
            if not reason:
                raise PermissionDenied("An override needs a reason.")
            page = task_state.workflow_state.content_object
            open_claims = self.open_claims(page)
            result = super().on_action(task_state, user, "approve", **kwargs)
            log(
                page,
                SOURCE_CHECK_OVERRIDE,
                user=user,
                revision=task_state.revision,
                data={
                    "reason": reason,
                    "unmarked": sum(1 for row in open_claims if row.mark is None),
                    "not_supported": sum(1 for row in open_claims if row.mark is not None),
                },
            )
            return result
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return (
            "Fact-checkers mark every citation against its source, then approve; "
            "never their own revision."
        )

    class Meta:
        verbose_name = "source check task"
        verbose_name_plural = "source check tasks"
