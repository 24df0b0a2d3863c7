"""The direct-work tools on screen: three houses, safety map, chronology, words and pictures."""
