"""The Content-Security-Policy: inline code allowed by hash only, framing only for /embed/."""

import base64
import hashlib
import re

import pytest

from geomekong.middleware.csp import inline_script_hashes

pytestmark = pytest.mark.django_db


def _policy(response) -> dict[str, list[str]]:
    return {d.split()[0]: d.split()[1:] for d in response["Content-Security-Policy"].split("; ")}


def test_inline_scripts_are_hashed_and_data_blocks_and_files_are_not():
    html = (b'<script src="/static/a.js"></script><script type="application/json">{"a": 1}</script>'
            b"<script>run()</script><style>p{}</style>")
    digest = base64.b64encode(hashlib.sha256(b"run()").digest()).decode()
    assert inline_script_hashes(html) == [f"'sha256-{digest}'"]


def test_the_map_page_allows_exactly_its_own_inline_script(client):
    response = client.get("/")
    policy = _policy(response)
    inline = re.findall(rb"<script nonce=\"[^\"]*\">(.*?)</script>", response.content, re.DOTALL)
    assert inline, "django-leaflet's set-up script"
    expected = {f"'sha256-{base64.b64encode(hashlib.sha256(code).digest()).decode()}'" for code in inline}
    assert set(policy["script-src"]) == {"'self'", *expected}
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert response["X-Frame-Options"] == "DENY"


def test_only_the_embed_page_may_be_framed(client):
    response = client.get("/embed/")
    assert _policy(response)["frame-ancestors"] == ["*"]
    assert "X-Frame-Options" not in response


def test_json_responses_carry_no_policy(client):
    assert "Content-Security-Policy" not in client.get("/api/facets")
