# One image for the web, worker and scheduler processes (see compose.yaml, docs/deployment.md).
FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 SINERGI_VAR_DIR=/var/lib/sinergi
# pg_dump for `manage.py backup`: Debian bookworm's client 15, the same major version as the
# PostgreSQL server in compose.yaml (pg_dump refuses a newer server).
RUN apt-get update && apt-get install -y --no-install-recommends postgresql-client-15 && rm -rf /var/lib/apt/lists/* \
    && useradd --system --home /app sinergi && mkdir -p /var/lib/sinergi && chown sinergi /var/lib/sinergi
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY --chown=sinergi . .
# Translations and fingerprinted static files are built into the image; the secret
# here only lets settings load for the build and is never used at run time.
RUN python manage.py compile_catalogues \
    && SINERGI_ENV=production SECRET_KEY=build-only-not-a-secret ALLOWED_HOSTS=localhost SITE_BASE_URL=https://localhost \
       STATIC_ROOT=/app/static python manage.py collectstatic --noinput --verbosity 0
ENV STATIC_ROOT=/app/static
USER sinergi
EXPOSE 8000
CMD ["gunicorn", "--config", "config/gunicorn.py", "config.wsgi"]
