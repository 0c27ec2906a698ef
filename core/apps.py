from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The platform every app uses: scheduler, signed links, limits, caches, the email
    outbox, health, backups, request logging and security headers. It knows no feature."""

    name = "core"
    verbose_name = _("Sinergi platform")

    def ready(self):
        # Imported here: models, and modules that use them, load only once the app registry is ready.
        from core import login_limits, page_cache, site_cache, tunables  # noqa: F401 - login_limits connects its receiver

        page_cache.connect()
        site_cache.connect()
        # Every app's tunables are registered by now (hooks are searched here, after all models
        # loaded); a misconfigured one stops start-up, under gunicorn too, with one line.
        tunables.validate()
