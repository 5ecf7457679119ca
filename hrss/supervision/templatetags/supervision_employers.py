"""What the employer registry (core.employers: jobservices' 用人单位台账 when installed) says of a case's or a lead's
employer by its USCC, within the viewer's scope: `{% known_employer request.user case.employer_uscc as known %}`."""

from django import template

from hrss.core.employers import known_employer as lookup

register = template.Library()


@register.simple_tag
def known_employer(user, uscc):
    return lookup(user, uscc)
