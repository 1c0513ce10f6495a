#!/bin/sh
# Named as the command itself, but without the execute bit: it cannot start.
echo '{"type":"hello","version":1}'
