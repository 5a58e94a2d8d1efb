"""Extraction from clean documents: named entities (with aliases merged), quotes and dates."""
