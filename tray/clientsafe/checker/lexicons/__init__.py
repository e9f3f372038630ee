"""Phrase lists (one file per finding type) that give a post its context."""
