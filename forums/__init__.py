"""Feedback forums: the public asks and gives feedback, officials answer, moderators keep it clean."""
