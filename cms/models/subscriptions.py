"""Email subscriptions to regulation and topic updates (the outbox itself is core.OutgoingEmail).

Subscribers' addresses are personal data: they are shown to nobody (editors see
counts only, see cms/admin_views.py) and are used only to send what was asked for.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Subscription(models.Model):
    email = models.EmailField(_("email"))
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    topic = models.ForeignKey(
        "cms.TopicPage", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    regulation = models.ForeignKey(
        "cms.RegulationPage", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(topic__isnull=False, regulation__isnull=True)
                | Q(topic__isnull=True, regulation__isnull=False),
                name="subscription_one_subject",
            ),
            models.UniqueConstraint(fields=["email", "topic"], name="subscription_unique_topic"),
            models.UniqueConstraint(fields=["email", "regulation"], name="subscription_unique_regulation"),
        ]

    def __str__(self):
        return f"subscription {self.pk}"  # never the address: str() ends up in logs

    @property
    def subject(self):
        return self.topic or self.regulation


class NotifiedChange(models.Model):
    """A change note that subscribers were already told about (so a re-publish does not resend)."""

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=64)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["page", "key"], name="notified_change_unique")]

    def __str__(self):
        return f"{self.page_id}:{self.key}"
