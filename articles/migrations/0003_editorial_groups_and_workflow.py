"""Groups, permissions and the "Editorial review" workflow.

Safe on an existing site: everything is found by name before it is created,
permissions are only ever added (never removed), and no group is deleted.

Wagtail's own migrations create "Moderators", "Editors" and a "Moderators
approval" workflow on the root page. This migration extends Wagtail's "Editors"
group (it becomes the collective's editors), leaves "Moderators" as it is, and
replaces "Moderators approval" as the root page's workflow with "Editorial
review" (only if the root still has Wagtail's default: a workflow an
administrator chose on purpose is kept).
"""

from django.db import migrations

CONTRIBUTORS = "Contributors"
FACT_CHECKERS = "Fact-checkers"
EDITORS = "Editors"

# Page permissions on the root page, so they apply to the whole site.
# "add" lets a user create pages and edit the pages they own.
PAGE_PERMISSIONS = {
    CONTRIBUTORS: ["add_page"],
    FACT_CHECKERS: ["add_page"],
    EDITORS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page", "bulk_delete_page"],
}
PAGE_PERMISSION_NAMES = {
    "add_page": "Add a page / edit a page you own",
    "change_page": "Change any page",
    "publish_page": "Publish any page",
    "lock_page": "Lock any page",
    "unlock_page": "Unlock any page",
    "bulk_delete_page": "Delete pages with children",
}

UPLOADS = [
    ("wagtailimages", "image", ["add", "choose"]),
    ("wagtaildocs", "document", ["add", "choose"]),
]
EDITOR_UPLOADS = [
    ("wagtailimages", "image", ["change", "delete"]),
    ("wagtaildocs", "document", ["change", "delete"]),
]

# Model permissions: (app_label, model, actions)
MODEL_PERMISSIONS = {
    CONTRIBUTORS: [("wagtailadmin", "admin", ["access"])],
    FACT_CHECKERS: [("wagtailadmin", "admin", ["access"])],
    EDITORS: [
        ("wagtailadmin", "admin", ["access"]),
        ("articles", "contributor", ["add", "change", "delete", "view"]),
    ],
}

WORKFLOW = "Editorial review"
TASKS = [("Source check", [FACT_CHECKERS, EDITORS]), ("Editorial approval", [EDITORS])]
WAGTAIL_DEFAULT_WORKFLOW = "Moderators approval"


def permission(apps, app_label, model, codename, name=None):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    return Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name or codename}
    )[0]


def setup(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    Task = apps.get_model("articles", "FourEyesApprovalTask")
    ContentType = apps.get_model("contenttypes", "ContentType")

    groups = {name: Group.objects.get_or_create(name=name)[0] for name in PAGE_PERMISSIONS}
    root = Page.objects.filter(depth=1).order_by("path").first()
    root_collection = Collection.objects.filter(depth=1).order_by("path").first()

    for name, group in groups.items():
        for codename in PAGE_PERMISSIONS[name]:
            perm = permission(apps, "wagtailcore", "page", codename, PAGE_PERMISSION_NAMES[codename])
            if root is not None:
                GroupPagePermission.objects.get_or_create(group=group, page=root, permission=perm)
        for app_label, model, actions in MODEL_PERMISSIONS[name]:
            for action in actions:
                group.permissions.add(permission(apps, app_label, model, f"{action}_{model}"))
        uploads = UPLOADS + (EDITOR_UPLOADS if name == EDITORS else [])
        for app_label, model, actions in uploads:
            for action in actions:
                perm = permission(apps, app_label, model, f"{action}_{model}")
                if root_collection is not None:
                    GroupCollectionPermission.objects.get_or_create(
                        group=group, collection=root_collection, permission=perm
                    )

    task_type, _ = ContentType.objects.get_or_create(
        app_label="articles", model="foureyesapprovaltask"
    )
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    for order, (task_name, group_names) in enumerate(TASKS):
        task = Task.objects.filter(name=task_name).first()
        if task is None:
            task = Task.objects.create(name=task_name, content_type=task_type, active=True)
            task.groups.set([groups[group_name] for group_name in group_names])
        WorkflowTask.objects.get_or_create(
            workflow=workflow, task=task, defaults={"sort_order": order}
        )

    if root is not None:
        assigned = WorkflowPage.objects.filter(page=root).select_related("workflow").first()
        if assigned is None:
            WorkflowPage.objects.create(page=root, workflow=workflow)
        elif assigned.workflow.name == WAGTAIL_DEFAULT_WORKFLOW:
            assigned.workflow = workflow
            assigned.save()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0002_four_eyes_task"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(setup, migrations.RunPython.noop)]
