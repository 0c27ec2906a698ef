"""Public URLs of the evaluation app, mounted at /<lang>/transparency/ in config/urls.py."""

from django.urls import path

from evaluation import views

app_name = "evaluation"
urlpatterns = [
    path("", views.dashboard_page, name="dashboard"),
    path("data/", views.schema, name="schema"),
    path("data/<slug:name>.<str:file_format>", views.dataset, name="dataset"),
    path("data/<str:period_key>/datapackage.json", views.datapackage, name="datapackage"),
    path("data/<str:period_key>/<slug:name>.<str:file_format>", views.dataset, name="dataset_of_period"),
    path("rate/<int:page_id>/", views.rate, name="rate"),
    path("rate/<int:page_id>/thanks/", views.thanks, name="thanks"),
    path("survey/<str:token>/", views.survey, name="survey"),
]
