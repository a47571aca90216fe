from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.i18n import set_language

from common import views as common_views

admin.site.site_header = "Referat"
admin.site.site_title = "Referat"
admin.site.index_title = "Administration"

urlpatterns = [
    path("", include("meetings.urls")),
    path("", include("agendas.urls")),
    path("", include("decisions.urls")),
    path("", include("reading.urls")),
    path("", include("documents.urls")),
    path("oparl/v1/", include("oparl.urls")),
    path("", include("portal.urls")),
    path("", include("portal.feed_urls")),
    path("", include("history.urls")),
    path("", include("search.urls")),
    path("log-ind/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("log-ud/", auth_views.LogoutView.as_view(), name="logout"),
    path("sprog/", set_language, name="set_language"),
    path("healthz", common_views.healthz, name="healthz"),
    path("robots.txt", common_views.robots_txt, name="robots_txt"),
    path("admin/", admin.site.urls),
]

handler400 = "common.views.bad_request"
handler403 = "common.views.permission_denied"
handler404 = "common.views.page_not_found"
handler500 = "common.views.server_error"
