"""Checking PDFs as an accessibility or archive reviewer would: the `pdfua` checker, `qpdf
--check`, and a walk over the structure tree and every page's marked content that pdfua's
16 rules do not make."""

import io
import os
import shutil
import subprocess
import tempfile

import pikepdf
import pytest
from pdfua import validate

# pdfua 0.1.3 cannot evaluate its empty-heading rule on pikepdf 10 (it asks an Array for an
# attribute and pikepdf raises); structure_problems() checks that headings are not empty.
KNOWN_BROKEN_RULES = {"UA-14-001"}
TEXT_OPERATORS = {"Tj", "TJ", "'", '"'}
HEADINGS = {f"/H{n}" for n in range(1, 7)}


def pdfua_report(data: bytes):
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(data)
        handle.flush()
        report = validate(handle.name)
    unexpected = {o.rule_id: o.skipped_reason for o in report.skipped
                  if o.rule_id not in KNOWN_BROKEN_RULES}
    assert not unexpected, f"pdfua could not evaluate {unexpected}"
    return report


def pdfua_findings(data: bytes, *, min_severity: str = "ERROR") -> list[str]:
    """pdfua's findings at `min_severity` or worse, as readable lines."""
    from pdfua import Severity

    threshold = Severity[min_severity]
    return [f"{f.rule_id} {f.location.describe()}: {f.message}"
            for f in pdfua_report(data).findings if f.severity >= threshold]


def qpdf_check(data: bytes) -> str:
    """`qpdf --check`'s complaints (empty: none). Skips outside CI when qpdf is missing."""
    if shutil.which("qpdf") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("qpdf is not installed (scripts/test.sh installs it)")
        pytest.skip("qpdf is not installed (Debian: apt-get install qpdf)")
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(data)
        handle.flush()
        result = subprocess.run(["qpdf", "--check", handle.name], capture_output=True,
                                text=True, check=False)
    return "" if result.returncode == 0 else result.stdout + result.stderr


def _kids(element) -> list:
    kids = element.get("/K")
    if kids is None:
        return []
    return list(kids) if isinstance(kids, pikepdf.Array) else [kids]


def _is_element(value) -> bool:
    return isinstance(value, pikepdf.Dictionary) and "/S" in value


def _marks_content(element) -> bool:
    for kid in _kids(element):
        if isinstance(kid, int) or (isinstance(kid, pikepdf.Dictionary)
                                    and kid.get("/Type") in (pikepdf.Name.MCR,
                                                             pikepdf.Name.OBJR)):
            return True
        if _is_element(kid) and _marks_content(kid):
            return True
    return False


def elements(pdf: pikepdf.Pdf) -> list:
    """Every structure element, in reading order."""
    found = []

    def walk(element):
        found.append(element)
        for kid in _kids(element):
            if _is_element(kid):
                walk(kid)

    for kid in _kids(pdf.Root.StructTreeRoot):
        if _is_element(kid):
            walk(kid)
    return found


def structure_problems(data: bytes) -> list[str]:
    """What keeps the file from being one consistent tagged document: the catalog entries,
    every structure element's parent link, headings with content, and for each page that
    all text is marked (as content or artifact) and that each MCID and each annotation is
    reached from the ParentTree by an element that points back at it."""
    problems = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        root = pdf.Root
        if root.get("/MarkInfo", {}).get("/Marked") is not True:
            problems.append("MarkInfo /Marked is not true")
        if not str(root.get("/Lang", "")):
            problems.append("no /Lang")
        if root.get("/ViewerPreferences", {}).get("/DisplayDocTitle") is not True:
            problems.append("DisplayDocTitle is not true")
        if not str(pdf.docinfo.get("/Title", "")):
            problems.append("no /Title")
        tree = root.get("/StructTreeRoot")
        if tree is None:
            return [*problems, "no StructTreeRoot"]
        parent_tree = dict(pikepdf.NumberTree(tree.ParentTree).items())
        next_key = tree.get("/ParentTreeNextKey")  # optional, but when there it must be right
        if parent_tree and next_key is not None and int(next_key) <= max(parent_tree):
            problems.append("ParentTreeNextKey is not past the last key")
        for element in elements(pdf):
            for kid in _kids(element):
                if _is_element(kid) and kid.P.objgen != element.objgen:
                    problems.append(f"{kid.S} does not point back at its parent {element.S}")
            if element.S in HEADINGS and not _marks_content(element):
                problems.append(f"empty heading {element.S}")
        for number, page in enumerate(pdf.pages, start=1):
            problems += [f"page {number}: {p}" for p in _page_problems(page, parent_tree)]
    return problems


