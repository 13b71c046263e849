"""Media on S3-compatible object storage (issue 18), against a real S3 server started locally
(moto in server mode, tests/s3_server.py): uploads land in the bucket, image URLs load without
credentials and stay stable, renditions are made once, documents and listings stay private."""

import io
import json
import os
import re
import runpy
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path
from unittest import mock

import pytest
import requests
from django.conf import settings
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import override_settings
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction

from practice_site.storage import MediaStorage, bucket_policy
from specialties.models import SpecialtyPage
from tests.s3_server import s3_server  # noqa: F401 (the module's S3 server)
from tests.staff_helpers import log_in_verified

BASE_DIR = Path(__file__).resolve().parent.parent
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@contextmanager
def media_in(server):
    """Django's default storage on `server`'s bucket, configured as settings/base.py does from
    the environment (the keys stay in the environment, where django-storages reads them)."""
    keys = {name: server.env[name] for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY")}
    with (
        mock.patch.dict(os.environ, keys),
        override_settings(
            STORAGES={**settings.STORAGES, "default": {"BACKEND": "practice_site.storage.MediaStorage"}},
            AWS_STORAGE_BUCKET_NAME=server.bucket,
            AWS_S3_ENDPOINT_URL=server.endpoint_url,
            AWS_S3_REGION_NAME=server.region,
        ),
    ):
        yield


@pytest.fixture(scope="module")
def media_on_s3(s3_server):  # noqa: F811
    """The module's bucket as the site's media storage, its policy applied by configure_bucket."""
    with media_in(s3_server):
        call_command("configure_bucket", stdout=io.StringIO())
        s3_server.forget_requests()
        yield s3_server


@pytest.fixture
def admin_user_verified(client, django_user_model):
    admin = django_user_model.objects.create_superuser("media-admin", "media@example.org", "x" * 16)
    log_in_verified(client, admin)
    return admin


def png(width=1600, height=900):
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), (40, 90, 120)).save(buffer, format="PNG")
    return buffer.getvalue()


def upload_image(client, title="Harbor at dawn"):
    response = client.post(
        "/admin/images/add/",
        {"title": title, "file": SimpleUploadedFile("harbor.png", png(), content_type="image/png")},
    )
    assert response.status_code == 302, response.content[:500]
    return get_image_model().objects.get(title=title)


def image_urls(html):
    """Every URL in the page's src and srcset attributes (a srcset lists "URL WIDTHw, ...")."""
    urls = set()
    for value in re.findall(r'\s(?:src|srcset)="([^"]+)"', html):
        urls.update(candidate.split()[0] for candidate in value.split(",") if candidate.strip())
    return sorted(urls)


def anonymous_get(url):
    return requests.get(url, timeout=10)


# Images -----------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_uploaded_image_lands_in_the_bucket_and_loads_without_credentials(
    client, media_on_s3, admin_user_verified
):
    image = upload_image(client)
    assert isinstance(default_storage._wrapped, MediaStorage)
    assert image.file.name.startswith("original_images/")
    stored = media_on_s3.client().head_object(Bucket=media_on_s3.bucket, Key=image.file.name)
    assert stored["ContentType"] == "image/png"
    assert stored["CacheControl"] == "public, max-age=86400"

    # The URL is the object's plain address: no signature that would expire in a cached page.
    assert image.file.url == media_on_s3.public_url(image.file.name)
    response = anonymous_get(image.file.url)
    assert response.status_code == 200
    assert response.content == png()


def test_an_unreachable_bucket_fails_in_seconds_not_minutes(media_on_s3):
    config = default_storage.connection.meta.client.meta.config
    assert (config.connect_timeout, config.read_timeout) == (2, 10)
    assert config.retries == {"mode": "standard", "total_max_attempts": 3}
    assert config.s3.get("addressing_style") is None  # the library's own settings still apply
    with override_settings(STORAGES={**settings.STORAGES}, AWS_S3_ADDRESSING_STYLE="path"):
        assert default_storage.connection.meta.client.meta.config.s3["addressing_style"] == "path"
        assert default_storage.connection.meta.client.meta.config.connect_timeout == 2


@pytest.mark.django_db
def test_two_uploads_with_one_file_name_keep_both_images(client, media_on_s3, admin_user_verified):
    first = upload_image(client, "First harbor")
    second = upload_image(client, "Second harbor")
    assert first.file.name != second.file.name
    keys = media_on_s3.client().list_objects_v2(Bucket=media_on_s3.bucket, Prefix="original_images/")
    assert {first.file.name, second.file.name} <= {item["Key"] for item in keys["Contents"]}


