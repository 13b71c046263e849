"""`manage.py configure_bucket`: give the media bucket the access rules the site relies on.

Applies, to the bucket named by AWS_STORAGE_BUCKET_NAME, with the app's own credentials:

1. Block Public Access for ACLs (no object can be made public by an ACL; the policy decides),
   and "Bucket owner enforced" object ownership (ACLs off altogether);
2. the bucket policy from `practice_site.storage.bucket_policy()`: anonymous GetObject on the
   image prefixes only; no listing; nothing under documents/;

then checks, as an anonymous client would, that the bucket can't be listed. Run it once when the
bucket is created and after changing the policy; it is idempotent. `--print` shows the policy
without touching anything (for Terraform or the console).
"""

from botocore.exceptions import ClientError
from django.core.files.storage import storages
from django.core.management.base import BaseCommand, CommandError

from practice_site.storage import MediaStorage, bucket_policy

# S3-compatible services that lack an optional API answer with one of these.
UNSUPPORTED = {
    "NotImplemented",
    "NotImplementedError",
    "MethodNotAllowed",
    "InvalidRequest",
    "XNotImplemented",
}


class Command(BaseCommand):
    help = "Apply the media bucket's policy: images public by object, no listing, documents private."

    def add_arguments(self, parser):
        parser.add_argument(
            "--cloudfront-distribution-arn",
            help="Let only this CloudFront distribution (origin access control) read the images.",
        )
        parser.add_argument("--print", action="store_true", help="Print the policy and change nothing.")

    def handle(self, *args, **options):
        storage = storages["default"]
        if not isinstance(storage, MediaStorage):
            raise CommandError(
                "Media is on local disk: set AWS_STORAGE_BUCKET_NAME (README “Object storage”)."
            )
        bucket = storage.bucket_name
        policy = bucket_policy(bucket, options["cloudfront_distribution_arn"])
        if options["print"]:
            self.stdout.write(policy)
            return

        client = storage.connection.meta.client
        self._optional(
            "Block Public Access (ACLs)",
            client.put_public_access_block,
            Bucket=bucket,
            PublicAccessBlockConfiguration={
                "BlockPublicAcls": True,
                "IgnorePublicAcls": True,
                # A policy that grants the images to everyone is the point; with CloudFront in
                # front, the policy names only the distribution, so this may be blocked too.
                "BlockPublicPolicy": bool(options["cloudfront_distribution_arn"]),
                "RestrictPublicBuckets": bool(options["cloudfront_distribution_arn"]),
            },
        )
        self._optional(
            "Object ownership (ACLs off)",
            client.put_bucket_ownership_controls,
            Bucket=bucket,
            OwnershipControls={"Rules": [{"ObjectOwnership": "BucketOwnerEnforced"}]},
        )
        try:
            client.put_bucket_policy(Bucket=bucket, Policy=policy)
        except ClientError as error:
            raise CommandError(f"Could not set the bucket policy of {bucket}: {error}") from error
        self.stdout.write(f"Bucket policy of {bucket} set: images readable by object, nothing else public.")

        if _listable_anonymously(storage, bucket):
            raise CommandError(
                f"{bucket} can still be listed without credentials: remove any public ACL or "
                "policy statement that grants s3:ListBucket."
            )
        self.stdout.write(self.style.SUCCESS(f"Checked: {bucket} can't be listed anonymously."))

    def _optional(self, what, call, **kwargs):
        try:
            call(**kwargs)
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") not in UNSUPPORTED:
                raise CommandError(f"{what}: {error}") from error
            self.stdout.write(self.style.WARNING(f"{what}: not supported by this storage service; skipped."))
        else:
            self.stdout.write(f"{what}: set.")


def _listable_anonymously(storage, bucket):
    """Whether a client without credentials (unsigned requests) can list the bucket."""
    try:
        storage.unsigned_connection.meta.client.list_objects_v2(Bucket=bucket, MaxKeys=1)
    except ClientError:
        return False
    return True
