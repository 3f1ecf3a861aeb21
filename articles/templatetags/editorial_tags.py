from django import template

from articles.editorial import handle as account_handle

register = template.Library()


@register.filter
def handle(user):
    """Another account as the admin names it to non-administrators (editorial.handle)."""
    return account_handle(user)
