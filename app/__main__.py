"""``python -m app``: the same program as ``sendreceive``."""

from app.cli import run

if __name__ == "__main__":
    run()
