"""Measuring: wrk for throughput and latency under load, Python timers for requests that wrk
cannot repeat (a cold PDF, a reorder that changes data). Several short runs, medians reported:
the machine is shared and noisy."""

import http.cookiejar
import re
import shutil
import statistics
import subprocess
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


@dataclass
class Figures:
    """One measured target: latencies in milliseconds."""

    median_ms: float
    p99_ms: float
    rps: float
    samples: str  # how the figures were obtained, e.g. "wrk 5×3 s" or "12 requests"
    errors: int = 0
    timeouts: int = 0  # requests wrk gave up on (also counted in errors)


def ensure_wrk() -> str:
    """wrk from Debian's package, installed with apt when missing (as scripts/browser-setup.sh
    installs chromium)."""
    path = shutil.which("wrk")
    if path:
        return path
    apt = shutil.which("apt-get")
    if apt:
        print("bench: installing wrk (apt)")
        install = [apt, "install", "-y", "-qq", "-o", "DPkg::Lock::Timeout=300", "wrk"]
        if subprocess.run(install, capture_output=True).returncode != 0:
            subprocess.run([apt, "update", "-qq"], capture_output=True)
            subprocess.run(install, capture_output=True)
    path = shutil.which("wrk")
    if not path:
        raise SystemExit("bench: wrk is missing and could not be installed; "
                         "install Debian's package: apt-get install wrk")
    return path


def wrk_once(wrk: str, url: str, *, duration: int, connections: int,
             headers: dict | None = None, threads: int = 1, timeout: str = "30s") -> Figures:
    command = [wrk, "--latency", f"-t{threads}", f"-c{connections}", f"-d{duration}s",
               "--timeout", timeout]
    for name, value in (headers or {}).items():
        command += ["-H", f"{name}: {value}"]
    output = subprocess.run(command + [url], capture_output=True, text=True, check=True).stdout
    return parse_wrk(output)


def parse_wrk(output: str) -> Figures:
    def latency(percent: str) -> float:
        match = re.search(rf"^\s+{percent}%\s+([\d.]+)(us|ms|s|m)\s*$", output, re.MULTILINE)
        if not match:
            raise ValueError(f"wrk printed no {percent}% latency:\n{output}")
        return float(match.group(1)) * UNITS[match.group(2)]

    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), "
                              r"timeout (\d+)", output)
    total_errors = int(errors.group(1)) if errors else 0
    timeouts = int(socket_errors.group(4)) if socket_errors else 0
    if socket_errors:
        # A read error is gunicorn's sync worker closing the connection after each response.
        total_errors += int(socket_errors.group(1)) + timeouts
    return Figures(latency("50"), latency("99"), rps, "", total_errors, timeouts)


def combine(runs: list[Figures], samples: str) -> Figures:
    """The median of each figure over several runs."""
    return Figures(statistics.median(r.median_ms for r in runs),
                   statistics.median(r.p99_ms for r in runs),
                   statistics.median(r.rps for r in runs), samples, sum(r.errors for r in runs),
                   sum(r.timeouts for r in runs))


def from_durations(durations_ms: list[float], errors: int) -> Figures:
    """Figures from sequential requests timed one by one (Python timers)."""
    ordered = sorted(durations_ms)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    return Figures(statistics.median(ordered), p99, 1000 * len(ordered) / sum(ordered),
                   f"{len(ordered)} sequential requests", errors)


class Browser:
    """A tiny cookie-keeping HTTP client (urllib), enough to log in and post forms with CSRF."""

    def __init__(self, base: str):
        self.base = base
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), _NoRedirect())

    def cookie(self, name: str) -> str | None:
        return next((c.value for c in self.cookies if c.name == name), None)

    def request(self, path: str, *, data: dict | list | None = None,
                headers: dict | None = None) -> tuple[int, bytes, dict]:
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        request = urllib.request.Request(self.base + path, data=body, headers={
            "Referer": self.base + "/", **(headers or {})})
        if body is not None and self.cookie("csrftoken"):
            request.add_header("X-CSRFToken", self.cookie("csrftoken"))
        try:
            with self.opener.open(request, timeout=60) as response:
                return response.status, response.read(), dict(response.headers)
        except urllib.error.HTTPError as error:
            return error.code, error.read(), dict(error.headers)

    def log_in(self, username: str, password: str) -> None:
        status, page, _ = self.request("/log-ind/")
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        if status != 200 or not token:
            raise SystemExit(f"bench: the log-in page answered {status} without a CSRF token")
        status, _, _ = self.request("/log-ind/", data={
            "csrfmiddlewaretoken": token.group(1).decode(), "username": username,
            "password": password})
        if status != 302 or not self.cookie("sessionid"):
            raise SystemExit(f"bench: logging in as {username} failed (status {status})")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def split_timed(client: "Browser", sends: list, baseline: str = "/robots.txt"
                ) -> tuple[Figures, Figures]:
    """Time `sends` one at a time, each right after one baseline request (same client)."""
    target_ms, baseline_ms, errors = [], [], 0
    for send in sends:
        started = time.perf_counter()
        client.request(baseline)
        baseline_ms.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        status = send()
        target_ms.append((time.perf_counter() - started) * 1000)
        errors += not 200 <= status < 400
    return from_durations(target_ms, errors), from_durations(baseline_ms, 0)
