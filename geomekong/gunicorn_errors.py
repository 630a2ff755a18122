"""gunicorn's own error answers (a request line over limit_request_line, too many or too large
headers, a malformed request) as JSON like every other error of the API, instead of its HTML page.

These requests never reach Django, so geomekong/errors.py cannot shape them; gunicorn writes them
with gunicorn.util.write_error, which use_json_errors replaces in each worker (a post_worker_init
hook in gunicorn_config.py). Status, reason and the Connection: close are gunicorn's.
"""

import json


def write_json_error(sock, status_int: int, reason: str, mesg: str) -> None:
    from gunicorn import util

    body = json.dumps({"error": f"{reason}: {mesg[:200]}" if mesg else reason}).encode()
    head = (f"HTTP/1.1 {status_int} {reason}\r\nConnection: close\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n").encode("latin-1")
    util.write_nonblock(sock, head + body)


def use_json_errors() -> None:
    from gunicorn import util

    util.write_error = write_json_error
