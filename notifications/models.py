"""Notifications: reminders and in-app messages (delivery arrives with the reminders work)."""
