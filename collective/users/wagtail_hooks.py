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


@hooks.register("register_log_actions")
def two_factor_log_actions(actions):
    actions.register_action(
        "collective.two_factor.device_added", "Authenticator added", "Authenticator app added"
    )
    actions.register_action(
        "collective.two_factor.device_removed", "Authenticator removed", "Authenticator removed"
    )
    actions.register_action(
        "collective.two_factor.recovery_code_used",
        "Recovery code used",
        "Signed in with a recovery code",
    )
