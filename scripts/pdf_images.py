"""`make docs-images`: the first page of each kind of PDF document, rendered from the demo
data and written as PNG (pdftoppm from Debian's poppler-utils) to docs/pdf/.

Runs against DATABASE_URL (default: the embedded SQLite), loading the demo data first.
"""

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "pdf"
DPI = "80"

# (file name, render_pdf arguments, the page to show: 1, or the first page holding this text)
IMAGES = [
    ("dagsorden.png", ["2023-09-11", "--document", "agenda"], 1),
    ("dagsorden-udvalg.png", ["2023-09-20", "--document", "agenda"], 1),
    ("referat-kort.png", ["2023-09-04", "--document", "minutes", "--form", "short"], 1),
    ("referat-med-beslutninger.png", ["2023-03-06", "--document", "minutes",
                                      "--form", "with_agenda"], 1),
    ("indstilling-a.png", ["2023-09-11", "--document", "memo", "--item", "3"], 1),
    ("indstilling-b.png", ["2023-03-13", "--document", "memo", "--item", "3"], 1),
    ("samlet-indhold.png", ["2023-09-11", "--document", "pack"], 1),
    ("samlet-bilag.png", ["2023-09-11", "--document", "pack"], "Punkt 6, Bilag 1:"),
]


def main() -> None:
    if not shutil.which("pdftoppm"):
        sys.exit("pdf_images: pdftoppm is missing (apt-get install poppler-utils).")
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("DEBUG", "1")
    import django
    django.setup()
    from django.core.management import call_command
    from pypdf import PdfReader

    call_command("migrate", verbosity=0)
    call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for name, args, page in IMAGES:
            pdf = Path(tmp) / (name + ".pdf")
            call_command("render_pdf", *args, "--output", str(pdf), stdout=open(os.devnull, "w"))  # noqa: SIM115
            if isinstance(page, str):
                pages = PdfReader(pdf).pages
                page = next(i for i, p in enumerate(pages, 1) if page in (p.extract_text() or ""))
            stem = Path(tmp) / name.removesuffix(".png")
            subprocess.run(["pdftoppm", "-png", "-r", DPI, "-f", str(page), "-l", str(page),
                            "-singlefile", str(pdf), str(stem)], check=True)
            shutil.copy(f"{stem}.png", OUT / name)
            print(OUT / name)


if __name__ == "__main__":
    main()
