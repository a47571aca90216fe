"""Backup and restore: the database and the media files (attachments, rendered PDFs) in ONE
tar archive, with a manifest that lets a restore prove it got everything back.

Archive layout:
    database.dump       pg_dump --format=custom (PostgreSQL), or
    database.sqlite3    a consistent copy made with SQLite's backup API (the embedded default)
    media/<name>        every file of the default storage, under its storage name
    manifest.json       written last: created at, engine, migrations, row counts, and the
                        size and sha256 of every media file

A restore goes only into an EMPTY database and an EMPTY media storage, and checks the whole
archive against its manifest before it changes anything. There is deliberately no --force:
restoring over live data could destroy the only good copy if the archive turns out to be
incomplete half-way, and "make it empty first" is one explicit, reversible step for the
operator (see docs/backup.md).
"""

import gzip
import hashlib
import io
import json
import shutil
import tarfile
import tempfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from django.apps import apps
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import OperationalError, connection, models, transaction
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

from common.database_copy import BackupError, pg_dump, pg_restore, sqlite_copy

FORMAT = "referat-backup/1"
MANIFEST = "manifest.json"
POSTGRES_DUMP = "database.dump"
SQLITE_COPY = "database.sqlite3"
MEDIA_PREFIX = "media/"
CHUNK = 1024 * 1024


@dataclass
class Summary:
    rows: int
    media_files: int
    media_bytes: int
    missing_media: list[str]


# --- backup -----------------------------------------------------------------------------------

def backup(path: Path) -> Summary:
    """Write the archive to `path` (written beside it first, renamed when complete)."""
    engine = _engine(must_exist=True)
    path = Path(path)
    if path.exists():
        raise BackupError(f"Filen {path} findes allerede. Vælg et nyt filnavn; en backup "
                          "overskriver aldrig en anden.")
    if not path.parent.is_dir():
        raise BackupError(f"Mappen {path.parent} findes ikke.")
    partial = path.with_name(path.name + ".ufaerdig")
    try:
        with tempfile.TemporaryDirectory(dir=path.parent, prefix=".referat-backup-") as work:
            manifest = _write(partial, Path(work), engine)
        partial.rename(path)
    finally:
        partial.unlink(missing_ok=True)
    return _summary(manifest)


def _write(target: Path, work: Path, engine: str) -> dict:
    if engine == "postgresql":
        database_file = work / POSTGRES_DUMP
        # One snapshot for the dump, the counts and the list of referenced files, so the
        # manifest describes exactly what the dump holds even while people keep working.
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                cursor.execute("SELECT pg_export_snapshot()")
                snapshot = cursor.fetchone()[0]
            pg_dump(database_file, snapshot)
            facts = _database_facts()
    else:
        database_file = work / SQLITE_COPY
        sqlite_copy(Path(connection.settings_dict["NAME"]), database_file)
        facts = _database_facts()
    manifest = {"format": FORMAT, "created_at": timezone.now().isoformat(), "engine": engine,
                **facts, "media": []}
    with tarfile.open(target, _tar_mode(target, "w")) as tar:
        tar.add(database_file, arcname=database_file.name)
        for name in media_names():
            with default_storage.open(name, "rb") as source:
                hashing = _HashingReader(source)
                info = tarfile.TarInfo(MEDIA_PREFIX + name)
                info.size, info.mtime, info.mode = default_storage.size(name), _now(), 0o640
                tar.addfile(info, hashing)
            manifest["media"].append({"name": name, "size": info.size,
                                      "sha256": hashing.hexdigest()})
        stored = {entry["name"] for entry in manifest["media"]}
        manifest["missing_media"] = sorted(set(facts.pop("referenced_media")) - stored)
        data = json.dumps(manifest, indent=2, ensure_ascii=False).encode()
        info = tarfile.TarInfo(MANIFEST)
        info.size, info.mtime = len(data), _now()
        tar.addfile(info, io.BytesIO(data))
    return manifest


def _database_facts() -> dict:
    return {"server_version": _server_version(), "migrations": applied_migrations(),
            "counts": row_counts(), "referenced_media": referenced_media()}


def _now() -> int:
    return int(timezone.now().timestamp())


def _summary(manifest: dict) -> Summary:
    return Summary(sum(manifest["counts"].values()), len(manifest["media"]),
                   sum(m["size"] for m in manifest["media"]), manifest.get("missing_media", []))


class _HashingReader:
    def __init__(self, source):
        self.source = source
        self.sha = hashlib.sha256()

    def read(self, size=-1):
        data = self.source.read(size)
        self.sha.update(data)
        return data

    def hexdigest(self) -> str:
        return self.sha.hexdigest()


# --- restore ----------------------------------------------------------------------------------