@pytest.mark.django_db
def test_page_images_are_renditions_in_the_bucket_made_once(
    client, settings, media_on_s3, admin_user_verified
):
    settings.PAGE_CACHE_ENABLED = False
    image = upload_image(client)
    specialty = SpecialtyPage.objects.live().order_by("path").first()
    specialty.hero_image, specialty.hero_alt = image, "A calm harbor at dawn"
    specialty.save_revision().publish()
    client.logout()

    media_on_s3.forget_requests()
    html = client.get(specialty.url).content.decode()
    first_render = media_on_s3.requests()
    urls = [url for url in image_urls(html) if url.startswith(media_on_s3.endpoint_url)]
    assert len(urls) == 6  # three widths, WebP and the fallback
    assert {request["method"] for request in first_render} >= {
        "GET",
        "PUT",
    }  # original read, renditions written

    for url in urls:
        assert url.startswith(media_on_s3.public_url("images/")) and "?" not in url
        response = anonymous_get(url)
        assert response.status_code == 200, url
        assert response.headers["Content-Type"] in {"image/webp", "image/jpeg"}

    # A second render (Wagtail's rendition cache emptied too) finds the renditions in the
    # database and asks the bucket nothing.
    from django.core.cache import caches

    caches["default"].clear()
    media_on_s3.forget_requests()
    assert image_urls(client.get(specialty.url).content.decode()) == image_urls(html)
    assert media_on_s3.requests() == []


# Documents --------------------------------------------------------------------------------------


@pytest.fixture
def private_document(client, admin_user_verified):
    """A PDF uploaded through the admin into a collection only signed-in people may see."""
    collection = Collection.get_first_root_node().add_child(name="Staff forms")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    response = client.post(
        "/admin/documents/add/",
        {
            "title": "Intake checklist",
            "collection": collection.pk,
            "file": SimpleUploadedFile("intake-checklist.pdf", PDF, content_type="application/pdf"),
        },
    )
    assert response.status_code == 302, response.content[:500]
    return get_document_model().objects.get(title="Intake checklist")


@pytest.mark.django_db
def test_private_document_is_in_the_bucket_but_not_readable_from_it(client, media_on_s3, private_document):
    key = private_document.file.name
    assert key.startswith("documents/")
    stored = media_on_s3.client().get_object(Bucket=media_on_s3.bucket, Key=key)
    assert stored["Body"].read() == PDF  # the app's own credentials read it

    assert anonymous_get(media_on_s3.public_url(key)).status_code == 403
    assert requests.head(media_on_s3.public_url(key), timeout=10).status_code == 403


@pytest.mark.django_db
def test_nobody_can_list_the_bucket_anonymously(media_on_s3):
    bucket_url = f"{media_on_s3.endpoint_url}/{media_on_s3.bucket}"
    for url in (bucket_url, bucket_url + "/", bucket_url + "?list-type=2", bucket_url + "?prefix=documents/"):
        response = anonymous_get(url)
        assert response.status_code == 403, url
        assert "documents/" not in response.text and "original_images/" not in response.text
    assert anonymous_get(media_on_s3.endpoint_url + "/").status_code == 403  # nor the list of buckets
    # Nor may anyone write there without credentials.
    assert (
        requests.put(media_on_s3.public_url("images/planted.png"), data=png(), timeout=10).status_code == 403
    )


@pytest.mark.django_db
def test_private_document_is_served_by_the_app_to_staff_only(client, media_on_s3, private_document):
    url = private_document.url
    assert url.startswith("/documents/")  # the app's view, never the bucket's address

    client.logout()
    response = client.get(url)
    assert response.status_code == 302 and "/login/" in response["Location"]

    log_in_verified(client, private_document.uploaded_by_user)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Disposition"].startswith("attachment")  # never rendered inline
    assert response["Content-Security-Policy"] == "default-src 'none'"


@pytest.mark.django_db
def test_public_document_is_streamed_through_the_app_not_redirected_to_the_bucket(client, media_on_s3):
    document = get_document_model().objects.create(
        title="Fees sheet", file=SimpleUploadedFile("fees.pdf", PDF, content_type="application/pdf")
    )
    assert settings.WAGTAILDOCS_SERVE_METHOD == "serve_view"
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Disposition"].startswith("attachment")
    # Public or not, the bucket itself doesn't hand documents out.
    assert anonymous_get(media_on_s3.public_url(document.file.name)).status_code == 403


# The bucket policy ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_configure_bucket_is_what_makes_images_public(media_on_s3):
    """A new bucket shares nothing; configure_bucket opens the image prefixes and only them."""
    client = media_on_s3.client()
    fresh = f"{media_on_s3.bucket}-fresh"
    client.create_bucket(Bucket=fresh)
    for key in ("original_images/a.png", "images/a.fill-10x10.png", "documents/a.pdf", "other/a.txt"):
        client.put_object(Bucket=fresh, Key=key, Body=b"x")

    def readable():
        return {
            key: anonymous_get(f"{media_on_s3.endpoint_url}/{fresh}/{key}").status_code == 200
            for key in ("original_images/a.png", "images/a.fill-10x10.png", "documents/a.pdf", "other/a.txt")
        }

    assert not any(readable().values())
    # (A new STORAGES value makes Django build the storage again, for the other bucket.)
    with override_settings(STORAGES={**settings.STORAGES}, AWS_STORAGE_BUCKET_NAME=fresh):
        output = io.StringIO()
        call_command("configure_bucket", stdout=output)
    assert "can't be listed anonymously" in output.getvalue()
    assert readable() == {
        "original_images/a.png": True,
        "images/a.fill-10x10.png": True,
        "documents/a.pdf": False,
        "other/a.txt": False,
    }
    assert json.loads(client.get_bucket_policy(Bucket=fresh)["Policy"]) == json.loads(bucket_policy(fresh))
    assert anonymous_get(f"{media_on_s3.endpoint_url}/{fresh}?list-type=2").status_code == 403


