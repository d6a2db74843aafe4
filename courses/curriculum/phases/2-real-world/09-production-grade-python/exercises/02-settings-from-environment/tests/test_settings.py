import pytest
from settings import ConfigError, Settings, load_settings, settings_from_environ

URL = "postgresql://app@db.internal/shop"


def test_defaults_apply_when_only_the_url_is_set():
    assert load_settings({"APP_DATABASE_URL": URL}) == Settings(database_url=URL)


def test_every_variable_is_converted():
    settings = load_settings(
        {
            "APP_DATABASE_URL": f"  {URL} ",
            "APP_PORT": "8080",
            "APP_DEBUG": "Yes",
            "APP_WORKERS": "4",
            "APP_TIMEOUT": "2.5",
            "APP_ALLOWED_HOSTS": "Shop.example.com, api.example.com,,",
            "APP_LOG_LEVEL": "warning",
        }
    )
    assert settings == Settings(URL, 8080, True, 4, 2.5, ("shop.example.com", "api.example.com"), "WARNING")


@pytest.mark.parametrize("port", ["0", "65536", "+80", "80.0", "eighty"])
def test_bad_ports_are_invalid(port):
    with pytest.raises(ConfigError) as caught:
        load_settings({"APP_DATABASE_URL": URL, "APP_PORT": port})
    assert caught.value.problems == {"APP_PORT": "invalid"}


def test_every_problem_is_reported_at_once():
    with pytest.raises(ConfigError) as caught:
        load_settings({"APP_PORT": "http", "APP_DEBUG": "maybe", "APP_PROT": "80", "HOME": "/root"})
    assert caught.value.problems == {
        "APP_DATABASE_URL": "missing",
        "APP_PORT": "invalid",
        "APP_DEBUG": "invalid",
        "APP_PROT": "unknown",
    }
    assert str(caught.value) == (
        "APP_DATABASE_URL: missing, APP_PORT: invalid, APP_DEBUG: invalid, APP_PROT: unknown"
    )
    assert isinstance(caught.value, ValueError)


def test_blank_values_count_as_not_set():
    settings = load_settings({"APP_DATABASE_URL": URL, "APP_WORKERS": "   "})
    assert settings.workers == 2
    with pytest.raises(ConfigError):
        load_settings({"APP_DATABASE_URL": "  "})


def test_settings_from_environ(monkeypatch):
    monkeypatch.setenv("APP_DATABASE_URL", URL)
    monkeypatch.setenv("APP_TIMEOUT", "10")
    monkeypatch.delenv("APP_PORT", raising=False)
    settings = settings_from_environ()
    assert settings.timeout == 10.0
    assert settings.port == 8000
