"""The default store that every account sends through: the Outbox and Sent Items
(``outbox``), and ``sendreceive queue``, which puts ``.eml`` files in it.

May import: config, contract and the utility modules.
"""
