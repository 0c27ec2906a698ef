"""The editorial core's models; each module holds one concern."""

from .audiences import Audience
from .documents import LibraryDocument
from .library import FormsLibraryPage
from .pages import GuideChangeNote, GuidePage, HomePage, StandardPage, TopicPage
from .partners import PartnerIndexPage, PartnerPage
from .periodic import PeriodicRun
from .regulations import RegulationChangeNote, RegulationIndexPage, RegulationPage, RegulationRelation
from .site_profile import SiteProfile
from .subscriptions import NotifiedChange, OutgoingEmail, Subscription

__all__ = [
    "Audience",
    "FormsLibraryPage",
    "GuideChangeNote",
    "GuidePage",
    "HomePage",
    "LibraryDocument",
    "PartnerIndexPage",
    "PartnerPage",
    "PeriodicRun",
    "RegulationChangeNote",
    "RegulationIndexPage",
    "RegulationPage",
    "RegulationRelation",
    "NotifiedChange",
    "OutgoingEmail",
    "SiteProfile",
    "Subscription",
    "StandardPage",
    "TopicPage",
]
