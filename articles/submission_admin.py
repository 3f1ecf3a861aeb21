"""The admin's "Submissions" inbox (Editors and administrators only; docs/editorial.md).

The server holds no key that opens a submission. An editor reads one in either of two
ways (docs/security.md weighs them):

* on their own machine: download the encrypted message or file (``.age``) and open it
  with the age tool and their private key (``age -d -i key.txt file.age``);
* here: paste their private key into the "Read" form. It is used for that one request,
  in memory, and kept nowhere: not in the session, the database, a log or the page
  cache (the answer is ``no-store``). The page it returns carries the key in its
  forms, so that the decrypted files can be downloaded from it without pasting again;
  closing the tab forgets it.

Replies need no key: they are encrypted to the collective and to the submitter's
conversation key. "Make a draft source" decrypts one cleaned file with the pasted key
and makes it a new source page's document, in a draft that goes through review like any
other: nothing about the submission (its reference, days, messages) goes with it.
"""

import os

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.html import escape
from django.utils.text import slugify
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from wagtail.documents import get_document_model
from wagtail.log_actions import log

from articles import sealing, submissions
from articles.models import SourceIndexPage, SourcePage, Submission, SubmissionFile
from articles.uploads import unreleased_collection
from collective.images.metadata import MetadataCleaningError
from collective.security import DOCUMENT_POLICY

READ = "articles.read_submission"  # Editors' (articles/migrations/0012), administrators'
PER_PAGE = 25

# What editors did with a submission, in Wagtail's audit log (who and when: the editors'
# times, never the submitter's), with nothing of its content.
LOG_ACTIONS = {
    "collective.submission.read": "Submission read",
    "collective.submission.reply": "Submission answered",
    "collective.submission.status": "Submission status changed",
    "collective.submission.source": "Draft source made from a submission",
    "collective.submission.delete": "Submission deleted",
}


def may_read(user):
    return user.has_perm(READ)


def editors_only(request):
    if not may_read(request.user):
        raise PermissionDenied


class KeyForm(forms.Form):
    key = forms.CharField(
        label="Your private key",
        widget=forms.Textarea(attrs={"rows": 3, "autocomplete": "off", "spellcheck": "false"}),
        help_text=(
            "The AGE-SECRET-KEY-1… line of your key file, or the whole file if it is "
            "protected by a passphrase. Used for this request only and kept nowhere."
        ),
    )
    passphrase = forms.CharField(
        required=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "off"}),
        help_text="Only if your key file is protected by a passphrase.",
    )

    def clean(self):
        data = super().clean()
        if "key" in data:
            try:
                data["identities"] = sealing.parse_identities(data["key"], data["passphrase"])
            except sealing.SealingError as error:
                raise forms.ValidationError(str(error)) from None
        return data


class ReplyForm(forms.Form):
    body = forms.CharField(
        label="Reply",
        max_length=submissions.MAX_MESSAGE_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=(
            "Only someone with the submitter's codename can read it, on the submission "
            "page. Never ask for their name or contact details."
        ),
    )


class StatusForm(forms.Form):
    status = forms.ChoiceField(choices=Submission.Status.choices)


class SourceForm(KeyForm):
    title = forms.CharField(max_length=255, help_text="The source's title, as readers will see it.")
    source_type = forms.ChoiceField(
        label="Type",
        choices=SourcePage.SourceType.choices,
        initial=SourcePage.SourceType.INTERNAL_DOCUMENT,
    )
    summary = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=(
            "What the document is and what it shows, in our words. Nothing about who sent it."
        ),
    )


def _listing(request):
    status = request.GET.get("status", "")
    found = Submission.objects.with_totals().order_by("-received_on", "-pk")
    if status in Submission.Status.values:
        found = found.filter(status=status)
    else:
        status = ""
    page = Paginator(found, PER_PAGE).get_page(request.GET.get("p"))
    return status, page


def index(request):
    editors_only(request)
    status, page = _listing(request)
    return TemplateResponse(
        request,
        "articles/admin/submissions.html",
        {
            "page_title": "Submissions",
            "header_icon": "mail",
            "page_obj": page,
            "status": status,
            "statuses": Submission.Status.choices,
            "accepting": sealing.accepting(),
        },
    )


