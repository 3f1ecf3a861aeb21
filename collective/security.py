from django.conf import settings


class AdminContentSecurityPolicyMiddleware:
    """The admin's Content-Security-Policy (ADMIN_CSP): Wagtail's editor needs inline
    scripts and styles and frames its own previews. Public pages keep SECURE_CSP.

    Listed after Django's CSP middleware, so it marks the response before that
    middleware writes the header."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefix = f"/{settings.ADMIN_PATH}/"

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(self.prefix):
            response._csp_config = settings.ADMIN_CSP
        return response
