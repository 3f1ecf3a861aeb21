"""Queries every page type shares over its relations, written from the relation itself
so that no page type's module needs another's."""


def linked_organisations(page):
    """The organisations readers may see that ``page`` names (its ``organisations``), by
    short name, with only what a link shows. A preview's are held in memory
    (modelcluster): those of them readers may see."""
    named = page.organisations
    if page.relations_stored():
        organisations = named.all()
    else:
        organisations = named.model.objects.filter(pk__in=[org.pk for org in named.all()])
    return list(organisations.readable().only(*named.model.LINK_FIELDS).order_by("short_name"))
