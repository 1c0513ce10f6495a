#!/usr/bin/env node
// A provider in Node.js, speaking the provider protocol v1 (docs/protocol.md); no packages.
// Settings: count (messages, default 5), style ("background" or "in-call"),
// missing (a message number the "server" lacks: an error), warn (true: a warning),
// pause_ms (default 20). It needs the account's password (the host asks the profile).
'use strict';
const readline = require('node:readline');

const S_OK = 0x00000000, S_FALSE = 0x00000001;
const MAPI_E_NOT_FOUND = 0x8004010f, MAPI_E_LOGON_FAILED = 0x80040111;
const MAPI_E_USER_CANCEL = 0x80040113, MAPI_E_INVALID_PARAMETER = 0x80070057;
const MAPI_E_UNKNOWN_FLAGS = 0x80040106, KNOWN_FLAGS = 0x220212c3; // every SYNC_ flag

const say = (message) => process.stdout.write(JSON.stringify(message) + '\n');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// The host's lines, one message each: the first few awaited in order; cancel at any time.
const waiting = [];
const lines = [];
let cancelled = false;
readline.createInterface({ input: process.stdin }).on('line', (text) => {
  const message = JSON.parse(text);
  if (message.type === 'cancel') cancelled = true;
  else if (waiting.length) waiting.shift()(message);
  else lines.push(message);
}).on('close', () => process.exit(0)); // nothing more to hear: the task is over
const next = () => lines.length ? Promise.resolve(lines.shift())
                                : new Promise((resolve) => waiting.push(resolve));

async function main() {
  say({ type: 'hello', version: 1 });
  const hello = await next();
  if (!hello.versions.includes(1)) {
    console.error('the host speaks no version this provider knows (it speaks 1)');
    process.exit(1);
  }
  const sync = await next(); // SynchronizeInBackground
  const { count = 5, style = 'background', missing = 0, warn = false, pause_ms = 20 } = sync.settings;

  const finish = (hresult) => {
    say({ type: 'Done', hresult });
    if (style !== 'background') say({ type: 'returned', hresult: S_OK, style: 'in-call' });
    process.exit(0); // nothing is lost: on Linux, writes to a pipe are synchronous
  };
  const error = (hresult, text) => say({ type: 'Error', hresult, text });

  if (style === 'background') say({ type: 'returned', hresult: S_OK, style: 'background' });
  const unknown = sync.flags - (sync.flags & KNOWN_FLAGS); // bitwise ops are 32-bit signed
  if (unknown) {
    error(MAPI_E_UNKNOWN_FLAGS, `Unknown sync flags: ${unknown}`);
    finish(MAPI_E_UNKNOWN_FLAGS);
  }
  for (const number of [count, pause_ms]) {
    if (!Number.isInteger(number) || number < 0) {
      error(MAPI_E_INVALID_PARAMETER,
            `count and pause_ms must be whole numbers, not ${JSON.stringify(number)}`);
      finish(MAPI_E_INVALID_PARAMETER);
    }
  }

  say({ type: 'Progress', text: 'Connecting', index: 0, max: 0 });
  say({ type: 'password' });
  const { value } = await next();
  if (cancelled) finish(MAPI_E_USER_CANCEL);
  if (value === null) {
    error(MAPI_E_LOGON_FAILED, 'No password: give the account a password, password_env or password_command');
    finish(MAPI_E_LOGON_FAILED);
  }

  say({ type: 'Progress', text: 'Checking folders', index: 0, max: 0 });
  if (warn) error(S_FALSE, 'The server does not support IDLE: polling instead');
  for (let i = 1; i <= count; i++) {
    await sleep(pause_ms);
    if (cancelled) finish(MAPI_E_USER_CANCEL);
    say({ type: 'Progress', text: `Receiving message ${i} of ${count}`, index: i, max: count });
    if (i === missing) error(MAPI_E_NOT_FOUND, `Message ${i} is missing on the server`);
  }
  say({ type: 'log', level: 'info', text: `received ${count} messages` });
  finish(S_OK);
}

main();
