import os

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import override_settings
from django.utils import translation

from tests.factories import make_meeting, make_series, make_user


@pytest.fixture(autouse=True, scope="session")
def _fast_password_hashing():
    """Tests hash passwords with MD5: the production hasher is slow on purpose. Session-wide,
    so data loaded once for many tests (the browser tests' demo) is hashed the same way."""
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher",
                                             "django.contrib.auth.hashers.PBKDF2PasswordHasher"]):
        yield


@pytest.fixture(autouse=True)
def _language_reset():
    """A request in English leaves English active in the thread; the next test starts Danish."""
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with nothing kept from another (pages, fragments). Only the local
    memory cache is emptied: a shared Redis is never flushed (see `redis_cache`)."""
    from django.core.cache import caches
    from django.core.cache.backends.locmem import LocMemCache

    if isinstance(caches["default"], LocMemCache):
        caches["default"].clear()
    yield


@pytest.fixture(scope="session")
def redis_url():
    """A real Redis: REDIS_URL, else the one answering on 127.0.0.1:6379, else one started
    for the session when Debian's redis-server is installed. Skipped when there is none,
    except in CI, where that is a failure."""
    from tests.redis_server import find_or_start_redis

    with find_or_start_redis() as url:
        if url is None:
            if os.environ.get("CI") == "true":
                pytest.fail("CI=true but no Redis answers and redis-server is not installed")
            pytest.skip("no Redis answers and redis-server is not installed")
        yield url


@pytest.fixture
def redis_cache(settings, redis_url):
    """Django's cache on that Redis, under a key prefix of this test's own (other test runs
    may share the server); its keys are deleted afterwards."""
    import uuid

    from django.core.cache import caches

    prefix = f"referat-test-{uuid.uuid4().hex[:12]}"
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                                   "LOCATION": redis_url, "KEY_PREFIX": prefix}}
    yield caches["default"]
    client = caches["default"]._cache.get_client(write=True)
    keys = list(client.scan_iter(f"{prefix}:*"))
    if keys:
        client.delete(*keys)


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploaded and rendered files go to a fresh folder per test."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def secretary(db):
    return make_user("sekretaer", first_name="Mads", last_name="Sekretær")


@pytest.fixture
def member(db):
    return make_user("medlem", first_name="Mette", last_name="Medlem")


@pytest.fixture
def outsider(db):
    """A member of another series: must not see anything of `series` but what is public."""
    user = make_user("udenfor", first_name="Ulla", last_name="Udenfor")
    make_series(name="En anden serie", members=[user])
    return user


@pytest.fixture
def anonymous():
    return AnonymousUser()


@pytest.fixture
def series(secretary, member):
    return make_series(name="Rådmandsmøder 2022-2025", secretariat=[secretary], members=[member])


@pytest.fixture
def meeting(series):
    return make_meeting(series, items=["Dagsorden", "Referat", "Bordrunde"])
