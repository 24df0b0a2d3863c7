"""Test set-up: Qt runs offscreen and never touches the user's settings or data folders."""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("KINSCAPE_TESTING", "1")
