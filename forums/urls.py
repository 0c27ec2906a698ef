"""Public URLs of the forums app (mounted under the language prefix in config/urls.py)."""

from django.urls import path

from forums import account_views, views
from forums.feeds import BoardFeed

app_name = "forums"
urlpatterns = [
    path("", views.index, name="index"),
    path("board/<slug:slug>/", views.board_page, name="board"),
    path("board/<slug:slug>/new/", views.new_thread, name="new_thread"),
    path("board/<slug:slug>/follow/", views.follow_board, name="follow_board"),
    path("board/<slug:slug>/feed/", BoardFeed(), name="board_feed"),
    path("board/<slug:slug>.json", views.board_json, name="board_json"),
    path("thread/<int:pk>/", views.thread_page, name="thread"),
    path("thread/<int:pk>.json", views.thread_json, name="thread_json"),
    path("thread/<int:pk>/vote/", views.vote, name="vote"),
    path("thread/<int:pk>/follow/", views.follow_thread, name="follow_thread"),
    path("post/<int:pk>/flag/", views.flag_post, name="flag"),
    path("post/<int:pk>/accept/", views.accept, name="accept"),
    path("profile/", account_views.profile, name="profile"),
    path("profile/data.json", account_views.download_data, name="download_data"),
    path("profile/delete/", account_views.delete_account_page, name="delete_account"),
    path("unsubscribe/<str:token>/", account_views.unsubscribe, name="unsubscribe"),
]
