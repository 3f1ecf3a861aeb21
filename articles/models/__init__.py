from .contributors import Contributor
from .essays import EssayCitation, EssayContributor, EssayCorrection, EssayIndexPage, EssayPage
from .organisations import (
    OrganisationIndexPage,
    OrganisationName,
    OrganisationPage,
    OrganisationRelation,
)
from .integrity import (
    ArchiveRequest,
    CitationCheck,
    LinkCheck,
    LinkKind,
    LinkState,
    SourceLinkHealth,
)
from .sources import SourceIndexPage, SourcePage, Verification
from .workflow import FourEyesApprovalTask, SourceCheckTask

__all__ = [
    "ArchiveRequest",
    "CitationCheck",
    "LinkCheck",
    "LinkKind",
    "LinkState",
    "SourceCheckTask",
    "SourceLinkHealth",
    "Verification",
    "Contributor",
    "EssayCitation",
    "EssayContributor",
    "EssayCorrection",
    "EssayIndexPage",
    "EssayPage",
    "FourEyesApprovalTask",
    "OrganisationIndexPage",
    "OrganisationName",
    "OrganisationPage",
    "OrganisationRelation",
    "SourceIndexPage",
    "SourcePage",
]
