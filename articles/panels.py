from wagtail.admin.panels import ObjectList, TabbedInterface


def tabbed(*tabs):
    """A TabbedInterface from (heading, panels) pairs."""
    return TabbedInterface([ObjectList(panels, heading=heading) for heading, panels in tabs])
