"""Renderings of a briefing: Markdown, one self-contained HTML file, and the JSON contract."""
