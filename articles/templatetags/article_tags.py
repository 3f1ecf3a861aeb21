import functools
import html

from django import template
from django.conf import settings
from django.core.cache import cache
from django.db.models import prefetch_related_objects
from django.template.loader import get_template, render_to_string
from django.utils.dateformat import format as format_date
from django.utils.safestring import mark_safe
from wagtail.rich_text import expand_db_html

from articles.models.essays import EssayPage, essay_card_prefetches
from articles.models.sources import DATE_FORMATS
from core.cache import generation
from core.models import is_readable

register = template.Library()


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """The trail from the home page to the current page. Routing leaves each page's
    parent on it (``routed_parent``), so a served page needs no query; a page reached
    otherwise (a preview) costs one."""
    page = context.get("page")
    # The request goes on to {% pageurl %}, which finds the site's root paths once per
    # request with it.
    request = context.get("request")
    if page is None or page.depth <= 2:
        return {"ancestors": [], "page": page, "request": request}
    ancestors, current = [], page
    while current.depth > 2 and hasattr(current, "routed_parent"):
        current = current.routed_parent
        ancestors.insert(0, current)
    if current.depth > 2:
        ancestors = page.get_ancestors().filter(depth__gte=2)
    return {"ancestors": ancestors, "page": page, "request": request}


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


@register.inclusion_tag("components/source_list.html", takes_context=True)
def source_list(context, citations, notes=None):
    """An essay's numbered sources, as list items, each with its details, the places
    cited, its links, the fact-checkers' notes editors published (``notes``: lists by
    source id) and a link back to the text."""
    request = context.get("request")
    notes = notes or {}
    items = []
    for citation in citations:
        source = citation.source
        date = precise_date(source.date, source.date_precision) or "undated"
        details = ", ".join(filter(None, [source.display_creator, source.publisher, date]))
        items.append(
            {
                "citation": citation,
                "url": source.get_url(request),
                "details": details,
                "notes": notes.get(source.pk, []),
            }
        )
    return {"items": items}


@register.simple_tag
def filter_options(flt):
    """The <option>s of a listing filter (hundreds, for contributors), the selected one
    marked: rendered once for the same choices (the template loop over hundreds is
    worth keeping), then the selected one marked."""
    options = rendered_options(tuple(flt.choices.items()))
    if flt.selected:
        option = f'<option value="{html.escape(flt.selected)}">'
        options = options.replace(option, option[:-1] + " selected>", 1)
    return mark_safe(options)


@functools.lru_cache(maxsize=32)
def rendered_options(choices):
    return render_to_string("components/filter_options.html", {"choices": choices})


@register.simple_tag(takes_context=True)
def essay_cards(context, essays, level=2):
    """A card for each essay, as list items. The same card shows on every listing,
    filter and page of results, so each is kept in the cache until the site's content
    changes: one cache read for all of them, and the essays (with their contributors and
    organisations) are read only for the cards the cache did not have. Previews are never
    cached."""
    ids = getattr(essays, "ids", None)  # a page of a listing (ListingPaginator) knows them
    if ids is None or isinstance(essays.object_list, list):
        loaded = {essay.pk: essay for essay in essays}
        ids = list(loaded)
    else:
        loaded = {}
    request = context.get("request")
    preview = getattr(request, "is_preview", False)
    keys = {pk: f"essay-card:{generation()}:{pk}:{level}" for pk in ids}
    cards = {} if preview else cache.get_many(list(keys.values()))
    missing = [pk for pk in ids if keys[pk] not in cards]
    if missing:
        unread = [pk for pk in missing if pk not in loaded]
        loaded.update(EssayPage.objects.defer("body").in_bulk(unread) if unread else {})
        missing = [loaded[pk] for pk in missing]
        prefetch_related_objects(missing, *essay_card_prefetches())
        card = get_template("components/essay_card.html")
        rendered = {
            keys[essay.pk]: card.render({"essay": essay, "level": level}, request)
            for essay in missing
        }
        cards.update(rendered)
        if not preview:
            cache.set_many(rendered, timeout=settings.PAGE_CACHE_SECONDS)
    return mark_safe("".join(f"<li>{cards[keys[pk]]}</li>" for pk in ids))


# A block names a page only if readers may see it.
register.filter("readable", is_readable)
