"""Where a core.review case is handled: its area's page of the record behind it (the unemployment registration, the
loan application, ...). core.review has no generic page of a case and the areas no queue filtered by case (only
employment has a queue), so this maps each chain's case_type to the record's reverse name on ReviewCase and the
area's page of it; a case_type not listed (a chain added later) is shown without a link until it is added here."""

from django.urls import NoReverseMatch, reverse

from hrss.core.models import ReviewCase

# case_type: (the record's reverse accessor on ReviewCase, the url name of the record's page)
CASE_PAGES = {
    "employment.unemployment_registration": ("unemployment_registration", "employment:registration-detail"),
    "assistance.flexible_subsidy": ("flexible_subsidy", "assistance:flexible-subsidy-detail"),
    "assistance.recognition": ("difficulty_recognition", "assistance:recognition-detail"),
    "jobservices.loan_application": ("loan_application", "jobservices:loans-application-detail"),
    "jobservices.training_subsidy": ("training_subsidy_claim", "jobservices:training-claim-detail"),
    "pensions.award": ("pension", "pensions:benefits-detail"),
}


def case_urls(cases):
    """{case pk: the address of its page} for the cases whose area has one (one query per case type)."""
    by_type = {}
    for case in cases:
        by_type.setdefault(case.case_type, []).append(case.pk)
    urls = {}
    for case_type, ids in by_type.items():
        if case_type not in CASE_PAGES:
            continue
        accessor, url_name = CASE_PAGES[case_type]
        relation = ReviewCase._meta.get_field(accessor)
        for case_id, pk in (relation.related_model.objects.filter(**{f"{relation.field.name}__in": ids})
                            .values_list(relation.field.attname, "pk")):
            try:
                urls[case_id] = reverse(url_name, args=[pk])
            except NoReverseMatch:  # the area's page renamed: no link rather than an error page
                break
    return urls
