"""The Plan tab: a SMART plan in language that cares, checked as it is typed, printed for each reader."""
