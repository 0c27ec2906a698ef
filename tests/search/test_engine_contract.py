"""The Elasticsearch 8/9 path sends exactly what the OpenSearch path sends (issue 22, item 7).

Both flavours of RemoteEngine talk to a small HTTP server on the loopback that records every
request and answers like an empty engine; the test then compares, request by request, the
index definitions, the search bodies (plain, filtered with facets, expanded with the glossary,
on a later page) and the autocomplete bodies. The client adapters are where the two paths part
(keyword arguments for one, bodies for the other): a key the elasticsearch client dropped or
renamed would show here, with no engine running.
"""

import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote, urlsplit

import pytest

from search import glossary
from search.engines.base import SearchQuery
from search.engines.remote import FACETS, RERANK_WINDOW, RemoteEngine

pytestmark = pytest.mark.django_db

EMPTY_SEARCH = {
    "took": 1,
    "timed_out": False,
    "_shards": {"total": 1, "successful": 1, "skipped": 0, "failed": 0},
    "hits": {"total": {"value": 0, "relation": "eq"}, "max_score": None, "hits": []},
    "aggregations": {name: {"buckets": []} for name in FACETS},
    "suggest": {"did_you_mean": [{"text": "", "offset": 0, "length": 0, "options": []}]},
}
# Index names end in the time they were made: the same request made a moment apart.
STAMP = re.compile(r"-\d{20}\b")


class Recorder(BaseHTTPRequestHandler):
    """Answers as an engine with no indexes would, and keeps (method, path, body) of each request."""

    protocol_version = "HTTP/1.1"

    def _answer(self):
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        path = unquote(urlsplit(self.path).path)
        body = json.loads(raw) if raw else None
        self.server.requests.append((self.command, STAMP.sub("-STAMP", path), _unstamped(body)))
        status, answer = 200, {"acknowledged": True}
        if self.command == "HEAD":  # no alias yet: the engine creates its indexes
            status, answer = 404, None
        elif path.endswith("/_search"):
            answer = EMPTY_SEARCH
        elif path.startswith("/_cat/plugins"):
            answer = []
        elif path == "/":
            answer = {"version": {"number": "8.19.0", "build_flavor": "default"}, "tagline": "You Know"}
        payload = b"" if answer is None else json.dumps(answer).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("X-Elastic-Product", "Elasticsearch")  # the elasticsearch client checks it
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(payload)

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = _answer

    def log_message(self, *args):
        pass  # quiet: the requests are what the test reads


def _unstamped(body):
    return None if body is None else json.loads(STAMP.sub("-STAMP", json.dumps(body)))


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    httpd.daemon_threads = True
    httpd.requests = []
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


QUERIES = [
    SearchQuery(text="office opening hours", language="en"),  # no glossary term
    SearchQuery(text="paspor hilang", language="id", kinds=("guide", "form"), topics=("paspor",), page=2),
    SearchQuery(text="workshop", language="ar", audiences=("foreigner",), upcoming_only=True),
    SearchQuery(text="kitas", language="en"),  # the glossary rewrites it (asserted below)
    SearchQuery(text="护照", language="zh-hans"),
    SearchQuery(text="visa", language="en", page=5),  # beyond the results ordered again
]
TYPED = [("pas", "en"), ("护", "zh-hans"), ("جواز", "ar")]


def requests_of(server, flavour):
    """What one flavour sends to create its indexes, answer QUERIES and suggest for TYPED."""
    server.requests.clear()
    engine = RemoteEngine(flavour, f"http://127.0.0.1:{server.server_port}", prefix="contract")
    engine.ensure_indexes()
    for query in QUERIES:
        engine.search(query)
    for text, language in TYPED:
        engine.autocomplete(text, language)
    return [request for request in server.requests if request[0] != "HEAD"]


@pytest.fixture(scope="module")
def sent(server, django_db_setup, django_db_blocker):
    """Made once for the module: the engines only read the demo glossary and pages."""
    with django_db_blocker.unblock():
        return {flavour: requests_of(server, flavour) for flavour in ("opensearch", "elasticsearch")}


def test_the_same_requests_in_the_same_order(sent):
    opensearch, elasticsearch = sent["opensearch"], sent["elasticsearch"]
    assert [(method, path) for method, path, _body in elasticsearch] == [
        (method, path) for method, path, _body in opensearch
    ]
    for mine, theirs in zip(elasticsearch, opensearch, strict=True):
        assert mine[2] == theirs[2], mine[1]


def test_index_definitions_are_whole(sent):
    created = [body for method, path, body in sent["elasticsearch"] if method == "PUT"]
    assert len(created) == 4  # one index per language
    for body in created:
        assert set(body) == {"settings", "mappings"}
        assert body["mappings"]["properties"]["suggest"]["type"] == "search_as_you_type"
        assert "analysis" in body["settings"]


def test_every_query_reached_the_engine_whole(sent):
    searches = [body for method, path, body in sent["elasticsearch"] if path.endswith("/_search")]
    assert len(searches) == len(QUERIES) + len(TYPED)
    filtered = searches[1]
    # Page 2 lies among the first results, which are asked for together (remote.by_coverage);
    # page 5 beyond them is asked for alone.
    assert filtered["from"] == 0 and filtered["size"] == RERANK_WINDOW
    assert searches[len(QUERIES) - 1]["from"] == 40 and searches[len(QUERIES) - 1]["size"] == 10
    assert {"post_filter", "aggs", "highlight", "suggest", "_source"} <= set(filtered)
    assert glossary.variants("office opening hours", "en") == [] and glossary.variants("kitas", "en")
    assert "limited stay permit" in json.dumps(searches[3])
    assert json.dumps(searches[3]).count("multi_match") > json.dumps(searches[0]).count("multi_match")
    assert all(
        body["query"]["function_score"]["boost_mode"] == "replace" for body in searches[len(QUERIES) :]
    )
