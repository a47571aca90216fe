"""Why a file was not made a Bilag: one code per reason, and its Danish message naming the file.

A refusal is kept as its code and parameters (a failed conversion stores them), and the
message is written when it is shown, in the reader's language.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

_REPRINT = _("Udskriv dokumentet til en ny PDF-fil (f.eks. med »Microsoft Print to PDF«), og "
             "prøv igen.")
_RESAVE = _("Gem den igen fra det program, den er lavet i, og prøv igen.")

MESSAGES = {
    "empty": _("»%(name)s« er tom (0 byte). Vælg den rigtige fil, og prøv igen."),
    "too_large": _("»%(name)s« fylder %(size)s MB; et bilag må højst fylde %(max)s MB. Gør "
                   "filen mindre, eller del den op i flere bilag, og prøv igen."),
    "request_too_large": _("Filerne fylder tilsammen %(size)s MB; send højst %(max)s MB ad "
                           "gangen. Vælg færre filer, og prøv igen."),
    "no_files": _("Vælg en eller flere filer, og prøv igen."),
    "not_pdf": _("»%(name)s« er ikke en PDF-fil, men %(what)s. Gem dokumentet som PDF, og "
                 "prøv igen."),
    "not_office": _("»%(name)s« er ikke det kontordokument, navnet siger, men %(what)s. Gem "
                    "dokumentet som PDF, og prøv igen."),
    "encrypted_user": _("»%(name)s« er beskyttet med en adgangskode, der skal bruges for at "
                        "åbne den. Gem den uden adgangskode, og prøv igen."),
    "encrypted_owner": _("»%(name)s« er krypteret med en ejeradgangskode (begrænsninger på "
                         "udskrift, kopiering eller redigering). Gem den uden beskyttelse, og "
                         "prøv igen."),
    "javascript": _("»%(name)s« indeholder JavaScript, der kan køre, når filen åbnes. "),
    "open_action": _("»%(name)s« indeholder en handling, der udføres, når filen åbnes "
                     "(OpenAction). "),
    "additional_actions": _("»%(name)s« indeholder handlinger, der udføres ved åbning, lukning "
                            "eller klik (AA). "),
    "launch": _("»%(name)s« indeholder en handling, der starter et andet program (Launch). "),
    "submit_form": _("»%(name)s« indeholder en formular, der sender data til en server "
                     "(SubmitForm). "),
    "import_data": _("»%(name)s« indeholder en formular, der henter data fra en anden fil "
                     "(ImportData). "),
    "rich_media": _("»%(name)s« indeholder indlejret video, lyd eller andet multimedie "
                    "(RichMedia). "),
    "embedded_files": _("»%(name)s« indeholder vedhæftede filer inde i PDF-filen. Læg dem op "
                        "som selvstændige bilag. "),
    "xfa": _("»%(name)s« er en XFA-formular, som kun enkelte programmer kan vise. "),
    "damaged": _("»%(name)s« er beskadiget: kontrollen (qpdf) fandt fejl i filens opbygning. "),
    "no_pages": _("»%(name)s« har ingen sider. "),
    "timeout": _("»%(name)s« kunne ikke kontrolleres inden for %(duration)s og er "
                 "afvist; en fil kan være bygget til at få kontrollen til at hænge. "),
    "too_complex": _("»%(name)s« kræver mere hukommelse, end kontrollen må bruge, og er "
                     "afvist. "),
    "inspect_failed": _("»%(name)s« kunne ikke kontrolleres og er afvist. "),
    "checker_unavailable": _("»%(name)s« kan ikke kontrolleres, fordi kontrolprogrammet qpdf "
                             "ikke er installeret på serveren. Bed driften installere det."),
    "office_unavailable": _("»%(name)s« er et kontordokument, men LibreOffice, der laver den "
                            "om til PDF, er ikke installeret på serveren. Gem dokumentet som "
                            "PDF, og prøv igen (eller bed driften installere LibreOffice)."),
    "conversion_failed": _("LibreOffice kunne ikke lave »%(name)s« om til PDF. Åbn filen i "
                           "det program, den er lavet i, gem den som PDF, og prøv igen."),
    "conversion_timeout": _("Omdannelsen af »%(name)s« til PDF blev stoppet efter "
                            "%(duration)s. Gem dokumentet som PDF, og prøv igen."),
    "not_attached": _("»%(name)s« kan ikke tilføjes: %(reason)s"),
}
# The advice that ends a message, where it does not say its own.
ADVICE = {
    **dict.fromkeys(["javascript", "open_action", "additional_actions", "launch", "submit_form",
                     "import_data", "rich_media", "embedded_files", "xfa"], _REPRINT),
    **dict.fromkeys(["damaged", "no_pages", "timeout", "too_complex", "inspect_failed"],
                    _RESAVE),
}
# What a file that is not a PDF turned out to be ("… ikke en PDF-fil, men et billede (JPEG)").
WHAT = {
    "jpeg": _("et billede (JPEG)"), "png": _("et billede (PNG)"), "gif": _("et billede (GIF)"),
    "tiff": _("et billede (TIFF)"), "html": _("en webside (HTML)"), "zip": _("en ZIP-fil"),
    "text": _("en tekstfil"), "office": _("et kontordokument med et andet filnavn"),
    "unknown": _("en fil af en type, Referat ikke kender"),
}


def megabytes(size: int) -> str:
    """A size in MB as a Danish reader writes it: "50", "0,4", "73,2"."""
    value = size / 1024 / 1024
    return str(int(value)) if value == int(value) else f"{value:.1f}".replace(".", ",")


def too_large(name: str, size: int, limit: int) -> "Refusal":
    return Refusal("too_large" if name else "request_too_large", name,
                   {"size": megabytes(size), "max": megabytes(limit)})


@dataclass(frozen=True)
class Refusal:
    """A file refused: `code` names the reason, `params` fill its message."""

    code: str
    name: str
    params: dict = field(default_factory=dict)

    @property
    def message(self) -> str:
        values = {"name": self.name, **self.params}
        if "what" in values:
            values["what"] = WHAT.get(values["what"], WHAT["unknown"])
        if "seconds" in values:
            seconds = int(values["seconds"])
            values["duration"] = ngettext("%d sekund", "%d sekunder", seconds) % seconds
        text = str(MESSAGES.get(self.code, MESSAGES["inspect_failed"])) % values
        advice = ADVICE.get(self.code)
        return f"{text}{advice}" if advice else text

    def error(self) -> "AttachmentRefused":
        return AttachmentRefused(self)


class AttachmentRefused(ValidationError):
    """A ValidationError that also carries its Refusal, for callers that list reasons."""

    def __init__(self, refusal: Refusal):
        super().__init__(refusal.message, code=refusal.code)
        self.refusal = refusal


@dataclass(frozen=True)
class UploadLimit:
    """What the upload page needs to refuse a too large file before sending it: the limit,
    and the message with {name} and {size} left for the page to fill in."""

    bytes: int
    message: str
    accept: str


def upload_limit() -> UploadLimit:
    from django.conf import settings

    from agendas.attachments.kinds import ACCEPT

    limit = settings.ATTACHMENT_MAX_BYTES
    message = Refusal("too_large", "{name}", {"size": "{size}", "max": megabytes(limit)}).message
    return UploadLimit(bytes=limit, message=message, accept=ACCEPT)
