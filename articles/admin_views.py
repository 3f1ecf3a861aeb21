"""The review desk (wagtail-modeladmin listings) and the dashboard panels."""

import copy

from django.conf import settings
from django.contrib.admin import SimpleListFilter
from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.prefetch import GenericPrefetch
from django.db.models import CharField, Exists, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Cast
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.models import (
    Page,
    Revision,
    Task,
    TaskState,
    WorkflowState,
    WorkflowTask,
    get_page_models,
)
from wagtail_modeladmin.helpers import PageButtonHelper, PagePermissionHelper
from wagtail_modeladmin.options import ModelAdmin
from wagtail_modeladmin.views import IndexView

from articles.claims import check_sheets, is_essay_revision, unresolved
from articles.models import Contributor, EssayPage, OrganisationPage, SourceCheckTask, SourcePage
from core.editorial import EDITORS, FACT_CHECKERS

ACTIVE = (WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES)


def sees_everything(user):
    return user.is_superuser or user.groups.filter(name__in=[EDITORS, FACT_CHECKERS]).exists()


def with_workflow_state(queryset):
    """Annotate each page with its active workflow's status and current task name."""
    states = WorkflowState.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id=Cast(OuterRef("pk"), CharField()),
        status__in=ACTIVE,
    )
    return queryset.annotate(
        workflow_status=Subquery(states.values("status")[:1]),
        workflow_task=Subquery(states.values("current_task_state__task__name")[:1]),
    )


class DeclaredFiltersIndexView(IndexView):
    """A listing that answers only the filters it declares.

    ModelAdmin applies every other query parameter to the queryset as a lookup, through
    any relation: ``?owner__password__startswith=argon2`` would let anyone who sees the
    listing read an account's password hash, email or TOTP key a character at a time,
    and an invalid lookup answered 500. Here any parameter no declared filter reads is
    ignored (search ``q``, ordering ``o`` and page ``p`` are ModelAdmin's own, on the
    listing's columns and search fields only)."""

    def get_filters_params(self, params=None):
        declared = {list_filter.parameter_name for list_filter in self.list_filter}
        lookups = super().get_filters_params(params)
        return {name: values for name, values in lookups.items() if name in declared}


class DeclaredFiltersAdmin(ModelAdmin):
    """ModelAdmin whose listing answers only its declared filters, each a
    SimpleListFilter (its one parameter is its ``parameter_name``)."""

    index_view_class = DeclaredFiltersIndexView

    def get_list_filter(self, request):
        filters = super().get_list_filter(request)
        for list_filter in filters:
            if not (isinstance(list_filter, type) and issubclass(list_filter, SimpleListFilter)):
                raise TypeError(f"{type(self).__name__}: {list_filter!r} is not a SimpleListFilter")
        return filters


def choice_filter(field_name, title, choices):
    """A SimpleListFilter on one field with fixed choices."""

    class ChoiceFilter(SimpleListFilter):
        parameter_name = field_name

        def lookups(self, request, model_admin):
            return list(choices)

        def queryset(self, request, queryset):
            allowed = {str(value) for value, _label in choices}
            if self.value() in allowed:
                return queryset.filter(**{field_name: self.value()})
            return queryset

    ChoiceFilter.title = title
    return ChoiceFilter


class WorkflowStateFilter(SimpleListFilter):
    title = "state"
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [
            ("in_review", "In review"),
            ("changes_requested", "Changes requested"),
            ("draft", "Draft, not submitted"),
            ("live", "Live"),
            ("live_with_changes", "Live, with unpublished changes"),
        ]

    def queryset(self, request, queryset):
        value = self.value()
        if value == "in_review":
            return queryset.filter(workflow_status=WorkflowState.STATUS_IN_PROGRESS)
        if value == "changes_requested":
            return queryset.filter(workflow_status=WorkflowState.STATUS_NEEDS_CHANGES)
        if value == "draft":
            return queryset.filter(live=False, workflow_status__isnull=True)
        if value == "live":
            return queryset.filter(live=True)
        if value == "live_with_changes":
            return queryset.filter(live=True, has_unpublished_changes=True)
        return queryset


