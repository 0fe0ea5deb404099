"""Briefing Studio: Vietnamese source texts in, formatted DOCX and PDF briefings out.

The package is layered (see docs/ARCHITECTURE.md): ``sources`` → ``analysis`` → ``briefing`` →
``templating`` → ``document`` → ``render``; ``cli`` and ``ui`` drive those layers. Nothing
outside ``ui`` imports Qt.
"""

__version__ = "0.1.0"
