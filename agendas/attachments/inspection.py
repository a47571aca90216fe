"""The web side of the isolated PDF check: run _child.py in its own process with a time limit
and a memory limit, and turn what it says (or how it died) into facts or a Refusal."""

import contextlib
import hashlib
import json
import logging
import os
import shutil
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from agendas.attachments.refusals import Refusal

logger = logging.getLogger(__name__)

CHILD = Path(__file__).with_name("_child.py")


@dataclass(frozen=True)
class InspectedPdf:
    """A PDF that passed every check, rewritten to `path` (in the caller's work folder)."""

    path: Path
    page_count: int
    size: int
    sha256: str
    text: str
    has_text_layer: bool


def inspect_pdf_file(source: Path, *, name: str, workdir: Path) -> InspectedPdf:
    """Check the PDF at `source` in an isolated process; raises AttachmentRefused naming
    `name` and the reason. The checked file is written to `workdir`."""
    if shutil.which("qpdf") is None:
        raise Refusal("checker_unavailable", name).error()
    target = Path(workdir) / "kontrolleret.pdf"
    seconds = settings.ATTACHMENT_INSPECT_SECONDS
    output_mb = 2 * settings.ATTACHMENT_MAX_BYTES // (1024 * 1024) + 16
    command = [sys.executable, "-I", str(CHILD), str(source), str(target),
               str(settings.ATTACHMENT_TEXT_PAGE_LIMIT), str(settings.ATTACHMENT_TEXT_MAX_CHARS),
               str(settings.ATTACHMENT_INSPECT_MEMORY_MB), str(seconds), str(output_mb)]
    result = run_limited(command, cwd=workdir, seconds=seconds)
    if result.timed_out or result.returncode in (-signal.SIGXCPU, -signal.SIGKILL):
        logger.warning("Attachment check of %r stopped at its time limit (%s s)", name, seconds)
        raise Refusal("timeout", name, {"seconds": seconds}).error()
    try:
        facts = json.loads(result.stdout) if result.returncode == 0 else None
    except ValueError:
        facts = None
    if facts is None:
        logger.warning("Attachment check of %r failed (exit %s): %s", name, result.returncode,
                       result.stderr[-2000:])
        # Out of memory shows as an abort or a segmentation fault of the C++ parser.
        code = "too_complex" if result.returncode in (-signal.SIGABRT, -signal.SIGSEGV) else (
            "inspect_failed")
        raise Refusal(code, name).error()
    if "refused" in facts:
        logger.info("Attachment %r refused: %s %s", name, facts["refused"], facts.get("detail"))
        raise Refusal(facts["refused"], name).error()
    data_hash, size = _sha256(target)
    return InspectedPdf(path=target, page_count=facts["pages"], size=size, sha256=data_hash,
                        text=facts["text"], has_text_layer=facts["has_text"])


@dataclass(frozen=True)
class Finished:
    returncode: int | None
    stdout: str
    stderr: str
    timed_out: bool


def run_limited(command: list[str], *, cwd: Path, seconds: int, env: dict | None = None,
                ) -> Finished:
    """Run `command` in a session of its own; at `seconds` the whole process group is killed
    (a converter or checker may have started helpers of its own)."""
    environment = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8",
                   "HOME": str(cwd), "TMPDIR": str(cwd), **(env or {})}
    process = subprocess.Popen(command, cwd=cwd, env=environment, stdin=subprocess.DEVNULL,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               start_new_session=True)
    timed_out = False
    try:
        stdout, stderr = process.communicate(timeout=seconds)
    except subprocess.TimeoutExpired:
        timed_out = True
        _kill_group(process)
        stdout, stderr = process.communicate()
    return Finished(process.returncode, stdout.decode("utf-8", "replace"),
                    stderr.decode("utf-8", "replace"), timed_out)


def _kill_group(process: subprocess.Popen) -> None:
    # Called before the process is reaped, so its id (the group's) cannot have been reused.
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)


def _sha256(path: Path) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size