def _detail(request, submission, status=200, **context):
    submission = Submission.objects.with_totals().get(pk=submission.pk)
    context.setdefault("key_form", KeyForm())
    context.setdefault("reply_form", ReplyForm())
    response = TemplateResponse(
        request,
        "articles/admin/submission.html",
        {
            "page_title": f"Submission {submission.reference}",
            "header_icon": "mail",
            "submission": submission,
            "stored": submission.messages.prefetch_related("files").defer("sealed"),
            "status_form": StatusForm(initial={"status": submission.status}),
            "source_types": SourcePage.SourceType.choices,
            **context,
        },
        status=status,
    )
    return response


def detail(request, pk):
    editors_only(request)
    return _detail(request, get_object_or_404(Submission, pk=pk))


WRONG_KEY = "This key does not open this submission: is it the right one?"


def _opened(request, submission, form_class, form_name, stored=None):
    """(the bound form, the conversation opened with its key, the file ``stored``
    opened, if given, and None); or, if the form is invalid or the key opens nothing,
    (..., the submission's page again saying why, with status 400)."""
    form = form_class(request.POST)
    if form.is_valid():
        identities = form.cleaned_data["identities"]
        try:
            entries = submissions.read_conversation(submission, identities)
            data = sealing.open_sealed(stored.sealed, identities) if stored else None
        except sealing.SealingError:
            form.add_error("key", WRONG_KEY)
        else:
            return form, entries, data, None
    return form, None, None, _detail(request, submission, status=400, **{form_name: form})


@never_cache
@require_POST
def read(request, pk):
    """The conversation, decrypted with the key the editor pasted (kept nowhere)."""
    editors_only(request)
    submission = get_object_or_404(Submission, pk=pk)
    form, entries, _, refusal = _opened(request, submission, KeyForm, "key_form")
    if refusal:
        return refusal
    updates = {"unread": False}
    if submission.status == Submission.Status.NEW:
        updates["status"] = Submission.Status.READ
    Submission.objects.filter(pk=submission.pk).update(**updates)
    log(instance=submission, action="collective.submission.read", user=request.user)
    # The page's own forms carry the opened key (not a passphrase) for the downloads.
    key = " ".join(str(identity) for identity in form.cleaned_data["identities"])
    conversation = _pair(submission, entries)
    cleaned_files = [file for _, files in conversation for file, _ in files if file.cleaned]
    return _detail(
        request, submission, conversation=conversation, cleaned_files=cleaned_files, key=key
    )


def _pair(submission, entries):
    """Each opened message with its stored files, each file with its name and note."""
    stored = submission.messages.prefetch_related("files").defer("sealed")
    conversation = []
    for entry, message in zip(entries, stored, strict=True):
        files = [
            (file, entry.files[file.position] if file.position < len(entry.files) else {})
            for file in message.files.all()
        ]
        conversation.append((entry, files))
    return conversation


def _file(submission, file_pk):
    if not str(file_pk).isdigit():
        raise Http404("No such file.")
    return get_object_or_404(SubmissionFile, pk=file_pk, message__submission=submission)


def _attachment(data, filename, content_type="application/octet-stream"):
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Content-Security-Policy"] = DOCUMENT_POLICY
    response["X-Content-Type-Options"] = "nosniff"
    return response


def download_sealed(request, pk, kind, item):
    """A message or file as stored, encrypted (``.age``), to open on the editor's machine."""
    editors_only(request)
    submission = get_object_or_404(Submission, pk=pk)
    if kind == "file":
        stored = _file(submission, item)
        return _attachment(bytes(stored.sealed), f"{submission.reference}-file-{stored.pk}.age")
    message = get_object_or_404(submission.messages, pk=item)
    return _attachment(bytes(message.sealed), f"{submission.reference}-message-{message.pk}.age")


def _safe_name(name):
    stem, extension = os.path.splitext(os.path.basename(name))
    return (slugify(stem)[:80] or "file") + (slugify(extension)[:10] and "." + slugify(extension))


@never_cache
@require_POST
def download_open(request, pk, item):
    """One file decrypted with the pasted key, as an attachment nothing in it can run in."""
    editors_only(request)
    submission = get_object_or_404(Submission, pk=pk)
    stored = _file(submission, item)
    _, entries, data, refusal = _opened(request, submission, KeyForm, "key_form", stored)
    if refusal:
        return refusal
    return _attachment(data, _safe_name(_file_name(submission, entries, stored)))


def _file_name(submission, entries, stored):
    """The file's name, from its message (which lists its files in order)."""
    for _entry, files in _pair(submission, entries):
        for file, listed in files:
            if file.pk == stored.pk:
                return listed.get("name", "file")
    return "file"


