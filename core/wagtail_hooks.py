"""The platform's own entries in the registries it offers on Wagtail hooks."""

from wagtail import hooks

from core import conf


@hooks.register("register_tunables")
def tunables():
    return conf.TUNABLES
