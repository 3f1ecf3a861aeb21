from django.contrib import messages
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import format_html
from django.utils.timezone import localtime
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button
from wagtail.log_actions import log
from wagtail.models import TaskState, WorkflowState
from wagtail_modeladmin.options import ModelAdminGroup, modeladmin_register

from articles import submission_admin
from articles.admin_views import (
    AwaitingReviewPanel,
    DeclaredFiltersAdmin,
    EssayReviewAdmin,
    SourceReviewAdmin,
    YourDraftsPanel,
    YourPagesInReviewPanel,
    choice_filter,
)
from articles.archive_views import archive_captures, decide_archive_capture, may_decide
from articles.citation_editor import register_citation_feature
from articles.claim_views import SourceCheckView, may_check
from articles.links import CitationLinkHandler, ReadablePageLinkHandler
from articles.models import Contributor, EssayPage, OrganisationPage, SourcePage
from articles.models.essays import live_essays
from articles.models.workflow import SOURCE_CHECK_OVERRIDE
from articles.reports import (
    SourceHealthMenuItem,
    SourceHealthPanel,
    SourceHealthView,
    may_see_source_health,
)
from core.editorial import DIRECT_PUBLISH_REFUSED, is_editor

PUBLISHED_OUTSIDE_REVIEW = "collective.publish_outside_review"


# After Wagtail's own (order 0): the page link handler registered here replaces its.
@hooks.register("register_rich_text_features", order=1)
def register_citations(features):
    features.register_link_type(CitationLinkHandler)
    features.register_link_type(ReadablePageLinkHandler)
    register_citation_feature(features)


@hooks.register("insert_global_admin_css")
def admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("articles/css/admin.css"))


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(
        PUBLISHED_OUTSIDE_REVIEW,
        "Published outside review",
        "Published directly by an administrator, without the Editorial review workflow",
    )
    actions.register_action(
        SOURCE_CHECK_OVERRIDE,
        "Source check approved with an override",
        "Source check approved with an override reason",
    )
    for action, label in submission_admin.LOG_ACTIONS.items():
        actions.register_action(action, label, label)


@hooks.register("register_admin_urls")
def source_check_urls():
    return [
        path("source-check/<int:page_id>/", SourceCheckView.as_view(), name="source_check"),
    ]


@hooks.register("register_page_header_buttons")
def check_sources_button(page, user, view_name, next_url=None):
    """ "Check sources" in an essay's header menu, for those who may mark its citations."""
    if page.specific_class is EssayPage and may_check(user, page.get_latest_revision()):
        yield Button(
            "Check sources",
            reverse("source_check", args=(page.pk,)),
            icon_name="tasks",
            priority=12,
        )


@hooks.register("before_create_page")
def only_editors_create_organisation_profiles(request, parent_page, page_class):
    if issubclass(page_class, OrganisationPage) and not is_editor(request.user):
        messages.error(request, "Only editors can create organisation profiles.")
        return redirect("wagtailadmin_explore", parent_page.pk)
    return None


@hooks.register("before_copy_page")
def only_editors_copy_organisation_profiles(request, page):
    if isinstance(page.specific, OrganisationPage) and not is_editor(request.user):
        messages.error(request, "Only editors can copy organisation profiles.")
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    return None


@hooks.register("before_delete_page")
def refuse_deleting_cited_sources(request, page):
    """A source that live essays cite cannot be deleted: readers would lose the
    evidence behind a published claim. The message names the citing essays."""
    if not isinstance(page.specific, SourcePage):
        return None
    citing = list(live_essays().filter(citations__source=page).distinct())
    if not citing:
        return None
    titles = "; ".join(f"“{essay.title}”" for essay in citing)
    messages.error(
        request,
        f"“{page.title}” is cited by {len(citing)} published essay"
        f"{'s' if len(citing) != 1 else ''} ({titles}), so it cannot be deleted. Remove the "
        "citations, or unpublish the source instead.",
    )
    return redirect("wagtailadmin_pages:edit", page.pk)


