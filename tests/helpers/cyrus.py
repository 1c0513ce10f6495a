"""A real Cyrus IMAPd 3.6 on 127.0.0.1, beside Dovecot, for the integration tests.

Debian's ``cyrus-imapd`` package conflicts with ``dovecot-imapd``, so its binaries are
not installed: ``ensure_installed`` downloads ``cyrus-common`` and ``cyrus-imapd`` with
``apt-get download``, unpacks them with ``dpkg -x`` into a cache directory, and installs
only the libraries they need (and ``saslpasswd2``), as root. Each ``Cyrus`` has its own
``imapd.conf``/``cyrus.conf``, spool, SASL password database and certificate in a private
temporary directory, a plain listener (STARTTLS offered, ``LOGINDISABLED`` until then) and
an IMAPS listener, with Cyrus's default namespace: ``INBOX.`` personal prefix, ``.``
separator, shared folders at the top. Users and their mailboxes are made by the admin.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import pwd
import secrets
import shutil
import ssl
import subprocess
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from imapclient import IMAPClient

from .dovecot import (
    HOST,
    MasterServer,
    SetupError,
    _ensure_command,
    free_port,
    make_certificate,
)

PACKAGES = ("cyrus-common", "cyrus-imapd")
LIBRARIES = ("libical3", "libpcre3", "libxapian30", "libsasl2-modules", "sasl2-bin")
CACHE = Path(tempfile.gettempdir()) / "sendreceive-test-cyrus"
BIN = CACHE / "usr/lib/cyrus/bin"
LIB = CACHE / "usr/lib/x86_64-linux-gnu"
ADMIN = "cyrus"
APPEND_BATCH = 500  # messages per MULTIAPPEND
REALM = "localhost"

IMAPD_CONF = """\
configdirectory: {root}/config
partition-default: {root}/spool
admins: {admin}
cyrus_user: {user}
servername: {realm}
unixhierarchysep: no
altnamespace: no
allowplaintext: no
sasl_pwcheck_method: auxprop
sasl_auxprop_plugin: sasldb
sasl_sasldb_path: {root}/sasldb2
sasl_mech_list: PLAIN LOGIN
tls_server_cert: {root}/cert.pem
tls_server_key: {root}/key.pem
master_pid_file: {root}/run/master.pid
idlesocket: {root}/run/idle
notifysocket: {root}/run/notify
lmtpsocket: {root}/run/lmtp
"""

CYRUS_CONF = """\
START {{
  recover cmd="{bin}/ctl_cyrusdb -r -C {root}/imapd.conf"
}}
SERVICES {{
  imap cmd="{bin}/imapd -C {root}/imapd.conf" listen="{host}:{plain_port}" prefork=0
  imaps cmd="{bin}/imapd -s -C {root}/imapd.conf" listen="{host}:{ssl_port}" prefork=0
}}
EVENTS {{
}}
"""


def _missing_libraries() -> list[str]:
    found = subprocess.run(
        ["ldd", str(BIN / "imapd"), str(BIN / "master")],
        env={**os.environ, "LD_LIBRARY_PATH": str(LIB)},
        capture_output=True,
        text=True,
        check=False,
    )
    return [line.split()[0] for line in found.stdout.splitlines() if "not found" in line]


def ensure_installed() -> None:
    """Unpack Cyrus's binaries beside Dovecot and install their libraries (as root);
    ``SetupError`` says what is missing when that cannot be done."""
    _ensure_command("openssl", "openssl")
    if not (BIN / "imapd").exists():
        if os.geteuid() != 0 or not shutil.which("apt-get"):
            raise SetupError("Cyrus IMAPd is not unpacked and the tests are not running as root")
        with tempfile.TemporaryDirectory() as work:
            fetched = subprocess.run(
                ["apt-get", "download", *PACKAGES], cwd=work, capture_output=True, text=True
            )
            if fetched.returncode != 0:
                subprocess.run(["apt-get", "update", "-qq"], capture_output=True, check=False)
                fetched = subprocess.run(
                    ["apt-get", "download", *PACKAGES], cwd=work, capture_output=True, text=True
                )
            if fetched.returncode != 0:
                raise SetupError(f"apt-get download {' '.join(PACKAGES)}: {fetched.stderr[-2000:]}")
            unpacked = Path(work) / "root"
            for deb in Path(work).glob("*.deb"):
                subprocess.run(["dpkg", "-x", str(deb), str(unpacked)], check=True)
            with contextlib.suppress(FileExistsError, OSError):  # another session won
                unpacked.chmod(0o755)
                unpacked.rename(CACHE)
    if _missing_libraries() or not shutil.which("saslpasswd2"):
        for package in LIBRARIES:
            _ensure_package(package)
        if missing := _missing_libraries():
            raise SetupError(f"Cyrus IMAPd cannot run: missing {', '.join(missing)}")


def _ensure_package(package: str) -> None:
    if os.geteuid() != 0:
        raise SetupError(f"{package} is not installed and the tests are not running as root")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    done = subprocess.run(
        ["apt-get", "install", "-y", "-qq", package], env=env, capture_output=True, text=True
    )
    if done.returncode != 0:
        raise SetupError(f"apt-get install {package} failed: {done.stderr.strip()[-2000:]}")


class PersonalClient(IMAPClient):  # type: ignore[misc]
    """Folder names relative to the personal namespace, ``/`` between levels, as the
    tests write them for Dovecot: ``A/B`` is sent as ``INBOX.A.B``."""

    def _normalise_folder(self, folder_name: Any) -> Any:  # IMAPClient's name
        if isinstance(folder_name, str) and folder_name and folder_name.upper() != "INBOX":
            folder_name = Cyrus.personal + folder_name.replace("/", ".")
        return super()._normalise_folder(folder_name)

    def multiappend(self, folder: str, msgs: Iterable[bytes]) -> None:
        """MULTIAPPEND in one command with LITERAL+ literals: IMAPClient's own gets BAD
        from Cyrus 3.6, and one APPEND each costs Cyrus's fsyncs each time."""
        imap = self._imap
        tag = imap._new_tag()
        parts = [tag, b" APPEND ", self._normalise_folder(folder)]
        parts += [b" {%d+}\r\n%s" % (len(message), message) for message in msgs]
        imap.send(b"".join([*parts, b"\r\n"]))
        typ, data = imap._command_complete("APPEND", tag)
        self._checkok("append", typ, data)


