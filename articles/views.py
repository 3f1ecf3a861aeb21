from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse

from articles.listing import paginate
from articles.models import Contributor
from articles.models.essays import live_essays, published_contributors


def contributor_list(request):
    return TemplateResponse(
        request,
        "articles/contributor_list.html",
        {"contributors": published_contributors().order_by("name")},
    )


def contributor_detail(request, slug):
    """A contributor's public profile: pen name, bio and live essays. Never the account."""
    contributor = get_object_or_404(Contributor, slug=slug)
    essays = live_essays().filter(essay_contributors__contributor=contributor)
    return TemplateResponse(
        request,
        "articles/contributor_detail.html",
        {
            "contributor": contributor,
            "page_obj": paginate(essays, request.GET.get("page"), 12, f"by:{contributor.pk}"),
        },
    )
