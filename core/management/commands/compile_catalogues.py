"""manage.py compile_catalogues: turn locale/*/LC_MESSAGES/*.po into .mo with Babel.

Django's own ``compilemessages`` calls GNU gettext's ``msgfmt``, a system package a
fresh machine lacks; serving the site needs only the compiled catalogues, so this
command lets ``make run`` work with nothing but Python. (``makemessages``, which
extracts strings from the code, still needs gettext: it is a translator's tool.)
A catalogue is compiled only when its .po is newer than its .mo.
"""

from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Compile the interface translation catalogues (.po to .mo) without system gettext."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="compile even when the .mo is up to date")

    def handle(self, *args, force=False, **options):
        catalogues = sorted(
            po for folder in settings.LOCALE_PATHS for po in Path(folder).glob("*/LC_MESSAGES/*.po")
        )
        if not catalogues:
            raise CommandError(f"No .po catalogues under {', '.join(map(str, settings.LOCALE_PATHS))}.")
        for po in catalogues:
            mo = po.with_suffix(".mo")
            if not force and mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
                continue
            with po.open("rb") as source:
                catalogue = read_po(source, locale=po.parent.parent.name)
            temporary = mo.with_suffix(".mo.tmp")
            with temporary.open("wb") as target:
                # Fuzzy entries are left out, as msgfmt does: a guess is no translation.
                write_mo(target, catalogue, use_fuzzy=False)
            temporary.replace(mo)
            if options["verbosity"] > 1:
                self.stdout.write(f"compiled {mo}")