def restore(path: Path) -> Summary:
    """Restore the archive at `path` into the (empty) database and media storage."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"Filen {path} findes ikke.")
    engine = _engine()
    try:
        with tarfile.open(path, "r:*") as tar:
            manifest = _read_manifest(tar, path)
            _check_compatible(manifest, engine)
            _check_empty_database()
            _check_empty_media()
            _verify_media(tar, manifest)
            _restore_database(tar, engine)
            _restore_media(tar, manifest)
    except (tarfile.TarError, EOFError, zlib.error, gzip.BadGzipFile) as error:
        raise BackupError(f"Arkivet {path} kan ikke læses ({error}). Hvis databasen allerede "
                          "er gendannet, så tøm både database og mediemappe, før du prøver "
                          "igen med et helt arkiv.") from error
    counts = row_counts()
    differences = {label: (want, counts.get(label)) for label, want in
                   manifest["counts"].items() if counts.get(label) != want}
    if differences:
        listed = ", ".join(f"{label}: {got} i stedet for {want}"
                           for label, (want, got) in sorted(differences.items()))
        raise BackupError(f"Gendannelsen er ufuldstændig: {listed}.")
    return _summary(manifest)


def _restore_database(tar: tarfile.TarFile, engine: str) -> None:
    name = POSTGRES_DUMP if engine == "postgresql" else SQLITE_COPY
    member = _member(tar, name)
    with tempfile.TemporaryDirectory(prefix="referat-restore-") as work:
        database_file = Path(work) / name
        with tar.extractfile(member) as source, open(database_file, "wb") as target:
            shutil.copyfileobj(source, target, CHUNK)
        if engine == "postgresql":
            pg_restore(database_file)
        else:
            connection.close()
            sqlite_copy(database_file, Path(connection.settings_dict["NAME"]))


def _read_manifest(tar: tarfile.TarFile, path: Path) -> dict:
    try:
        member = tar.getmember(MANIFEST)
    except KeyError:
        raise BackupError(f"{path} er ikke en Referat-backup (manifest.json mangler).") from None
    manifest = json.loads(tar.extractfile(member).read())
    if manifest.get("format") != FORMAT:
        raise BackupError(f"{path} har formatet {manifest.get('format')!r}; denne version af "
                          f"Referat læser {FORMAT!r}.")
    return manifest


def _check_compatible(manifest: dict, engine: str) -> None:
    if manifest["engine"] != engine:
        names = {"postgresql": "PostgreSQL", "sqlite": "SQLite"}
        raise BackupError(
            f"Arkivet indeholder en {names[manifest['engine']]}-database, men DATABASES peger på "
            f"{names[engine]}. Gendan til samme slags database, som backuppen kom fra.")
    known = {f"{app}.{name}" for app, name in
             MigrationLoader(None, ignore_no_migrations=True).disk_migrations}
    unknown = sorted(set(manifest["migrations"]) - known)
    if unknown:
        raise BackupError(
            "Arkivet er lavet af en nyere udgave af Referat (ukendte migreringer: "
            f"{', '.join(unknown[:5])}{' …' if len(unknown) > 5 else ''}). Gendan med den "
            "udgave, der lavede det, og opdatér derefter.")


def _check_empty_database() -> None:
    ours = set(connection.introspection.django_table_names(include_views=False)) | {
        MigrationRecorder.Migration._meta.db_table}
    present = sorted(ours & set(connection.introspection.table_names()))
    if present:
        raise BackupError(
            f"Databasen »{connection.settings_dict['NAME']}« indeholder allerede "
            f"Referat-tabeller ({', '.join(present[:3])}{' …' if len(present) > 3 else ''}). "
            "Der gendannes kun i en tom database, så intet bliver overskrevet. Opret en ny, tom "
            "database (f.eks. createdb) og peg DATABASE_URL på den. Intet er ændret.")


def _check_empty_media() -> None:
    existing = media_names(limit=1)
    if existing:
        raise BackupError(
            f"Mediemappen ({_media_location()}) er ikke tom (f.eks. {existing[0]}). Der "
            "gendannes kun i en tom mappe, så ingen fil bliver overskrevet. Peg MEDIA_ROOT på en "
            "ny, tom mappe. Intet er ændret.")


def _verify_media(tar: tarfile.TarFile, manifest: dict) -> None:
    """Every media file listed, present, safe to place and intact, before anything changes."""
    for entry in manifest["media"]:
        _safe_name(entry["name"])
        member = _member(tar, MEDIA_PREFIX + entry["name"])
        sha = hashlib.sha256()
        with tar.extractfile(member) as source:
            for chunk in iter(lambda s=source: s.read(CHUNK), b""):
                sha.update(chunk)
        if sha.hexdigest() != entry["sha256"]:
            raise BackupError(f"Arkivet er beskadiget: {entry['name']} har ikke den "
                              "kontrolsum, manifestet angiver. Intet er gendannet.")


def _restore_media(tar: tarfile.TarFile, manifest: dict) -> None:
    for entry in manifest["media"]:
        member = tar.getmember(MEDIA_PREFIX + entry["name"])
        try:
            with tar.extractfile(member) as source:
                saved = default_storage.save(entry["name"], File(source, name=entry["name"]))
        except OSError as error:
            raise BackupError(
                f"Filen {entry['name']} kunne ikke skrives til mediemappen ({error}). Databasen "
                "ER gendannet, filerne kun delvist: tøm både database og mediemappe, ret "
                "fejlen, og gendan igen.") from error
        if saved != entry["name"]:
            raise BackupError(f"Filen {entry['name']} blev gemt som {saved}; mediemappen var "
                              "ikke tom under gendannelsen.")


def _member(tar: tarfile.TarFile, name: str) -> tarfile.TarInfo:
    try:
        member = tar.getmember(name)
    except KeyError:
        raise BackupError(f"Arkivet mangler {name}. Intet er gendannet.") from None
    if not member.isfile():
        raise BackupError(f"{name} i arkivet er ikke en almindelig fil. Intet er gendannet.")
    return member


def _safe_name(name: str) -> None:
    pure = PurePosixPath(name)
    if pure.is_absolute() or ".." in pure.parts or "\\" in name or not name:
        raise BackupError(f"Arkivet indeholder et ugyldigt filnavn: {name!r}. Intet er "
                          "gendannet.")


# --- shared -----------------------------------------------------------------------------------

def row_counts() -> dict[str, int]:
    """Rows per table of every installed model (history and many-to-many tables included)."""
    tables = set(connection.introspection.table_names())
    counts = {}
    with connection.cursor() as cursor:
        for model in apps.get_models(include_auto_created=True):
            table = model._meta.db_table
            if model._meta.managed and not model._meta.proxy and table in tables:
                cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
                counts[model._meta.label_lower] = cursor.fetchone()[0]
    return dict(sorted(counts.items()))


def referenced_media() -> list[str]:
    """Every file name a FileField of a current row points at (history rows left out)."""
    names = set()
    for model in apps.get_models():
        if any(f.name == "history_id" for f in model._meta.fields):
            continue
        for field in model._meta.fields:
            if isinstance(field, models.FileField):
                names.update(model._default_manager.exclude(**{field.name: ""})
                             .values_list(field.name, flat=True))
    return sorted(n for n in names if n)


def applied_migrations() -> list[str]:
    return sorted(f"{app}.{name}" for app, name in
                  MigrationRecorder(connection).applied_migrations())


def media_names(limit: int | None = None) -> list[str]:
    """The names of all files in the default storage (attachments, rendered PDFs …)."""
    names: list[str] = []

    def walk(directory: str) -> None:
        try:
            directories, files = default_storage.listdir(directory)
        except FileNotFoundError:
            return
        for name in sorted(files):
            names.append(f"{directory}/{name}" if directory else name)
            if limit and len(names) >= limit:
                return
        for sub in sorted(directories):
            walk(f"{directory}/{sub}" if directory else sub)
            if limit and len(names) >= limit:
                return

    walk("")
    return names


def _media_location() -> str:
    return str(getattr(default_storage, "location", "") or type(default_storage).__name__)


def _engine(*, must_exist: bool = False) -> str:
    """The database's kind, once it is known to answer (and, for a backup, to exist: SQLite
    would otherwise create an empty file and back that up)."""
    vendor = connection.vendor
    name = connection.settings_dict["NAME"]
    if vendor not in {"postgresql", "sqlite"}:
        raise BackupError(f"Backup understøtter PostgreSQL og SQLite, ikke {vendor}.")
    if vendor == "sqlite" and must_exist and not Path(name).is_file():
        raise BackupError(f"Databasefilen {name} findes ikke. Intet er skrevet.")
    try:
        connection.ensure_connection()
    except OperationalError as error:
        raise BackupError(f"Databasen »{name}« kan ikke nås: {str(error).strip()}. "
                          "Intet er ændret.") from error
    return vendor


def _server_version() -> str:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SHOW server_version")
        else:
            cursor.execute("SELECT sqlite_version()")
        return cursor.fetchone()[0]


def _tar_mode(path: Path, mode: str) -> str:
    return f"{mode}:gz" if path.name.endswith((".tar.gz", ".tgz")) else mode


def describe(summary: Summary) -> str:
    megabytes = f"{summary.media_bytes / 1024 / 1024:.1f}".replace(".", ",")
    return (f"{summary.rows:,} rækker og {summary.media_files:,} filer".replace(",", ".")
            + f" ({megabytes} MB)")

