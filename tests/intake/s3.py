"""A real S3 server for the tests: moto's standalone server (moto[server]) in a process of
its own on 127.0.0.1, spoken to over HTTP by boto3 and django-storages exactly as a
production bucket would be."""

import socket
import subprocess
import sys
import time
import uuid
from contextlib import closing
from dataclasses import dataclass

import boto3
import pytest

CREDENTIALS = {"AWS_ACCESS_KEY_ID": "referat-test", "AWS_SECRET_ACCESS_KEY": "referat-test",
               "AWS_DEFAULT_REGION": "eu-north-1"}


@dataclass
class S3Server:
    endpoint: str

    def client(self):
        return boto3.client("s3", endpoint_url=self.endpoint, region_name="eu-north-1",
                            aws_access_key_id="referat-test",
                            aws_secret_access_key="referat-test")

    def new_bucket(self) -> str:
        name = f"referat-{uuid.uuid4().hex[:12]}"
        self.client().create_bucket(Bucket=name, CreateBucketConfiguration={
            "LocationConstraint": "eu-north-1"})
        return name

    def keys(self, bucket: str) -> list[str]:
        listed = self.client().list_objects_v2(Bucket=bucket)
        return sorted(entry["Key"] for entry in listed.get("Contents", []))

    def read(self, bucket: str, key: str) -> bytes:
        return self.client().get_object(Bucket=bucket, Key=key)["Body"].read()

    def environment(self, bucket: str) -> dict[str, str]:
        """What an operator sets to put media into `bucket` (see .env.example)."""
        return {**CREDENTIALS, "AWS_STORAGE_BUCKET_NAME": bucket,
                "AWS_S3_ENDPOINT_URL": self.endpoint, "AWS_S3_REGION_NAME": "eu-north-1",
                "AWS_S3_ADDRESSING_STYLE": "path"}

    def storages(self, bucket: str) -> dict:
        """settings.STORAGES for `bucket`, as config/settings.py builds it from environment()."""
        return {
            "default": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": {
                "bucket_name": bucket, "endpoint_url": self.endpoint,
                "region_name": "eu-north-1", "addressing_style": "path",
                "access_key": "referat-test", "secret_key": "referat-test",
                "default_acl": "private", "querystring_auth": True, "file_overwrite": False}},
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        }


def _free_port() -> int:
    with closing(socket.socket()) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def s3_server():
    port = _free_port()
    process = subprocess.Popen([sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p",
                                str(port)], stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    server = S3Server(endpoint=f"http://127.0.0.1:{port}")
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                server.client().list_buckets()
                break
            except Exception:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("moto's S3 server did not start") from None
                time.sleep(0.2)
        yield server
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def s3_bucket(s3_server, settings):
    """Media (Bilag, rendered PDFs) in a fresh bucket of the test S3 server."""
    bucket = s3_server.new_bucket()
    settings.STORAGES = s3_server.storages(bucket)
    return bucket
