"""DOCX → PDF through a running LibreOffice, for the warm timing in ``bench/bench_docxtpl.py``.

Runs under the Python that has LibreOffice's ``uno`` module (on Debian, ``/usr/bin/python3``
with ``python3-uno``), not the project's venv. It connects to an ``soffice`` started with
``--accept=pipe,name=NAME;urp;``, then converts one ``SOURCE<TAB>TARGET`` pair per input line
and answers ``ok`` (or ``error: …``) per line, so the caller times each conversion with the
office already running, as a conversion service (unoserver, Gotenberg) would. At the end of
its input it closes the office.

    python3 uno_convert.py PIPE_NAME
"""

import sys
import time

import uno  # also installs the importer for com.sun.star below
from com.sun.star.beans import PropertyValue

CONNECT_TIMEOUT_S = 60.0


def _property(name, value):
    prop = PropertyValue()
    prop.Name, prop.Value = name, value
    return prop


def _desktop(pipe):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local
    )
    deadline = time.monotonic() + CONNECT_TIMEOUT_S
    while True:
        try:
            context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            break
        except Exception:  # the office is still starting
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)
    return context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)


def _convert(desktop, source, target):
    document = desktop.loadComponentFromURL(
        uno.systemPathToFileUrl(source), "_blank", 0, (_property("Hidden", True),)
    )
    try:
        document.storeToURL(
            uno.systemPathToFileUrl(target), (_property("FilterName", "writer_pdf_Export"),)
        )
    finally:
        document.close(True)


def main():
    desktop = _desktop(sys.argv[1])
    print("ready", flush=True)
    for line in sys.stdin:
        source, target = line.rstrip("\n").split("\t")
        try:
            _convert(desktop, source, target)
            print("ok", flush=True)
        except Exception as exc:
            print(f"error: {exc}", flush=True)
    try:  # end of input: shut the office down cleanly (it removes its pipe)
        desktop.terminate()
    except Exception:  # the office already went away
        pass


if __name__ == "__main__":
    main()
