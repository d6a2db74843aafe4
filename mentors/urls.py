from django.urls import URLPattern, URLResolver, path

from mentors import views

app_name = "mentors"
urlpatterns: list[URLPattern | URLResolver] = [
    path("profile/", views.mentor_profile, name="profile"),
    path("reviews/", views.queue, name="queue"),
    path("capstone/", views.capstone, name="capstone"),
    path("capstone/start/", views.capstone_start, name="capstone_start"),
    path("capstone/upload/", views.capstone_upload, name="capstone_upload"),
    path("capstone/portfolio/", views.portfolio_settings, name="portfolio_settings"),
    path("rounds/<int:round_id>/", views.round_detail, name="round"),
    path("rounds/<int:round_id>/checks/", views.round_checks, name="round_checks"),
    path("rounds/<int:round_id>/comments/", views.round_comment, name="round_comment"),
    path("rounds/<int:round_id>/messages/", views.round_message, name="round_message"),
    path("rounds/<int:round_id>/decision/", views.round_decision, name="round_decision"),
    path("feedback/", views.feedback_list, name="feedback_list"),
    path("feedback/asked-of-me/", views.feedback_queue, name="feedback_queue"),
    path("feedback/ask/<int:submission_id>/", views.feedback_ask, name="feedback_ask"),
    path("feedback/<int:request_id>/", views.feedback_detail, name="feedback"),
    path("feedback/<int:request_id>/messages/", views.feedback_message, name="feedback_message"),
    path("feedback/<int:request_id>/comments/", views.feedback_comment, name="feedback_comment"),
    path("feedback/<int:request_id>/resolve/", views.feedback_resolve, name="feedback_resolve"),
    path("snippets/", views.snippet_list, name="snippets"),
    path("snippets/<int:snippet_id>/", views.snippet_edit, name="snippet_edit"),
    path("snippets/<int:snippet_id>/delete/", views.snippet_delete, name="snippet_delete"),
    path("certificates/<str:code>/", views.certificate, name="certificate"),
    path("certificates/<str:code>/print/", views.certificate_print, name="certificate_print"),
    path("portfolio/<uuid:public_id>/", views.portfolio, name="portfolio"),
    path("", views.home, name="home"),
    path("mentees/<int:learner_id>/", views.mentee_detail, name="mentee"),
    path(
        "mentees/<int:learner_id>/submissions/<int:submission_id>/",
        views.mentee_submission,
        name="mentee_submission",
    ),
]
