"""Real office documents, written by the tests with python-docx and openpyxl."""

import io

import docx
import openpyxl


def word(*paragraphs: str, heading: str = "Budgetopfølgning 2023") -> bytes:
    document = docx.Document()
    document.add_heading(heading, level=1)
    for text in paragraphs:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def excel(rows: list[list]) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Fordeling"
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
