"""What a business area brings to the platform, declared in the area's own package and collected here.

An area (residents, employment, and the areas to come: services and training, assistance, pensions and retirees, the
social-security card, petitions and inspection, office standards, dashboards, the portal) is a Django app with a module
`area.py` that calls `register(Area(...))`. Core imports those modules at start-up (`discover()`, from
CoreConfig.ready) without knowing their names, and everything else reads the registry: the permissions each role holds,
the menu, the panels of the person page, the pending work on the home page, the review chains, the names of audit
actions, `hrss demo`, and the scope sweep of the test suite. docs/architecture.md has the checklist for a new area.

Nothing here imports an area; an area imports core.
"""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from django.utils.module_loading import autodiscover_modules


@dataclass(frozen=True)
class MenuEntry:
    """A link in the workbench's top menu, shown to users holding `permission`, in `order` among core's and every
    area's entries (core: 服务网点 10, 账号管理 50, 审计日志 60, 节假日安排 70). `url_args`, when given, is a
    function of the user returning the url's arguments, or None to leave the entry out for that user."""

    label: str
    url_name: str
    permission: object
    order: int = 100
    url_args: Callable | None = None


@dataclass(frozen=True)
class Panel:
    """A section of a page about one object (`page`: "person" for a person's page, "region_statistics" for a
    region's statistics page; later "household" and "office"). `context` is a function (request, obj) returning
    the template's context, or None when the panel has nothing for this user (for example a user without the
    area's permission); it must reach data only through core.scoping. `template` is rendered with that context,
    the page's object as `obj` and the request's (user, csrf_token, ...)."""

    page: str
    template: str
    context: Callable
    order: int = 100


@dataclass(frozen=True)
class SweepWrite:
    """A write service the scope sweep calls directly, once per outsider (persona names; by default the neighbouring
    village's assistant and the neighbouring county's officer), with `kwargs(personas)` and actor=the outsider. It
    must raise PermissionDenied, change nothing of the state digest, and leave a DENIED audit entry."""

    service: Callable
    kwargs: Callable
    outsiders: Sequence = ("neighbour_village_assistant", "neighbour_county_officer")


@dataclass(frozen=True)
class SweepRows:
    """An area's rows of the scope sweep (tests/core/test_scope_sweep.py), kept in the area's module `sweep.py` as
    `ROWS = SweepRows(...)` and found there by the test suite, which holds the personas (users of 下城社区, of a
    neighbouring village and of a neighbouring county) and core's and accounts' rows. The route and API tables are
    keyed like the sweep's own (see there); a parameter or body value naming a persona stands for its primary key.
    `objects(personas)` makes the area's objects in 下城社区 and returns them by name (areas are asked in the order
    of INSTALLED_APPS, so an area finds the objects of those before it). `state()` returns what the area's writes
    could change, for the state digest: querysets or models (every column counts) or lists of rows. `writes` lists
    a SweepWrite for each write service; `services` names the area's modules of write services, and every public
    function defined there must be in `writes` or in `not_swept` (function -> why the sweep does not call it: it
    only reads, it is a step inside another listed service's transaction, it is the server operator's path...)."""

    list_routes: Mapping = field(default_factory=dict)
    region_param_routes: Mapping = field(default_factory=dict)
    object_routes: Mapping = field(default_factory=dict)
    create_routes: Mapping = field(default_factory=dict)
    # GET path template -> its path parameters; or, for an operation only some roles may use, {"params": {...},
    # "query": {...}, "insider": persona, "outsiders": [personas]}.
    api_reads: Mapping = field(default_factory=dict)
    api_writes: Mapping = field(default_factory=dict)
    # GET path template -> (its parameters, why): an operation whose answer holds no region's data and is the same
    # for every caller (a code checked against its standard); the sweep checks that outsiders get what insiders get.
    api_unscoped_reads: Mapping = field(default_factory=dict)
    objects: Callable | None = None
    state: Callable | None = None
    writes: Sequence = ()
    services: Sequence = ()
    not_swept: Mapping = field(default_factory=dict)


