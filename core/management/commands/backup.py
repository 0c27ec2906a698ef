"""manage.py backup FOLDER: database, media and private files, with a manifest of row counts."""

from django.core.management.base import BaseCommand, CommandError

from core.backup import BackupError, backup


class Command(BaseCommand):
    help = "Write a backup (database dump, media archive, manifest) into a new folder under FOLDER."

    def add_arguments(self, parser):
        parser.add_argument("folder")

    def handle(self, *args, **options):
        try:
            backup(options["folder"], progress=self.stdout.write)
        except BackupError as error:
            raise CommandError(str(error)) from error
