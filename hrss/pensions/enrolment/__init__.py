"""参保登记 (enrolment): a part of the 社会保险服务 area (core/parts.py)."""
