"""``python -m sendreceive``: the same program as the ``sendreceive`` command."""

from sendreceive.cli import run

if __name__ == "__main__":
    run()
