"""compose.yaml is a deployment an office could run: valid against the Compose
Specification (no Docker daemon runs here, so the file is checked, not started),
pinned images, required secrets, a health check on every long-running service, and
no reference to anything that is not defined."""

import json
import re
from pathlib import Path

import pytest
import yaml
from compose_spec import PyCompose

COMPOSE = Path(__file__).resolve().parents[2] / "compose.yaml"
SECRETS = ("SECRET_KEY", "POSTGRES_PASSWORD", "EMAIL_URL", "SITE_BASE_URL", "ALLOWED_HOSTS")


@pytest.fixture(scope="module")
def text():
    return COMPOSE.read_text()


@pytest.fixture(scope="module")
def compose(text):
    """The file as compose reads it: required variables given, defaults applied, YAML merge
    keys resolved."""
    required = dict.fromkeys(re.findall(r"\$\{([A-Z_][A-Z0-9_]*):?\?", text), "sample")
    return yaml.safe_load(interpolated(text, required | {"SITE_BASE_URL": "https://sinergi.example.go.id"}))


def interpolated(text, environment):
    """The file after compose's variable substitution: ${NAME}, ${NAME:-default}, ${NAME:?error}."""

    def substitute(match):
        name, operator, argument = match.group(1), match.group(2) or "", match.group(3) or ""
        if environment.get(name):
            return environment[name]
        if operator.endswith("?"):
            raise KeyError(f"{name}: {argument}")
        return argument

    return re.sub(r"\$\{([A-Z_][A-Z0-9_]*)(:?[-?])?([^}]*)\}", substitute, text)


def test_the_file_follows_the_compose_specification(text):
    environment = dict.fromkeys(SECRETS, "sample") | {"SITE_BASE_URL": "https://sinergi.example.go.id"}
    PyCompose.from_json(
        json.dumps(yaml.safe_load(interpolated(text, environment)))
    )  # ValueError when off-spec


def test_a_missing_secret_stops_compose_with_its_name(text):
    with pytest.raises(KeyError, match="POSTGRES_PASSWORD"):
        interpolated(text, dict.fromkeys(set(SECRETS) - {"POSTGRES_PASSWORD"}, "sample"))


def test_the_checker_refuses_a_misspelt_key():
    with pytest.raises(ValueError, match="imag"):
        PyCompose.from_json(json.dumps({"services": {"web": {"imag": "x"}}}))


def test_images_are_pinned(compose):
    for name, service in compose["services"].items():
        image = service.get("image", "")
        if image.startswith("sinergi:"):  # our own image, built here
            assert "build" in service or service.get("pull_policy") == "never", name
            continue
        tag = image.rpartition(":")[2]
        assert re.fullmatch(r"\d+\.\d+(\.\d+)?(-[a-z0-9]+)?", tag), f"{name}: {image} is not pinned"


def test_secrets_have_no_defaults(text):
    for secret in SECRETS:
        uses = re.findall(r"\$\{" + secret + r"(:?[?-])?[^}]*\}", text)
        assert uses, secret
        assert all(mark in (":?", "?") for mark in uses), f"{secret} must be required, not defaulted"


def test_one_image_built_once_and_migrations_run_first(compose):
    services = compose["services"]
    built = [name for name, service in services.items() if "build" in service]
    assert built == ["migrate"]
    ours = [
        name for name, service in services.items() if service.get("image") == services["migrate"]["image"]
    ]
    assert set(ours) == {"migrate", "web", "worker", "scheduler"}
    for name in ("web", "worker", "scheduler"):
        assert services[name]["depends_on"]["migrate"]["condition"] == "service_completed_successfully"


def test_every_long_running_service_has_a_health_check(compose):
    for name, service in compose["services"].items():
        if service.get("restart") != "no":
            assert "healthcheck" in service, name


def test_redis_keeps_its_data(compose):
    redis = compose["services"]["redis"]
    assert "--appendonly" in redis["command"] and any(
        volume.endswith(":/data") for volume in redis["volumes"]
    )


def test_nothing_refers_to_what_is_not_defined(compose):
    services = compose["services"]
    volumes = set(compose.get("volumes") or {})
    for name, service in services.items():
        for dependency in service.get("depends_on", {}):
            assert dependency in services, f"{name} depends on unknown {dependency}"
        for volume in service.get("volumes", []):
            source = volume.split(":")[0]
            if not source.startswith(("/", ".")):
                assert source in volumes, f"{name} uses undeclared volume {source}"
        for key, value in (service.get("environment") or {}).items():
            host = re.match(r"[a-z+]+://(?:[^@/]*@)?([a-z][a-z0-9-]*)[:/]", str(value))
            if host and "." not in host.group(1):
                assert host.group(1) in services, f"{name}: {key} points at {host.group(1)}, no such service"
