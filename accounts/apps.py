from django.apps import AppConfig


class AccountsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "accounts"
    # allauth's email addresses already sit under "Accounts" in the admin.
    verbose_name = "People"