def test_bucket_policy_grants_no_listing_and_nothing_under_documents():
    policy = json.loads(bucket_policy("practice-media"))
    (statement,) = policy["Statement"]
    assert statement["Effect"] == "Allow" and statement["Principal"] == "*"
    assert statement["Action"] == "s3:GetObject"
    assert statement["Resource"] == [
        "arn:aws:s3:::practice-media/original_images/*",
        "arn:aws:s3:::practice-media/images/*",
    ]
    behind_cdn = json.loads(bucket_policy("practice-media", "arn:aws:cloudfront::1:distribution/E1"))
    assert behind_cdn["Statement"][0]["Principal"] == {"Service": "cloudfront.amazonaws.com"}
    assert behind_cdn["Statement"][0]["Condition"]["StringEquals"]["AWS:SourceArn"].endswith("/E1")


def test_configure_bucket_prints_the_policy_and_refuses_local_disk(media_on_s3):
    output = io.StringIO()
    call_command("configure_bucket", "--print", stdout=output)
    assert json.loads(output.getvalue()) == json.loads(bucket_policy(media_on_s3.bucket))
    with (
        override_settings(
            STORAGES={
                **settings.STORAGES,
                "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            }
        ),
        pytest.raises(CommandError, match="AWS_STORAGE_BUCKET_NAME"),
    ):
        call_command("configure_bucket")


# Settings ---------------------------------------------------------------------------------------


def base_settings(**environ):
    with mock.patch.dict(os.environ, environ):
        return runpy.run_path(str(BASE_DIR / "practice_site" / "settings" / "base.py"))


def test_media_stays_on_local_disk_unless_a_bucket_is_named():
    with mock.patch.dict(os.environ):
        os.environ.pop("AWS_STORAGE_BUCKET_NAME", None)
        local = runpy.run_path(str(BASE_DIR / "practice_site" / "settings" / "base.py"))
    assert local["STORAGES"]["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert (
        local["STORAGES"]["staticfiles"]["BACKEND"] == "django.contrib.staticfiles.storage.StaticFilesStorage"
    )
    assert local["WAGTAILDOCS_SERVE_METHOD"] == "serve_view"
    assert local["WAGTAILDOCS_INLINE_CONTENT_TYPES"] == []


def test_a_named_bucket_becomes_the_media_storage_and_pages_may_show_its_images():
    on_s3 = base_settings(
        AWS_STORAGE_BUCKET_NAME="practice-media",
        AWS_S3_REGION_NAME="us-west-2",
        AWS_S3_CUSTOM_DOMAIN="media.wrenfield.example",
    )
    assert on_s3["STORAGES"]["default"] == {"BACKEND": "practice_site.storage.MediaStorage"}
    assert on_s3["STORAGES"]["staticfiles"]["BACKEND"].startswith(
        "django.contrib.staticfiles"
    )  # whitenoise's job
    assert on_s3["AWS_S3_REGION_NAME"] == "us-west-2"
    assert on_s3["WAGTAILDOCS_SERVE_METHOD"] == "serve_view"
    for policy in ("CONTENT_SECURITY_POLICY", "ADMIN_CONTENT_SECURITY_POLICY"):
        assert "https://media.wrenfield.example" in on_s3[policy]["DIRECTIVES"]["img-src"]
    assert not any(
        "amazonaws" in source for source in on_s3["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]["img-src"]
    )

    with override_settings(
        STORAGES={**settings.STORAGES, "default": on_s3["STORAGES"]["default"]},
        AWS_STORAGE_BUCKET_NAME="practice-media",
        AWS_S3_CUSTOM_DOMAIN="media.wrenfield.example",
    ):
        # A URL is computed, not fetched: no request, no signature.
        assert (
            default_storage.url("images/a.fill-10x10.png")
            == "https://media.wrenfield.example/images/a.fill-10x10.png"
        )


def test_production_refuses_image_urls_on_amazons_host():
    environ = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "practice_site.settings.production",
        "DJANGO_SECRET_KEY": "production-check-secret-key-with-enough-length-0123456789",
        "AWS_STORAGE_BUCKET_NAME": "practice-media",
    }
    environ.pop("AWS_S3_CUSTOM_DOMAIN", None)
    environ.pop("AWS_S3_ENDPOINT_URL", None)
    check = [sys.executable, "-c", "import django; django.setup()"]
    refused = subprocess.run(check, cwd=BASE_DIR, env=environ, capture_output=True, text=True, timeout=60)
    assert refused.returncode != 0 and "AWS_S3_CUSTOM_DOMAIN" in refused.stderr
    environ["AWS_S3_CUSTOM_DOMAIN"] = "media.wrenfield.example"
    accepted = subprocess.run(check, cwd=BASE_DIR, env=environ, capture_output=True, text=True, timeout=60)
    assert accepted.returncode == 0, accepted.stderr
