"""What a citizen needs at a glance on a service page: the office, its hours and contacts, the survey's QR code."""

from __future__ import annotations

import re
import urllib.parse

import segno
from markupsafe import Markup

from ..model import Office, ServiceStandard

DAYS = ("senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu")


def hours(office: Office | None) -> list[tuple[str, str]]:
    """(day key, hours) in week order, for the days the office config names."""
    return [(day, office.hours[day]) for day in DAYS if office and day in office.hours]


def tel_url(number: str) -> str:
    """tel: link of a phone number as written, e.g. (061) 6941234 -> tel:0616941234."""
    return "tel:" + re.sub(r"[^0-9+]", "", number)


def whatsapp_url(number: str) -> str:
    """wa.me link: Indonesian numbers written 08... become 628..., as WhatsApp wants the country code."""
    digits = re.sub(r"[^0-9]", "", number)
    if digits.startswith("0"):
        digits = "62" + digits[1:]
    return f"https://wa.me/{digits}"


def survey_url(standard: ServiceStandard, office: Office | None) -> str | None:
    """The survey form of this service: its own, else the office's."""
    return standard.survey_url or (office.survey_url if office else None)


def short_address(url: str) -> str:
    """The address as people type it under a QR code: no scheme, no trailing slash."""
    parts = urllib.parse.urlsplit(url)
    return (parts.netloc + parts.path).rstrip("/") + (f"?{parts.query}" if parts.query else "")


def qr_svg(url: str, label: str) -> Markup:
    """The address as a QR code, an inline SVG made at build time (no network), named for screen readers."""
    code = segno.make(url, error="m", micro=False)
    svg = code.svg_inline(scale=3, border=2, dark="#000", light="#fff", svgclass="lms-qr__code", lineclass=None)
    return Markup(svg.replace("<svg ", '<svg role="img" ', 1).replace(
        ">", f"><title>{Markup.escape(label)}</title>", 1))
