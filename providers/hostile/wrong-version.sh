#!/bin/sh
# A protocol version the host did not offer.
echo '{"type":"hello","version":2}'
sleep 60
