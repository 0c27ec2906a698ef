"""Public URLs of the forums app (mounted under the language prefix in cms/urls.py)."""

app_name = "forums"
urlpatterns = []