@require_POST
def answer(request, pk):
    editors_only(request)
    submission = get_object_or_404(Submission, pk=pk)
    form = ReplyForm(request.POST)
    if not form.is_valid():
        return _detail(request, submission, status=400, reply_form=form)
    submissions.reply(submission, form.cleaned_data["body"])
    log(instance=submission, action="collective.submission.reply", user=request.user)
    messages.success(
        request,
        "Your reply is sent. The submitter reads it when they come back with their codename.",
    )
    return redirect("submissions:detail", submission.pk)


@require_POST
def set_status(request, pk):
    editors_only(request)
    submission = get_object_or_404(Submission, pk=pk)
    form = StatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose one of the statuses listed.")
        return redirect("submissions:detail", submission.pk)
    Submission.objects.filter(pk=submission.pk).update(status=form.cleaned_data["status"])
    log(
        instance=submission,
        action="collective.submission.status",
        user=request.user,
        data={"status": form.cleaned_data["status"]},
    )
    messages.success(request, f"Marked “{Submission.Status(form.cleaned_data['status']).label}”.")
    return redirect("submissions:detail", submission.pk)


@never_cache
@require_POST
def make_source(request, pk):
    """A new source page, a draft, whose document is one cleaned file of the submission."""
    editors_only(request)
    submission = get_object_or_404(Submission, pk=pk)
    stored = _file(submission, request.POST.get("file", ""))
    form, entries, data, refusal = _opened(request, submission, SourceForm, "source_form", stored)
    if refusal:
        return refusal
    if not stored.cleaned:
        messages.error(
            request,
            "That file could not be cleaned of its metadata, so it cannot become a source "
            "here: open it on your own machine, save a clean copy and upload that.",
        )
        return redirect("submissions:detail", submission.pk)
    index_page = SourceIndexPage.objects.first()
    if index_page is None:
        messages.error(request, "There is no Sources section to add a source to.")
        return redirect("submissions:detail", submission.pk)
    # Named after the source, not as sent: a file's own name can point to its sender.
    extension = os.path.splitext(_safe_name(_file_name(submission, entries, stored)))[1]
    name = (slugify(form.cleaned_data["title"])[:60] or "source") + extension
    try:
        page = _create_source(request.user, index_page, form.cleaned_data, data, name)
    except MetadataCleaningError as error:
        messages.error(request, str(error))
        return redirect("submissions:detail", submission.pk)
    Submission.objects.filter(pk=submission.pk).update(status=Submission.Status.SOURCED)
    log(
        instance=submission,
        action="collective.submission.source",
        user=request.user,
        data={"page": page.pk},
    )
    messages.success(
        request,
        f"“{page.title}” is a new draft source with the file as its document. Check it, "
        "then submit it for review: readers see it only once it is approved.",
    )
    return redirect("wagtailadmin_pages:edit", page.pk)


def delete(request, pk):
    """Delete a submission, its messages and files, once an editor confirms: what the
    collective no longer needs is safest not kept at all."""
    editors_only(request)
    submission = get_object_or_404(Submission, pk=pk)
    if request.method != "POST":
        return TemplateResponse(
            request,
            "articles/admin/submission_delete.html",
            {
                "page_title": f"Delete submission {submission.reference}",
                "header_icon": "bin",
                "submission": submission,
            },
        )
    reference = submission.reference
    with transaction.atomic():
        log(instance=submission, action="collective.submission.delete", user=request.user)
        submission.delete()
    messages.success(
        request,
        f"Submission {reference} is deleted: its messages and files are gone. Its "
        "codename now opens nothing.",
    )
    return redirect("submissions:index")


@transaction.atomic
def _create_source(user, index_page, data, content, name):
    """The draft source page; its document waits in the unreleased collection until the
    source is published. It carries the editor's words and the file, nothing more."""
    document_model = get_document_model()
    collection = unreleased_collection() or document_model.get_default_collection()
    document = document_model(title=data["title"], collection=collection, uploaded_by_user=user)
    document.file = ContentFile(content, name=name)
    document.save()
    slug = slugify(data["title"])[:50] or "source"
    if SourcePage.objects.filter(slug=slug).exists():
        slug = f"{slug[:42]}-{document.pk}"
    page = SourcePage(
        title=data["title"],
        slug=slug,
        source_type=data["source_type"],
        summary="".join(f"<p>{line}</p>" for line in _escaped_lines(data["summary"])),
        document=document,
        live=False,
        owner=user,
    )
    index_page.add_child(instance=page)
    page.save_revision(user=user, log_action=True)
    return page


def _escaped_lines(text):
    return [escape(line) for line in text.splitlines() if line.strip()]
