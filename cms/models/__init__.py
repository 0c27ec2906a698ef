"""The editorial core's models; each module holds one concern."""

from .audiences import Audience
from .documents import LibraryDocument
from .library import FormsLibraryPage
from .offices import OfficeHours, OfficeIndexPage, OfficePage
from .pages import GuideChangeNote, GuidePage, HomePage, StandardPage, TopicPage
from .partners import PartnerIndexPage, PartnerPage
from .regulations import RegulationChangeNote, RegulationIndexPage, RegulationPage, RegulationRelation
from .site_profile import SiteProfile
from .smart_answers import SmartAnswerIndexPage, SmartAnswerPage
from .subscriptions import NotifiedChange, Subscription

__all__ = [
    "Audience",
    "FormsLibraryPage",
    "GuideChangeNote",
    "GuidePage",
    "HomePage",
    "LibraryDocument",
    "PartnerIndexPage",
    "PartnerPage",
    "RegulationChangeNote",
    "RegulationIndexPage",
    "RegulationPage",
    "RegulationRelation",
    "NotifiedChange",
    "OfficeHours",
    "OfficeIndexPage",
    "OfficePage",
    "SiteProfile",
    "SmartAnswerIndexPage",
    "SmartAnswerPage",
    "Subscription",
    "StandardPage",
    "TopicPage",
]
