# Wagtail's documented second step: existing authors and categories get the default locale
# (English) and a translation key of their own.
from django.db import migrations
from wagtail.models import BootstrapTranslatableModel


class Migration(migrations.Migration):
    dependencies = [
        ("blog", "0005_translatable_snippets_step1"),
        ("wagtailcore", "0094_alter_page_locale"),
    ]

    operations = [
        BootstrapTranslatableModel("blog.Author"),
        BootstrapTranslatableModel("blog.BlogCategory"),
    ]
