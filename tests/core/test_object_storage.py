"""Media on S3-compatible object storage (MEDIA_S3_BUCKET): a document uploaded by an
editor lands in the bucket and readers download it through Sinergi.

The bucket is served by moto's S3 server over real HTTP on loopback (no cloud is
reachable here); the storage is django-storages' S3 backend with the options the
settings build from the environment.
"""

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import boto3
import pytest
from django.core.files.base import ContentFile
from moto.server import ThreadedMotoServer

from cms.demo.pdf import sample_pdf
from cms.models import LibraryDocument

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.django_db


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def s3_endpoint(monkeypatch):
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    for name, value in {
        "AWS_ACCESS_KEY_ID": "test-key",
        "AWS_SECRET_ACCESS_KEY": "test-secret",
        "AWS_DEFAULT_REGION": "ap-southeast-3",
    }.items():
        monkeypatch.setenv(name, value)
    yield f"http://127.0.0.1:{port}"
    server.stop()


def storage_settings(endpoint):
    """STORAGES as config/settings.py builds it from these variables."""
    env = {
        **os.environ,
        "SINERGI_VAR_DIR": str(ROOT / "var"),
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "MEDIA_S3_BUCKET": "sinergi-media",
        "MEDIA_S3_ENDPOINT_URL": endpoint,
        "MEDIA_S3_REGION": "ap-southeast-3",
    }
    code = "import json; from django.conf import settings; print(json.dumps(settings.STORAGES))"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout)


def test_documents_are_stored_in_the_bucket_and_served_to_readers(s3_endpoint, settings, client):
    bucket = boto3.client("s3", endpoint_url=s3_endpoint, region_name="ap-southeast-3")
    bucket.create_bucket(
        Bucket="sinergi-media", CreateBucketConfiguration={"LocationConstraint": "ap-southeast-3"}
    )
    settings.STORAGES = storage_settings(s3_endpoint)
    assert settings.STORAGES["default"]["BACKEND"] == "storages.backends.s3.S3Storage"

    content = sample_pdf(["Formulir permohonan izin tinggal"])
    document = LibraryDocument.objects.create(
        title="Formulir uji", file=ContentFile(content, name="formulir-uji.pdf")
    )

    keys = [item["Key"] for item in bucket.list_objects_v2(Bucket="sinergi-media")["Contents"]]
    assert keys == [f"media/{document.file.name}"]
    assert not (Path(settings.MEDIA_ROOT) / document.file.name).exists()

    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == content
