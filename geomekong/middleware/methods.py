"""HEAD and OPTIONS on every endpoint, and a complete Allow header on 405s (RFC 9110).

HEAD runs the GET view (so `require_GET` views answer it) and sends its headers without the
body. OPTIONS asks the view: a view that refuses it lists what it allows (Django's 405 carries
Allow), and that list becomes the answer. CORS preflights never get here (corsheaders answers
them first).
"""

from django.http import HttpResponse


def complete_allow(methods: str) -> str:
    allowed = [m.strip().upper() for m in methods.split(",") if m.strip()]
    if "GET" in allowed and "HEAD" not in allowed:
        allowed.append("HEAD")
    if "OPTIONS" not in allowed:
        allowed.append("OPTIONS")
    return ", ".join(allowed)


def _without_body(response):
    if response.streaming:
        empty = HttpResponse(status=response.status_code)
        for name, value in response.items():
            empty[name] = value
        empty.cookies = response.cookies
        response.close()
        return empty
    if not response.has_header("Content-Length"):
        response["Content-Length"] = str(len(response.content))
    response.content = b""
    return response


class HeadOptionsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "HEAD":
            request.method = "GET"
            try:
                response = self.get_response(request)
            finally:
                request.method = "HEAD"
            return _without_body(response)
        response = self.get_response(request)
        if response.status_code == 405 and response.has_header("Allow"):
            allow = complete_allow(response["Allow"])
            if request.method == "OPTIONS":
                options = HttpResponse(status=204)
                del options["Content-Type"]
                options["Allow"] = allow
                return options
            response["Allow"] = allow
        return response
