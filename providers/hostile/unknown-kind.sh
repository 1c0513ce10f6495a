#!/bin/sh
# A valid JSON message of a kind the protocol does not have.
echo '{"type":"hello","version":1}'
echo '{"type":"Telemetry","cpu":3}'
sleep 60