class OrganisationFilter(SimpleListFilter):
    """The organisations a page is about, by short name (no "empty" choice)."""

    title = "organisation"
    parameter_name = "organisation"

    def lookups(self, request, model_admin):
        return list(
            OrganisationPage.objects.order_by("short_name").values_list("slug", "short_name")
        )

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(organisations__slug=self.value()).distinct()
        return queryset


class ContributorFilter(SimpleListFilter):
    title = "contributor"
    parameter_name = "contributor"

    def lookups(self, request, model_admin):
        return list(Contributor.objects.values_list("slug", "name"))

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(essay_contributors__contributor__slug=self.value()).distinct()
        return queryset


class ListingPermissionHelper(PagePermissionHelper):
    """Page permissions for the rows of one listing: whether pages may be copied into a
    parent is decided once per parent (the rows of a review desk share their index page),
    not once per row."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.copy_into = {}

    def user_can_copy_obj(self, user, obj):
        parent_path = obj.path[: -obj.steplen]
        if parent_path not in self.copy_into:
            self.copy_into[parent_path] = super().user_can_copy_obj(user, obj)
        return self.copy_into[parent_path]


class ReviewDeskButtonHelper(PageButtonHelper):
    """Row buttons, with the permissions checked for this listing's rows."""

    def __init__(self, view, request):
        super().__init__(view, request)
        self.permission_helper = ListingPermissionHelper(self.model, inspect_view_enabled=False)


class ReviewDeskAdmin(DeclaredFiltersAdmin):
    """Pages of one type with their review state. Contributors see only their own.

    A page's row reads everything from the listing's queries: its organisations (and
    an essay's contributors) prefetched, its workflow state prefetched and its schedule
    annotated (Wagtail's own listing optimisations; the row buttons ask whether the page
    is locked, which reads both), whatever the number of rows."""

    menu_icon = "tasks"
    list_per_page = 30
    search_fields = ("title",)
    ordering = ("-latest_revision_created_at",)
    inspect_view_enabled = False
    button_helper_class = ReviewDeskButtonHelper

    def get_queryset(self, request):
        queryset = with_workflow_state(
            self.model.objects.select_related("owner")
            .prefetch_related("organisations")
            .prefetch_workflow_states()
            .annotate_approved_schedule()
        )
        if not sees_everything(request.user):
            queryset = queryset.filter(self.own_pages_q(request.user)).distinct()
        return queryset

    def own_pages_q(self, user):
        return Q(owner=user)

    def state(self, page):
        return format_html('<span class="review-state">{}</span>', self.state_label(page))

    def state_label(self, page):
        if page.workflow_status == WorkflowState.STATUS_IN_PROGRESS:
            return "In review"
        if page.workflow_status == WorkflowState.STATUS_NEEDS_CHANGES:
            return "Changes requested"
        if page.live:
            return "Live, with unpublished changes" if page.has_unpublished_changes else "Live"
        return "Draft"

    def current_task(self, page):
        return page.workflow_task or "—"

    current_task.short_description = "Current task"

    def organisation_names(self, page):
        return ", ".join(org.short_name for org in page.organisations.all()) or "—"

    organisation_names.short_description = "Organisations"

    def last_edited(self, page):
        return page.latest_revision_created_at

    last_edited.short_description = "Last edited"
    last_edited.admin_order_field = "latest_revision_created_at"


class EssayReviewAdmin(ReviewDeskAdmin):
    model = EssayPage
    menu_label = "Essays"
    list_display = (
        "title",
        "contributor_names",
        "organisation_names",
        "state",
        "current_task",
        "last_edited",
    )
    list_filter = (WorkflowStateFilter, OrganisationFilter, ContributorFilter)

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("essay_contributors__contributor")

    def own_pages_q(self, user):
        return Q(owner=user) | Q(essay_contributors__contributor__user=user)

    def contributor_names(self, page):
        return format_html_join(
            ", ", "{}", ((item.contributor.name,) for item in page.essay_contributors.all())
        )

    contributor_names.short_description = "Contributors"


