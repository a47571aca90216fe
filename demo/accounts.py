"""The demo users and the secretariat's group. Passwords are (re)set on every run."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction

from demo.data.series import SECRETARIAT_APPS, SECRETARIAT_GROUP, USERS

ACTIONS = ("add", "change", "view", "delete")


@transaction.atomic
def ensure_users(*, password: str) -> dict:
    """Create the demo users that are missing, give all of them `password`, and put the
    secretariat user in the group that makes the admin usable as the fallback editor."""
    users = {}
    for username, fields in USERS.items():
        user, _created = get_user_model().objects.get_or_create(username=username,
                                                                defaults=fields)
        user.set_password(password)
        user.email = user.email or fields.get("email", "")
        user.save(update_fields=["password", "email"])
        users[username] = user
    group = ensure_secretariat_group()
    users["sekretaer"].groups.add(group)
    return users


def ensure_secretariat_group() -> Group:
    group, _created = Group.objects.get_or_create(name=SECRETARIAT_GROUP)
    # The domain models' own permissions, and viewing their history: the admin's history
    # pages ask for view_historical* (SIMPLE_HISTORY_ENFORCE_HISTORY_MODEL_PERMISSIONS).
    # Changing history rows is left to superusers: a version is restored through the services.
    in_apps = Permission.objects.filter(content_type__app_label__in=SECRETARIAT_APPS)
    permissions = [
        *in_apps.filter(codename__regex=rf"^({'|'.join(ACTIONS)})_")
        .exclude(content_type__model__startswith="historical"),
        *in_apps.filter(content_type__model__startswith="historical",
                        codename__startswith="view_historical"),
    ]
    group.permissions.add(*permissions)
    return group
