from django.urls import path

from search import views

urlpatterns = [
    path("soeg/", views.search, name="search"),
]
