"""The editorial core's models; each module holds one concern."""

from .audiences import Audience
from .pages import GuideChangeNote, GuidePage, HomePage, StandardPage, TopicPage
from .site_profile import SiteProfile

__all__ = [
    "Audience",
    "GuideChangeNote",
    "GuidePage",
    "HomePage",
    "SiteProfile",
    "StandardPage",
    "TopicPage",
]
