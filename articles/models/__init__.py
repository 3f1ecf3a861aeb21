from .contributors import Contributor
from .essays import EssayCitation, EssayContributor, EssayCorrection, EssayIndexPage, EssayPage
from .organisations import (
    OrganisationIndexPage,
    OrganisationName,
    OrganisationPage,
    OrganisationRelation,
)
from .sources import SourceIndexPage, SourcePage

__all__ = [
    "Contributor",
    "EssayCitation",
    "EssayContributor",
    "EssayCorrection",
    "EssayIndexPage",
    "EssayPage",
    "OrganisationIndexPage",
    "OrganisationName",
    "OrganisationPage",
    "OrganisationRelation",
    "SourceIndexPage",
    "SourcePage",
]
