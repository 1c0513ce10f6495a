"""The app's persisted preferences, in QSettings under one organisation name."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QByteArray, QSettings

from sendreceive.paths import APP_DIR_NAME, config_dir

ORGANIZATION = "SendReceiveWorkbench"
APPLICATION = "Send/Receive Workbench"  # shown to the user; a "/" cannot name a file


class ShowDialog(Enum):
    """When the Send/Receive dialog appears by itself."""

    ALWAYS = "always"
    MANUAL = "manual"  # for runs the user started, not scheduled ones (Claws Mail's way)
    NEVER = "never"


class AppSettings:
    """Typed access to the few keys the app keeps."""

    def __init__(self, settings: QSettings | None = None) -> None:
        # One INI file in the user's config folder (paths.config_dir), on every platform.
        path = config_dir() / f"{APP_DIR_NAME}.conf"
        self._settings = settings or QSettings(str(path), QSettings.Format.IniFormat)

    @property
    def show_dialog(self) -> ShowDialog:
        value = self._settings.value("dialog/show")
        if value is None and _as_bool(self._settings.value("dialog/dontShow", False)):
            return ShowDialog.NEVER  # the setting's earlier form
        try:
            return ShowDialog(value)
        except ValueError:
            return ShowDialog.MANUAL

    @show_dialog.setter
    def show_dialog(self, value: ShowDialog) -> None:
        self._settings.setValue("dialog/show", value.value)

    @property
    def work_offline(self) -> bool:
        return _as_bool(self._settings.value("connection/workOffline", False))

    @work_offline.setter
    def work_offline(self, value: bool) -> None:
        self._settings.setValue("connection/workOffline", value)

    @property
    def window_geometry(self) -> QByteArray | None:
        return self.saved_state("mainWindow/geometry")

    @window_geometry.setter
    def window_geometry(self, value: QByteArray) -> None:
        self.save_state("mainWindow/geometry", value)

    def saved_state(self, key: str) -> QByteArray | None:
        """A widget's saved geometry or state (Qt's own bytes), if any."""
        value = self._settings.value(key)
        return value if isinstance(value, QByteArray) else None

    def save_state(self, key: str, value: QByteArray) -> None:
        self._settings.setValue(key, value)

    @property
    def language(self) -> str | None:
        """The View ▸ Language choice; ``None`` follows the system."""
        value = self._settings.value("ui/language")
        return value if isinstance(value, str) and value else None

    @language.setter
    def language(self, value: str | None) -> None:
        self._settings.setValue("ui/language", value or "")

    def sync(self) -> None:
        self._settings.sync()

    def file_name(self) -> str:
        return self._settings.fileName()


def _as_bool(value: object) -> bool:
    # QSettings' INI backend hands booleans back as the strings "true"/"false".
    if isinstance(value, str):
        return value.lower() == "true"
    return bool(value)