def _page_problems(page, parent_tree) -> list[str]:
    problems, depth, mcids = [], 0, []
    for operands, operator in pikepdf.parse_content_stream(page):
        name = str(operator)
        if name in ("BDC", "BMC"):
            depth += 1
            if name == "BDC" and isinstance(operands[1], pikepdf.Dictionary) \
                    and "/MCID" in operands[1]:
                mcids.append(int(operands[1].MCID))
        elif name == "EMC":
            depth -= 1
        elif name in TEXT_OPERATORS | {"Do"} and depth <= 0:
            problems.append(f"{name} outside marked content")
            break
    if mcids:
        key = page.obj.get("/StructParents")
        entry = parent_tree.get(int(key)) if key is not None else None
        if not isinstance(entry, pikepdf.Array):
            return [*problems, "MCIDs but no ParentTree entry"]
        for mcid in mcids:
            element = entry[mcid] if mcid < len(entry) else None
            if not _is_element(element) or not _points_at(element, page, mcid):
                problems.append(f"MCID {mcid} is not claimed by its element")
    for annotation in page.obj.get("/Annots", []):
        key = annotation.get("/StructParent")
        if annotation.get("/Subtype") in (pikepdf.Name.Popup, pikepdf.Name.PrinterMark):
            continue
        element = parent_tree.get(int(key)) if key is not None else None
        if not _is_element(element) or not any(
                isinstance(k, pikepdf.Dictionary) and k.get("/Type") == pikepdf.Name.OBJR
                and k.Obj.objgen == annotation.objgen for k in _kids(element)):
            problems.append(f"annotation {annotation.get('/Subtype')} has no element")
    return problems


def _points_at(element, page, mcid: int) -> bool:
    element_page = element.get("/Pg")
    for kid in _kids(element):
        if isinstance(kid, int) and kid == mcid:
            return element_page is not None and element_page.objgen == page.obj.objgen
        if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == pikepdf.Name.MCR \
                and int(kid.MCID) == mcid:
            kid_page = kid.get("/Pg", element_page)
            return kid_page is not None and kid_page.objgen == page.obj.objgen
    return False


def marked_text(data: bytes) -> tuple[dict[tuple[int, int], str], list[str]]:
    """The text of each marked-content sequence, by (page index, MCID), and each page's
    artifact text (stamps, footers, page numbers), as pypdf decodes it."""
    from pypdf import PdfReader

    content: dict[tuple[int, int], str] = {}
    artifacts: list[str] = []
    for index, page in enumerate(PdfReader(io.BytesIO(data)).pages):
        stack: list[object] = []
        artifact_text: list[str] = []

        def before(operator, operands, cm, tm, stack=stack):
            if operator == b"BDC":
                properties = operands[1]
                mcid = properties.get("/MCID") if hasattr(properties, "get") else None
                stack.append("artifact" if operands[0] == "/Artifact" else mcid)
            elif operator == b"BMC":
                stack.append("artifact" if operands[0] == "/Artifact" else None)
            elif operator == b"EMC" and stack:
                stack.pop()

        def text(value, cm, tm, font, size, stack=stack, index=index,
                 artifact_text=artifact_text):
            if "artifact" in stack:
                artifact_text.append(value)
                return
            mcid = next((m for m in reversed(stack) if isinstance(m, int)), None)
            if mcid is not None:
                content[(index, mcid)] = content.get((index, mcid), "") + value

        page.extract_text(visitor_operand_before=before, visitor_text=text)
        artifacts.append("".join(artifact_text))
    return content, artifacts


def tree_outline(data: bytes) -> list[tuple[int, str, str, str]]:
    """The structure tree as a screen reader walks it: (depth, role, title or alternative
    text, the element's own text) for every element, in reading order."""
    content, _artifacts = marked_text(data)
    rows = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        pages = {page.obj.objgen: index for index, page in enumerate(pdf.pages)}

        def text_of(element) -> str:
            parts = []
            page = element.get("/Pg")
            for kid in _kids(element):
                if isinstance(kid, int) and page is not None:
                    parts.append(content.get((pages[page.objgen], kid), ""))
                elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == pikepdf.Name.MCR:
                    kid_page = kid.get("/Pg", page)
                    parts.append(content.get((pages[kid_page.objgen], int(kid.MCID)), ""))
                elif _is_element(kid):
                    parts.append(text_of(kid))
            return " ".join(" ".join(parts).split())

        def walk(element, depth):
            label = str(element.get("/T", "")) or str(element.get("/Alt", ""))
            rows.append((depth, str(element.S), label, text_of(element)))
            for kid in _kids(element):
                if _is_element(kid):
                    walk(kid, depth + 1)

        for kid in _kids(pdf.Root.StructTreeRoot):
            if _is_element(kid):
                walk(kid, 0)
    return rows
