#!/bin/sh
# A 100 MB line without a newline: the host reads no more than its line limit of it.
echo '{"type":"hello","version":1}'
head -c 100000000 /dev/zero | tr '\0' a
sleep 60
