"""Every history table is indexed on (history_date, id), the index django-simple-history offers
(SIMPLE_HISTORY_DATE_INDEX = "composite"): the audit lists and as_of() read by date."""

import io

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection

pytestmark = pytest.mark.django_db


def historical_models():
    return [getattr(m, m._meta.simple_history_manager_attribute).model
            for m in apps.get_models()
            if getattr(m._meta, "simple_history_manager_attribute", None)]


def test_every_history_table_has_the_date_and_id_index():
    models = historical_models()
    assert len(models) >= 16
    with connection.cursor() as cursor:
        for model in models:
            constraints = connection.introspection.get_constraints(cursor, model._meta.db_table)
            indexed = [c["columns"] for c in constraints.values() if c["index"]]
            assert ["history_date", "id"] in indexed, model._meta.db_table


def test_the_migrations_match_the_models():
    out = io.StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=out)
