"""Access: users, roles and tokens (accounts.py), the role checks every change passes (roles.py), and the audit
trail of every change and sign-in (audit.py)."""
