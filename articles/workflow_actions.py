"""What happens when a workflow finishes. Imported by Wagtail while its models load
(WAGTAIL_FINISH_WORKFLOW_ACTION), so it imports nothing from Wagtail itself."""


def publish_approved(workflow_state, user=None):
    """How a finished "Editorial review" publishes (WAGTAIL_FINISH_WORKFLOW_ACTION).

    Approving the final step is the permission: only the step's group (Editors)
    can approve it, and never on a revision they saved. The revision is published,
    or scheduled if it has a go-live time, in the approver's name.
    """
    revision = workflow_state.content_object.get_latest_revision()
    revision.publish(user=user, skip_permission_checks=True)
