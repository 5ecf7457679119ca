"""What the loans part brings to the area (hrss/jobservices/parts.py): the application's review chain, the audit
names, and (below) hub links, the person page's panel, pending work and the demo."""

from hrss.jobservices.loans import audit_names
from hrss.jobservices.loans.chains import LOAN_APPLICATION
from hrss.jobservices.parts import Part

PART = Part(
    label="loans",
    chains=(LOAN_APPLICATION,),
    audit_actions=audit_names.ACTIONS,
    audit_fields=audit_names.FIELDS,
    audit_values=audit_names.VALUES,
)
