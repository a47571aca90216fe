"""Stand-in for `load_demo` until it lands on main: the 6 March 2023 Rådmandsmøde of
seed 004 (minutes approved and published), with the demo's user names and password.

Item 6 is treated after item 7, as in the seed; item 6 has a memo (a <details> on the page)
and item 7 an attachment, so the browser tests meet every kind of control the page has.
"""

import datetime as dt

from django.conf import settings
from django.contrib.auth import get_user_model

from agendas.services import agenda_items_reorder, meeting_create
from decisions.models import Decision, DecisionPoint
from meetings.models import Meeting
from meetings.services import meeting_publish, meeting_send_agenda, minutes_approve, minutes_start
from tests.factories import make_attachment, make_item, make_memo_template, make_series

SEED_ORDER = [
    "Punkt 1: Dagsorden",
    "Punkt 2: Referat",
    "Punkt 3: Orientering fra Magistraten",
    "Punkt 4: Orientering om udvalgsmødet",
    "Punkt 5: Bordrunde",
    "Punkt 7: Opfølgning på mål og økonomi regnskab 2022",
    "Punkt 6: Temadrøftelse: Strategiske indsatsområder vedr. rekruttering og fastholdelse i MSB",
]


def _user(username, first_name, last_name):
    return get_user_model().objects.create_user(
        username=username, password=settings.DEMO_PASSWORD, first_name=first_name,
        last_name=last_name)


def build_march_2023_meeting() -> Meeting:
    secretary = _user("sekretaer", "Mads", "Sekretær")
    member = _user("medlem", "Mette", "Medlem")
    committee_member = _user("udvalg", "Ulla", "Udvalg")
    make_series(name="Social- og Beskæftigelsesudvalget", kind="udvalgsmoede",
                members=[committee_member])
    series = make_series(name="Rådmandsmøder 2022-2025", secretariat=[secretary],
                         members=[member], default_location="Rådmandens kontor, vær. 436")
    meeting = meeting_create(series=series, date=dt.date(2023, 3, 6), start_time=dt.time(11),
                             end_time=dt.time(13), minute_taker=secretary,
                             information="Mads tager referat.")
    titles = dict(heading.removeprefix("Punkt ").split(": ", 1) for heading in SEED_ORDER)
    items = {}
    for number in range(1, 8):
        fields = {"title": titles[str(number)]}
        if number == 6:
            fields.update(minutes=45, memo_template=make_memo_template(),
                          sending_unit="Organisation og Ledelse",
                          guests="Kristian Dalsgaard\nMia Holgaard\nJan Pedersen",
                          text="<p>Indstillingen tages som det sidste punkt på mødet.</p>")
        items[number] = make_item(meeting, **fields)
    make_attachment(items[7], text="Regnskab 2022", filename="Regnskab 2022.pdf")
    meeting_send_agenda(meeting=meeting)
    agenda_items_reorder(meeting=meeting, ordered_ids=[items[n].pk for n in (1, 2, 3, 4, 5, 7, 6)])
    for number, text in ((1, "Godkendt."), (2, "Referatet blev godkendt."),
                         (5, "Punktet blev ikke behandlet denne gang.")):
        decision = Decision.objects.create(item=items[number])
        DecisionPoint.objects.create(decision=decision, number=1, text=text,
                                     outcome=DecisionPoint.Outcome.GODKENDT)
    minutes_start(meeting=meeting)
    minutes_approve(meeting=meeting, by=secretary)
    return meeting_publish(meeting=meeting)
