"""An IMAP account on a real Dovecot, in the Send/Receive dialog beside the demo accounts."""

from __future__ import annotations

import json

from helpers.gui_waits import wait_for_run_end
from helpers.imap import Account, assert_mirrors, make_message, seed

from sendreceive.config.task_id import Activity, TaskId
from sendreceive.contract import S_OK
from sendreceive.tracking.tracker import TaskStatus

MESSAGES = 60


def test_imap_account_syncs_in_the_dialog_with_the_demo_accounts(
    qtbot, make_window, account: Account, tmp_path
):
    with account.client() as client:
        seed(client, "INBOX", [make_message(n, size=1500) for n in range(MESSAGES)])
    settings = account.settings()
    profile = tmp_path / "mail.toml"
    profile.write_text(
        "\n".join(
            [
                '[[accounts]]\nname = "Contoso"\nprovider = "demo-fast"\n',
                '[[accounts]]\nname = "Mail"\nprovider = "imap"',
                'flags = ["SYNC_DOWNLOAD_HIERARCHY", "SYNC_DOWNLOAD_CONTENTS",',
                '         "SYNC_UPLOAD_CONTENTS"]',
                "[accounts.settings]",
                *(f"{key} = {json.dumps(value)}" for key, value in settings.items()),
                '\n[[accounts]]\nname = "Tailspin Toys"\nprovider = "demo-logon-failure"\n',
            ]
        )
    )
    window = make_window("--profile", str(profile), "--run")
    steps: set[str] = set()
    qtbot.waitUntil(lambda: window.controller.task_model.rowCount() == 3)
    window.controller.refreshed.connect(
        lambda: steps.add(window.controller.task_model.state(1).step)
    )
    wait_for_run_end(qtbot, window, timeout=60_000)

    contoso, mail, tailspin = window.controller.task_model.states()
    assert (mail.task, mail.status, mail.result) == (
        TaskId("Mail", Activity.SYNCHRONIZING),
        TaskStatus.COMPLETED,
        S_OK,
    )
    assert (mail.index, mail.index_max) == (MESSAGES, MESSAGES)
    assert contoso.status is TaskStatus.COMPLETED and tailspin.status is TaskStatus.FAILED
    assert (
        any(step.startswith("Receiving message ") for step in steps)
        or mail.step == f"Received {MESSAGES} messages"
    )
    assert window.dialog.header.text() == "2 of 3 tasks have completed successfully — 1 failed"
    store = window.controller.run.tasks[1].store_dir
    with account.client() as client:
        assert_mirrors(client, store, "INBOX", "")
