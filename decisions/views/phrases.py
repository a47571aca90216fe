"""A series' standard phrases, edited by its secretariat."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from decisions import services
from decisions.models import Outcome
from meetings.access import series_for_editor

EMPTY_ROWS = 3


@login_required
def phrases(request, series_id: int):
    """The list, one phrase and its outcome a line; empty lines are left out, and the order of
    the lines is the order of the buttons in the minute taker's screen."""
    series = series_for_editor(request.user, series_id)
    rows, errors, status, stored = services.phrases_for(series), [], 200, None
    if request.method == "POST":
        rows = list(zip(request.POST.getlist("text"), request.POST.getlist("outcome"),
                        strict=False))
        try:
            services.phrases_set(series=series, phrases=rows, seen=request.POST.get("seen", ""))
        except ValidationError as refusal:
            errors, status = refusal.messages, 422
            if any(e.code == "conflict" for e in refusal.error_list):
                # Nothing typed is lost: the form keeps the user's list, the newer one is shown
                # beside it, and saving again (now on the newer one) replaces it.
                stored, status = services.phrases_for(series), 409
        else:
            messages.success(request, _("Standardteksterne er gemt."))
            return redirect("decisions:phrases", series.pk)
    return render(request, "decisions/phrases.html", {
        "series": series, "rows": [*rows, *[("", "")] * EMPTY_ROWS],
        "outcomes": Outcome.choices, "seen": services.phrases_digest(services.phrases_for(series)),
        "errors": errors, "custom": series.phrases.exists(), "stored": stored,
    }, status=status)
