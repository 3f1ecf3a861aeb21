from django.contrib import messages
from django.shortcuts import redirect
from wagtail import hooks
from wagtail.log_actions import log
from wagtail.models import WorkflowState
from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup, modeladmin_register

from articles.admin_views import EssayReviewAdmin, SourceReviewAdmin, YourDraftsPanel
from articles.citation_editor import register_citation_feature
from articles.citations import CitationLinkHandler
from articles.editorial import DIRECT_PUBLISH_REFUSED, is_editor
from articles.models import Contributor, OrganisationPage, SourcePage
from articles.models.essays import live_essays

PUBLISHED_OUTSIDE_REVIEW = "collective.publish_outside_review"


@hooks.register("register_rich_text_features")
def register_citations(features):
    features.register_link_type(CitationLinkHandler)
    register_citation_feature(features)


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(
        PUBLISHED_OUTSIDE_REVIEW,
        "Published outside review",
        "Published directly by an administrator, without the Editorial review workflow",
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
    so each approval that follows is of the revision that will go live."""
    state = page.current_workflow_state
    if state is None or state.status != WorkflowState.STATUS_IN_PROGRESS:
        return
    task_state = state.current_task_state
    if task_state and task_state.revision_id != page.get_latest_revision().pk:
        task_state.cancel(user=request.user, resume=False)
        state.update(user=request.user)
        messages.info(request, "The page was changed during review: its review starts again.")


@hooks.register("after_edit_page")
def after_edit_page(request, page):
    note_publish_attempt(request, page)
    restart_review_after_edit(request, page)


@hooks.register("after_create_page")
def after_create_page(request, page):
    note_publish_attempt(request, page)


@hooks.register("construct_homepage_panels")
def add_your_drafts_panel(request, panels):
    panels.append(YourDraftsPanel(request.user))


class ContributorAdmin(ModelAdmin):
    model = Contributor
    menu_label = "Contributors"
    menu_icon = "user"
    menu_order = 250
    list_display = ("name", "slug", "is_pseudonymous")
    list_filter = ("is_pseudonymous",)
    search_fields = ("name", "slug", "bio")


@modeladmin_register
class ReviewDesk(ModelAdminGroup):
    menu_label = "Review desk"
    menu_icon = "tasks"
    menu_order = 200
    items = (EssayReviewAdmin, SourceReviewAdmin)


modeladmin_register(ContributorAdmin)
