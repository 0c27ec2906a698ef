"""Public URLs of the complaints app (mounted under the language prefix in cms/urls.py)."""

app_name = "complaints"
urlpatterns = []
