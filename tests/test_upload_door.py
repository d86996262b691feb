"""Uploads are refused before their body is read (issue 24 item 3, issue 18 item 11): a viewer's jar, UDF or schema
file on either face, and a schema file over its own 10 MB limit, spool nothing beyond a small buffer."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from hlink.app import create_app
from hlink.models import AuditEntry
from tests.helpers import AUTH, app_settings
from tests.test_access import bearer, make_user

BOUNDARY = "hlinkboundary"
CHUNK = 64 * 1024


class Streamed:
    """A multipart body of ``size`` bytes of file, handed over in chunks as the server asks for them."""

    def __init__(self, field: str, size: int, extra: dict[str, str] | None = None) -> None:
        self.sent = 0
        parts = "".join(
            f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'
            for k, v in (extra or {}).items()
        )
        self.head = (
            f'{parts}--{BOUNDARY}\r\nContent-Disposition: form-data; name="{field}"; filename="big.jar"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n"
        ).encode()
        self.tail = f"\r\n--{BOUNDARY}--\r\n".encode()
        self.size = size

    def length(self) -> int:
        return len(self.head) + self.size + len(self.tail)

    async def __aiter__(self) -> AsyncIterator[bytes]:
        self.sent += len(self.head)
        yield self.head
        left = self.size
        while left > 0:
            chunk = b"\0" * min(CHUNK, left)
            left -= len(chunk)
            self.sent += len(chunk)
            yield chunk
        self.sent += len(self.tail)
        yield self.tail


def headers(secret: str | None, length: int | None) -> dict[str, str]:
    given = {"Content-Type": f"multipart/form-data; boundary={BOUNDARY}", "Apollo-Require-Preflight": "true"}
    if secret:
        given.update(bearer(secret))
    if length is not None:
        given["Content-Length"] = str(length)
    return given


GRAPHQL_UPLOAD = {
    "operations": json.dumps(
        {"query": "mutation($f: Upload!) { uploadJar(file: $f) { jar { id } } }", "variables": {"f": None}}
    ),
    "map": json.dumps({"0": ["variables.f"]}),
}


@pytest.mark.parametrize(
    ("path", "field", "extra"),
    [
        ("/jars/upload", "jarfile", {}),
        ("/ds/udf/upload", "file", {}),
        ("/ds/schemaAnalysisDO?schemaType=0&structureType=1", "file", {}),
        ("/graphql", "0", GRAPHQL_UPLOAD),
    ],
)
async def test_a_viewers_upload_is_refused_before_its_body_is_read(
    client: httpx.AsyncClient, path: str, field: str, extra: dict[str, str]
) -> None:
    viewer = (await make_user(client, "vic", "VIEWER"))["secret"]
    for declared in (True, False):  # with a Content-Length, and chunked
        body = Streamed(field, 900 * 1024, extra)  # under the tests' 1 MB upload limit: the role refuses it
        response = await client.post(path, content=body, headers=headers(viewer, body.length() if declared else None))
        assert response.status_code == 403, response.text
        assert "vic is a viewer" in response.text and "developer" in response.text
        assert body.sent <= CHUNK + len(body.head), body.sent  # at most the first chunk the transport hands over
    assert await AuditEntry.filter(actor="vic", outcome="denied").count() == 2  # audited as the services would


async def test_a_schema_file_over_its_limit_is_cut_off_at_the_limit(database_url: str, tmp_path: Path) -> None:
    app = create_app(app_settings(database_url, tmp_path, HLINK_MAX_UPLOAD_MB="256"), manage_database=False)
    transport = httpx.ASGITransport(app=app)
    path = "/ds/schemaAnalysisDO?schemaType=0&structureType=1"
    async with httpx.AsyncClient(transport=transport, base_url="http://hlink.test", headers=AUTH) as client:
        body = Streamed("file", 20 * 1024 * 1024)
        declared = await client.post(path, content=body, headers=headers(None, body.length()))
        assert declared.status_code == 413 and "10 MB" in declared.text, declared.text
        assert body.sent <= CHUNK + len(body.head), body.sent
        chunked = Streamed("file", 20 * 1024 * 1024)
        cut = await client.post(path, content=chunked, headers=headers(None, None))
        assert cut.status_code == 413, cut.text
        assert chunked.sent <= 10 * 1024 * 1024 + 2 * CHUNK + len(chunked.head), chunked.sent
    await app.state.runtime.close()
