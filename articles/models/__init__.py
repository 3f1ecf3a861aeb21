from .contributors import Contributor
from .essays import EssayCitation, EssayContributor, EssayCorrection, EssayIndexPage, EssayPage
from .organisations import (
    OrganisationIndexPage,
    OrganisationName,
    OrganisationPage,
    OrganisationRelation,
)
from .sources import SourceIndexPage, SourcePage
from .workflow import FourEyesApprovalTask

__all__ = [
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
