from django.urls import path

from search import views

urlpatterns = [
    path("search/", views.search_page, name="search"),
    path("search/suggest/", views.suggest, name="search_suggest"),
    path("search/click/", views.click, name="search_click"),
    path("search/glossary/", views.glossary_page, name="search_glossary"),
]
