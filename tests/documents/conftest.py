import pytest
from django.db import transaction


@pytest.fixture(scope="module")
def module_media(tmp_path_factory):
    return tmp_path_factory.mktemp("media")


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, module_media):
    """One media folder per module (instead of per test): the PDFs a module renders once
    (module_db) keep their files there for every test of the module."""
    settings.MEDIA_ROOT = module_media


FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="module")
def module_db(django_db_setup, django_db_blocker, module_media):
    """One transaction around a whole module, rolled back at its end, so that its meetings
    are built and their PDFs rendered once (WeasyPrint is the slow part of this suite).
    The module needs `pytestmark = pytest.mark.django_db` so that the test database exists."""
    from django.test import override_settings

    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=module_media,
                                                        PASSWORD_HASHERS=FAST_HASHERS):
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture(autouse=True)
def plain_static(settings):
    """Pages (and the 404 page) render {% static %} without a collectstatic manifest."""
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
