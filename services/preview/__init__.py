"""Data previews (issue 21): the rows a job's sink query, a datasource or an ad-hoc query produce, bounded, with
nothing written and nothing left running. Not the upgrade preview (services/jobs/preview.py)."""
