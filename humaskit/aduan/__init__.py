"""Complaint handling (`humaskit aduan`): record, move through stages, import, report."""
