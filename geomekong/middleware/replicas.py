"""Mark requests that only read, so their queries may go to a read replica (geomekong.dbrouter)."""

from geomekong import dbrouter

READ_METHODS = ("GET", "HEAD", "OPTIONS")
PRIMARY_PREFIXES = ("/admin",)


class ReadReplicaMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in READ_METHODS or request.path_info.startswith(PRIMARY_PREFIXES):
            return self.get_response(request)
        token = dbrouter.begin_read_only_request()
        try:
            return self.get_response(request)
        finally:
            dbrouter.end_request(token)
