"""The data catalog: datasources, their connector forms, their DDL and the analysis of schema files."""
