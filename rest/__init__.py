"""The original service's REST paths, answering its {code, data, msg, success} envelope."""
