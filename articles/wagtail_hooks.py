from wagtail import hooks
from wagtail_modeladmin.options import ModelAdmin, modeladmin_register

from articles.citation_editor import register_citation_feature
from articles.citations import CitationLinkHandler
from articles.models import Contributor


@hooks.register("register_rich_text_features")
def register_citations(features):
    features.register_link_type(CitationLinkHandler)
    register_citation_feature(features)


@modeladmin_register
class ContributorAdmin(ModelAdmin):
    model = Contributor
    menu_label = "Contributors"
    menu_icon = "user"
    menu_order = 250
    add_to_settings_menu = False
    list_display = ("name", "slug", "is_pseudonymous")
    list_filter = ("is_pseudonymous",)
    search_fields = ("name", "slug", "bio")
