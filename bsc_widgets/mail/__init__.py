"""E-mail to teams: each month's reports and the reminders that a report is due, through any SMTP server.

``plan_reports`` and ``plan_reminders`` say what would go to whom (a dry run lists them); ``send`` sends
what was planned, one message per person, in the team's language, skipping what the log says was sent
before, and writing each message to the log once the server accepts it. Python's ``smtplib`` and
``email`` do the sending; nothing here needs a library of its own.
"""
from .outbox import Outgoing, Sent, deliver, plan_reminders, plan_reports, reports_missing, send, write_log
from .smtp import SmtpSettings

__all__ = ["Outgoing", "Sent", "SmtpSettings", "deliver", "plan_reminders", "plan_reports", "reports_missing", "send",
           "write_log"]
