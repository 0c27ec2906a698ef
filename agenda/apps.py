from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgendaConfig(AppConfig):
    name = "agenda"
    verbose_name = _("Events")

    def ready(self):
        # Imported here: models, and modules that use them, load only once the app registry is ready.
        from wagtail.signals import page_published

        from agenda import session_changes
        from agenda.models import EventPage
        from cms.models import HomePage

        HomePage.allow_section("agenda.EventIndexPage")
        page_published.connect(
            session_changes.announce_published, sender=EventPage, dispatch_uid="agenda.session_changes"
        )
