/* A provider in C, speaking the provider protocol v1 (docs/protocol.md).
 *
 * Build: cc -std=c99 -O2 -o provider provider.c
 * Settings: count (messages, default 5), style ("background" or "in-call"),
 * missing (a message number the "server" lacks: an error), warn (true: a warning),
 * pause_ms (default 20). It needs the account's password (the host asks the profile).
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define S_OK 0x00000000u
#define S_FALSE 0x00000001u
#define MAPI_E_NOT_FOUND 0x8004010Fu
#define MAPI_E_LOGON_FAILED 0x80040111u
#define MAPI_E_USER_CANCEL 0x80040113u
#define MAPI_E_INVALID_PARAMETER 0x80070057u
#define MAPI_E_UNKNOWN_FLAGS 0x80040106u
#define KNOWN_FLAGS 0x220212C3ul /* every SYNC_ flag of the protocol */

static char line[1 << 16]; /* the host's lines are short: settings are a profile's */
static size_t have;        /* bytes of stdin read but not yet taken as lines */
static int cancelled, background;

/* The next line from the host, waiting at most timeout_ms (-1: forever); NULL on a
 * timeout. At EOF there is nothing more to hear: exit. */
static const char *next_line(int timeout_ms) {
    for (;;) {
        char *end = memchr(line, '\n', have);
        if (end) {
            static char taken[sizeof line];
            size_t n = (size_t)(end - line);
            memcpy(taken, line, n);
            taken[n] = '\0';
            memmove(line, end + 1, have - n - 1);
            have -= n + 1;
            return taken;
        }
        struct pollfd in = {0, POLLIN, 0};
        int ready = poll(&in, 1, timeout_ms);
        if (ready < 0 && errno == EINTR) continue;
        if (ready <= 0) return NULL;
        ssize_t got = read(0, line + have, sizeof line - have);
        if (got <= 0) exit(0);
        if (have + (size_t)got == sizeof line) {
            fputs("a line from the host is longer than this provider reads\n", stderr);
            exit(1);
        }
        have += (size_t)got;
    }
}

/* Whether the host cancelled: any cancel line waiting is taken. */
static int cancel_requested(void) {
    const char *got;
    while (!cancelled && (got = next_line(0)) != NULL)
        if (strstr(got, "\"type\":\"cancel\"")) cancelled = 1;
    return cancelled;
}

static void progress(const char *text, unsigned index, unsigned max) {
    printf("{\"type\":\"Progress\",\"text\":\"%s\",\"index\":%u,\"max\":%u}\n", text, index, max);
    fflush(stdout);
}

static void error(unsigned hresult, const char *text) {
    printf("{\"type\":\"Error\",\"hresult\":%u,\"text\":\"%s\"}\n", hresult, text);
    fflush(stdout);
}

/* Done, then (in-call style) what SynchronizeInBackground returns; the end. */
static void finish(unsigned hresult) {
    printf("{\"type\":\"Done\",\"hresult\":%u}\n", hresult);
    if (!background) printf("{\"type\":\"returned\",\"hresult\":%u,\"style\":\"in-call\"}\n", S_OK);
    fflush(stdout);
    exit(0);
}

/* A setting from the SynchronizeInBackground line (compact JSON, ASCII only): the text
 * after "name": up to the next , or }, quotes dropped; fallback if absent. */
static const char *setting(const char *sync, const char *name, const char *fallback) {
    static char value[64];
    char key[80];
    const char *settings = strstr(sync, "\"settings\":{");
    snprintf(key, sizeof key, "\"%s\":", name);
    const char *at = settings ? strstr(settings, key) : NULL;
    if (!at) return fallback;
    at += strlen(key);
    size_t n = 0;
    for (; *at && *at != ',' && *at != '}' && n + 1 < sizeof value; at++)
        if (*at != '"') value[n++] = *at;
    value[n] = '\0';
    return value;
}

int main(void) {
    char *end;
    puts("{\"type\":\"hello\",\"version\":1}");
    fflush(stdout);
    const char *hello = next_line(-1);
    const char *versions = strstr(hello, "\"versions\":[");
    if (!versions || !(strstr(versions, "[1]") || strstr(versions, "[1,") ||
                       strstr(versions, ",1]") || strstr(versions, ",1,"))) {
        fputs("the host speaks no version this provider knows (it speaks 1)\n", stderr);
        return 1;
    }
    static char sync[sizeof line];
    snprintf(sync, sizeof sync, "%s", next_line(-1));

    /* setting() returns its own buffer: each value is read before the next is asked */
    const char *count_text = setting(sync, "count", "5");
    unsigned long count = strtoul(count_text, &end, 10);
    int count_ok = *count_text >= '0' && *count_text <= '9' && *end == '\0';
    background = strcmp(setting(sync, "style", "background"), "background") == 0;
    unsigned long missing = strtoul(setting(sync, "missing", "0"), NULL, 10);
    int warn = strcmp(setting(sync, "warn", "false"), "true") == 0;
    const char *pause_text = setting(sync, "pause_ms", "20");
    long pause_ms = strtol(pause_text, &end, 10);
    int numbers_ok = count_ok && *pause_text >= '0' && *pause_text <= '9' && *end == '\0';

    if (background)
        printf("{\"type\":\"returned\",\"hresult\":%u,\"style\":\"background\"}\n", S_OK);
    const char *flags_at = strstr(sync, "\"flags\":");
    unsigned long flags = flags_at ? strtoul(flags_at + 8, NULL, 10) : 0;
    if (flags & ~KNOWN_FLAGS) {
        char text[64];
        snprintf(text, sizeof text, "Unknown sync flags: %lu", flags & ~KNOWN_FLAGS);
        error(MAPI_E_UNKNOWN_FLAGS, text);
        finish(MAPI_E_UNKNOWN_FLAGS);
    }
    if (!numbers_ok) {
        error(MAPI_E_INVALID_PARAMETER, "count and pause_ms must be whole numbers");
        finish(MAPI_E_INVALID_PARAMETER);
    }

    progress("Connecting", 0, 0);
    puts("{\"type\":\"password\"}");
    fflush(stdout);
    const char *answer;
    while (!strstr(answer = next_line(-1), "\"type\":\"password\""))
        if (strstr(answer, "\"type\":\"cancel\"")) cancelled = 1;
    if (cancelled) finish(MAPI_E_USER_CANCEL);
    if (strstr(answer, "\"value\":null")) {
        error(MAPI_E_LOGON_FAILED, "No password: give the account a password, password_env or password_command");
        finish(MAPI_E_LOGON_FAILED);
    }

    progress("Checking folders", 0, 0);
    if (warn) error(S_FALSE, "The server does not support IDLE: polling instead");
    struct timespec pause = {pause_ms / 1000, (pause_ms % 1000) * 1000000L};
    for (unsigned long i = 1; i <= count; i++) {
        nanosleep(&pause, NULL);
        if (cancel_requested()) finish(MAPI_E_USER_CANCEL);
        char text[96];
        snprintf(text, sizeof text, "Receiving message %lu of %lu", i, count);
        progress(text, (unsigned)i, (unsigned)count);
        if (i == missing) {
            snprintf(text, sizeof text, "Message %lu is missing on the server", i);
            error(MAPI_E_NOT_FOUND, text);
        }
    }
    printf("{\"type\":\"log\",\"level\":\"info\",\"text\":\"received %lu messages\"}\n", count);
    finish(S_OK);
}
