"""The simulated people of the load test (locust), used by swarm.py.

Four kinds of visitor, each with its own address (X-Forwarded-For, as the reverse
proxy would send it; the site runs with TRUSTED_PROXY_COUNT=1, so its per-address
rate limits see 200 people, not one) and X-Forwarded-Proto: https (the proxy
terminates TLS; production settings redirect plain HTTP):

* Reader: home, topic, guide and regulation pages in the four languages, search
  and autocomplete, the events calendar and its month view.
* Registrant: the calendar, an event, then registers for a session through the
  real form (CSRF token, consent, waitlist if full), with a new email each time.
* ForumMember: signs in as a prepared verified member, reads boards and threads,
  asks a question (waiting the few seconds a person takes, as the form requires).
* Complainant: files a complaint through the form, then looks at the statistics.

Writes stay within the app's own limits per person (complaints 5, registrations
20 and forum posts 10 an hour): a simulated person who reached them only reads.
Every write the site accepts (its 302 to the next page) is recorded in ACCEPTED,
so that run.py can check afterwards that the database holds all of them.
"""

import itertools
import json
import os
import random
import re
import time
import uuid
from datetime import date, timedelta
from http.cookiejar import DefaultCookiePolicy

from locust import FastHttpUser, between, task

FIXTURE = json.loads(open(os.environ["LOAD_FIXTURE"]).read())  # noqa: SIM115, PTH123
LANGUAGES = ["id", "en", "ar", "zh-hans"]
WAIT = (float(os.environ.get("LOAD_WAIT_MIN", "1")), float(os.environ.get("LOAD_WAIT_MAX", "5")))
ACCEPTED = {"registration": [], "complaint": [], "question": []}
COUNTS = {"degraded searches": 0, "searches": 0}
TITLE = re.compile(r"<title>\s*(.*?)\s*</title>", re.S)
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
FORM_TOKEN = re.compile(r'name="form_token" value="([^"]+)"')
DEGRADED = "simplified mode"  # search/search.html's notice when the database engine answers
_addresses = itertools.count(1)
_members = itertools.count(0)


def _address():
    number = next(_addresses)
    return f"10.{number // 65536 % 256}.{number // 256 % 256}.{number % 256}"


class BehindTheProxy(DefaultCookiePolicy):
    """Send the site's Secure cookies (session, CSRF) back over the loopback's plain HTTP:
    the simulated people stand where the TLS-terminating proxy is."""

    def return_ok_secure(self, cookie, request):
        return True


def failure(response):
    """An error kind: the status, and for server errors the page's title (friendly or not)."""
    text = f"HTTP {response.status_code}"
    if response.status_code >= 500:
        title = TITLE.search(response.text or "")
        text += f" {title.group(1)[:60]!r}" if title else f" {(response.text or '')[:40]!r}"
    return text


class Person(FastHttpUser):
    abstract = True
    wait_time = between(*WAIT)
    # One connection per simulated person, as a browser would keep one alive.
    concurrency = 1

    def on_start(self):
        self.client.cookiejar.set_policy(BehindTheProxy())
        self.language = random.choice(LANGUAGES)  # noqa: S311 - not security
        origin = self.host.replace("http://", "https://")
        self.headers = {
            "X-Forwarded-For": _address(),
            "X-Forwarded-Proto": "https",
            "Origin": origin,
            "Accept-Language": self.language,
        }

    # -- helpers -------------------------------------------------------------------
    def get(self, path, name, expect=(200,), contains=None):
        with self.client.get(
            path, name=name, headers=self.headers, catch_response=True, context={"kind": "read"}
        ) as response:
            if response.status_code not in expect:
                response.failure(failure(response))
            elif contains and contains not in (response.text or ""):
                response.failure(f"no {contains!r} in the page")
            return response

    def post(self, path, name, data, accepted_prefix):
        """POST a form without following the redirect; True when the site accepted it."""
        with self.client.post(
            path,
            name=name,
            data=data,
            headers={**self.headers, "Referer": self.headers["Origin"] + path},
            allow_redirects=False,
            catch_response=True,
            context={"kind": "write"},
        ) as response:
            location = response.headers.get("Location", "") if response.headers else ""
            accepted = (
                response.status_code in (301, 302, 303)
                and accepted_prefix in location
                and "/accounts/login/" not in location
            )
            if not accepted:
                response.failure(failure(response) + (f" to {location.split('?')[0]}" if location else ""))
                return False
            response.success()
        self.get(location, f"{name.split()[0]} next page")  # the browser follows the redirect
        return True

    def form_values(self, response):
        text = response.text or ""
        csrf = CSRF.search(text)
        token = FORM_TOKEN.search(text)
        return (csrf.group(1) if csrf else ""), (token.group(1) if token else "")

    def lang(self):
        return random.choice(LANGUAGES)  # noqa: S311

    def page(self, kind):
        paths = FIXTURE["pages"][kind]
        self.get(f"/{self.lang()}{random.choice(paths)}", kind)  # noqa: S311

    def calendar(self):
        language = self.lang()
        self.get(f"/{language}/acara/", "calendar")
        month = date.today() + timedelta(days=random.choice([0, 31]))  # noqa: S311
        self.get(f"/{language}/acara/month/{month.year}/{month.month}/", "month view")


