from .contributors import Contributor
from .essays import EssayCitation, EssayContributor, EssayCorrection, EssayIndexPage, EssayPage
from .integrity import (
    ArchiveRequest,
    CitationCheck,
    LinkCheck,
    LinkKind,
    LinkState,
    SourceLinkHealth,
)
from .organisations import (
    OrganisationIndexPage,
    OrganisationName,
    OrganisationPage,
    OrganisationRelation,
)
from .sources import SourceIndexPage, SourcePage, Verification
from .submissions import Submission, SubmissionFile, SubmissionMessage
from .workflow import FourEyesApprovalTask, SourceCheckTask

__all__ = [
    "ArchiveRequest",
    "CitationCheck",
    "Contributor",
    "EssayCitation",
    "EssayContributor",
    "EssayCorrection",
    "EssayIndexPage",
    "EssayPage",
    "FourEyesApprovalTask",
    "LinkCheck",
    "LinkKind",
    "LinkState",
    "OrganisationIndexPage",
    "OrganisationName",
    "OrganisationPage",
    "OrganisationRelation",
    "SourceCheckTask",
    "SourceIndexPage",
    "SourceLinkHealth",
    "SourcePage",
    "Submission",
    "SubmissionFile",
    "SubmissionMessage",
    "Verification",
]
