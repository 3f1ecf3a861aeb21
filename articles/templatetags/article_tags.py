from django import template
from django.utils.dateformat import format as format_date
from django.utils.safestring import mark_safe
from wagtail.rich_text import expand_db_html

from articles.models.sources import DATE_FORMATS

register = template.Library()


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """The trail from the home page to the current page.

    Routing leaves each page's parent on it (``_cached_parent_obj``), so a served
    page needs no query; a page reached otherwise (a preview) costs one.
    """
    page = context.get("page")
    if page is None or page.depth <= 2:
        return {"ancestors": [], "page": page}
    ancestors, current = [], page
    while current.depth > 2 and hasattr(current, "_cached_parent_obj"):
        current = current._cached_parent_obj
        ancestors.insert(0, current)
    if current.depth > 2:
        ancestors = page.get_ancestors().filter(depth__gte=2)
    return {"ancestors": ancestors, "page": page}


@register.simple_tag(takes_context=True)
def cited_richtext(context, value):
    """Render a paragraph's rich text with numbered citation markers for the essay being shown."""
    page = context.get("page")
    citation_list = getattr(page, "citation_list", None)
    if citation_list is None:
        return mark_safe(expand_db_html(value.source))
    return mark_safe(citation_list.render(value.source))


@register.filter
def precise_date(value, precision):
    """A date shown only as precisely as it is known: 1992, March 2013 or 14 March 2013."""
    if not value:
        return ""
    return format_date(value, DATE_FORMATS.get(precision, "j F Y"))
