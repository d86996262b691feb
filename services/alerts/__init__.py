"""Alerts: channels and rules (rules.py), the incidents a job's state opens and resolves (incidents.py), and the
messages sent to generic webhooks, DingTalk, WeCom and Slack (messages.py, delivery.py)."""
