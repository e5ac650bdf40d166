"""Belajar ASN site generator."""
