"""An employer's codes as jobservices checks them: the checks live in core (hrss/core/credit_codes.py, one home for
every area that records an employer), re-exported here under the names jobservices and its tests use."""

from hrss.core.credit_codes import (  # noqa: F401
    FORBIDDEN_IN_USCC,
    ORGCODE_BODY,
    ORGCODE_WEIGHTS,
    USCC_ALPHABET,
    USCC_AUTHORITIES,
    USCC_VALUES,
    USCC_WEIGHTS,
    CodeCheck,
    check_code,
    check_orgcode,
    check_uscc,
    complete_orgcode,
    complete_uscc,
    kind_of,
    normalise,
    orgcode_check_char,
    uscc_check_char,
)
