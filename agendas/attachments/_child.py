"""The isolated PDF inspection: run as its own process, under limits, by inspection.py.

    python -I _child.py INPUT OUTPUT PAGE_LIMIT TEXT_MAX_CHARS MEMORY_MB CPU_SECONDS

It imports nothing from Django or Referat (a hostile file meets only pikepdf, qpdf and PDFium,
in a process that can be killed), sets its own memory and CPU limits before it reads a byte,
and prints one JSON object: {"refused": code, ...} or {"pages", "text", "has_text"}. The
checked file is written to OUTPUT rewritten as its current revision only: the objects the
trailer reaches, so an earlier revision of an incrementally updated file is gone.
"""

import json
import resource
import subprocess
import sys

MB = 1024 * 1024
# Actions that run code, submit or fetch data, or open other programs or files.
ACTION_CODES = {
    "/JavaScript": "javascript", "/Launch": "launch", "/SubmitForm": "submit_form",
    "/ImportData": "import_data", "/RichMediaExecute": "rich_media", "/Rendition": "rich_media",
    "/GoToE": "embedded_files",
}


class Refused(Exception):
    def __init__(self, code, detail=""):
        super().__init__(code)
        self.code, self.detail = code, detail


def limit(memory_mb: int, cpu_seconds: int, output_mb: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (memory_mb * MB, memory_mb * MB))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1))
    resource.setrlimit(resource.RLIMIT_FSIZE, (output_mb * MB, output_mb * MB))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def qpdf_start(path: str) -> subprocess.Popen:
    """`qpdf --check`, started at once so that it runs while pikepdf and PDFium are imported.
    It runs under this process's limits, which it inherits."""
    return subprocess.Popen(["qpdf", "--check", path], stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


def qpdf_verdict(checker: subprocess.Popen) -> None:
    """Exit 0 is clean; 2 (errors) and 3 (warnings: qpdf had to repair something, such as a
    broken cross-reference table) are damage."""
    output = checker.communicate()[0].decode("utf-8", "replace")
    if "bad_alloc" in output:
        raise Refused("too_complex", "qpdf: out of memory")
    if checker.returncode != 0:
        lines = [line for line in output.splitlines()
                 if "WARNING" in line or "error" in line.lower()]
        raise Refused("damaged", "; ".join(lines[:3])[:500])


def active_content(pdf, pikepdf) -> str | None:
    """The first kind of active or embedded content in the document, or None."""
    root = pdf.Root
    names = root.get("/Names")
    if isinstance(names, pikepdf.Dictionary):
        if "/JavaScript" in names:
            return "javascript"
        if "/EmbeddedFiles" in names:
            return "embedded_files"
    form = root.get("/AcroForm")
    if isinstance(form, pikepdf.Dictionary) and "/XFA" in form:
        return "xfa"
    open_action = root.get("/OpenAction")
    # A destination ([page /Fit]) only says where to open; an action dictionary does more.
    if isinstance(open_action, pikepdf.Dictionary):
        return ACTION_CODES.get(str(open_action.get("/S", "")), "open_action")
    for top in pdf.objects:
        for obj in _dictionaries(top, pikepdf):
            found = _active_entry(obj)
            if found:
                return found
    return None


def _active_entry(obj) -> str | None:
    if "/JS" in obj:
        return "javascript"
    if "/AA" in obj:
        return "additional_actions"
    kind = str(obj.get("/S", ""))
    if kind in ACTION_CODES:
        return ACTION_CODES[kind]
    subtype = str(obj.get("/Subtype", ""))
    if subtype in {"/RichMedia", "/Movie", "/Sound", "/Screen", "/3D"} or (
            "/RichMediaContent" in obj):
        return "rich_media"
    if subtype == "/FileAttachment" or str(obj.get("/Type", "")) == "/EmbeddedFile" or (
            "/EF" in obj):
        return "embedded_files"
    if "/XFA" in obj:
        return "xfa"
    return None


def _dictionaries(obj, pikepdf, depth=0):
    """`obj` (an indirect object) and the dictionaries written inside it, such as a link's
    action: indirect objects they point at are visited on their own, so nothing twice."""
    if depth > 64:
        raise Refused("too_complex", "nesting")
    if isinstance(obj, pikepdf.Stream):
        obj = obj.stream_dict
    if isinstance(obj, pikepdf.Dictionary):
        yield obj
        values = [value for _key, value in obj.items()]
    elif isinstance(obj, pikepdf.Array):
        values = list(obj)
    else:
        return
    for value in values:
        if isinstance(value, pikepdf.Dictionary | pikepdf.Array) and not value.is_indirect:
            yield from _dictionaries(value, pikepdf, depth + 1)


def extract_text(path: str, page_limit: int, max_chars: int) -> str:
    """The text layer of the first `page_limit` pages, for search (PDFium). A file whose text
    cannot be read is still a good file: it is then marked as having no text layer."""
    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(path)
    except pypdfium2.PdfiumError:
        return ""
    parts, size = [], 0
    try:
        for index in range(min(len(document), page_limit)):
            page = document[index]
            textpage = page.get_textpage()
            text = textpage.get_text_range().replace("\x00", "").replace("\r\n", "\n")
            textpage.close()
            page.close()
            parts.append(text)
            size += len(text)
            if size >= max_chars:
                break
    finally:
        document.close()
    return "\n".join(parts)[:max_chars]


def inspect(source: str, target: str, page_limit: int, max_chars: int) -> dict:
    checker = qpdf_start(source)
    try:
        return _inspect(source, target, page_limit, max_chars, checker)
    finally:
        if checker.poll() is None:  # refused before its verdict was needed
            checker.kill()
            checker.wait()


def _inspect(source, target, page_limit, max_chars, checker) -> dict:
    import pikepdf

    try:
        pdf = pikepdf.open(source)
    except pikepdf.PasswordError:
        raise Refused("encrypted_user") from None
    except pikepdf.PdfError as exc:
        raise Refused("damaged", str(exc)[:500]) from None
    with pdf:
        # Encryption first: qpdf cannot check a file it cannot open, and says "damaged".
        if pdf.is_encrypted:
            raise Refused("encrypted_owner")
        qpdf_verdict(checker)
        found = active_content(pdf, pikepdf)
        if found:
            raise Refused(found)
        pages = len(pdf.pages)
        if pages == 0:
            raise Refused("no_pages")
        pdf.remove_unreferenced_resources()
        # Written anew: only what the current trailer reaches, with an /ID derived from the
        # content, so the same document always gives the same bytes (and the same sha256).
        pdf.save(target, deterministic_id=True, compress_streams=True,
                 object_stream_mode=pikepdf.ObjectStreamMode.generate)
    text = extract_text(target, page_limit, max_chars)
    return {"pages": pages, "text": text, "has_text": bool(text.strip())}


def main(argv: list[str]) -> int:
    source, target, page_limit, max_chars, memory_mb, cpu_seconds, output_mb = argv[1:8]
    limit(int(memory_mb), int(cpu_seconds), int(output_mb))
    try:
        result = inspect(source, target, int(page_limit), int(max_chars))
    except Refused as refusal:
        result = {"refused": refusal.code, "detail": refusal.detail}
    except MemoryError:
        result = {"refused": "too_complex", "detail": "memory limit"}
    except RecursionError:
        result = {"refused": "too_complex", "detail": "recursion"}
    sys.stdout.write(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
