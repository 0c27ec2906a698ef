"""Who a guide is written for.

A fixed list kept as rows (not free tags) so that guides can be filtered and
faceted by audience in every language: the label comes from the interface
catalogue, not from editors, so it is always translated.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Audience(models.Model):
    CHOICES = [
        ("citizens", _("Citizens")),
        ("visitors", _("Foreign visitors")),
        ("workers", _("Foreign workers and families")),
        ("refugees", _("Refugees and asylum seekers")),
        ("employers", _("Employers and sponsors")),
    ]

    code = models.CharField(max_length=20, choices=CHOICES, unique=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("audience")
        verbose_name_plural = _("audiences")

    def __str__(self):
        return str(self.get_code_display())
