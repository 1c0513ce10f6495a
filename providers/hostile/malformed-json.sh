#!/bin/sh
# Malformed JSON, then silence: the host must not wait for the rest of it.
echo '{"type":"hello","version":1}'
echo '{"type":"Progress","text":"half a message'
sleep 60
