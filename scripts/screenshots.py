"""Screenshots for reviewers: seven page types at 375 and 1280 px, in English and Arabic.

    make screenshots            # or: .venv/bin/python scripts/screenshots.py [--out DIR]

Builds the demo site in a folder of its own (as the browser tests do), serves it with
``runserver`` on a free loopback port, and saves full-page PNGs from the machine's
Chromium (Debian: apt-get install chromium) to ``var/screenshots/`` (not committed):
``<page>-<language>-<width>.png``. Nothing is downloaded.
"""

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import django

ROOT = Path(__file__).resolve().parents[1]
WIDTHS = (375, 1280)
LANGUAGES = ("en", "ar")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url, server, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit("the site stopped before it answered; see its log above")
        try:
            urllib.request.urlopen(url, timeout=2)  # noqa: S310 - our own loopback server
            return
        except OSError:
            time.sleep(0.3)
    sys.exit(f"the site did not answer at {url} within {seconds} s")


def page_paths(language):
    """{name: path} of one page of each type, in ``language``, from the demo content.
    (Models are imported here: only once ``django.setup()`` has run on the demo's folder.)"""
    from django.urls import reverse
    from django.utils import translation

    from agenda.models import EventPage
    from cms.models import GuidePage, OfficePage
    from forums.models import Thread

    with translation.override(language):
        return {
            "home": f"/{language}/",
            "guide": GuidePage.objects.live().public().first().get_url(),
            "event": EventPage.objects.live().public().first().get_url(),
            "thread": reverse("forums:thread", args=[Thread.objects.visible().first().pk]),
            "complaint-form": reverse("complaints:file"),
            "office": OfficePage.objects.live().public().first().get_url(),
            "dashboard": reverse("evaluation:dashboard"),
        }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "var" / "screenshots")
    args = parser.parse_args()
    chromium = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        sys.exit("screenshots need Chromium (Debian: sudo apt-get install chromium)")
    var = Path(tempfile.mkdtemp(prefix="sinergi-screenshots-"))
    env = dict(os.environ, SINERGI_VAR_DIR=str(var), DEBUG="false", DJANGO_SETTINGS_MODULE="config.settings")
    env.pop("DATABASE_URL", None)
    os.environ.update(SINERGI_VAR_DIR=str(var), DJANGO_SETTINGS_MODULE="config.settings")
    os.environ.pop("DATABASE_URL", None)
    manage = [sys.executable, str(ROOT / "manage.py")]
    print("Building the demo site ...", flush=True)
    for command in (["migrate", "--noinput"], ["load_demo"]):
        subprocess.run(manage + command + ["--verbosity=0"], cwd=ROOT, env=env, check=True)  # noqa: S603 - our manage.py
    sys.path.insert(0, str(ROOT))
    django.setup()
    port = free_port()
    server = subprocess.Popen(  # noqa: S603 - our manage.py
        manage + ["runserver", f"127.0.0.1:{port}", "--noreload", "--insecure"], cwd=ROOT, env=env
    )
    base = f"http://127.0.0.1:{port}"
    args.out.mkdir(parents=True, exist_ok=True)
    try:
        wait_until_up(f"{base}/robots.txt", server)
        from playwright.sync_api import sync_playwright

        # Read from the database before Playwright starts its event loop in this thread
        # (Django refuses queries from inside one).
        shots = [
            (name, language, path, width)
            for language in LANGUAGES
            for name, path in page_paths(language).items()
            for width in WIDTHS
        ]
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=chromium, args=["--no-sandbox", "--disable-gpu"]
            )
            for number, (name, language, path, width) in enumerate(shots, start=1):
                page = browser.new_page(viewport={"width": width, "height": 800})
                page.goto(base + path, wait_until="networkidle")
                target = args.out / f"{name}-{language}-{width}.png"
                page.screenshot(path=str(target), full_page=True)
                page.close()
                print(
                    f"[{number}/{len(shots)}] {target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}"
                )
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(var, ignore_errors=True)


if __name__ == "__main__":
    main()