def note_publish_attempt(request, page):
    """A publish by anyone but an administrator was saved as a draft: say so.
    An administrator's publish went live outside review: mark it in the audit log."""
    if not request.POST.get("action-publish"):
        return
    if request.user.is_superuser:
        log(page, PUBLISHED_OUTSIDE_REVIEW, user=request.user)
    else:
        messages.warning(request, DIRECT_PUBLISH_REFUSED)


def restart_review_after_edit(request, page):
    """Editing a page in review sends the new revision back to the first step at once,
    so each approval that follows is of the revision that will go live. True if it did."""
    state = page.current_workflow_state
    if state is None or state.status != WorkflowState.STATUS_IN_PROGRESS:
        return False
    task_state = state.current_task_state
    if not task_state or task_state.revision_id == page.get_latest_revision().pk:
        return False
    # cancel() moves the workflow on itself: the first step not approved on the new
    # revision starts (once: updating the workflow again would start another).
    task_state.cancel(user=request.user, resume=False)
    text = "The page was changed during review: its review starts again."
    if request.POST.get("workflow-action-name") == "approve":
        text = (
            "Your changes are saved, and not approved: nobody approves a revision they "
            "saved. The review starts again, for another reviewer to approve."
        )
    replace_confirmation(request, text, level=messages.INFO)
    return True


def name_the_review_action(request, page):
    """After an approval or a request for changes made from the page editor, say what
    happened ("Source check approved", "Changes requested", "Published") instead of
    Wagtail's "Page ... has been updated"."""
    action = request.POST.get("workflow-action-name")
    if not request.POST.get("action-workflow-action") or action not in {"approve", "reject"}:
        return
    state = page.workflow_states.order_by("-created_at", "-pk").first()
    acted_on = (
        TaskState.objects.filter(workflow_state=state, finished_by=request.user)
        .exclude(status=TaskState.STATUS_CANCELLED)
        .select_related("task")
        .order_by("-finished_at", "-pk")
        .first()
    )
    if acted_on is None:
        return
    step = acted_on.task.name
    if action == "reject":
        text = f"Changes requested at “{step}”: “{page.title}” goes back to its author."
    elif state.status == WorkflowState.STATUS_APPROVED:
        revision = page.get_latest_revision()
        if revision.approved_go_live_at:
            when = f"{localtime(revision.approved_go_live_at):%d %B %Y, %H:%M}"
            text = f"{step} approved: “{page.title}” is scheduled to go live on {when}."
        else:
            text = f"{step} approved: “{page.title}” is published."
    else:
        text = f"{step} approved: “{page.title}” goes to “{state.current_task_state.task.name}”."
    replace_confirmation(request, text)


def replace_confirmation(request, text, level=messages.SUCCESS):
    """Put ``text`` in place of Wagtail's "Page ... has been updated" (the newest success
    message), keeping the other messages."""
    shown = list(messages.get_messages(request))
    successes = [i for i, message in enumerate(shown) if message.level == messages.SUCCESS]
    if successes:
        del shown[successes[-1]]
    for message in shown:
        messages.add_message(request, message.level, message.message, message.extra_tags)
    messages.add_message(request, level, text)


@hooks.register("before_edit_page")
def show_requested_changes(request, page):
    """The author opening a page sent back for changes reads, above the editor, what
    was asked, at which step and by whom (by handle: collective.users.models.User)."""
    if request.method != "GET":
        return None
    state = page.current_workflow_state
    if state is None or state.status != WorkflowState.STATUS_NEEDS_CHANGES:
        return None
    rejected = state.current_task_state
    comment = rejected.get_comment() or "(no comment)"
    messages.warning(
        request,
        f"Changes requested at “{rejected.task.name}” by {rejected.finished_by or 'someone'}, "
        f"{localtime(rejected.finished_at):%d %B %Y, %H:%M}: “{comment}” Make the changes, then "
        "resubmit the page for review.",
    )
    return None


