#!/bin/sh
# A provider in POSIX shell, speaking the provider protocol v1 (docs/protocol.md).
# Settings: count (messages, default 5), style ("background" or "in-call"),
# missing (a message number the "server" lacks: an error), warn (true: a warning),
# pause_ms (default 20). It needs the account's password (the host asks the profile).
set -u

S_OK=0 S_FALSE=1
MAPI_E_NOT_FOUND=2147746063 MAPI_E_LOGON_FAILED=2147746065
MAPI_E_USER_CANCEL=2147746067 MAPI_E_INVALID_PARAMETER=2147942487
MAPI_E_UNKNOWN_FLAGS=2147746054 KNOWN_FLAGS=570561219  # every SYNC_ flag of the protocol

say() { printf '%s\n' "$1"; }
progress() { say "{\"type\":\"Progress\",\"text\":\"$1\",\"index\":$2,\"max\":$3}"; }
error() { say "{\"type\":\"Error\",\"hresult\":$1,\"text\":\"$2\"}"; }
log() { say "{\"type\":\"log\",\"level\":\"$1\",\"text\":\"$2\"}"; }

# The end: Done, then (in-call style) what SynchronizeInBackground returns.
finish() {
    say "{\"type\":\"Done\",\"hresult\":$1}"
    [ "$style" = in-call ] && say "{\"type\":\"returned\",\"hresult\":$S_OK,\"style\":\"in-call\"}"
    exit 0
}

# A setting's value from the SynchronizeInBackground line: the host writes compact
# JSON with ASCII only, so a pattern finds "name":value (numbers, booleans, and strings
# without a comma, a brace or an escape: enough for this provider's settings).
setting() {
    value=$(printf '%s\n' "$sync" | sed -n "s/.*\"settings\":{.*\"$1\":\"\{0,1\}\([^\",}]*\).*/\1/p")
    printf '%s' "${value:-$2}"
}

say '{"type":"hello","version":1}'
IFS= read -r hello || exit 0
case $hello in
    *'"versions":[1]'* | *'"versions":[1,'* | *'"versions":['*,1[],]*) ;;
    *) echo "the host speaks no version this provider knows (it speaks 1)" >&2; exit 1 ;;
esac
IFS= read -r sync || exit 0
count=$(setting count 5) style=$(setting style background)
missing=$(setting missing 0) warn=$(setting warn false) pause_ms=$(setting pause_ms 20)

[ "$style" = background ] && say "{\"type\":\"returned\",\"hresult\":$S_OK,\"style\":\"background\"}"
flags=$(printf '%s\n' "$sync" | sed -n 's/^{"type":"SynchronizeInBackground","flags":\([0-9]*\).*/\1/p')
if [ $((flags & ~KNOWN_FLAGS)) -ne 0 ]; then
    error $MAPI_E_UNKNOWN_FLAGS "Unknown sync flags: $((flags & ~KNOWN_FLAGS))"
    finish $MAPI_E_UNKNOWN_FLAGS
fi
for number in "$count" "$pause_ms"; do
    case $number in '' | *[!0-9]*)
        error $MAPI_E_INVALID_PARAMETER "count and pause_ms must be whole numbers, not $number"
        finish $MAPI_E_INVALID_PARAMETER ;;
    esac
done

pause=$(printf '%d.%03d' $((pause_ms / 1000)) $((pause_ms % 1000)))

progress "Connecting" 0 0
say '{"type":"password"}'
cancelled=false
while IFS= read -r line; do  # a cancel may come before the answer
    case $line in
        *'"type":"cancel"'*) cancelled=true ;;
        *'"type":"password"'*) answer=$line; break ;;
    esac
done
$cancelled && finish $MAPI_E_USER_CANCEL
case ${answer:-'"value":null'} in *'"value":null'*)
    error $MAPI_E_LOGON_FAILED "No password: give the account a password, password_env or password_command"
    finish $MAPI_E_LOGON_FAILED ;;
esac

# From here on the host's lines are read in the background: only cancel can come.
flags=$(mktemp -d) || exit 1
trap 'kill $reader 2>/dev/null; rm -rf "$flags"' EXIT
exec 3<&0  # an asynchronous list's stdin is /dev/null unless redirected
while IFS= read -r line; do
    case $line in *'"type":"cancel"'*) : >"$flags/cancel" ;; esac
done <&3 >/dev/null &
reader=$!

progress "Checking folders" 0 0
[ "$warn" = true ] && error $S_FALSE "The server does not support IDLE: polling instead"
i=1
while [ "$i" -le "$count" ]; do
    sleep "$pause"
    [ -e "$flags/cancel" ] && finish $MAPI_E_USER_CANCEL
    progress "Receiving message $i of $count" "$i" "$count"
    [ "$i" = "$missing" ] && error $MAPI_E_NOT_FOUND "Message $i is missing on the server"
    i=$((i + 1))
done
log info "received $count messages"
finish $S_OK
