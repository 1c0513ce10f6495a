#!/bin/sh
# Progress after Done: a contract violation (rule 6), reported and ignored.
echo '{"type":"hello","version":1}'
echo '{"type":"Done","hresult":0}'
echo '{"type":"Progress","text":"one more thing","index":2,"max":1}'
echo '{"type":"returned","hresult":0,"style":"in-call"}'
