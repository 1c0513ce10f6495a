#!/bin/sh
# 1,000,000 Progress lines as fast as the pipe takes them, then Done: it completes.
read -r hello
echo '{"type":"hello","version":1}'
read -r sync
awk 'BEGIN {
    for (i = 1; i <= 1000000; i++)
        printf "{\"type\":\"Progress\",\"text\":null,\"index\":%d,\"max\":1000000}\n", i
}'
echo '{"type":"Done","hresult":0}'
echo '{"type":"returned","hresult":0,"style":"in-call"}'
