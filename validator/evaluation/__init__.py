"""Measurement on real job-board ads (never shipped data: read from a folder given at run time)."""
