"""Providers that are programs, in any language: the provider protocol (``protocol``,
written down in ``docs/protocol.md``) and the host's side of it (``provider``)."""
