"""Settings for the test suite: the real settings, with what only slows tests or reaches
outside the machine replaced, in one place (pytest's DJANGO_SETTINGS_MODULE).

- a fast password hasher (the production one costs ~0.3 s a hash by design);
- Django's in-memory outbox instead of any SMTP server;
- in-memory caches, whatever CACHE_URL says, unless a test asks for Redis itself.
"""

from config.settings import *  # noqa: F403 - the test settings are the real ones, amended

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {
    alias: {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": f"test-{alias}",
        "OPTIONS": {"MAX_ENTRIES": 20000},
    }
    for alias in ("default", "pages")
}
