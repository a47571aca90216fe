"""Who is reading: the series in which a user is secretariat or member.

Every visibility rule takes a viewer (or a user, which becomes one). A view resolves its
viewer once per request (`request_viewer`): one query reads both role lists, and the rules
then compare plain id lists instead of nesting the role subqueries into every query they
build. A viewer made from a bare user (`as_viewer`) holds the two subqueries instead, so code
that passes a user still gets the same rule, read at the moment its query runs.
"""

from dataclasses import dataclass
from typing import Any

from django.db.models import Value

from common.precompiled import Precompiled

# Series ids: a tuple of ints once resolved, else a subquery yielding them.
SeriesIds = Any


@dataclass(frozen=True)
class Viewer:
    user_id: int | None
    is_superuser: bool = False
    secretariat: SeriesIds = ()
    member: SeriesIds = ()

    @property
    def pk(self) -> int | None:
        """The user's id, as a user object would say it."""
        return self.user_id

    @property
    def is_authenticated(self) -> bool:
        return self.user_id is not None

    @property
    def resolved(self) -> bool:
        return isinstance(self.secretariat, tuple) and isinstance(self.member, tuple)

    @property
    def insider(self) -> SeriesIds:
        """Series where the viewer belongs, as secretariat or member."""
        if self.resolved:
            return tuple(sorted({*self.secretariat, *self.member}))
        return self.secretariat.union(self.member)

    def edits(self, series_id: int) -> bool:
        """Whether the viewer is in the secretariat of `series_id` (resolved viewers only)."""
        return self.is_superuser or series_id in self.secretariat

    def belongs(self, series_id: int) -> bool:
        """Whether the viewer is one of the series' own people (resolved viewers only)."""
        return self.is_superuser or series_id in self.secretariat or series_id in self.member


ANONYMOUS = Viewer(user_id=None)


def as_viewer(who) -> Viewer:
    """`who` as a viewer: a Viewer as it is, a user with the role subqueries (no query now)."""
    if isinstance(who, Viewer):
        return who
    if who is None or not who.is_authenticated:
        return ANONYMOUS
    from meetings.models import MeetingSeries

    return Viewer(
        user_id=who.pk, is_superuser=who.is_superuser,
        secretariat=MeetingSeries.secretariat.through.objects.filter(user_id=who.pk)
        .values("meetingseries_id"),
        member=MeetingSeries.members.through.objects.filter(user_id=who.pk)
        .values("meetingseries_id"))


def _roles(user_id: int):
    from meetings.models import MeetingSeries

    secretariat = MeetingSeries.secretariat.through.objects.filter(user_id=user_id)
    member = MeetingSeries.members.through.objects.filter(user_id=user_id)
    return secretariat.values_list("meetingseries_id", Value("s")).union(
        member.values_list("meetingseries_id", Value("m")), all=True)


_read_roles = Precompiled(_roles)


def resolve_viewer(user) -> Viewer:
    """The viewer with both role lists read now, in one query."""
    if user is None or not user.is_authenticated:
        return ANONYMOUS
    roles: dict[str, list[int]] = {"s": [], "m": []}
    for series_id, role in _read_roles(user.pk):
        roles[role].append(series_id)
    return Viewer(user_id=user.pk, is_superuser=user.is_superuser,
                  secretariat=tuple(sorted(roles["s"])), member=tuple(sorted(roles["m"])))


def request_viewer(request) -> Viewer:
    """The request's viewer, resolved on first use and kept for the rest of the request (a
    new request reads the roles again, so a changed membership counts from the next page)."""
    viewer = getattr(request, "_viewer", None)
    if viewer is None or viewer.user_id != getattr(request.user, "pk", None):
        viewer = request._viewer = resolve_viewer(request.user)
    return viewer