class SourceReviewAdmin(ReviewDeskAdmin):
    model = SourcePage
    menu_label = "Sources"
    list_display = (
        "title",
        "source_type",
        "organisation_names",
        "state",
        "current_task",
        "last_edited",
    )
    list_filter = (
        WorkflowStateFilter,
        choice_filter("source_type", "source type", SourcePage.SourceType.choices),
        OrganisationFilter,
    )


class YourDraftsPanel(Component):
    """Dashboard: the signed-in user's pages with changes not yet live."""

    name = "your_drafts"
    template_name = "articles/admin/your_drafts_panel.html"
    order = 90

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        # Drafts are the pages waiting for their author: not those with reviewers.
        context["drafts"] = (
            with_workflow_state(Page.objects.filter(owner=self.user, has_unpublished_changes=True))
            .filter(
                Q(workflow_status__isnull=True)
                | Q(workflow_status=WorkflowState.STATUS_NEEDS_CHANGES)
            )
            .order_by("-latest_revision_created_at")[:10]
        )
        return context


def tasks_with_status(workflow_states):
    """{workflow state id: its workflow's tasks, each with the ``status`` and
    ``status_display`` of its step on the revision in review}: what Wagtail's
    ``WorkflowState.all_tasks_with_status()`` gives one state at a time (two queries
    each), for all of ``workflow_states`` in two queries."""
    workflow_tasks = {}
    for link in (
        WorkflowTask.objects.filter(
            workflow_id__in={state.workflow_id for state in workflow_states}
        )
        .select_related("task")
        .order_by("sort_order")
    ):
        workflow_tasks.setdefault(link.workflow_id, []).append(link.task)
    steps = {}
    for step in TaskState.objects.filter(workflow_state__in=workflow_states).values(
        "id",
        "workflow_state_id",
        "task_id",
        "revision_id",
        "revision__created_at",
        "status",
        "started_at",
    ):
        steps.setdefault(step["workflow_state_id"], []).append(step)
    labels = dict(TaskState.STATUS_CHOICES)
    progress = {}
    for state in workflow_states:
        applicable = steps.get(state.pk, [])
        if getattr(settings, "WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT", False) and applicable:
            # Only the steps taken on the newest revision the workflow has seen count.
            newest = max(
                applicable, key=lambda step: (step["revision__created_at"], step["revision_id"])
            )
            applicable = [
                step for step in applicable if step["revision_id"] == newest["revision_id"]
            ]
        tasks = []
        for workflow_task in workflow_tasks.get(state.workflow_id, []):
            taken = [step for step in applicable if step["task_id"] == workflow_task.pk]
            task = copy.copy(workflow_task)
            task.status = (
                max(taken, key=lambda step: (step["started_at"], step["id"]))["status"]
                if taken
                else None
            )
            task.status_display = labels.get(task.status, _("Not started"))
            tasks.append(task)
        progress[state.pk] = tasks
    return progress


def reviewable_by(user):
    """The steps in progress that ``user`` may act on: Wagtail's
    ``TaskState.objects.reviewable_by()``, each task answering for its own steps
    (``get_task_states_user_can_moderate``: the review tasks leave out the revisions
    ``user`` saved), asked only of the tasks with a step in progress, each in its own
    class without reading it again."""
    tasks = Task.objects.filter(
        active=True, task_states__status=TaskState.STATUS_IN_PROGRESS
    ).distinct()
    states = TaskState.objects.none()
    for task in tasks:
        states = states | task.specific_deferred.get_task_states_user_can_moderate(user=user)
    return states


def with_latest_revision(lookup, models):
    """Prefetch the objects of a generic relation (``lookup``) with their latest revision
    joined: one query for each type of object, where Wagtail's panels take two."""
    return GenericPrefetch(
        lookup, [model.objects.select_related("latest_revision") for model in models]
    )


