"""Sign-up asks for a name and a time zone, the emails name the site and link to this host,
confirming signs the learner in; the site's own 404 page and favicon."""

from __future__ import annotations

import re

from django.core import mail
from django.test import Client, override_settings
from django.urls import reverse

from accounts.models import User

PASSWORD = "pick-a-long-one-42"


def sign_up(client: Client, **extra: str) -> None:
    response = client.post(
        reverse("account_signup"),
        {"email": "lin@example.com", "password1": PASSWORD, "password2": PASSWORD, **extra},
    )
    assert response.status_code == 302


def test_sign_up_keeps_the_name_and_time_zone_given(client: Client, db: None) -> None:
    sign_up(client, display_name="Lin", time_zone="Asia/Tokyo")
    user = User.objects.get(email="lin@example.com")
    assert (user.display_name, user.time_zone) == ("Lin", "Asia/Tokyo")


def test_sign_up_without_a_time_zone_falls_back_to_utc(client: Client, db: None) -> None:
    sign_up(client)
    assert User.objects.get(email="lin@example.com").time_zone == "UTC"


def test_an_unknown_time_zone_is_refused_under_its_field(client: Client, db: None) -> None:
    response = client.post(
        reverse("account_signup"),
        {
            "email": "lin@example.com",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "time_zone": "Mars/Base",
        },
    )
    assert response.status_code == 200
    assert re.search(r'field-time_zone">.*?errorlist', response.content.decode(), re.S)
    assert not User.objects.filter(email="lin@example.com").exists()


def test_a_common_password_is_reported_under_the_password_not_the_email(
    client: Client, db: None
) -> None:
    response = client.post(
        reverse("account_signup"),
        {"email": "lin@example.com", "password1": "password", "password2": "password"},
    )
    html = response.content.decode()
    password_field = html[html.index('field-password1"') :]
    assert "too common" in password_field[: password_field.index("</div>")]
    email_field = html[html.index('field-email"') :]
    assert "errorlist" not in email_field[: email_field.index("</div>")]


@override_settings(SITE_URL="http://127.0.0.1:58123", SITE_NAME="Apprentice")
def test_the_verification_email_names_the_site_and_links_to_the_host_asked(
    client: Client, db: None
) -> None:
    client.post(
        reverse("account_signup"),
        {"email": "lin@example.com", "password1": PASSWORD, "password2": PASSWORD},
        HTTP_HOST="127.0.0.1:58123",
    )
    (message,) = mail.outbox
    assert message.subject.startswith("[Apprentice] ")
    assert "example.com" not in message.subject + message.body.replace("lin@example.com", "")
    assert "Apprentice" in message.body
    assert "http://127.0.0.1:58123/accounts/confirm-email/" in message.body


def test_following_the_confirmation_link_in_the_same_browser_signs_the_learner_in(
    client: Client, db: None
) -> None:
    sign_up(client)  # not signed in yet: the address is not confirmed
    assert client.get(reverse("courses:dashboard")).status_code == 302
    link = re.search(r"https?://\S+(/accounts/confirm-email/\S+)", str(mail.outbox[0].body))
    assert link is not None
    response = client.post(link.group(1))
    assert response.status_code == 302
    assert client.get(reverse("courses:dashboard")).status_code == 200


@override_settings(DEBUG=True)
def test_a_missing_page_shows_the_sites_own_404_even_with_debug(client: Client, db: None) -> None:
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "We could not find that page" in html
    assert "Developer note" in html


def test_a_missing_api_resource_stays_a_problem_document(client: Client, db: None) -> None:
    with override_settings(DEBUG=True):
        response = client.get("/api/v1/no-such-thing/")
    assert response.status_code == 404
    assert "We could not find that page" not in response.content.decode()


def test_the_favicon_is_served_where_browsers_ask(client: Client, db: None) -> None:
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"].endswith("favicon.ico")


def test_the_login_page_offers_one_password_reset_link(client: Client, db: None) -> None:
    page = client.get(reverse("account_login")).content.decode()
    assert page.count(f'href="{reverse("account_reset_password")}"') == 1
