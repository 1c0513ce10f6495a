"""Start Send/Receive Workbench from a source checkout: ``python main.py --help``."""

from app.cli import run

if __name__ == "__main__":
    run()
