"""Benchmarks of kabar.clean: HTML extraction, text-scrape clean-up, metadata, speed."""