@dataclass(frozen=True)
class Area:
    label: str  # the Django app label
    name: str  # 中文名, as users see it
    order: int = 100
    permissions: Sequence = ()  # the area's Permission objects (core.permissions.Permission)
    grants: Mapping = field(default_factory=dict)  # role -> the area's permissions that role holds
    roles: Sequence = ()  # roles the area adds (core.permissions.RoleSpec)
    chains: Sequence = ()  # review chains (core.review.Chain)
    pending: Sequence = ()  # providers: user -> [core.pending.PendingItem]
    menu: Sequence[MenuEntry] = ()
    panels: Sequence[Panel] = ()
    audit_actions: Mapping = field(default_factory=dict)  # action code -> 中文名
    audit_fields: Mapping = field(default_factory=dict)  # field name -> 中文名, for the audit log's before → after
    audit_values: Mapping = field(default_factory=dict)  # field name -> {value: 中文名}
    # demo(stdout, options): adds the area's demo data (hrss demo, in demo_order); returns lines to print after
    # every area's demo (the demo logins), or None. options: hrss demo's --people and --seed.
    demo: Callable | None = None
    demo_order: int = 100
    services: Sequence = ()  # the services the area offers the public (core.catalogue.Service)
    measures: Sequence = ()  # how the area's data measure the platform's targets (core.targets.Measure)
    figures: Sequence = ()  # (the part's name, core.parts.Figure): the area's statistics figures (figures())


_areas = {}


def register(area):
    """Called once by each area's `area.py`. Registers what the area brings with the registries that already
    serve it (permissions, review chains, pending work, audit names, the service catalogue), and keeps the rest for
    the readers below."""
    from hrss.core import audit, catalogue, pending, permissions, review, targets

    if area.label in _areas:
        raise ValueError(f"area {area.label!r} is registered twice")
    _areas[area.label] = area
    for role in area.roles:
        permissions.register_role(role)
    for permission in area.permissions:
        permissions.register_permission(permission)
    permissions.grant(area.grants)
    for chain in area.chains:
        review.register_chain(chain)
    for provider in area.pending:
        pending.register(provider)
    audit.register_actions(area.audit_actions)
    audit.register_fields(area.audit_fields)
    for key, names in area.audit_values.items():
        audit.register_values(key, names)
    for service in area.services:
        if service.area_label != area.label:
            raise ValueError(f"service {service.code!r} names area {service.area_label!r}, not {area.label!r}")
        catalogue.register_service(service)
    for measure in area.measures:
        targets.register_measure(measure, area.label)
    return area


def discover():
    """Import every installed app's `area` module (as Django's admin does with `admin`)."""
    autodiscover_modules("area")


def all_areas():
    return sorted(_areas.values(), key=lambda area: (area.order, area.label))


def get(label):
    return _areas[label]


def menu_for(user, entries=()):
    """The menu entries of every area (and `entries`, core's own) this user may open, in order, as
    [(label, url)]."""
    from django.urls import reverse

    from hrss.core.permissions import permissions_of

    granted = permissions_of(user)
    shown = []
    for entry in sorted([*entries, *(entry for area in all_areas() for entry in area.menu)], key=lambda e: e.order):
        if entry.permission not in granted:
            continue
        args = entry.url_args(user) if entry.url_args else ()
        if args is None:
            continue
        shown.append((entry.label, reverse(entry.url_name, args=args)))
    return shown


def panels_for(page, request, obj):
    """The panels of `page` about `obj` that have something for this user, in order, each rendered to HTML."""
    from django.template.loader import render_to_string

    shown = []
    for panel in sorted((p for area in all_areas() for p in area.panels if p.page == page), key=lambda p: p.order):
        context = panel.context(request, obj)
        if context is not None:
            shown.append(render_to_string(panel.template, {"obj": obj, **context}, request=request))
    return shown


def url_includes():
    """(label, module) of every registered area whose app has a `urls` module: the project's urls.py mounts it
    under /<label>/ with the label as namespace, so the module's app_name must be the label."""
    from importlib.util import find_spec

    from django.apps import apps

    found = []
    for area in all_areas():
        module = f"{apps.get_app_config(area.label).name}.urls"
        if find_spec(module) is not None:
            found.append((area.label, module))
    return found


def demo_providers():
    return [area for area in sorted(_areas.values(), key=lambda area: (area.demo_order, area.label)) if area.demo]


def figures():
    """[(the area's name, the part's name, core.parts.Figure)] of every registered area, in the areas' order: every
    statistics figure of the platform (a township's monthly report snapshots them)."""
    return [(area.name, part_name, figure) for area in all_areas() for part_name, figure in area.figures]
