"""StreamField blocks. Each renders with templates/components/streamfield/<block>.html."""

import datetime
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock
from wagtail.rich_text import expand_db_html

from articles.citations import CITATION_FEATURE

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul", CITATION_FEATURE]


def template(name):
    return f"components/streamfield/{name}.html"


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        template = template("heading")
        form_classname = "title"
        help_text = "A section heading within the text."
        preview_value = "What the documents show"


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=RICH_TEXT_FEATURES, **kwargs)

    def get_api_representation(self, value, context=None):
        """HTML as readers get it: citations become links to their sources."""
        return expand_db_html(value.source)

    class Meta:
        icon = "pilcrow"
        template = template("paragraph")
        help_text = (
            "Select the words that make a claim and use the “Cite” button to attach the "
            "source (with an optional page, timestamp or passage)."
        )
        preview_value = "<p>The leadership answered criticism by calling a special conference.</p>"


class QuotationBlock(blocks.StructBlock):
    text = blocks.TextBlock(help_text="The words quoted, without quotation marks.")
    attribution = blocks.CharBlock(required=False, help_text="Who said or wrote it.")
    source = blocks.PageChooserBlock(
        page_type="articles.SourcePage",
        required=False,
        help_text="The source it comes from, if it is filed on the site.",
    )

    class Meta:
        icon = "openquote"
        template = template("quotation")
        preview_value = {
            "text": "Nothing goes live on one person's word.",
            "attribution": "Editors",
        }


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        required=False,
        help_text="Describe the image for readers who cannot see it. Leave blank if it is "
        "purely decorative.",
    )
    caption = blocks.CharBlock(required=False)

    class Meta:
        icon = "image"
        template = template("image")


class VideoCardBlock(blocks.StructBlock):
    """A link card for a video: readers' browsers call the provider only if they click."""

    url = blocks.URLBlock(help_text="The video's address on its provider's site.")
    title = blocks.CharBlock()
    description = blocks.TextBlock(required=False, help_text="What the video shows.")
    archived_url = blocks.URLBlock(required=False, help_text="An archived copy, if there is one.")

    class Meta:
        icon = "media"
        template = template("video_card")
        help_text = (
            "Videos are shown as a link card, never embedded: an embedded player would let "
            "the provider watch our readers."
        )
        preview_value = {
            "url": "https://example.org/video",
            "title": "Conference session, recorded",
            "description": "The full session as the organisation published it.",
        }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["provider"] = urlsplit(value["url"]).hostname or ""
        return context


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    quotation = QuotationBlock()
    image = CaptionedImageBlock()
    video = VideoCardBlock()


class DatePrecisionBlock(blocks.ChoiceBlock):
    choices = [("year", "Year only"), ("month", "Month and year"), ("day", "Exact day")]

    class Meta:
        default = "year"
        help_text = "How precisely the date is known: only that part is shown."


class TimelineEventBlock(blocks.StructBlock):
    date = blocks.DateBlock(help_text="For a year or month, any day in it will do.")
    precision = DatePrecisionBlock()
    title = blocks.CharBlock()
    description = blocks.TextBlock(required=False)
    sources = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="articles.SourcePage"),
        min_num=1,
        help_text="The sources that establish this event.",
    )

    class Meta:
        icon = "date"
        template = template("timeline_event")
        preview_value = {
            "date": datetime.date(1992, 1, 1),
            "precision": "year",
            "title": "Split",
            "description": "A minority leaves to found a new tendency.",
        }

    def clean(self, value):
        value = super().clean(value)
        if value["date"] and value["date"] > datetime.date.today():
            raise ValidationError("A timeline event cannot be in the future.")
        return value


class TimelineBlock(blocks.StreamBlock):
    event = TimelineEventBlock()


class ExcerptBlock(blocks.StructBlock):
    text = blocks.TextBlock(help_text="The passage, or a faithful paraphrase marked as such.")
    location = blocks.CharBlock(
        required=False, help_text="Where in the source: page, section or timestamp."
    )

    class Meta:
        icon = "openquote"
        template = template("excerpt")


class ExcerptsBlock(blocks.StreamBlock):
    excerpt = ExcerptBlock()
