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
    # The domain models' own permissions; the historical models' are left to superusers.
    permissions = (
        Permission.objects.filter(content_type__app_label__in=SECRETARIAT_APPS,
                                  codename__regex=rf"^({'|'.join(ACTIONS)})_")
        .exclude(content_type__model__startswith="historical")
    )
    group.permissions.add(*permissions)
    return group
