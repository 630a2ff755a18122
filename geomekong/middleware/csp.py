"""Content-Security-Policy for HTML pages, with hashes of the page's own inline scripts.

Hashes rather than nonces: a nonce changes on every response, so a page revalidated with a 304
(the cached body with the new policy's headers) would have its inline scripts blocked. A hash
names the exact inline code (django-leaflet's map set-up), so the policy allows that and no
injected script. JSON data blocks (<script type="application/json">) are not code and need no
hash. Styles may be inline (settings.GEOMEKONG_CSP): the map's components colour their swatches
with style attributes and one module still adds a <style> element; scripts are what matters.

frame-ancestors follows X-Frame-Options: no framing, except /embed/, which exists to be framed.
"""

import base64
import hashlib
import re

from django.conf import settings

INLINE = re.compile(rb"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
DATA_TYPE = re.compile(rb"""\btype\s*=\s*["']?(application/(ld\+)?json|text/template)""", re.IGNORECASE)
SRC = re.compile(rb"\bsrc\s*=", re.IGNORECASE)
EMBED_PREFIX = "/embed/"


def _hash(code: bytes) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(code).digest()).decode() + "'"


def inline_script_hashes(html: bytes) -> list[str]:
    """The hashes of the inline scripts of an HTML page (not of files or data blocks)."""
    hashes = [_hash(code) for attributes, code in INLINE.findall(html)
              if not SRC.search(attributes) and not DATA_TYPE.search(attributes)]
    return list(dict.fromkeys(hashes))


def policy(*, scripts: list[str], embed: bool) -> str:
    directives = {name: list(sources) for name, sources in settings.GEOMEKONG_CSP.items()}
    directives["script-src"] = [*directives.get("script-src", ["'self'"]), *scripts]
    directives["frame-ancestors"] = ["*"] if embed else ["'none'"]
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.streaming or not response.content or response.has_header("Content-Security-Policy") \
                or "text/html" not in response.get("Content-Type", ""):
            return response
        response["Content-Security-Policy"] = policy(
            scripts=inline_script_hashes(response.content), embed=request.path_info.startswith(EMBED_PREFIX))
        return response
