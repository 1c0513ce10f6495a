"""Accounts added, edited, removed and reordered by the dialog's core: written back with
the file's comments kept, groups following a rename or a removal, and an IMAP + SMTP
form that never puts a password in the profile."""

from __future__ import annotations

import logging
import tomllib
from pathlib import Path
from typing import ClassVar

import keyring
import pytest
from keyring.backends.fail import Keyring as FailKeyring

from sendreceive.config.mail_account import MailAccount, MailServer, Risk
from sendreceive.config.passwords import PasswordStoreError, store_password, stored_password
from sendreceive.config.profile import Account, ProfileError, load_profile
from sendreceive.config.profile_editor import ProfileEditor
from sendreceive.config.provider_settings import (
    Setting,
    SettingsDeclarationError,
    changed_settings,
    check_settings,
)
from sendreceive.hosting.session import CredentialError, Session
from sendreceive.hosting.settings_schema import read_settings

PROFILE = """\
# Home mail — keep this comment
[profile]
name = "Home"

[[groups]]
name = "Morning"   # runs early
accounts = ["A", "B"]
send_only = ["B"]

[[accounts]]
name = "A"  # first account
provider = "demo-fast"
settings = { messages = 3 }   # few

[[accounts]]
name = "B"
provider = "demo-fast"
"""

FORM = MailAccount(
    "Work",
    "me@example.org",
    "me",
    MailServer("imap.example.org", 993),
    MailServer("smtp.example.org", 587, "starttls"),
)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    path = tmp_path / "p.toml"
    path.write_text(PROFILE)
    return path


def test_an_added_imap_smtp_account_holds_no_password(path: Path) -> None:
    editor = ProfileEditor(path)
    editor.set_account(FORM.account())
    profile = editor.save()

    account = profile.account("Work")
    assert account.provider == "imap" and account.transport == "smtp"
    assert account.settings == {
        "host": "imap.example.org",
        "port": 993,
        "security": "ssl",
        "username": "me",
        "password_source": "keyring",
    }
    assert account.transport_settings["sender"] == "me@example.org"
    assert account.transport_settings["security"] == "starttls"
    assert MailAccount.of(account) == FORM
    assert "# Home mail — keep this comment" in path.read_text()
    assert "password =" not in path.read_text()


def test_editing_keeps_what_the_form_does_not_show(path: Path) -> None:
    editor = ProfileEditor(path)
    editor.set_account(FORM.account())
    profile = editor.save()
    tuned = ProfileEditor(path, profile)
    kept = profile.account("Work")
    with_timeout = Account(
        kept.name,
        kept.provider,
        kept.flags,
        {**kept.settings, "timeout": 5.0, "password": "inline"},
        False,
        kept.transport,
        kept.transport_settings,
    )
    tuned.set_account(with_timeout, "Work")
    profile = tuned.save()

    edited = MailAccount(**{**FORM.__dict__, "username": "other"})
    editor = ProfileEditor(path, profile)
    editor.set_account(edited.account(profile.account("Work")), "Work")
    account = editor.save().account("Work")
    assert account.settings["timeout"] == 5.0
    assert "password" not in account.settings  # the keyring replaces it
    assert account.settings["username"] == "other"
    assert not account.enabled


def test_a_rename_and_a_removal_are_followed_by_the_groups(path: Path) -> None:
    editor = ProfileEditor(path)
    renamed = load_profile(path).account("B")
    editor.set_account(Account("Bee", renamed.provider), "B")
    profile = editor.save()
    assert profile.group("Morning").accounts == ("A", "Bee")
    assert profile.group("Morning").send_only == frozenset({"Bee"})
    assert "# first account" in path.read_text()

    editor = ProfileEditor(path, profile)
    editor.delete_account("A")
    profile = editor.save()
    assert [a.name for a in profile.accounts] == ["Bee"]
    assert profile.group("Morning").accounts == ("Bee",)


def test_accounts_move_in_the_files_order(path: Path) -> None:
    editor = ProfileEditor(path)
    editor.move_account("B", 0)
    profile = editor.save()
    assert [a.name for a in profile.accounts] == ["B", "A"]
    assert profile.account("A").settings == {"messages": 3}
    assert "settings = { messages = 3 }   # few" in path.read_text()
    with pytest.raises(IndexError):
        ProfileEditor(path, profile).move_account("A", 5)


def test_an_edit_that_breaks_the_profile_is_refused_before_writing(path: Path) -> None:
    before = path.read_text()
    editor = ProfileEditor(path)
    editor.set_account(Account("B", "demo-fast"))  # a second "B"
    with pytest.raises(ProfileError, match="duplicate account name"):
        editor.save()
    assert path.read_text() == before


def test_plain_and_unchecked_connections_are_named_as_risks() -> None:
    assert MailServer("h", 993).risks == ()
    assert MailServer("h", 143, "none").risks == (Risk.PLAIN,)
    assert MailServer("h", 993, "ssl", verify_certificate=False).risks == (Risk.UNVERIFIED,)


def test_the_session_reads_the_password_from_the_keyring() -> None:
    settings = {"password_source": "keyring"}

    def password() -> str | None:
        return Session("Work", settings, Path("/nonexistent"), _logger(), bool).password()

    with pytest.raises(CredentialError, match="holds no password for 'Work'"):
        password()
    store_password("Work", "s3cret-pass")
    assert stored_password("Work") == "s3cret-pass"
    assert password() == "s3cret-pass"
    settings["password_source"] = "vault"
    with pytest.raises(CredentialError, match='must be "keyring"'):
        password()


def test_a_broken_keyring_is_named_without_the_password() -> None:
    keyring.set_keyring(FailKeyring())  # the test keyring fixture puts it back
    with pytest.raises(PasswordStoreError, match=r"system keyring \(Keyring\)") as caught:
        store_password("Work", "s3cret-pass")
    assert "s3cret-pass" not in str(caught.value)


@pytest.mark.parametrize("name", ["imap", "smtp", "demo-fast", "demo-logon-failure", "replay"])
def test_the_bundled_providers_declare_their_settings(name: str) -> None:
    declared = read_settings(name)
    assert declared
    assert all(s.help for s in declared)
    assert not {"password", "password_env", "password_command"} & {s.name for s in declared}


def test_a_broken_declaration_is_named() -> None:
    class Twice:
        SETTINGS = (Setting("a", int, 1), Setting("a", int, 2))

    class WrongDefault:
        SETTINGS = (Setting("a", int, "one"),)

    class NotATuple:
        SETTINGS: ClassVar = [Setting("a", int, 1)]

    for provider, problem in (
        (Twice, "declared twice"),
        (WrongDefault, "is not a int"),
        (NotATuple, "must be a tuple"),
    ):
        with pytest.raises(SettingsDeclarationError, match=problem):
            check_settings(provider.SETTINGS)


def test_a_form_writes_only_what_differs_from_the_defaults() -> None:
    declared = read_settings("demo-logon-failure")
    values = {"server": "mail.example", "attempts": 8, "delay": 0.5}
    assert changed_settings(declared, values) == {"server": "mail.example", "delay": 0.5}
    with pytest.raises(ValueError, match="attempts must be a int"):
        changed_settings(declared, {"attempts": "8"})
    written = tomllib.loads('x = {server = "mail.example"}')["x"]
    assert changed_settings(declared, written) == written


def _logger() -> logging.Logger:
    return logging.getLogger("test")
