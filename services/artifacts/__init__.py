"""Artifacts: uploaded job jars and UDF jars, and the storage folder that holds them."""
