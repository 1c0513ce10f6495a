"""What the app's installation holds, to prove that no action writes it."""

from __future__ import annotations

import hashlib

from sendreceive.bundled import resources_dir


def bundled_files() -> dict[str, str]:
    """Every shipped file under the resources, by its digest."""
    root = resources_dir()
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }
