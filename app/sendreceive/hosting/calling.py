"""One call of a provider, on the provider's own thread: build its ``MAPISIB``, load it,
call ``SynchronizeInBackground`` and describe what it did as plain data (``Outcome``).

Every provider-supplied object the host must look at (the return value, an exception,
``phSyncDoneEvent``) is read here, where the provider's code may run, block or raise
without touching the host: the supervising event loop only ever sees the ``Outcome``.
A thread host calls this on a worker thread; a process host calls it in the provider's
process.
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable

from sendreceive.contract import (
    E_FAIL,
    E_UNEXPECTED,
    FAILED,
    MAPI_E_DISK_ERROR,
    MAPISIB,
    S_OK,
    DoneEventSlot,
    IMAPISync,
    SyncSession,
    normalize_hresult,
)
from sendreceive.hosting.host import Outcome, TaskSetup
from sendreceive.hosting.loading import ProviderLoadError, create_provider
from sendreceive.hosting.program.provider import ProgramProvider
from sendreceive.hosting.session import Session
from sendreceive.printable import describe, describe_exception, type_name
from sendreceive.tracking.findings import Finding
from sendreceive.tracking.trace import BACKGROUND, IN_CALL, SYNC_CALLED, SYNC_RAISED, SYNC_RETURNED
from sendreceive.tracking.tracker import CallbackUnknown


def make_sib(setup: TaskSetup, session: SyncSession | None = None) -> MAPISIB:
    tracker = setup.tracker
    if session is None:
        session = make_session(setup)
    return MAPISIB(
        ulFlags=int(setup.flags), psesSync=session, punkCallBack=CallbackUnknown(tracker)
    )


def make_session(setup: TaskSetup) -> Session:
    tracker = setup.tracker
    return Session(
        setup.account.name,
        setup.account.settings,
        setup.store_dir,
        setup.logger,
        lambda: tracker.cancel_requested,
        setup.default_store,
        tracker.reveal,
    )


def call_provider(
    setup: TaskSetup, sib: MAPISIB, on_loaded: Callable[[], None] | None = None
) -> tuple[Outcome, threading.Event | None]:
    """The outcome, and the done event to wait for (background style). ``on_loaded``
    is called between loading the provider and calling it."""
    try:
        setup.store_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        failure = Finding.NO_STORE(str(setup.store_dir), str(exc.strerror))
        return Outcome(MAPI_E_DISK_ERROR, failure=failure), None
    spec = setup.account.provider
    try:
        provider = _provider(setup)
    except ProviderLoadError as exc:
        return Outcome(E_FAIL, failure=Finding.CANNOT_LOAD(repr(spec), exc.found)), None
    if on_loaded is not None:
        on_loaded()
    tracker = setup.tracker
    tracker.note(SYNC_CALLED, int(setup.flags))
    try:
        returned = provider.SynchronizeInBackground(sib)
    except BaseException as exc:  # SystemExit, KeyboardInterrupt: the provider's, not the host's
        log_raised(setup.logger, "SynchronizeInBackground raised", exc)
        tracker.note(SYNC_RAISED, E_FAIL, type_name(exc), describe_exception(exc))
        return Outcome(E_FAIL, raised=describe_exception(exc)), None
    outcome, event = _judge_return(setup, sib, returned)
    style = BACKGROUND if event is not None else IN_CALL
    tracker.note(SYNC_RETURNED, outcome.hresult, returned, style)
    return outcome, event


def _provider(setup: TaskSetup) -> IMAPISync:
    """The account's provider object for this task: a program's is started here."""
    if setup.account.command is not None:
        return ProgramProvider(setup)
    return create_provider(setup.account.provider, setup.account.settings)


def log_raised(logger: logging.Logger, message: str, exc: BaseException) -> None:
    """Log ``message`` with ``exc``'s traceback, as ``exc_info`` would, though the
    exception's own attribute look-ups (``__cause__``, ``__notes__``…) are provider code
    that may raise: then its frames and its class are logged, from outside it."""
    if not logger.isEnabledFor(logging.ERROR):
        return
    try:
        text = "".join(traceback.format_exception(type(exc), exc, _TRACEBACK.__get__(exc)))
    except BaseException:  # SystemExit from its __getattribute__ is the provider's too
        frames = "".join(traceback.format_tb(_TRACEBACK.__get__(exc)))
        text = f"Traceback (most recent call last):\n{frames}{describe_exception(exc)}"
    record = logger.makeRecord(logger.name, logging.ERROR, __file__, 0, message, (), None)
    record.exc_text = text.rstrip("\n")  # what a Formatter appends after the message
    logger.handle(record)


_TRACEBACK = BaseException.__dict__["__traceback__"]  # past a provider's __getattribute__


def _judge_return(
    setup: TaskSetup, sib: MAPISIB, returned: object
) -> tuple[Outcome, threading.Event | None]:
    hr = normalize_hresult(returned)
    if hr is None:
        setup.tracker.violation(Finding.RETURN_TYPE(describe(returned)))
        hr = S_OK
    if FAILED(hr):
        return Outcome(hr), None
    return _done_event(setup, sib, hr)


def _done_event(setup: TaskSetup, sib: MAPISIB, hr: int) -> tuple[Outcome, threading.Event | None]:
    """Rule 9 on ``phSyncDoneEvent``: an exact ``threading.Event`` in its ``value``. An
    event put in place of the slot itself is used, with a violation."""
    tracker = setup.tracker
    try:
        slot = sib.phSyncDoneEvent
        event = slot.value if type(slot) is DoneEventSlot else slot
    except BaseException as exc:  # the provider replaced MAPISIB's members with its own
        failure = Finding.DONE_EVENT_UNREADABLE(describe_exception(exc))
        return Outcome(E_UNEXPECTED, failure=failure), None
    if type(slot) is not DoneEventSlot:
        tracker.violation(Finding.DONE_EVENT_REPLACED(describe(slot)))
    if event is None:
        return Outcome(hr), None
    if type(event) is not threading.Event:
        tracker.violation(Finding.DONE_EVENT_NOT_EVENT(describe(event)))
        return Outcome(E_UNEXPECTED, failure=Finding.DONE_EVENT_NO_EVENT()), None
    return Outcome(hr, background=True), event
