"""Small real jar files (zip archives with a manifest) for upload tests."""

from __future__ import annotations

import io
import zipfile


def jar_bytes(entry: str = "acme/Job.class", size: int = 64) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as jar:
        jar.writestr("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n")
        jar.writestr(entry, b"\xca\xfe\xba\xbe" + b"\0" * size)
    return buffer.getvalue()
