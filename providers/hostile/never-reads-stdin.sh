#!/bin/sh
# Never reads its input, and asks for the password again and again: every answer the
# host writes stays in the pipe. The host must neither block nor hold it all.
echo '{"type":"hello","version":1}'
yes '{"type":"password"}' | head -n 200000
echo '{"type":"Done","hresult":0}'
echo '{"type":"returned","hresult":0,"style":"in-call"}'
sleep 60
