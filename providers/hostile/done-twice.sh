#!/bin/sh
# Done twice: the second is a contract violation (rule 6), reported and ignored.
echo '{"type":"hello","version":1}'
echo '{"type":"Progress","text":"Receiving","index":1,"max":1}'
echo '{"type":"Done","hresult":0}'
echo '{"type":"Done","hresult":2147500037}'
echo '{"type":"returned","hresult":0,"style":"in-call"}'
