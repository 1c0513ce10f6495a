"""An AT-SPI client, as a screen reader is: run by Debian's own ``python3`` (where
``pyatspi`` lives) inside a private D-Bus session and X server (``atspi.py`` starts it).

D-Bus starts the accessibility bus when first asked; this starts the program given after
``--`` (with ``QT_LINUX_ACCESSIBILITY_ALWAYS_ON``) and drives it only through AT-SPI: actions on its
buttons and menu items, and keys synthesized by the registry. It prints one JSON object:
what got the focus after each key, the notifications that showed (what Orca 43 speaks,
which ignores ``object:announcement``), and the announcements. Kept free of the
project's code: it runs on another interpreter.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import time

import pyatspi
from gi.repository import GLib

APP_NAME = "Send/Receive Workbench"
DIALOG = "Send/Receive Progress"
TIMEOUT = 60.0  # seconds for any one wait: a loaded 2-core machine is slow
KEYS = {"Tab": 0xFF09, "Down": 0xFF54, "Left": 0xFF51, "Right": 0xFF53, "space": 0x20}

focused: list[dict[str, str]] = []
notices: list[str] = []
announcements: list[str] = []


def describe(obj) -> dict[str, str]:
    return {"role": obj.getRoleName(), "name": obj.name or "", "window": window_of(obj)}


def window_of(obj) -> str:
    """The name of the top-level window ``obj`` is in."""
    while obj.parent is not None and obj.parent.getRole() != pyatspi.ROLE_APPLICATION:
        obj = obj.parent
    return obj.name or ""


def on_event(event) -> None:
    try:
        role = event.source.getRole()
        if event.type.startswith("object:state-changed:focused") and event.detail1:
            focused.append(describe(event.source))
        elif event.type.startswith("object:state-changed:showing") and event.detail1:
            if role == pyatspi.ROLE_NOTIFICATION:
                notices.append(event.source.name or "")
        elif event.type.startswith("object:announcement"):
            announcements.append(str(event.any_data))
    except Exception as error:  # a source gone between the event and the question
        print(f"event {event.type} unreadable: {error}", file=sys.stderr)


def wait_until(condition, what: str):
    """Spin the GLib loop (where AT-SPI events arrive) until ``condition()`` is truthy."""
    deadline = time.monotonic() + TIMEOUT
    context = GLib.MainContext.default()
    while time.monotonic() < deadline:
        found = condition()
        if found:
            return found
        context.iteration(False) or time.sleep(0.02)  # nothing pending: poll again
    raise SystemExit(f"timed out waiting for {what}")


def find(root, role: str, name: str | None = None, prefix: bool = False):
    """The first showing descendant of ``role`` named ``name`` (or starting with it)."""

    def match(obj) -> bool:
        if obj is None or obj.getRoleName() != role:
            return False
        if name is None:
            return True
        return obj.name.startswith(name) if prefix else obj.name == name

    return pyatspi.findDescendant(root, match)


def application():
    def found():
        desktop = pyatspi.Registry.getDesktop(0)
        return next((app for app in desktop if app is not None and app.name == APP_NAME), None)

    return wait_until(found, "the program on the accessibility bus")


def press(root, role: str, name: str) -> None:
    """Press the control (its first action), found afresh: while the program starts, an
    object found may be gone by the time it is pressed."""

    def pressed() -> bool:
        try:
            find(root, role, name).queryAction().doAction(0)
        except (AttributeError, GLib.Error):  # not there (yet), or gone
            return False
        return True

    wait_until(pressed, f"{role} {name!r} to press")


def key(name: str, role: str, prefix: str = "") -> dict[str, str]:
    """Press ``name`` and wait for the focus to reach a ``role`` whose name starts with
    ``prefix``; what got it (a timeout prints the trail, the test's failure)."""
    before = len(focused)
    pyatspi.Registry.generateKeyboardEvent(KEYS[name], None, pyatspi.KEY_SYM)

    def reached():
        return next(
            (f for f in focused[before:] if f["role"] == role and f["name"].startswith(prefix)),
            None,
        )

    try:
        return wait_until(reached, f"{role} {prefix!r} after {name}")
    finally:
        print(name, focused[before:], file=sys.stderr)


def scenario_keyboard(app) -> dict:
    """A long run: Tab through the dialog's Tasks and Errors tabs to the Calls tab (a
    task chosen with the arrow keys), back to Cancel Task by keyboard, then Cancel All."""
    press(app, "push button", "Send/Receive All")
    wait_until(lambda: find(app, "dialog", DIALOG), "the dialog")
    press(app, "push button", "Show Progress")
    wait_until(lambda: focused and focused[-1]["window"] == DIALOG, "the dialog's first focus")
    steps = [("first", focused[-1])]
    for name, role, prefix in (
        ("Tab", "check box", "Details"),
        ("Tab", "page tab list", "Tasks"),
        ("Tab", "table cell", "Contoso - Receiving, "),  # the table says its first row
        ("Down", "table cell", "Endless - Receiving, "),  # the next row, whole
        ("Tab", "push button", ""),  # Retry is off: Cancel Task
        ("Tab", "check box", "Don't show"),
        ("Tab", "push button", ""),  # the runs' box is off while one runs: Cancel All
        ("Tab", "check box", "Details"),
        ("Tab", "page tab list", "Tasks"),
        ("Right", "page tab", "Errors"),
        ("Tab", "table", "Errors"),  # no lines: the table itself
        ("Tab", "text", ""),
        ("Tab", "push button", "Copy"),
        ("Tab", "check box", "Don't show"),
        ("Tab", "push button", ""),
        ("Tab", "check box", "Details"),
        ("Tab", "page tab list", "Errors"),
        ("Right", "page tab", "Calls"),
        ("Left", "page tab", "Errors"),
        ("Left", "page tab", "Tasks"),
        ("Tab", "table cell", "Endless - Receiving, "),  # the row chosen before
        ("Tab", "push button", "Cancel Task"),
    ):
        steps.append((name, key(name, role, prefix)))
    pyatspi.Registry.generateKeyboardEvent(KEYS["space"], None, pyatspi.KEY_SYM)
    wait_until(lambda: any(n.startswith("Cancelling ") for n in notices), "Cancel Task's word")

    def ended_or_cancelled() -> bool:  # the other tasks may end first: no Cancel All then
        if any(n.startswith("Send/Receive") for n in notices):
            return True
        with contextlib.suppress(AttributeError, GLib.Error):
            find(app, "push button", "Cancel All").queryAction().doAction(0)
        return False

    wait_until(ended_or_cancelled, "the run's end")
    return {"steps": steps, "labels": combo_labels(app), "bars": bars(app)}


def combo_labels(app) -> dict[str, list[str]]:
    """Each combo box's labelled-by relations: what Orca reads for it."""
    found = {}
    for box in pyatspi.findAllDescendants(app, lambda o: o.getRoleName() == "combo box"):
        found[box.name] = [
            relation.getTarget(i).name
            for relation in box.getRelationSet()
            if relation.getRelationType() == pyatspi.RELATION_LABELLED_BY
            for i in range(relation.getNTargets())
        ]
    return found


def bars(app) -> list[list]:
    """Every progress bar: name, value, description."""
    found = pyatspi.findAllDescendants(app, lambda o: o.getRoleName() == "progress bar")
    return [[b.name, b.queryValue().currentValue, b.description] for b in found]


def scenario_failure(app) -> dict:
    """A run with two failures, the dialog set never to show: what is said, then the
    main window's failure button and the lines the dialog it opens reads."""
    press(app, "menu item", "Never")
    press(app, "push button", "Send/Receive All")
    status = wait_until(
        lambda: find(app, "label", "Send/Receive failed", prefix=True), "the run's end"
    )
    wait_until(lambda: any(status.name in n for n in notices), "the end's notice")
    showing_before = find(app, "dialog", DIALOG) is not None
    failure = pyatspi.findDescendant(
        app, lambda o: o is not None and o.description == "A Send/Receive failed: show its errors"
    )
    button = describe(failure)
    failure.queryAction().doAction(0)
    dialog = wait_until(lambda: find(app, "dialog", DIALOG), "the dialog")
    return {
        "status": status.name,
        "dialog_showing_before": showing_before,
        "failure_button": button,
        "tasks": cells(find(dialog, "table", "Tasks")),
        "errors": cells(find(dialog, "table", "Errors and warnings")),
    }


def cells(table) -> list[str]:
    return [table.getChildAtIndex(i).name for i in range(table.childCount)]


def main() -> None:
    scenario, program = sys.argv[1], sys.argv[sys.argv.index("--") + 1 :]
    env = {**os.environ, "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1", "QT_QPA_PLATFORM": "xcb"}
    pyatspi.Registry.registerEventListener(
        on_event, "object:state-changed:focused", "object:state-changed:showing"
    )
    try:
        pyatspi.Registry.registerEventListener(on_event, "object:announcement")
    except Exception as error:  # an older at-spi2 has no such event
        print(f"no object:announcement: {error}", file=sys.stderr)
    child = subprocess.Popen(program, env=env)
    try:
        app = application()
        found = {"keyboard": scenario_keyboard, "failure": scenario_failure}[scenario](app)
        found.update(notices=notices, announcements=announcements)
        print(json.dumps(found))
    finally:
        child.terminate()
        child.wait(TIMEOUT)


if __name__ == "__main__":
    main()
