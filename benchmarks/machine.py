"""What the figures were measured on: they mean little without it."""

import os
import platform
import re
import subprocess
from pathlib import Path


def describe(*, postgres_version: str) -> dict[str, str]:
    cpu = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        match = re.search(r"^model name\s*:\s*(.+)$", cpuinfo.read_text(), re.MULTILINE)
        cpu = match.group(1).strip() if match else cpu
    ram = "unknown"
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        match = re.search(r"^MemTotal:\s+(\d+) kB", meminfo.read_text(), re.MULTILINE)
        ram = f"{int(match.group(1)) / 1024 / 1024:.1f} GiB" if match else ram
    return {
        "CPU": cpu,
        "Cores": str(os.cpu_count()),
        "RAM": ram,
        "OS": f"{platform.system()} {platform.release()}",
        "Python": platform.python_version(),
        "PostgreSQL": postgres_version,
    }


def git_commit(repo: Path) -> str:
    def git(*args):
        return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True).stdout
    commit = git("rev-parse", "--short", "HEAD").strip() or "unknown"
    branch = git("rev-parse", "--abbrev-ref", "HEAD").strip()
    dirty = " with uncommitted changes" if git("status", "--porcelain", "--untracked-files=no") \
        .strip() else ""
    return f"{commit} ({branch}){dirty}"


def wrk_version() -> str:
    result = subprocess.run(["wrk", "-v"], capture_output=True, text=True)
    match = re.search(r"(\d+\.\d+\.\d+)", result.stdout + result.stderr)
    return match.group(1) if match else "unknown version"


def package_version(name: str) -> str:
    from importlib.metadata import version

    return version(name)
