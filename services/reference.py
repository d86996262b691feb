"""Dictionaries and help documents."""

from __future__ import annotations

from hlink.models import DictEntry, HelpDoc
from hlink.services.checks import Checks
from hlink.services.errors import NotFound

#: the original spelled the sink dictionary dc_type_slink; both names answer
ALIASES = {"dc_type_slink": "dc_type_sink"}


async def dictionaries() -> dict[str, list[DictEntry]]:
    """Every dictionary's entries, grouped by dictType, in their order."""
    grouped: dict[str, list[DictEntry]] = {}
    for entry in await DictEntry.all().order_by("dict_type", "dict_sort", "id"):
        grouped.setdefault(entry.dict_type, []).append(entry)
    return grouped


async def dictionary(dict_type: str) -> list[DictEntry]:
    """One dictionary's entries; an unknown type is NotFound."""
    _short("dictType", dict_type, 64)
    entries = await DictEntry.filter(dict_type=ALIASES.get(dict_type, dict_type)).order_by("dict_sort", "id")
    if not entries:
        raise NotFound("dictionary", dict_type)
    return list(entries)


def _short(field: str, value: str, limit: int) -> None:
    checks = Checks()
    checks.max_length(field, value, limit)
    checks.done()


async def help_doc(key: str) -> HelpDoc:
    """One help document by its key."""
    _short("key", key, 128)
    doc = await HelpDoc.get_or_none(doc_key=key)
    if doc is None:
        raise NotFound("document", key)
    return doc


async def help_docs() -> list[HelpDoc]:
    return list(await HelpDoc.all().order_by("doc_key"))
