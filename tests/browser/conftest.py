"""Browser test harness: the demo site served by a real server, driven by Debian's Chromium.

The site runs in its own process on a private SQLite database under a temporary
folder (migrated and loaded with the demo content), so browser tests see exactly
what `make run` serves. Chromium is the machine's (/usr/bin/chromium), started by
Playwright without downloading a browser; axe-core comes from npm (node_modules).
Where Chromium or axe-core is missing the tests are skipped with the reason, except
under CI=true, where a missing tool is a failure.
"""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def manage_site(site_var, *args, **environment):
    """Run manage.py against the test server's own database (``site_var``), as `make run` would."""
    env = dict(
        os.environ,
        SINERGI_VAR_DIR=str(site_var),
        DEBUG="false",
        SINERGI_ENV="development",
        DJANGO_SETTINGS_MODULE="config.settings",  # what `make run` serves, not the test settings
        **environment,
    )
    env.pop("DATABASE_URL", None)
    subprocess.run([sys.executable, str(ROOT / "manage.py"), *args], cwd=ROOT, env=env, check=True)


def log_in_to_admin(page, site_url, username, password):
    page.goto(f"{site_url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_load_state()


def chromium_path():
    return os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


def missing(reason):
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason} (required in CI)")
    pytest.skip(reason)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url, process, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the test server exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310 - loopback test server
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"the test server did not answer at {url} within {seconds} s")


@pytest.fixture(scope="session")
def site_var(tmp_path_factory):
    """The test site's runtime folder; emails it sends are files under mail/."""
    return tmp_path_factory.mktemp("browser-site")


@pytest.fixture(scope="session")
def site_url(site_var):
    var = site_var
    env = dict(
        os.environ,
        SINERGI_VAR_DIR=str(var),
        DEBUG="false",
        SINERGI_ENV="development",
        DJANGO_SETTINGS_MODULE="config.settings",  # what `make run` serves, not the test settings
        EMAIL_URL=f"file://{var / 'mail'}",
    )
    env.pop("DATABASE_URL", None)
    manage = [sys.executable, str(ROOT / "manage.py")]
    for command in (["migrate", "--noinput"], ["load_demo"]):
        subprocess.run(manage + command + ["--verbosity=0"], cwd=ROOT, env=env, check=True)
    port = free_port()
    log = open(var / "server.log", "w")  # noqa: SIM115 - closed after the server stops
    server = subprocess.Popen(
        manage + ["runserver", f"127.0.0.1:{port}", "--noreload", "--insecure"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(f"{url}/robots.txt", server)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()


@pytest.fixture(scope="session")
def browser():
    path = chromium_path()
    if not path:
        missing("Chromium is not installed (Debian: apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("the playwright Python package is not installed")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    # axe-core is injected as an inline script, which the site's Content Security
    # Policy forbids; test_nothing_is_blocked_by_the_content_security_policy checks
    # the policy with a context that does not bypass it.
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def axe_violations():
    """Run axe-core on a loaded page; return the serious and critical WCAG 2.x A/AA violations."""
    if not AXE.exists():
        missing("axe-core is not installed (run `npm ci`)")

    def run(page):
        page.add_script_tag(path=str(AXE))
        result = page.evaluate(
            """() => axe.run(document, {runOnly: {type: 'tag', values:
                ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}})"""
        )
        return [
            {
                "id": violation["id"],
                "impact": violation["impact"],
                "help": violation["help"],
                "targets": [node["target"] for node in violation["nodes"]][:5],
            }
            for violation in result["violations"]
            if violation["impact"] in ("serious", "critical")
        ]

    return run
