"""Office files to PDF with LibreOffice headless, in a process of its own with a time and a
memory limit, a fresh profile per conversion with macros switched off, and file names that
are ours (the received name never reaches the command line or the file system)."""

import logging
import shutil
import signal
import sys
from pathlib import Path

from django.conf import settings

from agendas.attachments.inspection import run_limited
from agendas.attachments.refusals import Refusal

logger = logging.getLogger(__name__)

LIMITED = Path(__file__).with_name("_limited.py")
# The PDF export filter of each LibreOffice module, asked for a tagged PDF (screen readers).
FILTERS = {**dict.fromkeys(["docx", "doc", "odt", "rtf"], "writer_pdf_Export"),
           **dict.fromkeys(["xlsx", "xls", "ods"], "calc_pdf_Export"),
           "pptx": "impress_pdf_Export"}
TAGGED = '{"UseTaggedPDF":{"type":"boolean","value":"true"}}'
# The profile's settings: no macro runs, no linked content is fetched, no update check.
PROFILE_SETTINGS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop
  oor:name="MacroSecurityLevel" oor:op="fuse"><value>3</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop
  oor:name="DisableMacrosExecution" oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop
  oor:name="BlockUntrustedRefererLinks" oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Update/Update"><prop oor:name="AutoCheckEnabled"
  oor:op="fuse"><value>false</value></prop></item>
</oor:items>
"""


def libreoffice() -> str | None:
    """The LibreOffice program, or None where it is not installed."""
    configured = settings.LIBREOFFICE_PATH
    if configured:
        return configured if Path(configured).is_file() else None
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_pdf(source: Path, *, extension: str, name: str, workdir: Path) -> Path:
    """Convert the office file at `source` (of kind `extension`) to a PDF in `workdir` and
    return its path; raises AttachmentRefused naming `name` and the reason."""
    program = libreoffice()
    if program is None:
        raise Refusal("office_unavailable", name).error()
    workdir = Path(workdir)
    document = workdir / f"dokument.{extension}"
    if Path(source) != document:
        shutil.copyfile(source, document)
    profile = workdir / "profil"
    (profile / "user").mkdir(parents=True, exist_ok=True)
    (profile / "user" / "registrymodifications.xcu").write_text(PROFILE_SETTINGS)
    out = workdir / "pdf"
    out.mkdir(exist_ok=True)
    seconds = settings.ATTACHMENT_CONVERT_SECONDS
    command = [sys.executable, "-I", str(LIMITED), str(settings.ATTACHMENT_CONVERT_MEMORY_MB),
               str(seconds), program, f"-env:UserInstallation={profile.as_uri()}", "--headless",
               "--norestore", "--nolockcheck", "--nologo", "--nodefault", "--convert-to",
               f"pdf:{FILTERS[extension]}:{TAGGED}", "--outdir", str(out), str(document)]
    result = run_limited(command, cwd=workdir, seconds=seconds)
    converted = out / "dokument.pdf"
    if result.timed_out or result.returncode == -signal.SIGXCPU:
        logger.warning("Conversion of %r stopped at its time limit (%s s)", name, seconds)
        raise Refusal("conversion_timeout", name, {"seconds": seconds}).error()
    if result.returncode != 0 or not converted.is_file() or converted.stat().st_size == 0:
        logger.warning("Conversion of %r failed (exit %s): %s %s", name, result.returncode,
                       result.stdout[-1000:], result.stderr[-1000:])
        raise Refusal("conversion_failed", name).error()
    return converted
