"""A real Dovecot IMAP server on 127.0.0.1 for the integration tests and the bench.

Each ``Dovecot`` has its own config, run and state directories, passwd-file users and
server Maildirs in a private temporary directory, a self-signed certificate made with
the ``openssl`` CLI, a plain listener (STARTTLS offered) and an IMAPS listener on free
ports. ``ensure_installed`` installs the Debian packages when they are missing and we
are root, so a clean CI machine gets the server from the test command itself.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from imapclient import IMAPClient

DOVECOT = "/usr/sbin/dovecot"
DOVECOT_IMAP = "/usr/lib/dovecot/imap"  # from dovecot-imapd: dovecot-core alone has none
DOVEADM = "/usr/bin/doveadm"
MAIL_LOCATIONS = {  # the tests use maildir; large installations run mdbox (bench --storage)
    "maildir": "maildir:~/Maildir:LAYOUT=fs:INBOX=~/Maildir/INBOX",
    "mdbox": "mdbox:~/mdbox",
}
HOST = "127.0.0.1"
START_TIMEOUT = 20.0
UTF8_USERS = 4
STOP_TIMEOUT = 10.0

CONFIG = """\
protocols = imap
listen = {host}
base_dir = {root}/run
state_dir = {root}/state
instance_name = dovecot-test-{plain_port}
log_path = {root}/dovecot.log
default_internal_user = {internal_user}
default_login_user = {login_user}
first_valid_uid = 0
mail_location = {mail_location}
namespace inbox {{
  inbox = yes
  separator = /
}}
disable_plaintext_auth = no
auth_failure_delay = 0
auth_mechanisms = plain login
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/users
}}
userdb {{
  driver = passwd-file
  args = username_format=%u {root}/users
}}
ssl = yes
ssl_cert = <{root}/cert.pem
ssl_key = <{root}/key.pem
service imap-login {{
  chroot =
  inet_listener imap {{
    port = {plain_port}
  }}
  inet_listener imaps {{
    port = {ssl_port}
    ssl = yes
  }}
}}
service anvil {{
  chroot =
  unix_listener anvil-auth-penalty {{
    mode = 0
  }}
}}
"""


class SetupError(RuntimeError):
    """Dovecot (or openssl) is missing and cannot be installed, or will not start."""


def ensure_installed() -> None:
    """Install ``dovecot-imapd`` and ``openssl`` with apt-get when missing and we are root."""
    _ensure_command(DOVECOT, "dovecot-imapd")
    _ensure_command(DOVECOT_IMAP, "dovecot-imapd")
    _ensure_command("openssl", "openssl")


def _ensure_command(command: str, package: str) -> None:
    if shutil.which(command):
        return
    if os.geteuid() != 0:
        raise SetupError(
            f"{command} is not installed and the tests are not running as root: "
            f"run `sudo apt-get install {package}`"
        )
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    install = ["apt-get", "install", "-y", "-qq", package]
    done = subprocess.run(install, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:  # a fresh machine has no package lists yet
        subprocess.run(["apt-get", "update", "-qq"], env=env, capture_output=True, check=False)
        done = subprocess.run(install, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0 or not shutil.which(command):
        raise SetupError(f"`{' '.join(install)}` failed: {done.stderr.strip()[-2000:]}")


_FIRST_PORT = 10_000  # below this, well-known services may listen


def _ephemeral_ports() -> range:
    """The kernel's range for outgoing connections' local ports (Linux)."""
    try:
        low, high = Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()
        return range(int(low), int(high) + 1)
    except (OSError, ValueError):
        return range(32768, 61000)


def free_port() -> int:
    """A port a test server can bind a moment later. Not one the kernel hands out itself
    (``bind(0)``): those come from the range every outgoing connection also takes its
    local port from, and a provider connecting somewhere took one between our choice and
    the server's bind (EADDRINUSE in CI). A random port below that range, checked free."""
    ephemeral = _ephemeral_ports()
    for _ in range(200):
        port = secrets.randbelow(ephemeral.start - _FIRST_PORT) + _FIRST_PORT
        with socket.socket() as sock, contextlib.suppress(OSError):
            sock.bind((HOST, port))
            return port
    raise SetupError(f"no free port below {ephemeral.start} after 200 tries")


