"""The home page's main task "Check what you need", linking to the smart answers' section.

A main task names a URL pattern or a place on the home page; the section is a page, so
its address comes from the page itself, in the reader's language, and the task is left
off when no section is live.
"""

from dataclasses import dataclass

from core.main_tasks import MainTask


@dataclass(frozen=True)
class PageTask(MainTask):
    page_model: type | None = None

    def url(self):
        page = self.page_model.objects.live().public().only("id", "url_path").first()
        return page.get_url() if page else None
