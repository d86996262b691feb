"""Reference data: dictionary entries and help documents."""

from tortoise import fields

from hlink.models.base import Audited


class DictEntry(Audited):
    dict_type = fields.CharField(max_length=64, db_index=True)
    dict_name = fields.CharField(max_length=128, null=True)
    dict_label = fields.CharField(max_length=128)
    dict_value = fields.CharField(max_length=128)
    dict_sort = fields.IntField(default=0)
    is_default = fields.CharField(max_length=1, default="N")
    status = fields.CharField(max_length=1, default="0")
    css_class = fields.CharField(max_length=128, null=True)
    list_class = fields.CharField(max_length=128, null=True)
    remark = fields.TextField(null=True)

    class Meta:
        table = "t_dict"


class HelpDoc(Audited):
    doc_key = fields.CharField(max_length=128, unique=True)
    title = fields.CharField(max_length=256)
    content = fields.TextField()

    class Meta:
        table = "t_doc"
