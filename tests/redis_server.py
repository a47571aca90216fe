"""A Redis server for the tests: the one configured or running, or one of our own."""

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
import time


def _answers(url: str) -> bool:
    import redis

    try:
        return redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except redis.RedisError:
        return False


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def find_or_start_redis():
    """Yields a redis:// URL, or None when there is no Redis to be had."""
    for url in filter(None, [os.environ.get("REDIS_URL"), "redis://127.0.0.1:6379/0"]):
        if _answers(url):
            yield url
            return
    binary = shutil.which("redis-server")
    if binary is None:
        yield None
        return
    port = _free_port()
    with tempfile.TemporaryDirectory(prefix="referat-redis-") as directory:
        process = subprocess.Popen(
            [binary, "--bind", "127.0.0.1", "--port", str(port), "--save", "",
             "--appendonly", "no", "--dir", directory],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        url = f"redis://127.0.0.1:{port}/0"
        try:
            deadline = time.monotonic() + 10
            while not _answers(url):
                if process.poll() is not None or time.monotonic() > deadline:
                    yield None
                    return
                time.sleep(0.05)
            yield url
        finally:
            process.terminate()
            process.wait(timeout=10)
