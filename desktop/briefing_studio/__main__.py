"""``python -m briefing_studio`` behaves like the ``briefing`` command."""

from briefing_studio.cli import main

raise SystemExit(main())
