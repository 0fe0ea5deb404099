"""Starting the desktop app where it cannot show a window gives advice, not a Qt abort."""

from __future__ import annotations

import ctypes.util
import sys

import pytest

from briefing_studio import cli

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux displays")


def test_a_machine_without_a_display_is_told_to_use_the_headless_commands():
    problem = cli.display_problem({})
    assert problem and "briefing render" in problem and "No display" in problem


def test_an_explicit_qt_platform_is_trusted():
    assert cli.display_problem({"QT_QPA_PLATFORM": "offscreen"}) is None


def test_missing_x11_libraries_are_named_with_their_packages(monkeypatch):
    monkeypatch.setattr(
        ctypes.util, "find_library", lambda name: None if name == "xcb-cursor" else name
    )
    problem = cli.display_problem({"DISPLAY": ":0"})
    assert problem and "apt install libxcb-cursor0" in problem


def test_wayland_sessions_need_no_x11_libraries(monkeypatch):
    monkeypatch.setattr(ctypes.util, "find_library", lambda name: None)
    assert cli.display_problem({"WAYLAND_DISPLAY": "wayland-0"}) is None


def test_the_briefing_command_without_a_display_exits_2_with_the_advice(monkeypatch, capsys):
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    assert cli.main([]) == cli.EXIT_USER_ERROR
    assert "briefing render" in capsys.readouterr().err
