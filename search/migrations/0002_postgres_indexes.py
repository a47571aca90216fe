"""The PostgreSQL side of search: pg_trgm, the GIN index of the weighted vector and the GIN
trigram index of the folded titles (substring matches: "udvalg" finds "Ungeudvalget").
No unaccent: it folds Danish letters ("år" becomes "ar"). SQLite has neither and needs none."""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

INDEXES = [
    ("searchentry_vector_gin",
     "CREATE INDEX IF NOT EXISTS searchentry_vector_gin ON search_searchentry USING gin (vector)"),
    ("searchentry_title_trgm",
     "CREATE INDEX IF NOT EXISTS searchentry_title_trgm ON search_searchentry "
     "USING gin (title_folded gin_trgm_ops)"),
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for _, sql in INDEXES:
            schema_editor.execute(sql)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name, _ in INDEXES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("search", "0001_search_entries")]

    operations = [
        TrigramExtension(),
        migrations.RunPython(create, drop),
    ]