@hooks.register("after_edit_page")
def after_edit_page(request, page):
    note_publish_attempt(request, page)
    if not restart_review_after_edit(request, page):
        name_the_review_action(request, page)


@hooks.register("after_create_page")
def after_create_page(request, page):
    note_publish_attempt(request, page)


@hooks.register("construct_homepage_panels")
def dashboard_panels(request, panels):
    """Adds "Your drafts"; the project's workflow panels take the place of Wagtail's
    (the same rows, in a fixed number of queries)."""
    replacements = {panel.name: panel for panel in (AwaitingReviewPanel, YourPagesInReviewPanel)}
    panels[:] = [
        replacements[panel.name]() if panel.name in replacements else panel for panel in panels
    ]
    panels.append(YourDraftsPanel(request.user))
    if may_see_source_health(request.user):
        panels.append(SourceHealthPanel())


@hooks.register("register_admin_urls")
def source_health_urls():
    return [
        path("reports/source-health/", SourceHealthView.as_view(), name="articles_source_health"),
        path(
            "reports/source-health/results/",
            SourceHealthView.as_view(results_only=True),
            name="articles_source_health_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def source_health_menu_item():
    return SourceHealthMenuItem(
        "Source health",
        reverse("articles_source_health"),
        name="source-health",
        icon_name="warning",
        order=1300,
    )


class ContributorAdmin(DeclaredFiltersAdmin):
    model = Contributor
    menu_label = "Contributors"
    menu_icon = "user"
    menu_order = 250
    list_display = ("name", "slug", "is_pseudonymous")
    list_filter = (choice_filter("is_pseudonymous", "pen name", [("1", "Yes"), ("0", "No")]),)
    search_fields = ("name", "slug", "bio")


@modeladmin_register
class ReviewDesk(ModelAdminGroup):
    menu_label = "Review desk"
    menu_icon = "tasks"
    menu_order = 200
    items = (EssayReviewAdmin, SourceReviewAdmin)


modeladmin_register(ContributorAdmin)


@hooks.register("register_admin_urls")
def archive_capture_urls():
    return [
        path("archive-captures/", archive_captures, name="articles_archive_captures"),
        path(
            "archive-captures/<int:pk>/",
            decide_archive_capture,
            name="articles_archive_capture_decide",
        ),
    ]


class EditorsMenuItem(MenuItem):
    def is_shown(self, request):
        return may_decide(request.user)


@hooks.register("register_reports_menu_item")
def archive_captures_menu_item():
    return EditorsMenuItem(
        "Archive captures",
        reverse("articles_archive_captures"),
        name="archive-captures",
        icon_name="doc-full",
        order=900,
    )


@hooks.register("register_admin_urls")
def submission_urls():
    views = [
        path("", submission_admin.index, name="index"),
        path("<int:pk>/", submission_admin.detail, name="detail"),
        path("<int:pk>/read/", submission_admin.read, name="read"),
        path("<int:pk>/reply/", submission_admin.answer, name="answer"),
        path("<int:pk>/status/", submission_admin.set_status, name="status"),
        path("<int:pk>/source/", submission_admin.make_source, name="make_source"),
        path("<int:pk>/delete/", submission_admin.delete, name="delete"),
        path(
            "<int:pk>/message/<int:item>.age",
            submission_admin.download_sealed,
            {"kind": "message"},
            name="sealed_message",
        ),
        path(
            "<int:pk>/file/<int:item>.age",
            submission_admin.download_sealed,
            {"kind": "file"},
            name="sealed_file",
        ),
        path("<int:pk>/file/<int:item>/", submission_admin.download_open, name="download_open"),
    ]
    return [path("submissions/", include((views, "submissions"), namespace="submissions"))]


class SubmissionsMenuItem(MenuItem):
    def is_shown(self, request):
        return submission_admin.may_read(request.user)


@hooks.register("register_admin_menu_item")
def submissions_menu_item():
    return SubmissionsMenuItem(
        "Submissions", reverse("submissions:index"), name="submissions", icon_name="mail", order=250
    )
