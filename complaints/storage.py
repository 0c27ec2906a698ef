"""Private storage for attachments: a folder outside MEDIA_ROOT that no URL points to.

Files are only ever read by the staff view that checks permissions
(complaints/admin_views.py); ``url()`` refuses, so no template can link to them.
The location is read from the settings on each use (``COMPLAINTS_PRIVATE_DIR``).
"""

import os

from django.core.files.storage import FileSystemStorage

from complaints import conf


class PrivateStorage(FileSystemStorage):
    def __init__(self):
        super().__init__(file_permissions_mode=0o600, directory_permissions_mode=0o700)

    @property
    def base_location(self):
        return str(conf.private_dir())

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("complaint attachments have no public URL")


def private_storage():
    return PrivateStorage()
