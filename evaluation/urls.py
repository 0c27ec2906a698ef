"""Public URLs of the evaluation app (mounted under the language prefix in cms/urls.py)."""

app_name = "evaluation"
urlpatterns = []