def poll(condition: Callable[[], bool], timeout: float, what: str) -> None:
    """Wait for ``condition`` with a deadline, checking every few milliseconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(0.01)


def make_certificate(cert_file: Path, key_file: Path) -> None:
    """A self-signed certificate for localhost and 127.0.0.1: its own CA (``ca_file``)."""
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "ec",
            "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2",
            "-subj", "/CN=localhost",
            "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
            "-keyout", str(key_file), "-out", str(cert_file),
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip


def _accepts(port: int) -> bool:
    try:
        with socket.create_connection((HOST, port), timeout=1):
            return True
    except OSError:
        return False


class MasterServer:
    """A test IMAP server whose master process runs in its own process group, with a
    plain and an IMAPS port; ``start`` and ``kill`` may be repeated."""

    name: str
    root: Path
    plain_port: int
    ssl_port: int
    environment: dict[str, str] | None = None
    _process: subprocess.Popen[bytes] | None = None

    def command(self) -> list[str]:
        raise NotImplementedError

    def log_tail(self, lines: int = 30) -> str:
        raise NotImplementedError

    def start(self) -> None:
        log = (self.root / f"{self.name}.out").open("ab")
        self._process = subprocess.Popen(
            self.command(),
            stdout=log,
            stderr=subprocess.STDOUT,
            env=self.environment,
            start_new_session=True,  # its own process group, so kill() takes the children
        )
        log.close()
        ports: list[int] = [self.plain_port, self.ssl_port]

        def ready() -> bool:
            if self._process is not None and self._process.poll() is not None:
                raise SetupError(f"{self.name} exited at start:\n{self.log_tail()}")
            return all(_accepts(port) for port in ports)

        poll(ready, START_TIMEOUT, f"{self.name} to listen on ports {ports[0]}/{ports[1]}")

    def kill(self) -> None:
        """SIGKILL the master and every IMAP process: a server crash as clients see it."""
        if self._process is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self._process.pid, signal.SIGKILL)
        self._process.wait()
        self._process = None
        poll(lambda: not _accepts(self.plain_port), STOP_TIMEOUT, f"{self.name} to stop listening")

    def close(self) -> None:
        """Kill (no need to shut down gracefully: everything is deleted) and clean up."""
        self.kill()
        shutil.rmtree(self.root, ignore_errors=True)


class Dovecot(MasterServer):
    """One private Dovecot instance."""

    name = "dovecot"

    def __init__(self, users: int = 64, storage: str = "maildir") -> None:
        self.storage = storage
        self.root = Path(tempfile.mkdtemp(prefix="dovecot-"))
        self.root.chmod(0o755)  # the login and mail processes run as other users
        self.plain_port = free_port()
        self.ssl_port = free_port()
        self.ca_file = self.root / "cert.pem"
        if os.geteuid() == 0:
            internal, login, self._mail_uid = "dovecot", "dovenull", pwd.getpwnam("nobody")
        else:
            me = pwd.getpwuid(os.getuid())
            internal, login, self._mail_uid = me.pw_name, me.pw_name, me
        self._users = {f"user{n}": f"pw-{secrets.token_hex(12)}" for n in range(1, users + 1)}
        self._users.update(  # for UTF-8 logins (AUTHENTICATE PLAIN)
            {f"utf8user{n}": f"pä-{secrets.token_hex(12)}-ß" for n in range(1, UTF8_USERS + 1)}
        )
        self._free_users = list(self._users)
        self._write_users()
        make_certificate(self.ca_file, self.root / "key.pem")
        (self.root / "dovecot.conf").write_text(
            CONFIG.format(
                host=HOST,
                root=self.root,
                plain_port=self.plain_port,
                ssl_port=self.ssl_port,
                internal_user=internal,
                login_user=login,
                mail_location=MAIL_LOCATIONS[storage],
            )
        )

    # ------------------------------------------------------------------ life cycle

    def command(self) -> list[str]:
        return [DOVECOT, "-F", "-c", str(self.root / "dovecot.conf")]

    def log_tail(self, lines: int = 30) -> str:
        text = ""
        for name in ("dovecot.out", "dovecot.log"):
            path = self.root / name
            if path.exists():
                text += path.read_text(errors="replace")
        return "\n".join(text.splitlines()[-lines:])

    # ------------------------------------------------------------------ users and mail

    def take_user(self, non_ascii_password: bool = False) -> tuple[str, str]:
        """A user nobody has used yet (name, password), with an empty mailbox.

        Users are all written before the start: Dovecot re-reads a changed passwd-file
        at most once a second, so users added on the fly would not log in at once.
        """
        free = [name for name in self._free_users if name.startswith("utf8") == non_ascii_password]
        if not free:
            raise SetupError("no unused mail users left: create the Dovecot with more")
        self._free_users.remove(free[0])
        return free[0], self._users[free[0]]

    def _write_users(self) -> None:
        uid, gid = self._mail_uid.pw_uid, self._mail_uid.pw_gid
        lines = []
        for name, password in self._users.items():
            home = self.root / "home" / name
            home.mkdir(parents=True)
            os.chown(home, uid, gid)
            lines.append(f"{name}:{{PLAIN}}{password}:{uid}:{gid}::{home}::\n")
        users = self.root / "users"
        users.write_text("".join(lines), encoding="utf-8")
        users.chmod(0o644)  # read by the auth process, which runs as another user

    def client(self, user: str, timeout: float = 30.0) -> IMAPClient:
        """A logged-in IMAPClient on the plain port, for seeding and checking."""
        client = IMAPClient(HOST, port=self.plain_port, ssl=False, timeout=timeout)
        password = self._users[user]
        if password.isascii():
            client.login(user, password)
        else:
            client.plain_login(user, password)
        return client

    def mail_dir(self, user: str) -> Path:
        """The server's own Maildir tree for ``user`` (LAYOUT=fs, INBOX in ``INBOX/``)."""
        return self.root / "home" / user / "Maildir"

    def deliver(self, user: str, folder: str, messages: Iterable[bytes]) -> int:
        """Write messages straight into the server's Maildir (much faster than APPEND).

        Dovecot assigns their UIDs at the next access to the folder. Returns the count.
        With mdbox storage, the messages are written into a Maildir beside it first and
        imported with ``doveadm import`` (in bulk, still much faster than APPEND).
        """
        if self.storage != "maildir":
            staging = self.root / "staging" / user
            count = self._write_maildir(staging, staging, folder, messages)
            self._doveadm(
                "import", "-u", user, f"maildir:{staging}:LAYOUT=fs:INBOX={staging}/INBOX",
                "", "mailbox", folder,
            )  # fmt: skip
            shutil.rmtree(staging)
            return count
        return self._write_maildir(self.root / "home" / user, self.mail_dir(user), folder, messages)

    def _doveadm(self, *arguments: str) -> None:
        command = [DOVEADM, "-c", str(self.root / "dovecot.conf"), *arguments]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise SetupError(f"{' '.join(command[:4])} failed: {done.stderr.strip()[-2000:]}")

    def _write_maildir(
        self, home: Path, maildir: Path, folder: str, messages: Iterable[bytes]
    ) -> int:
        """Write the messages into ``folder`` of a Maildir (LAYOUT=fs) owned by the mail
        user; how many."""
        uid, gid = self._mail_uid.pw_uid, self._mail_uid.pw_gid
        home.mkdir(parents=True, exist_ok=True)
        os.chown(home, uid, gid)
        folder_dir = maildir.joinpath(*folder.split("/"))
        subdirs = [folder_dir / sub for sub in ("cur", "new", "tmp")]
        for directory in subdirs:
            directory.mkdir(parents=True, exist_ok=True)
        for directory in [*subdirs, folder_dir, *folder_dir.parents]:
            if directory == home:
                break
            os.chown(directory, uid, gid)
        count = 0
        for count, data in enumerate(messages, 1):
            file = folder_dir / "new" / f"{time.time_ns()}.{count}.seed"
            file.write_bytes(data)
            os.chown(file, uid, gid)
        return count


@contextlib.contextmanager
def running(users: int = 64, storage: str = "maildir") -> Iterator[Dovecot]:
    """Install if needed, start, and always clean up."""
    ensure_installed()
    server = Dovecot(users, storage)
    try:
        server.start()
        yield server
    finally:
        server.close()
