"""Feedback forums: the public asks and gives feedback, officials answer, moderators keep it clean."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumsConfig(AppConfig):
    name = "forums"
    verbose_name = _("Forums")
