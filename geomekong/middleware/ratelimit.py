"""A per-client-IP request limit: GEOMEKONG_RATE_LIMIT requests per window, then 429 with
Retry-After until the window ends.

Counted in the cache named "ratelimit": local memory by default, so each server process counts
for itself (with N workers a client can reach N times the limit before a 429); point
CACHES["ratelimit"] at Redis or Memcached to count across processes and hosts, or let the reverse
proxy limit (docs/deployment.md). Behind a proxy (GEOMEKONG_BEHIND_PROXY) the client is the last
address of X-Forwarded-For, the one our proxy added.
"""

import time

from django.conf import settings
from django.core.cache import caches

from geomekong.errors import error_response

EXEMPT_PREFIXES = ("/healthz", "/static/")


def client_ip(request) -> str:
    if settings.GEOMEKONG_BEHIND_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if hops:
            return hops[-1]
    return request.META.get("REMOTE_ADDR", "")


class RateLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        limit, window = settings.GEOMEKONG_RATE_LIMIT
        if limit and not request.path_info.startswith(EXEMPT_PREFIXES):
            now = time.time()
            slot = int(now // window)
            key = f"rl:{client_ip(request)}:{slot}"
            cache = caches["ratelimit"]
            cache.add(key, 0, timeout=window + 1)
            try:
                count = cache.incr(key)
            except ValueError:  # expired between add and incr
                cache.add(key, 1, timeout=window + 1)
                count = 1
            if count > limit:
                retry_after = max(1, int((slot + 1) * window - now + 0.999))
                return error_response(
                    request, 429, f"More than {limit} requests in {window} s from your address; "
                                  f"try again in {retry_after} s.",
                    headers={"Retry-After": str(retry_after)})
        return self.get_response(request)
