"""Who is logged in, read on every request with queries compiled once (common/precompiled.py):
the session row and the user row are the first two reads of every logged-in page, and
compiling their ORM queries costs more than running them."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.sessions.backends import db
from django.contrib.sessions.models import Session
from django.db.models.functions import Now

from common.precompiled import Precompiled


def _session(session_key):
    return Session.objects.filter(session_key=session_key, expire_date__gt=Now()).values_list(
        "session_key", "session_data", "expire_date")


_read_session = Precompiled(_session)


class SessionStore(db.SessionStore):
    """Django's database sessions, read with a precompiled query."""

    def _get_session_from_db(self):
        rows = _read_session(self.session_key)
        if not rows:
            self._session_key = None
            return None
        key, data, expires = rows[0]
        return self.model(session_key=key, session_data=data, expire_date=expires)


def _user(user_id):
    model = get_user_model()
    return model._default_manager.filter(pk=user_id).values_list(
        *(f.attname for f in model._meta.concrete_fields))


_read_user = Precompiled(_user)


class Backend(ModelBackend):
    """Django's ModelBackend, reading the logged-in user with a precompiled query."""

    def get_user(self, user_id):
        model = get_user_model()
        try:
            pk = int(model._meta.pk.to_python(user_id))
        except (TypeError, ValueError):
            return None
        rows = _read_user(pk)
        if not rows:
            return None
        user = model.from_db(model._default_manager.db,
                             [f.attname for f in model._meta.concrete_fields], rows[0])
        return user if self.user_can_authenticate(user) else None
