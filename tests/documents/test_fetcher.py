"""WeasyPrint reaches our static files and nothing else."""

import pytest
import weasyprint

from documents.pdf.fetcher import RefusedURL, StaticFilesFetcher, static_url
from documents.pdf.render import html_to_pdf
from tests.documents.pdftext import pdf_text


@pytest.fixture
def fetcher():
    return StaticFilesFetcher()


def test_fetcher_serves_our_stylesheet_and_fonts(fetcher):
    css = fetcher.fetch(static_url("css/pdf.css"))
    assert b"@font-face" in css.read()
    font = fetcher.fetch(static_url("fonts/carlito/Carlito-Regular.ttf"))
    assert font.content_type == "font/ttf"
    assert len(font.read()) > 100_000


@pytest.mark.parametrize("url", [
    "file:///etc/passwd",
    "FILE:///etc/passwd",
    "http://127.0.0.1:8000/admin/",
    "https://example.com/static/css/pdf.css",
    "https://referat.invalid.example.com/static/css/pdf.css",
    "https://user:pw@referat.invalid/static/css/pdf.css",
    "https://referat.invalid:8443/static/css/pdf.css",
    "http://referat.invalid/static/css/pdf.css",
    "data:text/css;base64,Ym9keXt9",
    "ftp://referat.invalid/static/css/pdf.css",
    "https://referat.invalid/media/bilag/secret.pdf",
    "https://referat.invalid/static/../../etc/passwd",
    "https://referat.invalid/static/%2e%2e/%2e%2e/etc/passwd",
    "https://referat.invalid/static/css/..%2f..%2fconfig/settings.py",
    "https://referat.invalid/static/css%5c..%5c..%5cmanage.py",
    "https://referat.invalid/static//etc/passwd",
    "https://referat.invalid/static/css/pdf.css?x=1",
    "https://referat.invalid/static/does-not-exist.css",
])
def test_fetcher_refuses_every_other_url(fetcher, url):
    with pytest.raises((RefusedURL, ValueError)):
        fetcher.fetch(url)


def test_rendering_does_not_embed_a_local_file_it_is_pointed_at(tmp_path):
    image = tmp_path / "hemmelig.png"
    image.write_bytes(_png())
    html = (f'<html lang="da"><body><p>Før billedet</p><img src="file://{image}">'
            f'<img src="{image.as_uri()}"><p>Efter billedet</p></body></html>')
    rendered = html_to_pdf(html, variant=None)
    assert b"/Subtype /Image" not in rendered.pdf and b"/Image" not in rendered.pdf
    assert "Efter billedet" in pdf_text(rendered.pdf)


def test_plain_weasyprint_would_embed_it(tmp_path):
    """The control for the test above: without our fetcher the file is read."""
    image = tmp_path / "hemmelig.png"
    image.write_bytes(_png())
    pdf = weasyprint.HTML(string=f'<img src="{image.as_uri()}">').write_pdf()
    assert b"/Image" in pdf


def _png() -> bytes:
    import io

    from PIL import Image
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, "PNG")
    return buffer.getvalue()
