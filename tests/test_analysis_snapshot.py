"""The analysis of a mixed 80 KB text stays exactly what it was when the expected file was made.

``fixtures/analysis_mixed.txt`` holds the seeds, the article fixtures (also with each body on
one line, as scraped pages arrive), the news sentences and the sentences of the analysis tests,
grouped into paragraphs. ``fixtures/analysis_mixed.json`` is its analysis (sections with their
sentences and cues, figures, metadata, acronyms) as made before the analysis was restructured
for speed: a change of speed must not change a single figure. A deliberate change of the
analysis regenerates the file with ``python tests/test_analysis_snapshot.py`` and its diff
shows what changed.
"""

from __future__ import annotations

import json
from pathlib import Path

from briefing_studio.analysis import analyze
from briefing_studio.analysis.model import Analysis
from briefing_studio.sources import load_source

FIXTURES = Path(__file__).parent / "fixtures"
TEXT = FIXTURES / "analysis_mixed.txt"
EXPECTED = FIXTURES / "analysis_mixed.json"


def _snapshot(analysis: Analysis) -> dict[str, object]:
    return {
        "metadata": analysis.metadata.to_json(),
        "sections": [
            [s.id, s.kind, s.level, s.text, [list(span) for span in s.sentences], list(s.cues)]
            for s in analysis.sections
        ],
        "figures": [f.to_json() for f in analysis.figures],
        "acronyms": [a.to_json() for a in analysis.acronyms],
    }


def _write(snapshot: dict[str, object]) -> None:
    """One JSON line per section, figure and acronym, so a diff shows what changed."""
    parts = []
    for key, value in snapshot.items():
        if isinstance(value, list):
            rows = ",\n".join(json.dumps(row, ensure_ascii=False) for row in value)
            parts.append(f'"{key}": [\n{rows}\n]')
        else:
            parts.append(f'"{key}": {json.dumps(value, ensure_ascii=False)}')
    EXPECTED.write_text("{\n" + ",\n".join(parts) + "\n}\n", encoding="utf-8")


def test_analysis_of_the_mixed_text_is_unchanged() -> None:
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))
    actual = json.loads(json.dumps(_snapshot(analyze(load_source(TEXT))), ensure_ascii=False))
    assert actual["metadata"] == expected["metadata"]
    assert actual["acronyms"] == expected["acronyms"]
    assert len(actual["sections"]) == len(expected["sections"])
    for got, want in zip(actual["sections"], expected["sections"], strict=True):
        assert got == want
    assert len(actual["figures"]) == len(expected["figures"])
    for got, want in zip(actual["figures"], expected["figures"], strict=True):
        assert got == want


if __name__ == "__main__":
    _write(_snapshot(analyze(load_source(TEXT))))