class Reader(Person):
    weight = 12

    @task(4)
    def guide(self):
        self.page("guide")

    @task(1)
    def home(self):
        self.page("home")

    @task(2)
    def topic(self):
        self.page("topic")

    @task(2)
    def regulation(self):
        self.page(random.choice(["regulation", "regulation", "regulation index"]))  # noqa: S311

    @task(3)
    def search(self):
        language = self.lang()
        query = random.choice(FIXTURE["queries"][language])  # noqa: S311
        for length in (2, 4):
            self.get(f"/{language}/search/suggest/?q={query[:length]}", "autocomplete")
        response = self.get(f"/{language}/search/?q={query}", "search")
        if response.status_code == 200:
            COUNTS["searches"] += 1
            if DEGRADED in (response.text or ""):
                COUNTS["degraded searches"] += 1

    @task(2)
    def events(self):
        self.calendar()


class Registrant(Person):
    weight = 3

    def on_start(self):
        super().on_start()
        self.registered = 0

    @task
    def register(self):
        self.calendar()
        session = random.choice(FIXTURE["sessions"])  # noqa: S311
        event_path = session["path"].split("register/")[0]
        language = self.lang()
        self.get(f"/{language}{event_path}", "event")
        if self.registered >= 18:  # the site takes 20 an hour from one address
            return
        form = self.get(f"/{language}{session['path']}", "registration form")
        csrf, _token = self.form_values(form)
        if not csrf:
            return
        email = f"r{uuid.uuid4().hex[:12]}@load.example.org"
        self.registered += 1
        data = {
            "csrfmiddlewaretoken": csrf,
            "kind": "individual",
            "name": "Peserta Uji",
            "people": "1",
            "email": email,
            "language": language,
            "join_waitlist": "on",
            "consent": "on",
            "website": "",
        }
        if self.post(f"/{language}{session['path']}", "registration POST", data, "/events/registration/"):
            ACCEPTED["registration"].append({"email": email, "session": session["id"], "at": time.time()})


class ForumMember(Person):
    weight = 3

    def on_start(self):
        super().on_start()
        self.posted = 0
        self.signed_in = False
        self.email = FIXTURE["members"][next(_members) % len(FIXTURE["members"])]
        self.sign_in()

    def sign_in(self):
        form = self.get(f"/{self.language}/accounts/login/", "sign-in form")
        csrf, _token = self.form_values(form)
        if csrf:
            data = {"csrfmiddlewaretoken": csrf, "login": self.email, "password": FIXTURE["password"]}
            self.signed_in = self.post(f"/{self.language}/accounts/login/", "sign-in POST", data, "/forums/")

    @task(4)
    def read(self):
        self.get(f"/{self.language}/forums/", "forum index")
        board = random.choice(FIXTURE["boards"])  # noqa: S311
        self.get(f"/{self.language}/forums/board/{board}/", "forum board")

    @task(1)
    def ask(self):
        if not self.signed_in:
            self.sign_in()
            return
        if self.posted >= 8:  # the site takes 10 posts an hour from one member
            return
        board = random.choice(FIXTURE["boards"])  # noqa: S311
        path = f"/{self.language}/forums/board/{board}/new/"
        form = self.get(path, "new question form")
        csrf, token = self.form_values(form)
        if not csrf:
            return
        time.sleep(4.5)  # a person reads and types; the form refuses answers under 4 s
        ref = uuid.uuid4().hex[:12]
        data = {
            "csrfmiddlewaretoken": csrf,
            "form_token": token,
            "kind": "question",
            "title": f"Pertanyaan tentang izin tinggal {ref[:4]}",
            "body": f"Apakah saya bisa memperpanjang izin tinggal kunjungan dua kali? [load {ref}]",
            "website": "",
        }
        self.posted += 1
        if self.post(path, "question POST", data, "/forums/"):
            ACCEPTED["question"].append({"ref": ref, "at": time.time()})


class Complainant(Person):
    weight = 2

    def on_start(self):
        super().on_start()
        self.filed = 0

    @task
    def complain(self):
        language = self.lang()
        self.get(f"/{language}/complaints/statistics/", "complaint statistics")
        if self.filed >= 5:  # the site takes 5 complaints an hour from one address
            return
        path = f"/{language}/complaints/"
        form = self.get(path, "complaint form")
        csrf, token = self.form_values(form)
        if not (csrf and token):
            return
        time.sleep(5.5)  # the form refuses answers sent within 5 s
        ref = uuid.uuid4().hex[:12]
        data = {
            "csrfmiddlewaretoken": csrf,
            "form_token": token,
            "category": "service",
            "office": str(random.choice(FIXTURE["offices"])),  # noqa: S311
            "description": f"Antrean di loket paspor sangat panjang dan petugas tidak ada. [load {ref}]",
            "happened_on": (date.today() - timedelta(days=3)).isoformat(),
            "contact_name": "",
            "contact_email": "",
            "contact_phone": "",
            "website": "",
        }
        self.filed += 1
        if self.post(path, "complaint POST", data, "/complaints/received/"):
            ACCEPTED["complaint"].append({"ref": ref, "at": time.time()})
