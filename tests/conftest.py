import pytest

from tests.factories import HomePageFactory


@pytest.fixture
def home_page(db):
    return HomePageFactory()
