"""Uploaded files, kept inside the configured storage folder and never outside it."""

from __future__ import annotations

import os
import re
import uuid
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import anyio
import anyio.to_thread

from hlink.services.checks import Checks
from hlink.services.errors import NotFound, TooLarge, ValidationFailed

CHUNK = 1024 * 1024


class Upload(Protocol):
    """What both faces hand over: Starlette's UploadFile fits."""

    filename: str | None

    async def read(self, size: int = -1) -> bytes: ...


@dataclass(frozen=True)
class StoredFile:
    relative: str  # path inside the storage folder, with forward slashes
    original_name: str
    stored_name: str
    size: int


def _safe_name(name: str) -> str:
    base = os.path.basename(name.replace("\\", "/"))
    return re.sub(r"[^A-Za-z0-9._-]", "_", base) or "upload"


@dataclass(frozen=True)
class Storage:
    """The storage folder and the upload size limit."""

    root: Path
    max_bytes: int

    async def save_jar(self, upload: Upload | None, folder: str, field: str = "jarfile") -> StoredFile:
        """Stream an upload into ``folder``; refuse a missing, empty, oversized or non-jar file."""
        checks = Checks()
        if upload is None or not upload.filename:
            checks.add(field, "a jar file is required")
            checks.done()
        assert upload is not None and upload.filename is not None
        if not upload.filename.lower().endswith(".jar"):
            checks.add(field, f"{upload.filename!r} is not a .jar file")
            checks.done()
        original = os.path.basename(upload.filename.replace("\\", "/"))
        stored = f"{uuid.uuid4().hex}_{_safe_name(original)}"
        target_dir = self.root / folder
        target_dir.mkdir(parents=True, exist_ok=True)
        target = target_dir / stored
        size = 0
        try:
            async with await anyio.open_file(target, "wb") as out:
                while chunk := await upload.read(CHUNK):
                    size += len(chunk)
                    if size > self.max_bytes:
                        raise self.too_large(field)
                    await out.write(chunk)
            if size == 0:
                raise ValidationFailed({field: "is empty"})
            if not await anyio.to_thread.run_sync(zipfile.is_zipfile, target):
                raise ValidationFailed({field: f"{original!r} is not a jar (not a zip archive)"})
        except BaseException:
            target.unlink(missing_ok=True)  # never leave half a file behind
            raise
        return StoredFile(relative=f"{folder}/{stored}", original_name=original, stored_name=stored, size=size)

    async def read_upload(self, upload: Upload | None, field: str, limit: int) -> tuple[str, bytes]:
        """A small upload read whole (a schema file): its name and bytes; missing, empty or too large is refused."""
        if upload is None or not upload.filename:
            raise ValidationFailed({field: "a file is required"})
        data = bytearray()
        while chunk := await upload.read(CHUNK):
            data.extend(chunk)
            if len(data) > limit:
                raise TooLarge({field: f"is larger than {limit // (1024 * 1024)} MB"})
        if not data:
            raise ValidationFailed({field: "is empty"})
        return os.path.basename(upload.filename.replace("\\", "/")), bytes(data)

    async def save_bytes(self, folder: str, original: str, data: bytes) -> str:
        """Keep ``data`` under ``folder`` with a unique name; answer its path inside the storage folder."""
        stored = f"{uuid.uuid4().hex}_{_safe_name(original)}"
        target = self.root / folder / stored
        target.parent.mkdir(parents=True, exist_ok=True)
        await anyio.Path(target).write_bytes(data)
        return f"{folder}/{stored}"

    def too_large(self, field: str) -> TooLarge:
        return TooLarge({field: f"is larger than the upload limit of {self.max_bytes // (1024 * 1024)} MB"})

    def resolve(self, relative: str) -> Path:
        """An existing file inside the storage folder, or NotFound; paths that leave it are refused."""
        if "\x00" in relative:
            raise ValidationFailed({"filePath": "must not contain a NUL character"})
        root = self.root.resolve()
        candidate = (root / relative.lstrip("/")).resolve()
        if not candidate.is_relative_to(root):
            raise ValidationFailed({"filePath": "must stay inside the storage folder"})
        try:
            found = candidate.is_file()
        except OSError:  # a name the file system cannot hold (ENAMETOOLONG): no such file
            found = False
        if not found:
            raise NotFound("file", relative)
        return candidate

    def remove(self, relative: str) -> None:
        """Delete a stored file if it is there."""
        try:
            self.resolve(relative).unlink(missing_ok=True)
        except NotFound:
            pass
