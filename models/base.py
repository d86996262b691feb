"""Columns every stored row carries: who created or changed it, and when."""

from tortoise import fields
from tortoise.models import Model


class Audited(Model):
    """Abstract base: created/modified by and time on every row."""

    id = fields.BigIntField(primary_key=True)
    create_by = fields.CharField(max_length=64, null=True)
    create_time = fields.DatetimeField(auto_now_add=True)
    modify_by = fields.CharField(max_length=64, null=True)
    modify_time = fields.DatetimeField(auto_now=True)

    class Meta:
        abstract = True
