"""/submit/: a safe way in for whistleblowers (docs/security.md, "Submitters").

One page, working without JavaScript and with no cookie: what to send and how to stay
safe, a form to send a message and files (answered with a codename, shown once), and a
form to come back with that codename to read the collective's replies and send more.
Nothing about the sender reaches this code (ForgetSenderMiddleware drops their address
and browser first); uploads are held in memory, never in temporary files on disk.
"""

from io import BytesIO
from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.core.files.uploadedfile import InMemoryUploadedFile
from django.core.files.uploadhandler import FileUploadHandler
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from articles import sealing, submissions

MAX_REQUEST_SIZE = submissions.MAX_FILES * submissions.MAX_FILE_SIZE + 1024 * 1024
LIMIT_WINDOW = 60 * 60


class BoundedMemoryUploadHandler(FileUploadHandler):
    """Keeps each uploaded file in memory up to MAX_FILE_SIZE and drops the rest (the
    form then refuses the file as too large): a submission's plaintext never touches
    the disk, where deleting a temporary file does not erase it."""

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.buffer, self.received = BytesIO(), 0

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received <= submissions.MAX_FILE_SIZE:
            self.buffer.write(raw_data)
        return None

    def file_complete(self, file_size):
        self.buffer.seek(0)
        return InMemoryUploadedFile(
            self.buffer,
            self.field_name,
            self.file_name,
            self.content_type,
            self.received,
            self.charset,
            self.content_type_extra,
        )


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = data if isinstance(data, (list, tuple)) else [data] if data else []
        return [super(MultipleFileField, self).clean(item, initial) for item in files]


class SendForm(forms.Form):
    message = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 8}),
        required=False,
        max_length=submissions.MAX_MESSAGE_LENGTH,
        help_text="What you are sending, how you came to have it, and anything we should know.",
    )
    files = MultipleFileField(
        required=False,
        help_text=(
            f"Documents, images or audio: up to {submissions.MAX_FILES} files of "
            f"{submissions.MAX_FILE_SIZE // (1024 * 1024)} MB each."
        ),
    )

    def clean_files(self):
        files = self.cleaned_data["files"]
        if len(files) > submissions.MAX_FILES:
            raise forms.ValidationError(
                f"Send at most {submissions.MAX_FILES} files at once; send the rest after."
            )
        for upload in files:
            limit = submissions.size_limit(upload.name)
            if upload.size > limit:
                raise forms.ValidationError(
                    f"“{upload.name}” is larger than {limit // (1024 * 1024)} MB: split "
                    "it, or send the pages that matter."
                )
        return files

    def clean(self):
        data = super().clean()
        if not self.errors and not data.get("message", "").strip() and not data.get("files"):
            raise forms.ValidationError("Write a message or choose a file to send.")
        return data


class CodenameForm(forms.Form):
    codename = forms.CharField(
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
        help_text="The seven words you were given, in order.",
    )


def _same_origin(request):
    """Cross-site posts are refused without a cookie: by the browser's own Sec-Fetch-Site,
    or else by Origin (absent from old browsers and other clients: allowed)."""
    fetch_site = request.META.get("HTTP_SEC_FETCH_SITE")
    if fetch_site:
        return fetch_site in ("same-origin", "none")
    origin = request.META.get("HTTP_ORIGIN")
    if not origin or origin == "null":
        return True
    return urlsplit(origin).netloc == request.get_host()


def _count(request, kind):
    """Count one more ``kind`` event for this sender in the hour; return the count.
    The key is a hash of their address under today's key (ForgetSenderMiddleware)."""
    key = f"submit-limit:{kind}:{request.sender_key}"
    cache.add(key, 0, timeout=LIMIT_WINDOW)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=LIMIT_WINDOW)
        return 1


def _over(request, kind, limit):
    return cache.get(f"submit-limit:{kind}:{request.sender_key}", 0) >= limit


def _page(request, status=200, **context):
    context.setdefault("send_form", SendForm())
    context.setdefault("codename_form", CodenameForm())
    context["accepting"] = sealing.accepting()
    context["onion"] = bool(settings.ONION_LOCATION)
    context["max_files"] = submissions.MAX_FILES
    response = render(request, "articles/submit.html", context, status=status)
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


@csrf_exempt  # no cookie for anyone; cross-site posts are refused by _same_origin
@never_cache
def submit(request):
    if request.method == "GET" or request.method == "HEAD":
        return _page(request)
    if request.method != "POST":
        return _page(request, status=405)
    if not _same_origin(request):
        return _page(request, status=403, refused="This form can only be sent from this site.")
    if not sealing.accepting():
        return _page(request, status=503)
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > MAX_REQUEST_SIZE:
        return _page(request, status=413, refused="That is too much to send at once.")
    request.upload_handlers = [BoundedMemoryUploadHandler(request)]

    action = request.POST.get("action")
    if action == "open":
        return _open(request)
    if action == "send":
        return _send(request)
    return _page(request, status=400, refused="Choose what to do: send something, or come back.")


def _conversation(request, codename):
    """The conversation of ``codename`` (counting a wrong one), or a response refusing."""
    if _over(request, "codename", settings.SUBMISSION_CODENAME_LIMIT):
        return None, _page(
            request, status=429, refused="Too many codenames were tried. Try again in an hour."
        )
    submission, identity = submissions.find_conversation(codename)
    if submission is None:
        _count(request, "codename")
        form = CodenameForm(initial={"codename": ""})
        return None, _page(
            request,
            status=404,
            codename_form=form,
            refused="No conversation has that codename. Check the words and their order.",
        )
    return (submission, identity), None


def _thread_page(request, codename, found, **context):
    submission, identity = found
    return _page(
        request,
        codename=codename,
        submission=submission,
        entries=submissions.read_conversation(submission, [identity]),
        **context,
    )


def _open(request):
    form = CodenameForm(request.POST)
    if not form.is_valid():
        return _page(request, status=400, codename_form=form)
    found, refusal = _conversation(request, form.cleaned_data["codename"])
    if refusal:
        return refusal
    return _thread_page(request, form.cleaned_data["codename"], found)


def _send(request):
    codename = request.POST.get("codename", "")[:200]
    form = SendForm(request.POST, request.FILES)
    found = None
    if codename:
        found, refusal = _conversation(request, codename)
        if refusal:
            return refusal
    if not form.is_valid():
        if found:
            return _thread_page(request, codename, found, send_form=form, status=400)
        return _page(request, status=400, send_form=form)
    if _count(request, "send") > settings.SUBMISSION_SEND_LIMIT:
        return _page(request, status=429, refused="Too much was sent. Try again in an hour.")

    received = [submissions.clean_received(upload) for upload in form.cleaned_data["files"]]
    body = form.cleaned_data["message"].strip()
    if found:
        submissions.add_from_submitter(found[0], body, received)
        return _thread_page(request, codename, found, sent=received, just_sent=True)
    codename, submission = submissions.start_conversation(body, received)
    return _page(request, new_codename=codename, submission=submission, sent=received)
