"""schema.org JSON-LD helpers shared by every page type.

Pages return plain dicts from `get_structured_data(request)`; the `{% json_ld %}` tag serialises
them with the characters that could end a <script> element escaped."""

import json

from django.utils.html import _json_script_escapes
from django.utils.safestring import mark_safe


def dump_json_ld(data):
    """JSON for a <script type="application/ld+json"> element, safe against `</script>`."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str)
    return mark_safe(text.translate(_json_script_escapes))


def clinic_reference(practice, request=None):
    """The practice as a small `MedicalClinic` node (publisher of pages and articles)."""
    root = request.build_absolute_uri("/") if request else ""
    node = {"@type": "MedicalClinic", "name": practice.practice_name}
    if root:
        node["url"] = root
        node["@id"] = root + "#practice"
    if practice.phone:
        node["telephone"] = practice.phone_e164
    return node


def breadcrumb_list(request, crumbs):
    """`crumbs` is a list of (name, url) pairs, home first."""
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": index,
                "name": name,
                "item": request.build_absolute_uri(url),
            }
            for index, (name, url) in enumerate(crumbs, start=1)
        ],
    }


def faq_page(pairs):
    """`pairs` is a list of (question, answer_text) pairs."""
    return {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "mainEntity": [
            {
                "@type": "Question",
                "name": question,
                "acceptedAnswer": {"@type": "Answer", "text": answer},
            }
            for question, answer in pairs
        ],
    }


def medical_clinic(practice, request, specialties=()):
    """The practice as a full schema.org `MedicalClinic` (home and contact pages)."""
    node = {"@context": "https://schema.org", **clinic_reference(practice, request)}
    if practice.email:
        node["email"] = practice.email
    if practice.street_address:
        node["address"] = {
            "@type": "PostalAddress",
            "streetAddress": practice.street_address,
            "addressLocality": practice.locality,
            "addressRegion": practice.region,
            "postalCode": practice.postal_code,
            "addressCountry": "US",
        }
    hours = practice.opening_hours_specification()
    if hours:
        node["openingHoursSpecification"] = hours
    node["isAcceptingNewPatients"] = bool(practice.accepting_new_clients)
    node["medicalSpecialty"] = "Psychiatric"
    node["availableService"] = [
        {
            "@type": "PsychologicalTreatment",
            "name": specialty.title,
            "description": specialty.summary_text(),
            "url": specialty.get_full_url(request),
        }
        for specialty in specialties
    ]
    return node
