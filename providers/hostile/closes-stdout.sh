#!/bin/sh
# Closes its output early and keeps running: it is given 5 s to exit, then killed.
echo '{"type":"hello","version":1}'
exec >&-
sleep 60
