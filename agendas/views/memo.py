"""The memo editor ("Indstilling"): the sections of the item's template, the recommendation
points as an ordered list (add, remove, move), sender, date and case officer, and its LIX.

Adding, removing and moving a point are posts of the whole unsaved form, answered with the
form again (so they work without JavaScript and nothing typed is lost); "Gem indstillingen"
saves it all in one transaction."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.vary import vary_on_headers

from agendas import services
from agendas.editor_forms import MemoForm
from agendas.memo import memo_readability
from agendas.models import AgendaItem, MemoSection, RecommendationPoint
from agendas.views.access import editor_url, item_for_editor
from agendas.views.conflicts import ConflictNotice, Difference, changed_by, shown
from agendas.views.items import ITEM, _entry, structure_response
from common.models import EditConflict
from common.ordering import moved
from common.richtext import html_to_text


def _sections(item) -> list[MemoSection]:
    return list(MemoSection.objects.filter(item=item).order_by("position"))


def _context(item, form, **extra) -> dict:
    return {"meeting": item.meeting, "entry": _entry(item.meeting, item.pk), "memo_form": form,
            "lix": _form_lix(form) if form is not None else None, **extra}


def _form_lix(form: MemoForm) -> int | None:
    class Section:
        def __init__(self, kind, body):
            self.kind, self.body = kind, body

    bodies = []
    for section in form.sections:
        name = f"section-{section.pk}"
        if name in form.fields:
            value = (form.fields[name].widget.value_from_datadict(form.data, None, name)
                     if form.is_bound else section.body)
            bodies.append(Section(section.kind, value or ""))
    return memo_readability(sections=bodies, recommendations=[
        html_to_text(p["text"]) for p in form.points if p["text"].strip()])


def _point_action(form: MemoForm, action: str) -> int | str | None:
    """Add, remove or move a point in the unsaved form; returns the point to focus (its
    number) or "add" (the add button)."""
    points = form.points
    if action == "tilfoej":
        points.append({"id": None, "version": None, "text": ""})
        return len(points)
    verb, _sep, index = action.partition("-")
    if not index.isdigit() or not 0 <= int(index) < len(points):
        return None
    i = int(index)
    if verb == "fjern":
        points.pop(i)
        return min(i, len(points) - 1) + 1 if points else "add"
    by = -1 if verb == "op" else 1
    form.points = moved(points, i, by)
    return max(0, min(len(points) - 1, i + by)) + 1


@login_required
@vary_on_headers("HX-Request")
def memo_edit(request, item_id: int):
    item = item_for_editor(request.user, item_id)
    if request.method == "GET":
        form = None if request.GET.get("vis") == "1" else MemoForm(
            instance=item, sections=_sections(item), auto_id=f"memo-{item.pk}-%s")
        return _answer(request, item, form)
    form = MemoForm(request.POST, instance=AgendaItem.objects.get(pk=item.pk),
                    sections=_sections(item), auto_id=f"memo-{item.pk}-%s")
    action = request.POST.get("handling", "gem")
    if action == "lix":
        return render(request, "agendas/editor/_memo_form.html#memo-lix", _context(item, form))
    if action != "gem":
        return _answer(request, item, form, focus=_point_action(form, action), keep=True)
    if form.is_valid():
        try:
            services.memo_update(
                item=form.instance, expected_version=form.cleaned_data["version"],
                fields=form.header_fields(), sections=form.section_edits(),
                points=[services.PointEdit(p["id"], p["version"], p["text"])
                        for p in form.points],
                known_point_ids=form.known_point_ids)
        except EditConflict:
            merged, notice = _merge(form, item)
            return _answer(request, item, merged, conflict=notice, status=409)
        except ValidationError as refusal:
            form.add_error(None, refusal)
        else:
            text = _("Indstillingen til %(item)s er gemt.") % {"item": item}
            if not request.htmx:
                messages.success(request, text)
                return redirect(editor_url(item))
            return structure_response(request, item.meeting, fragments=[f"{ITEM}#memo"],
                                      entry_id=item.pk, memo_form=None,
                                      status_text=text)
    return _answer(request, item, form, status=422, keep=True)


def _answer(request, item, form, *, status=200, focus=None, conflict=None, keep=False):
    """The memo as text or as its form: a fragment for htmx, else the page of its own."""
    context = _context(item, form, focus=focus, conflict=conflict, keep_points=keep)
    if request.htmx:
        return render(request, f"{ITEM}#memo", context, status=status)
    if form is None:
        return redirect(editor_url(item))
    return render(request, "agendas/editor/memo_page.html", context, status=status)


def _merge(posted: MemoForm, item) -> tuple[MemoForm, ConflictNotice]:
    """After a conflict: the stored memo with the user's own text on top — their sections and
    points as they wrote them, every version brought up to date."""
    current = AgendaItem.objects.get(pk=item.pk)
    sections = _sections(current)
    rows = []
    initial = {"version": current.version}
    posted.is_valid()
    cleaned = getattr(posted, "cleaned_data", {})
    for name, mine in posted.header_fields().items():
        initial[name] = mine
        theirs = getattr(current, name)
        if (mine.pk if hasattr(mine, "pk") else mine) != getattr(
                current, current._meta.get_field(name).attname):
            rows.append(Difference(str(posted.fields[name].label), shown(mine), shown(theirs)))
    for section in sections:
        mine = cleaned.get(f"section-{section.pk}")
        if mine is None:
            continue
        initial[f"section-{section.pk}"] = mine
        initial[f"section-{section.pk}-version"] = section.version
        if mine != section.body:
            rows.append(Difference(section.title, shown(mine), shown(section.body)))
    stored = {p.pk: p for p in RecommendationPoint.objects.filter(item=current)}
    mine_points = [p["text"] for p in posted.points]
    theirs_points = [p.text for p in sorted(stored.values(), key=lambda p: p.number)]
    if mine_points != theirs_points:
        rows.append(Difference(_("Indstillingspunkter"), shown("; ".join(mine_points)),
                               shown("; ".join(theirs_points))))
    merged = MemoForm(instance=current, initial=initial, sections=sections,
                      auto_id=f"memo-{item.pk}-%s")
    merged.points = [{"id": p["id"] if p["id"] in stored else None,
                      "version": stored[p["id"]].version if p["id"] in stored else None,
                      "text": p["text"]} for p in posted.points]
    listed = {p["id"] for p in merged.points}
    # Points added meanwhile by the other editor are shown too, after the user's own.
    merged.points += [{"id": p.pk, "version": p.version, "text": p.text}
                      for p in sorted(stored.values(), key=lambda p: p.number)
                      if p.pk not in listed]
    who, when = changed_by(current)
    return merged, ConflictNotice(who=who, when=when, rows=rows)
