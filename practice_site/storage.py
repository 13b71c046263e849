"""Uploads on S3-compatible object storage (README "Object storage (S3)").

When `AWS_STORAGE_BUCKET_NAME` is set, settings/base.py makes `MediaStorage` Django's default
storage, so Wagtail's original images (`original_images/`), renditions (`images/`) and documents
(`documents/`) live in the bucket and every app server sees the same files.

What may be read from the bucket without credentials is decided by the bucket policy
(`bucket_policy()`, applied by `manage.py configure_bucket`): images and renditions, by object,
to everyone; documents and listings to nobody. Documents reach visitors only through Wagtail's
serve view, after the collection's privacy check (WAGTAILDOCS_SERVE_METHOD = "serve_view").
"""

import json
from urllib.parse import urlsplit

from botocore.config import Config
from storages.backends.s3 import S3Storage

# The key prefixes Wagtail writes images to; the only ones the public may read.
PUBLIC_IMAGE_PREFIXES = ("original_images/", "images/")
# How long browsers and CDNs may keep an image (the same as the disk setup's nginx sends).
IMAGE_CACHE_CONTROL = "public, max-age=86400"
# botocore waits a minute per try, five tries, by default: an unreachable bucket would hold a
# gunicorn worker for minutes. Fail within seconds instead (AWS_S3_CLIENT_CONFIG may say otherwise).
CLIENT_TIMEOUTS = Config(
    connect_timeout=2, read_timeout=10, retries={"mode": "standard", "total_max_attempts": 3}
)


class MediaStorage(S3Storage):
    """Django's default storage on S3: stable public URLs for images, nothing public otherwise."""

    # Image URLs go into cached pages: no signed, expiring query strings. (Documents are never
    # linked by their bucket URL; their privacy comes from the bucket policy and the serve view.)
    querystring_auth = False
    # Two uploads of "hero.jpg" must not replace each other: the second gets a new name.
    file_overwrite = False
    # No per-object ACLs (buckets with "Bucket owner enforced" refuse them): the policy decides.
    default_acl = None

    def __init__(self, **settings):
        super().__init__(**settings)
        self.client_config = CLIENT_TIMEOUTS.merge(self.client_config)

    def get_object_parameters(self, name):
        parameters = super().get_object_parameters(name)
        if name.startswith(PUBLIC_IMAGE_PREFIXES):
            parameters.setdefault("CacheControl", IMAGE_CACHE_CONTROL)
        else:
            # Should a document ever be fetched straight from the bucket with credentials, it is
            # still a download that no cache keeps.
            parameters.setdefault("CacheControl", "private, no-store")
            parameters.setdefault("ContentDisposition", "attachment")
        return parameters


def media_origins(bucket, endpoint_url=None, region=None, custom_domain=None, url_protocol="https:"):
    """The origins image URLs may point at (for the Content-Security-Policy's img-src)."""
    if custom_domain:
        return [f"{url_protocol}//{custom_domain.split('/')[0]}"]
    if endpoint_url:
        parts = urlsplit(endpoint_url)
        # Path-style (endpoint/bucket/key) or virtual-hosted (bucket.endpoint/key): botocore
        # picks one by the endpoint's kind, so both are allowed.
        return [f"{parts.scheme}://{parts.netloc}", f"{parts.scheme}://{bucket}.{parts.netloc}"]
    origins = [f"https://{bucket}.s3.amazonaws.com"]
    if region:
        origins.append(f"https://{bucket}.s3.{region}.amazonaws.com")
    return origins


def bucket_policy(bucket, cloudfront_distribution_arn=None):
    """The bucket policy: anonymous GetObject on the image prefixes only.

    No statement grants s3:ListBucket, so nobody without credentials can list the bucket, and
    nothing grants anything under `documents/`. With a CloudFront distribution in front (origin
    access control), only that distribution may read the images, not the whole internet.
    """
    if cloudfront_distribution_arn:
        principal = {"Service": "cloudfront.amazonaws.com"}
        condition = {"StringEquals": {"AWS:SourceArn": cloudfront_distribution_arn}}
    else:
        principal, condition = "*", None
    statement = {
        "Sid": "PublicReadImagesAndRenditions",
        "Effect": "Allow",
        "Principal": principal,
        "Action": "s3:GetObject",
        "Resource": [f"arn:aws:s3:::{bucket}/{prefix}*" for prefix in PUBLIC_IMAGE_PREFIXES],
    }
    if condition:
        statement["Condition"] = condition
    return json.dumps({"Version": "2012-10-17", "Statement": [statement]}, indent=2)
