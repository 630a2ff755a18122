"""GET /healthz: is the web server up, and can it reach PostGIS?"""

from django.db import connection
from django.db.utils import DatabaseError, InterfaceError
from django.http import JsonResponse
from django.views.decorators.http import require_GET


@require_GET
def healthz(request):
    try:
        # A dropped connection (database restarted) is noticed by CONN_HEALTH_CHECKS on the
        # next request; close it here too so one failed probe does not stick.
        with connection.cursor() as cursor:
            cursor.execute("SELECT postgis_lib_version()")
            (version,) = cursor.fetchone()
    except (DatabaseError, InterfaceError) as exc:
        connection.close()
        first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return JsonResponse(
            {"status": "error", "database": "unavailable",
             "message": f"Cannot reach the PostGIS database: {first_line}"},
            status=503,
        )
    return JsonResponse({"status": "ok", "database": "ok", "postgis": version})
