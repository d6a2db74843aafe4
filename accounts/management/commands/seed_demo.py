from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from accounts import services


class Command(BaseCommand):
    help = (
        "Create the demo accounts and two learners mid-programme (idempotent: what exists is "
        "left alone), and print the accounts."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        accounts = services.demo_users_ensure()
        accounts += services.demo_learners_ensure()
        self.stdout.write(self.style.SUCCESS("Demo accounts (log in at /accounts/login/):"))
        for account in accounts:
            self.stdout.write(
                f"  {account.role:17} {account.email:28} password: {account.password}"
            )
