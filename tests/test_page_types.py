"""The page tree can only be built the way the design says."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from articles.models import (
    EssayIndexPage,
    EssayPage,
    OrganisationIndexPage,
    OrganisationPage,
    SourceIndexPage,
    SourcePage,
)
from home.models import HomePage
from tests.factories import HomePageFactory, index_page


class PageTypeRulesTests(WagtailPageTestCase):
    def test_home_page_sits_at_the_root(self):
        self.assertCanCreateAt(Page, HomePage)
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_each_index_sits_under_the_home_page_only(self):
        for index in (EssayIndexPage, OrganisationIndexPage, SourceIndexPage):
            self.assertAllowedParentPageTypes(index, {HomePage})
            self.assertCanNotCreateAt(Page, index)

    def test_each_index_holds_only_its_own_detail_type(self):
        self.assertAllowedSubpageTypes(EssayIndexPage, {EssayPage})
        self.assertAllowedSubpageTypes(OrganisationIndexPage, {OrganisationPage})
        self.assertAllowedSubpageTypes(SourceIndexPage, {SourcePage})
        self.assertCanNotCreateAt(EssayIndexPage, SourcePage)
        self.assertCanNotCreateAt(SourceIndexPage, EssayPage)
        self.assertCanNotCreateAt(OrganisationIndexPage, EssayPage)

    def test_detail_pages_have_no_children(self):
        for detail in (EssayPage, OrganisationPage, SourcePage):
            self.assertAllowedSubpageTypes(detail, set())
            self.assertCanNotCreateAt(HomePage, detail)

    def test_an_index_can_exist_once_per_site(self):
        HomePageFactory()
        for index in (EssayIndexPage, OrganisationIndexPage, SourceIndexPage):
            self.assertCanCreateAt(HomePage, index)
            index_page(index)
            self.assertFalse(index.can_create_at(HomePage.objects.get()))
