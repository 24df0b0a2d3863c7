"""Kinscape desktop application (PySide6). The GUI draws what genogram/ decides."""
