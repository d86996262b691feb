"""Jobs: their definitions, the statement script and its SQL text, submission, the lifecycle on Flink, status."""
