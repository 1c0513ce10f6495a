#!/bin/sh
# A step text that is not UTF-8: "café" in Latin-1.
echo '{"type":"hello","version":1}'
printf '{"type":"Progress","text":"caf\351","index":1,"max":2}\n'
sleep 60
