"""Feedback forums: the public asks and gives feedback, officials answer, moderators keep it clean."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumsConfig(AppConfig):
    name = "forums"
    verbose_name = _("Forums")

    def ready(self):
        # Imported here: models, and modules that use them, load only once the app registry is ready.
        from forums import guide_questions

        guide_questions.connect()
