from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from courses import services
from courses.content import ContentError


class Command(BaseCommand):
    help = "Load courses/curriculum/ into the database (idempotent; reports what changed)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--verbose-changes", action="store_true", help="list every change")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            report = services.curriculum_sync()
        except ContentError as exc:
            raise CommandError(f"curriculum is invalid, nothing was written: {exc}") from exc
        if not report.changed:
            self.stdout.write(self.style.SUCCESS(f"No changes. {report.summary()}"))
            return
        self.stdout.write(
            self.style.SUCCESS(f"Curriculum synced: {len(report.changes)} change(s).")
        )
        self.stdout.write(report.summary())
        changes = report.changes if options["verbose_changes"] else report.changes[:20]
        for line in changes:
            self.stdout.write(f"  {line}")
        if len(report.changes) > len(changes):
            self.stdout.write(
                f"  … and {len(report.changes) - len(changes)} more (--verbose-changes)"
            )
