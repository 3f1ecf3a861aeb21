from django.urls import reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem


@hooks.register("register_admin_menu_item")
def two_factor_menu_item():
    return MenuItem(
        "Two-factor authentication",
        reverse("two_factor_setup"),
        icon_name="lock",
        order=10000,
    )
