"""The "Check sources" sheet: a fact-checker marks each citation of the essay revision
under review (see articles.claims)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from articles.claims import check_sheet, unresolved
from articles.models import CitationCheck, EssayPage
from core.editorial import EDITORS, FACT_CHECKERS, is_editor

UNMARKED = ""
MAX_ID = 2**31 - 1  # a page id PostgreSQL can hold


class MarkForm(forms.Form):
    verdict = forms.ChoiceField(
        choices=[(UNMARKED, "Not marked yet"), *CitationCheck.Verdict.choices],
        required=False,
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Optional: what the source says, where, or what is missing.",
    )
    note_is_public = forms.BooleanField(
        required=False,
        label="Publish this note",
        help_text="Readers see it under the source in the essay's Sources list.",
    )

    def __init__(self, *args, may_publish=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not may_publish:
            del self.fields["note_is_public"]


def may_check(user, revision):
    """Fact-checkers and editors check sources; nobody checks a revision they saved."""
    if revision is None or revision.user_id == user.pk:
        return False
    return user.is_superuser or user.groups.filter(name__in=[FACT_CHECKERS, EDITORS]).exists()


class SourceCheckView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "articles/admin/source_check.html"
    page_title = "Check sources"
    header_icon = "tasks"

    def dispatch(self, request, page_id):
        if page_id > MAX_ID:
            raise Http404
        self.page = get_object_or_404(EssayPage, pk=page_id)
        self.revision = self.page.get_latest_revision()
        if not may_check(request.user, self.revision):
            raise PermissionDenied
        self.rows = check_sheet(self.revision)
        self.may_publish = is_editor(request.user)
        return super().dispatch(request)

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def forms(self, data=None):
        return [
            MarkForm(
                data,
                prefix=f"claim-{number}",
                may_publish=self.may_publish,
                initial={
                    "verdict": row.mark.verdict if row.mark else UNMARKED,
                    "note": row.mark.note if row.mark else "",
                    "note_is_public": bool(row.mark and row.mark.note_is_public),
                },
            )
            for number, row in enumerate(self.rows, start=1)
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        forms_ = kwargs.get("forms") or self.forms()
        open_rows = unresolved(self.rows)
        context.update(
            page=self.page,
            revision=self.revision,
            rows=list(zip(self.rows, forms_, strict=True)),
            unmarked=sum(1 for row in open_rows if row.mark is None),
            not_supported=sum(1 for row in open_rows if row.mark is not None),
            edit_url=reverse("wagtailadmin_pages:edit", args=(self.page.pk,)),
        )
        return context

    def post(self, request):
        if request.POST.get("revision") != str(self.revision.pk):
            messages.error(
                request,
                "The essay was changed while you were checking it, so nothing was saved. "
                "Marks of the citations it kept unchanged are carried over: check the rest.",
            )
            return redirect(request.path)
        forms_ = self.forms(request.POST)
        if not all(form.is_valid() for form in forms_):
            messages.error(request, "Some marks could not be saved: see below.")
            return self.render_to_response(self.get_context_data(forms=forms_))
        now = timezone.now()
        with transaction.atomic():
            for row, form in zip(self.rows, forms_, strict=True):
                self.save_mark(row, form.cleaned_data, now)
        rows = check_sheet(self.revision)
        open_rows = unresolved(rows)
        if open_rows:
            messages.warning(
                request,
                f"Marks saved. {len(open_rows)} of {len(rows)} citations still stop a plain "
                "approval (unmarked or “does not support”).",
            )
        else:
            messages.success(
                request, f"Marks saved: all {len(rows)} citations are marked. You can approve."
            )
        return redirect(request.path)

    def save_mark(self, row, data, now):
        verdict = data["verdict"]
        if row.source is None:
            return  # the source was deleted: nothing to check it against
        if verdict == UNMARKED:
            if row.mark is not None:
                row.mark.delete()
            return
        values = {
            "verdict": verdict,
            "note": data["note"].strip(),
            "note_is_public": data.get(
                "note_is_public", bool(row.mark and row.mark.note_is_public)
            ),
        }
        if row.mark is not None and all(getattr(row.mark, k) == v for k, v in values.items()):
            return  # unchanged: it keeps who checked it, and when
        CitationCheck.objects.update_or_create(
            revision=self.revision,
            key=row.claim.key,
            defaults={
                **values,
                "source_id": row.claim.source_id,
                "words": row.claim.words,
                "pinpoint": row.claim.pinpoint,
                "checked_by": self.request.user,
                "checked_at": now,
            },
        )
