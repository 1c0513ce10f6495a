#!/bin/sh
# Leaves a child holding its output open, then ends properly: the host does not wait
# for the pipe to close, and the child is stopped with the task's process.
read -r hello
echo '{"type":"hello","version":1}'
read -r sync
sleep 300 &
echo '{"type":"Progress","text":"Receiving","index":1,"max":1}'
echo '{"type":"Done","hresult":0}'
echo '{"type":"returned","hresult":0,"style":"in-call"}'
