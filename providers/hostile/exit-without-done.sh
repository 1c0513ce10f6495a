#!/bin/sh
# Exits in the middle of its work, without Done, saying why on stderr.
echo '{"type":"hello","version":1}'
echo '{"type":"Progress","text":"Connecting","index":0,"max":0}'
echo "lost the connection to the server" >&2
exit 3
