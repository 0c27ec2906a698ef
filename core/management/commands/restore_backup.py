"""manage.py restore_backup FOLDER --database-url URL [--media-root DIR] [--force]

Loads a backup into an EMPTY database (create it first; ``--force`` replaces the
contents of one that is not) and compares the row count of every table with the
backup's manifest; exits with an error when anything differs.
"""

from django.core.management.base import BaseCommand, CommandError

from core.backup import BackupError, restore


class Command(BaseCommand):
    help = "Restore a backup into an empty database and check that every table has the rows it had."

    def add_arguments(self, parser):
        parser.add_argument("folder")
        parser.add_argument("--database-url", required=True, help="the empty database to restore into")
        parser.add_argument("--media-root", help="where to unpack media and private files")
        parser.add_argument(
            "--force", action="store_true", help="replace the contents of a database that is not empty"
        )

    def handle(self, *args, **options):
        try:
            differences = restore(
                options["folder"],
                options["database_url"],
                options["media_root"],
                force=options["force"],
                progress=self.stdout.write,
            )
        except BackupError as error:
            raise CommandError(str(error)) from error
        if differences:
            raise CommandError(f"restored database differs from the backup: {differences}")
        self.stdout.write(self.style.SUCCESS("restored; every table has the rows it had"))
