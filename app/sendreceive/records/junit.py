"""JUnit XML for CI servers: one test case per task of a run.

A task that failed, was cancelled or abandoned is a ``failure`` (with ``--strict``, so is
one that broke the provider contract); its message is the task's final state, and its
text the task's error lines as the headless report words them.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from sendreceive.durable import make_private_dirs, open_private
from sendreceive.run.english import error_line, status_text, task_name
from sendreceive.run.send_receive import Run


def write_junit(path: Path, run: Run, strict: bool = False) -> None:
    duration = (run.finished_at or 0.0) - (run.started_at or 0.0)
    suite = ET.Element("testsuite", name="sendreceive", tests=str(len(run.tasks)))
    failures = 0
    entries = run.error_log.entries[:]
    for task in run.tasks:
        state = task.snapshot()
        case = ET.SubElement(suite, "testcase", classname="sendreceive", name=task_name(state.task))
        lines = [
            error_line(e) + (f" (×{e.count:,})" if e.count > 1 else "")
            for e in entries
            if e.task == state.task
        ]
        broke = strict and state.violations > 0
        if not state.status.is_success or broke:
            failures += 1
            message = status_text(state)
            if broke and state.status.is_success:
                message += f" (--strict: {state.violations:,} contract violations)"
            failure = ET.SubElement(case, "failure", message=message, type=state.status.value)
            failure.text = "\n".join(lines)
        elif lines:
            ET.SubElement(case, "system-out").text = "\n".join(lines)
    suite.set("failures", str(failures))
    suite.set("errors", "0")
    suite.set("time", f"{duration:.3f}")
    make_private_dirs(path.parent)
    with open_private(path) as out:
        ET.ElementTree(suite).write(out, encoding="utf-8", xml_declaration=True)
