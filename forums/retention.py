"""IP addresses are kept only for abuse handling: removed after ``IP_RETENTION_DAYS``.

Run daily by the scheduler (``forums.ip_retention``, ``manage.py run_periodic``).
"""

from datetime import timedelta

from django.utils import timezone

from forums import conf
from forums.models import Post


def forget_addresses(now=None):
    """Empty the address of every post older than the retention period; returns how many."""
    cutoff = (now or timezone.now()) - timedelta(days=conf.get("IP_RETENTION_DAYS"))
    return Post.objects.filter(created_at__lt=cutoff, ip_address__isnull=False).update(ip_address=None)
