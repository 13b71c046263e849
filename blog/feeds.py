"""RSS 2.0 feed of the newest articles, one per language: /blog/feed/ (English) and
/es/blog/feed/ (Spanish), each listing the articles of its own blog index."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Rss201rev2Feed

FEED_LENGTH = 20


class BlogFeed(Feed):
    """The 20 newest live, public articles; built per request for one blog index page."""

    feed_type = Rss201rev2Feed

    def __init__(self, index):
        super().__init__()
        self.index = index

    def get_object(self, request, *args, **kwargs):
        self.request = request
        # The feed's <language>: that of its blog (/blog/feed/ English, /es/blog/feed/ Spanish).
        from practice_site.i18n import locale_language

        self.language = locale_language(self.index.locale_id) or self.language
        return self.index

    def title(self, index):
        from practice_site.models import PracticeSettings

        return f"{index.title} | {PracticeSettings.for_request(self.request).practice_name}"

    def link(self, index):
        return index.get_full_url(self.request)

    def description(self, index):
        return index.search_description or index.summary_text()

    def feed_url(self, index):
        return index.get_full_url(self.request) + "feed/"

    def items(self, index):
        return list(index.posts()[:FEED_LENGTH])

    def item_title(self, post):
        return post.title

    def item_description(self, post):
        return post.standfirst

    def item_link(self, post):
        return post.get_full_url(self.request)

    def item_guid(self, post):
        return post.get_full_url(self.request)

    item_guid_is_permalink = True

    def item_pubdate(self, post):
        from .models import as_datetime

        return as_datetime(post.date)

    def item_updateddate(self, post):
        from .models import as_datetime

        return as_datetime(post.modified_date)

    def item_author_name(self, post):
        return ", ".join(a.display_name for a in post.authors) or None

    def item_categories(self, post):
        return [c.name for c in post.category_list]
