"""The forms of the accounts dialog: an IMAP + SMTP account (servers, security, login,
password), and any installed provider from the settings it declares. They only collect;
``apply`` (the accounts dialog) validates with the profile loader and writes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from sendreceive.config.mail_account import (
    IMAP_PORTS,
    SECURITY_MODES,
    SMTP_PORTS,
    MailAccount,
    MailServer,
    Risk,
)
from sendreceive.config.profile import Account
from sendreceive.config.provider_settings import (
    Setting,
    SettingsDeclarationError,
    changed_settings,
)
from sendreceive.hosting.settings_schema import read_settings
from sendreceive.ui.wording import arg, translate

#: ``apply(account, password)``: validate and write; ``False`` keeps the form open.
Apply = Callable[[Account, str], bool]
MAX_PORT = 65535
FORM_WIDTH = 480  # a server's name and the warnings read on a line or two
_DEFAULT = QT_TRANSLATE_NOOP("ProviderAccountEditor", "Default")


class ServerFields(QGroupBox):
    """One server: name, port, security, certificate check."""

    def __init__(self, title: str, ports: dict[str, int], server: MailServer) -> None:
        super().__init__(title)
        self._ports = ports
        self.host = QLineEdit(server.host)
        self.port = QSpinBox()
        self.port.setRange(1, MAX_PORT)
        self.port.setValue(server.port)
        self.security = QComboBox()
        for mode, text in zip(
            SECURITY_MODES,
            (self.tr("SSL/TLS"), self.tr("STARTTLS"), self.tr("None (not encrypted)")),
            strict=True,
        ):
            self.security.addItem(text, mode)
        self.security.setCurrentIndex(SECURITY_MODES.index(server.security))
        self.verify = QCheckBox(self.tr("Check the server's &certificate"))
        self.verify.setChecked(server.verify_certificate)
        self._last_security = server.security
        self.security.currentIndexChanged.connect(self._security_changed)
        form = QFormLayout(self)
        for label, field, name in (
            (self.tr("Server:"), self.host, self.tr("Server")),
            (self.tr("Port:"), self.port, self.tr("Port")),
            (self.tr("Security:"), self.security, self.tr("Security")),
        ):
            field.setAccessibleName(arg(self.tr("%1: %2"), title, name))
            form.addRow(label, field)
        form.addRow(self.verify)

    def server(self) -> MailServer:
        mode = str(self.security.currentData())
        return MailServer(
            self.host.text().strip(), self.port.value(), mode, self.verify.isChecked()
        )

    def _security_changed(self) -> None:
        """The port follows the security while it is the usual one for the last."""
        mode = str(self.security.currentData())
        if self.port.value() == self._ports[self._last_security]:
            self.port.setValue(self._ports[mode])
        self._last_security = mode
        self.verify.setEnabled(mode != "none")


class MailAccountEditor(QDialog):
    """An IMAP + SMTP account; the password goes to the system keyring, never the file."""

    def __init__(
        self, apply: Apply, kept: Account | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mailAccountEditor")
        self.setMinimumWidth(FORM_WIDTH)
        self._apply = apply
        self._kept = kept
        form = (MailAccount.of(kept) if kept is not None else None) or MailAccount.new()
        self.setWindowTitle(
            self.tr("Change IMAP/SMTP Account") if kept else self.tr("New IMAP/SMTP Account")
        )
        self.name = QLineEdit(form.name)
        self.address = QLineEdit(form.address)
        self.username = QLineEdit(form.username)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        if kept is not None:
            self.password.setPlaceholderText(self.tr("unchanged"))
        self.incoming = ServerFields(self.tr("Incoming mail (IMAP)"), IMAP_PORTS, form.incoming)
        self.outgoing = ServerFields(self.tr("Outgoing mail (SMTP)"), SMTP_PORTS, form.outgoing)
        self.warning = QLabel()
        self.warning.setObjectName("securityWarning")
        self.warning.setWordWrap(True)
        self.warning.setAccessibleName(self.tr("Security warning"))
        self.problem = QLabel()
        self.problem.setObjectName("formProblem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

        fields = QFormLayout()
        for label, field, name in (
            (self.tr("Account &name:"), self.name, self.tr("Account name")),
            (self.tr("&E-mail address:"), self.address, self.tr("E-mail address")),
            (self.tr("&User name:"), self.username, self.tr("User name")),
            (self.tr("&Password:"), self.password, self.tr("Password")),
        ):
            field.setAccessibleName(name)
            fields.addRow(label, field)
        note = QLabel(self.tr("The password is kept in the system keyring, not in the profile."))
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(fields)
        layout.addWidget(note)
        layout.addWidget(self.incoming)
        layout.addWidget(self.outgoing)
        layout.addWidget(self.warning)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        for server in (self.incoming, self.outgoing):
            server.security.currentIndexChanged.connect(self._show_risks)
            server.verify.toggled.connect(self._show_risks)
        self._show_risks()

    def mail_account(self) -> MailAccount:
        return MailAccount(
            self.name.text().strip(),
            self.address.text().strip(),
            self.username.text().strip(),
            self.incoming.server(),
            self.outgoing.server(),
        )

    def save(self) -> bool:
        form = self.mail_account()
        missing = [
            name
            for name, value in (
                (self.tr("account name"), form.name),
                (self.tr("user name"), form.username),
                (self.tr("incoming server"), form.incoming.host),
                (self.tr("outgoing server"), form.outgoing.host),
            )
            if not value
        ]
        if self._kept is None and not self.password.text():
            missing.append(self.tr("password"))
        if missing:
            self._say(arg(self.tr("Please fill in: %1."), ", ".join(missing)))
            return False
        if not self._apply(form.account(self._kept), self.password.text()):
            return False
        self.accept()
        return True

    def _say(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()

    def _show_risks(self) -> None:
        plain = (
            self.tr(
                "The incoming server is not encrypted: your password and mail cross the "
                "network readable by anyone on the way."
            ),
            self.tr(
                "The outgoing server is not encrypted: your password and mail cross the "
                "network readable by anyone on the way."
            ),
        )
        unverified = (
            self.tr(
                "The incoming server's certificate is not checked: anyone on the way can "
                "pose as the server and read your password."
            ),
            self.tr(
                "The outgoing server's certificate is not checked: anyone on the way can "
                "pose as the server and read your password."
            ),
        )
        lines = [
            (plain if risk is Risk.PLAIN else unverified)[i]
            for i, server in enumerate((self.incoming, self.outgoing))
            for risk in server.server().risks
        ]
        self.warning.setText("\n".join(lines))
        self.warning.setVisible(bool(lines))


class ProviderAccountEditor(QDialog):
    """An account of any installed provider, with a field for each declared setting;
    settings it does not declare are kept as they are in the file."""

    def __init__(
        self,
        apply: Apply,
        providers: list[str],
        kept: Account | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("providerAccountEditor")
        self.setMinimumWidth(FORM_WIDTH)
        self.setWindowTitle(self.tr("Change Account") if kept else self.tr("New Account"))
        self._apply = apply
        self._kept = kept
        self._declared: tuple[Setting, ...] = ()
        self.fields: dict[str, QWidget] = {}
        self.name = QLineEdit(kept.name if kept else "")
        self.name.setAccessibleName(self.tr("Account name"))
        self.provider = QComboBox()
        self.provider.setEditable(True)  # module:attr and file.py:attr too
        self.provider.addItems(providers)
        self.provider.setAccessibleName(self.tr("Provider"))
        if kept is not None:
            self.provider.setCurrentText(kept.provider)
        self.settings_box = QGroupBox(self.tr("Settings"))
        self.settings_form = QFormLayout(self.settings_box)
        self.problem = QLabel()
        self.problem.setObjectName("formProblem")
        self.problem.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        top = QFormLayout()
        name_label = QLabel(self.tr("Account &name:"))
        name_label.setBuddy(self.name)
        provider_label = QLabel(self.tr("&Provider:"))
        provider_label.setBuddy(self.provider)
        top.addRow(name_label, self.name)
        top.addRow(provider_label, self.provider)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.settings_box)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.provider.currentTextChanged.connect(self._show_settings)
        self._show_settings()

    def _show_settings(self) -> None:
        """The chosen provider's declared settings, read from its source: a provider's
        code never runs in the app's process."""
        while self.settings_form.rowCount():
            self.settings_form.removeRow(0)
        self.fields.clear()
        self._declared = ()
        self.problem.clear()
        spec = self.provider.currentText().strip()
        if not spec:
            return
        try:
            self._declared = read_settings(spec)
        except SettingsDeclarationError as exc:
            self.problem.setText(str(exc))
            return
        values = dict(self._kept.settings) if self._kept and self._kept.provider == spec else {}
        for setting in self._declared:
            field = _field(setting, values.get(setting.name, setting.default))
            field.setToolTip(setting.help)
            field.setAccessibleName(setting.name)
            field.setAccessibleDescription(setting.help)
            self.fields[setting.name] = field
            self.settings_form.addRow(setting.name + ":", field)
        if not self._declared:
            self.settings_form.addRow(QLabel(self.tr("This provider declares no settings.")))

    def values(self) -> dict[str, Any]:
        return {name: _value(field) for name, field in self.fields.items()}

    def save(self) -> bool:
        name, spec = self.name.text().strip(), self.provider.currentText().strip()
        if not name or not spec:
            self.problem.setText(self.tr("Please fill in the account name and the provider."))
            return False
        try:
            chosen = changed_settings(self._declared, self.values())
        except ValueError as exc:
            self.problem.setText(str(exc))
            return False
        declared = {s.name for s in self._declared}
        kept = self._kept or Account(name, spec)
        others = {k: v for k, v in kept.settings.items() if k not in declared}
        account = Account(
            name,
            spec,
            kept.flags,
            {**others, **chosen},
            kept.enabled,
            kept.transport,
            kept.transport_settings,
            kept.isolation,
            kept.process_limits,
        )
        if not self._apply(account, ""):
            return False
        self.accept()
        return True


