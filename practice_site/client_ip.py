"""The visitor's IP address, honouring the TLS proxy in front of the app (and only it).

Used by the login lockout (django-axes) and the inquiry form's rate limit, so both agree."""

from django.conf import settings


def client_ip(request):
    """REMOTE_ADDR, or, behind `TRUSTED_PROXY_COUNT` proxies, the address the nearest trusted
    proxy saw (counted from the right of X-Forwarded-For, so a client can't spoof it)."""
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies and forwarded:
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if len(hops) >= proxies:
            return hops[-proxies]
    return request.META.get("REMOTE_ADDR", "")
