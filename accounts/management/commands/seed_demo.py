from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from accounts import services


class Command(BaseCommand):
    help = "Create the demo learner, mentor and staff accounts (idempotent) and print them."

    def handle(self, *args: Any, **options: Any) -> None:
        accounts = services.ensure_demo_users()
        self.stdout.write(self.style.SUCCESS("Demo accounts (log in at /accounts/login/):"))
        for account in accounts:
            self.stdout.write(f"  {account.role:8} {account.email:28} password: {account.password}")
