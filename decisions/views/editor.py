"""The minute taker's screen ("Skriv referat"): the page, one item's parts as fragments, and
the minutes' steps (start, approve, publish, reopen)."""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.decorators.vary import vary_on_headers

from common.models import EditConflict
from decisions import services
from decisions.editing import minutes_screen
from decisions.forms import NumberingForm, PointAddForm, ReopenForm
from decisions.models import Outcome
from decisions.notifications import Links
from decisions.views.access import item_for_editor, meeting_for_editor
from meetings import services as lifecycle
from meetings.models import Meeting

EDITOR = "decisions/minutes_editor.html"
ITEM = "decisions/_minutes_item.html"
# The parts of an item that a fragment answers with (`?del=` on GET).
PARTS = {"punkter": "points", "opfoelgning": "follow-ups", "forslag": "suggestions",
         "fremmoede": "item-attendance"}


def editor_url(meeting_or_item) -> str:
    if isinstance(meeting_or_item, Meeting):
        return reverse("decisions:minutes_editor", args=[meeting_or_item.pk])
    return (reverse("decisions:minutes_editor", args=[meeting_or_item.meeting_id])
            + f"#referat-punkt-{meeting_or_item.pk}")


def links(request, meeting) -> Links:
    return Links(meeting=request.build_absolute_uri(meeting.get_absolute_url()),
                 follow_ups=request.build_absolute_uri(reverse("decisions:follow_ups")
                                                       + "?mine=1"))


def item_context(item, **extra) -> dict:
    screen = minutes_screen(item.meeting, item_ids=[item.pk])
    entry = screen.entries[0]
    return {"meeting": item.meeting, "screen": screen, "entry": entry,
            "editable": not item.meeting.minutes_locked, "outcomes": Outcome.choices,
            "point_form": PointAddForm(item=item), **extra}


def item_response(request, item, parts=("points",), *, status_text="", status=200,
                  focus=None, **extra) -> HttpResponse:
    """The item's `parts` (partials of the item template, each replacing itself by its id),
    a line for the screen reader's status region, and the decision's version for the page's
    autosaving discussion field (static/js/minutes.js)."""
    context = item_context(item, status_text=status_text, oob=True, **extra)
    body = "".join(render_to_string(f"{ITEM}#{part}", context, request) for part in parts)
    if status_text or extra.get("refusal"):
        body += render_to_string(f"{ITEM}#status-line", context, request)
    response = HttpResponse(body, status=status)
    entry = context["entry"]
    response["HX-Trigger-After-Settle"] = json.dumps({"referat:versions": {
        f"decision-{item.pk}": entry.decision_version,
        **{f"point-{p.pk}": p.version for p in entry.points}}, "referat:focus": focus})
    return response


def done(request, item, text: str, parts=("points",), **kwargs):
    """After a change: the fragments for htmx, else back to the item on the page."""
    if not request.htmx:
        messages.success(request, text)
        return redirect(editor_url(item))
    return item_response(request, item, parts, status_text=text, **kwargs)


def refused(request, item, refusal: ValidationError | EditConflict, parts=("points",),
            **extra):
    """A refusal in Danish: with the form again (422) for htmx, as a message otherwise."""
    text = " ".join(refusal.messages) if isinstance(refusal, ValidationError) else str(refusal)
    if not request.htmx:
        messages.error(request, text)
        return redirect(editor_url(item))
    status = 409 if isinstance(refusal, EditConflict) else 422
    return item_response(request, item, parts, status=status, refusal=text, **extra)


@login_required
def minutes_editor(request, meeting_id: int):
    """The whole meeting on one page, item by item in the order of treatment."""
    meeting = meeting_for_editor(request.user, meeting_id)
    meeting = Meeting.objects.select_related("series", "minute_taker").get(pk=meeting.pk)
    screen = minutes_screen(meeting)
    return render(request, EDITOR, {
        "meeting": meeting, "screen": screen, "editable": not meeting.minutes_locked,
        "outcomes": Outcome.choices,
        "locked": lifecycle.locked_message(meeting) if meeting.minutes_locked else None,
        "reopen_form": ReopenForm(auto_id="reopen-%s"),
        "steps": list(meeting.status_changes.select_related("by")),
    })


@login_required
@vary_on_headers("HX-Request")
def minutes_item(request, item_id: int):
    """One item's part (GET `?del=punkter|opfoelgning|forslag|fremmoede`), or (POST) whether
    its points are numbered ("1) …") or a single phrase without a number."""
    item = item_for_editor(request.user, item_id)
    if request.method == "GET":
        part = PARTS.get(request.GET.get("del", ""), "points")
        if not request.htmx:
            return redirect(editor_url(item))
        return render(request, f"{ITEM}#{part}", item_context(item))
    form = NumberingForm(request.POST)
    if not form.is_valid():
        return refused(request, item, ValidationError(_("Vælg, om punkterne skal nummereres.")))
    try:
        services.decision_set_numbering(item=item, numbering=form.cleaned_data["numbering"],
                                        expected_version=form.cleaned_data["version"])
    except (ValidationError, EditConflict) as refusal:
        return refused(request, item, refusal)
    text = (_("Punkterne nummereres: 1), 2) …")
            if form.cleaned_data["numbering"] == "numbered"
            else _("Et enkelt punkt står uden nummer."))
    return done(request, item, text)


STEPS = {"start", "approve", "publish", "reopen"}


@login_required
@require_POST
def minutes_step(request, meeting_id: int):
    """Start the minutes, approve them (here, at this meeting), publish, or reopen with a
    reason; approval and publication e-mail the members (and each follow-up's owner)."""
    meeting = meeting_for_editor(request.user, meeting_id)
    step = request.POST.get("step")
    try:
        if step == "start":
            lifecycle.minutes_start(meeting=meeting, by=request.user)
            text = _("Referatet er begyndt. Skriv løs.")
        elif step == "approve":
            services.minutes_approve(meeting=meeting, by=request.user,
                                     links=links(request, meeting))
            text = _("Referatet er godkendt og låst. Medlemmerne og de ansvarlige for "
                     "opfølgningerne får en e-mail.")
        elif step == "publish":
            services.meeting_publish(meeting=meeting, by=request.user,
                                     links=links(request, meeting))
            text = _("Mødet er offentliggjort, og medlemmerne får en e-mail.")
        elif step == "reopen":
            form = ReopenForm(request.POST)
            lifecycle.meeting_reopen(meeting=meeting, by=request.user,
                                     reason=form.data.get("reason", ""))
            text = _("Referatet er genåbnet og kan rettes. Begrundelsen står i mødets forløb.")
        else:
            raise ValidationError(_("Ukendt trin. Genindlæs siden, og prøv igen."))
    except ValidationError as refusal:
        messages.error(request, " ".join(refusal.messages))
    else:
        messages.success(request, text)
    return redirect(editor_url(meeting))
