"""Shared test helpers for the seed texts and their gold analysis."""

from __future__ import annotations

import json
from pathlib import Path

from briefing_studio.paths import seeds_dir
from briefing_studio.sources import Block, SourceDocument, load_source

GOLD = json.loads((Path(__file__).parent / "fixtures" / "gold_seeds.json").read_text("utf-8"))


def load_seed(name: str) -> SourceDocument:
    """A seed text loaded the way the app loads it."""
    return load_source(seeds_dir() / name)


def text_source(text: str, name: str = "bai-viet.txt") -> SourceDocument:
    """One block per line, as a plain .txt file gives them, without the loader's heuristics."""
    blocks = tuple(Block(line) for line in text.split("\n") if line)
    return SourceDocument(path="", name=name, format="txt", encoding="utf-8", blocks=blocks)