class AwaitingReviewPanel(Component):
    """Dashboard: "Awaiting your review", Wagtail's panel (its template, rows, links and
    actions) read in a fixed number of queries, however many pages await the viewer.

    The rows are those of Wagtail's ``TaskState.objects.reviewable_by()`` (see
    ``reviewable_by``): never a revision the viewer saved (four eyes). Each row's
    page with its latest revision, the requester (with their handle, read by the
    accounts' manager) and the progress of every step are read for all rows at once;
    each step's own class comes from its content type, without reading the task
    again."""

    name = "workflow_objects_to_moderate"
    template_name = "wagtailadmin/home/workflow_objects_to_moderate.html"
    order = 220

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        context = super().get_context_data(parent_context)
        context.update(states=[], request=request, csrf_token=parent_context["csrf_token"])
        if not getattr(settings, "WAGTAIL_WORKFLOW_ENABLED", True):
            return context
        task_states = [
            task_state
            for task_state in reviewable_by(request.user)
            .select_related("revision", "task", "workflow_state")
            .prefetch_related(
                with_latest_revision("revision__content_object", get_page_models()),
                # Not joined: a prefetched account is read by the accounts' manager,
                # with its handle.
                "revision__user",
            )
            .order_by("-started_at")
            .annotate(previous_revision_id=Revision.objects.previous_revision_id_subquery())
            # A revision whose object is gone has nothing to review.
            if task_state.revision.content_object
        ]
        progress = tasks_with_status([task_state.workflow_state for task_state in task_states])
        # The citations still to mark of the essays at "Source check", read at once.
        sheets = check_sheets(
            [
                task_state.revision
                for task_state in task_states
                if isinstance(task_state.task.specific_deferred, SourceCheckTask)
                and is_essay_revision(task_state.revision)
            ]
        )
        for task_state in task_states:
            obj = task_state.revision.content_object
            if isinstance(obj, Page):
                url_name = "wagtailadmin_pages:{}".format
            else:  # snippets have workflows too
                url_name = obj.snippet_viewset.get_url_name
            previewable = getattr(obj, "is_previewable", False)
            task = task_state.task.specific_deferred
            context["states"].append(
                {
                    "obj": obj,
                    "revision": task_state.revision,
                    "previous_revision_id": task_state.previous_revision_id,
                    "live_revision_id": obj.live_revision_id,
                    "task_state": task_state,
                    "actions": task.actions_given(
                        obj,
                        request.user,
                        lambda revision_id=task_state.revision_id: unresolved(
                            sheets.get(revision_id, [])
                        ),
                    )
                    if isinstance(task, SourceCheckTask)
                    else task.get_actions(obj, request.user),
                    "workflow_tasks": progress[task_state.workflow_state_id],
                    "workflow_action_url_name": url_name("workflow_action"),
                    "workflow_preview_url_name": url_name("workflow_preview")
                    if previewable
                    else None,
                    "revisions_compare_url_name": url_name("revisions_compare"),
                }
            )
        return context


class YourPagesInReviewPanel(Component):
    """Dashboard: Wagtail's "Your pages and snippets in a workflow" (its template and
    rows: the workflows in progress on the viewer's pages or that they requested), with
    each page read with its latest revision in one query."""

    name = "user_objects_in_workflow_moderation"
    template_name = "wagtailadmin/home/user_objects_in_workflow_moderation.html"
    order = 210

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        context = super().get_context_data(parent_context)
        context.update(workflow_states=[], request=request)
        if not getattr(settings, "WAGTAIL_WORKFLOW_ENABLED", True):
            return context
        owned = Q(base_content_type=ContentType.objects.get_for_model(Page)) & Exists(
            Page.objects.filter(
                owner=request.user, pk=Cast(OuterRef("object_id"), output_field=IntegerField())
            )
        )
        context["workflow_states"] = [
            state
            for state in WorkflowState.objects.active()
            .filter(owned | Q(requested_by=request.user))
            .select_related("current_task_state__task")
            .prefetch_related(with_latest_revision("content_object", [Page]))
            .order_by("-current_task_state__started_at")
            # A workflow whose object is gone has nothing to show.
            if state.content_object
        ]
        return context
