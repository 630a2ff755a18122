"""Content-Security-Policy for HTML pages, with hashes of the page's own inline scripts and styles.

Hashes rather than nonces: a nonce changes on every response, so a page revalidated with a 304
(the cached body with the new policy's headers) would have its inline scripts blocked. A hash
names the exact inline code (django-leaflet's map set-up, the OGC pages' styles), so the policy
allows that and nothing injected. JSON data blocks (<script type="application/json">) are not
code and need no hash.

frame-ancestors follows X-Frame-Options: no framing, except /embed/, which exists to be framed.
"""

import base64
import hashlib
import re

from django.conf import settings

INLINE = re.compile(rb"<(script|style)\b([^>]*)>(.*?)</\1\s*>", re.IGNORECASE | re.DOTALL)
DATA_TYPE = re.compile(rb"""\btype\s*=\s*["']?(application/(ld\+)?json|text/template)""", re.IGNORECASE)
SRC = re.compile(rb"\bsrc\s*=", re.IGNORECASE)
EMBED_PREFIX = "/embed/"


def _hash(code: bytes) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(code).digest()).decode() + "'"


def inline_hashes(html: bytes) -> tuple[list[str], list[str]]:
    """(script hashes, style hashes) of the inline code blocks of an HTML page."""
    scripts, styles = [], []
    for match in INLINE.finditer(html):
        tag, attributes, code = match.group(1).lower(), match.group(2), match.group(3)
        if tag == b"script":
            if SRC.search(attributes) or DATA_TYPE.search(attributes):
                continue
            scripts.append(_hash(code))
        else:
            styles.append(_hash(code))
    return list(dict.fromkeys(scripts)), list(dict.fromkeys(styles))


def policy(*, scripts: list[str], styles: list[str], embed: bool) -> str:
    directives = {name: list(sources) for name, sources in settings.GEOMEKONG_CSP.items()}
    directives["script-src"] = [*directives.get("script-src", ["'self'"]), *scripts]
    directives["style-src"] = [*directives.get("style-src", ["'self'"]), *styles]
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
        scripts, styles = inline_hashes(response.content)
        response["Content-Security-Policy"] = policy(
            scripts=scripts, styles=styles, embed=request.path_info.startswith(EMBED_PREFIX))
        return response
