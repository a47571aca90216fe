# Referat images (used by docker-compose.yml): the shared cache (target "cache"), and the web
# and worker image (the last stage, the default target).

# The cache: Redis from Debian's packages, nothing kept on disk.
FROM debian:trixie-slim AS cache
RUN apt-get update \
 && apt-get install -y --no-install-recommends redis-server \
 && rm -rf /var/lib/apt/lists/*
USER redis
EXPOSE 6379
CMD ["redis-server", "--bind", "0.0.0.0", "--protected-mode", "no", "--save", "", "--appendonly", "no", "--maxmemory", "256mb", "--maxmemory-policy", "allkeys-lru"]

FROM python:3.13-slim-trixie AS app

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    VAR_DIR=/var/lib/referat \
    MEDIA_ROOT=/var/lib/referat/media \
    STATIC_ROOT=/app/staticfiles

# Pango for WeasyPrint; pg_dump/pg_restore 17 (Debian 13) for `manage.py backup` and `restore`,
# matching the PostgreSQL 17 of docker-compose.yml (pg_dump refuses a newer server); qpdf and
# LibreOffice headless for Bilag intake (the damage check, and office files to PDF).
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 \
        libharfbuzz-subset0 postgresql-client qpdf libreoffice-writer-nogui \
        libreoffice-calc-nogui libreoffice-impress-nogui fonts-crosextra-carlito \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY requirements/base.txt requirements/base.txt
RUN pip install --no-cache-dir -r requirements/base.txt

COPY . .
RUN SECRET_KEY=build-only DEBUG=0 python manage.py collectstatic --noinput \
 && useradd --system --home /var/lib/referat referat \
 && mkdir -p /var/lib/referat/media && chown -R referat /var/lib/referat
USER referat

EXPOSE 8000
CMD ["gunicorn", "config.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
