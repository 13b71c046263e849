"""One place that parses and formats phone numbers (US by default), for settings, templates and
forms alike."""

import phonenumbers

DEFAULT_REGION = "US"


def parse_phone(value, region=DEFAULT_REGION):
    """Return a valid `PhoneNumber` or None. Accepts '(503) 555-0123', '555.010.0123', '+1...'."""
    if not value:
        return None
    try:
        number = phonenumbers.parse(str(value), region)
    except phonenumbers.NumberParseException:
        return None
    if phonenumbers.is_valid_number(number) or is_fictional_us_number(number):
        return number
    return None


def is_fictional_us_number(number):
    """NXX-555-0100 to NXX-555-0199 are reserved for fiction in North America: never "valid"
    to phonenumbers, but the demo practice (and its tests) use them."""
    national = str(number.national_number)
    return number.country_code == 1 and len(national) == 10 and national[3:8] == "55501"


def to_e164(value, region=DEFAULT_REGION):
    """'(503) 555-0123' -> '+15550100123'; '' when the value is not a phone number."""
    number = parse_phone(value, region)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164) if number else ""


def to_display(value, region=DEFAULT_REGION):
    """'+15550100123' -> '(503) 555-0123' for US numbers, international format otherwise."""
    number = parse_phone(value, region)
    if not number:
        return str(value or "")
    if number.country_code == phonenumbers.country_code_for_region(region):
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