def _field(setting: Setting, value: Any) -> QWidget:
    """A widget for one declared setting, showing ``value``."""
    if setting.type is bool:
        box = QCheckBox()
        box.setChecked(bool(value))
        return box
    if setting.type is int:
        spin = QSpinBox()
        spin.setRange(-1 if setting.default is None else -(2**31), 2**31 - 1)
        if setting.default is None:  # -1: not set, the provider decides
            spin.setSpecialValueText(translate("ProviderAccountEditor", _DEFAULT))
        spin.setValue(value if isinstance(value, int) else -1)
        return spin
    if setting.type is float:
        number = QDoubleSpinBox()
        number.setDecimals(3)
        number.setRange(0.0, 1e9)
        number.setValue(float(value) if isinstance(value, int | float) else 0.0)
        return number
    if setting.choices:
        combo = QComboBox()
        combo.addItems(list(setting.choices))
        combo.setCurrentText(str(value))
        return combo
    return QLineEdit("" if value is None else str(value))


def _value(field: QWidget) -> Any:
    if isinstance(field, QCheckBox):
        return field.isChecked()
    if isinstance(field, QSpinBox):
        return (
            None if field.value() == field.minimum() and field.specialValueText() else field.value()
        )
    if isinstance(field, QDoubleSpinBox):
        return field.value()
    if isinstance(field, QComboBox):
        return field.currentText()
    assert isinstance(field, QLineEdit)
    return field.text().strip()
