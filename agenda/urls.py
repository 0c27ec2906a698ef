"""Public URLs of the agenda (events) app (mounted under the language prefix in cms/urls.py)."""

app_name = "agenda"
urlpatterns = []