class Cyrus(MasterServer):
    """One private Cyrus IMAPd. Like ``Dovecot`` for the tests: ``plain_port``,
    ``ssl_port``, ``ca_file``, ``take_user``, ``client``."""

    personal = "INBOX."  # the personal namespace's prefix, Cyrus's default
    name = "cyrus"

    def __init__(self, users: int = 64) -> None:
        self.environment = {**os.environ, "LD_LIBRARY_PATH": str(LIB)}
        self.root = Path(tempfile.mkdtemp(prefix="cyrus-"))
        self.root.chmod(0o755)
        self.plain_port = free_port()
        self.ssl_port = free_port()
        self.ca_file = self.root / "cert.pem"
        runs_as = pwd.getpwnam("nobody") if os.geteuid() == 0 else pwd.getpwuid(os.getuid())
        for sub in ("config", "spool", "run"):
            (self.root / sub).mkdir()
        make_certificate(self.ca_file, self.root / "key.pem")
        self._admin_password = f"admin-{secrets.token_hex(12)}"
        self._users = {f"user{n}": f"pw-{secrets.token_hex(12)}" for n in range(1, users + 1)}
        self._free_users = list(self._users)
        for user, password in [(ADMIN, self._admin_password), *self._users.items()]:
            subprocess.run(
                ["saslpasswd2", "-p", "-c", "-f", str(self.root / "sasldb2"), "-u", REALM, user],
                input=password.encode(),
                check=True,
                capture_output=True,
            )
        (self.root / "imapd.conf").write_text(
            IMAPD_CONF.format(root=self.root, admin=ADMIN, user=runs_as.pw_name, realm=REALM)
        )
        (self.root / "cyrus.conf").write_text(
            CYRUS_CONF.format(
                bin=BIN,
                root=self.root,
                host=HOST,
                plain_port=self.plain_port,
                ssl_port=self.ssl_port,
            )
        )
        for path in [self.root, *self.root.rglob("*")]:
            os.chown(path, runs_as.pw_uid, runs_as.pw_gid)

    # ------------------------------------------------------------------ life cycle

    def command(self) -> list[str]:
        config, services, pid = (
            self.root / name for name in ("imapd.conf", "cyrus.conf", "run/pid")
        )
        return [str(BIN / "master"), "-D", "-C", str(config), "-M", str(services), "-p", str(pid)]

    def log_tail(self, lines: int = 30) -> str:
        path = self.root / "cyrus.out"
        text = path.read_text(errors="replace") if path.exists() else ""
        return "\n".join(text.splitlines()[-lines:])

    # ------------------------------------------------------------------ users and mail

    def _connect(self, user: str, password: str, client_type: type[IMAPClient]) -> IMAPClient:
        context = ssl.create_default_context(cafile=str(self.ca_file))
        client = client_type(HOST, port=self.ssl_port, ssl=True, ssl_context=context, timeout=30)
        client.login(user, password)
        return client

    def admin(self) -> IMAPClient:
        """The admin, who names folders in full (``user.user1``, ``Team``)."""
        return self._connect(ADMIN, self._admin_password, IMAPClient)

    def take_user(self, non_ascii_password: bool = False) -> tuple[str, str]:
        """A user nobody has used yet (name, password), with a new, empty INBOX."""
        if non_ascii_password:
            raise SetupError("the Cyrus of the tests has ASCII passwords only")
        if not self._free_users:
            raise SetupError("no unused mail users left: create the Cyrus with more")
        user = self._free_users.pop(0)
        with self.admin() as admin:
            admin.create_folder(f"user.{user}")
        (self.root / "config" / "log" / user).mkdir(parents=True)  # its protocol log
        os.chown(self.root / "config" / "log" / user, *self._owner())
        os.chown(self.root / "config" / "log", *self._owner())
        return user, self._users[user]

    def _owner(self) -> tuple[int, int]:
        status = self.root.stat()
        return status.st_uid, status.st_gid

    def client(self, user: str, timeout: float = 30.0, *, full_names: bool = False) -> IMAPClient:
        """A logged-in client on the IMAPS port, for seeding and checking, that names
        folders as Dovecot's tests do (``Archive``, ``A/B``: see ``PersonalClient``), or
        in full (``full_names``: a shared ``Team``)."""
        client_type = IMAPClient if full_names else PersonalClient
        return self._connect(user, self._users[user], client_type)

    def share(self, folder: str, user: str, rights: str, messages: Iterable[bytes] = ()) -> None:
        """A shared folder (top level, as Cyrus has them) holding ``messages`` that
        ``user`` may use with ``rights`` only (``"lr"``: see and read: read-only)."""
        with self.admin() as admin:
            admin.create_folder(folder)
            admin.setacl(folder, ADMIN, "lrswipkxtecda")
            admin._command_and_check("deleteacl", folder, "anyone")  # by default "lrs"
            for data in messages:
                admin.append(folder, data)
            admin.setacl(folder, user, rights)

    def deliver(self, user: str, folder: str, messages: Iterable[bytes]) -> int:
        """APPEND messages to the user's folder (named as for ``client``), created if
        need be."""
        count = 0
        with self.client(user, timeout=300) as client:
            if not client.folder_exists(folder):
                client.create_folder(folder)
            pending = iter(messages)
            while batch := list(itertools.islice(pending, APPEND_BATCH)):
                client.multiappend(folder, batch)
                count += len(batch)
        return count

    def protocol_log(self, user: str) -> dict[str, str]:
        """What Cyrus recorded of ``user``'s sessions (commands and answers), by imapd
        process: a process serves one session after the other, appending."""
        directory = self.root / "config" / "log" / user
        return {path.name: path.read_text(errors="replace") for path in directory.iterdir()}


@contextlib.contextmanager
def running(users: int = 64) -> Iterator[Cyrus]:
    """Install if needed, start, and always clean up."""
    ensure_installed()
    server = Cyrus(users)
    try:
        server.start()
        yield server
    finally:
        server.close()
