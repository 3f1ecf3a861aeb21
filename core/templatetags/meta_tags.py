"""Canonical URL, Open Graph and Twitter card tags, and schema.org JSON-LD."""

import json

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from core.models import site_url

register = template.Library()

JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.inclusion_tag("components/page_meta.html", takes_context=True)
def page_meta(context):
    request = context["request"]
    page = context.get("page")
    if page is None:
        return {"page": None}
    url = page.get_full_url(request)
    image_url = ""
    if getattr(page, "social_image", None):
        rendition = page.social_image.get_rendition("fill-1200x630|format-jpeg")
        image_url = site_url(request, rendition.url)
    description = (
        page.search_description
        or getattr(page, "listing_summary", "")
        or getattr(page, "standfirst", "")
        or getattr(page, "summary", "")
    )
    return {
        "page": page,
        "canonical_url": url,
        "description": description if isinstance(description, str) else "",
        "image_url": image_url,
        "og_type": "article" if page.specific_class.__name__ == "EssayPage" else "website",
        "structured_data": page.structured_data(request)
        if hasattr(page, "structured_data")
        else None,
    }


@register.simple_tag
def ld_json(data):
    """A schema.org JSON-LD block (data, not script: nothing executes)."""
    if not data:
        return ""
    payload = json.dumps(data, ensure_ascii=False, default=str).translate(JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))
