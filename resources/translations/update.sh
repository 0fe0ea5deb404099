#!/usr/bin/env bash
# Refresh briefing_vi.ts from the UI sources, then compile briefing_vi.qm and qtbase_vi.qm.
# Translate new strings in between with pyside6-linguist (or by editing the .ts), then run again.
# qtbase_vi.ts is Vietnamese for Qt's own strings (standard buttons, file/colour/print dialogs,
# text fields' menus), which PySide6 does not ship; its sources are Qt's, so only compiled here.
# Uses the pyside6 tools on PATH, else the project's .venv.
set -euo pipefail
cd "$(dirname "$0")/../.."
LUPDATE="$(command -v pyside6-lupdate || echo .venv/bin/pyside6-lupdate)"
LRELEASE="$(command -v pyside6-lrelease || echo .venv/bin/pyside6-lrelease)"
"$LUPDATE" desktop/briefing_studio/ui/*.py -ts resources/translations/briefing_vi.ts \
  -target-language vi_VN -no-obsolete
for name in briefing_vi qtbase_vi; do
  "$LRELEASE" "resources/translations/$name.ts" -qm "resources/translations/$name.qm"
done
