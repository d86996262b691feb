"""Flink clusters: the registry of clusters and their live overview."""
