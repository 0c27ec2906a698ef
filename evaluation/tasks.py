"""The hourly periodic job (registered in wagtail_hooks.py): dashboard figures and event surveys."""

from evaluation import dashboard, surveys


def tick(now=None):
    return {"periods_refreshed": dashboard.refresh(now), "surveys_sent": surveys.send_surveys(now)}
