"""Page-type rules: editors can't build a broken tree."""

import pytest
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from blog.models import BlogIndexPage, BlogPage
from contact.models import ContactPage
from practice_site.models import HomePage, StandardPage
from specialties.models import SpecialtyIndexPage, SpecialtyPage


@pytest.mark.django_db
class TestPageTypeRules(WagtailPageTestCase):
    def test_home_sits_at_the_root_only(self):
        self.assertCanCreateAt(Page, HomePage)
        self.assertCanNotCreateAt(HomePage, HomePage)
        self.assertCanNotCreateAt(StandardPage, HomePage)

    def test_home_children(self):
        self.assertAllowedSubpageTypes(
            HomePage, {StandardPage, SpecialtyIndexPage, BlogIndexPage, ContactPage}
        )

    def test_standard_pages_nest_under_home_and_each_other(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})

    def test_section_pages_live_under_home(self):
        for model in (SpecialtyIndexPage, BlogIndexPage, ContactPage):
            self.assertAllowedParentPageTypes(model, {HomePage})
        self.assertCanNotCreateAt(StandardPage, ContactPage)

    def test_leaf_pages_live_under_their_index(self):
        self.assertAllowedParentPageTypes(SpecialtyPage, {SpecialtyIndexPage})
        self.assertAllowedParentPageTypes(BlogPage, {BlogIndexPage})
        self.assertCanNotCreateAt(HomePage, SpecialtyPage)
        self.assertCanNotCreateAt(HomePage, BlogPage)
        self.assertAllowedSubpageTypes(ContactPage, set())

    def test_singletons(self):
        # The demo tree already has one of each, so a second cannot be added.
        home = HomePage.objects.get(locale__language_code="en")
        for model in (SpecialtyIndexPage, BlogIndexPage, ContactPage):
            assert not model.can_create_at(home), model.__name__
        assert not HomePage.can_create_at(Page.get_first_root_node())
