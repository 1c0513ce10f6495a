"""Process isolation, the default: each task's provider in a process of its own.

``host.ProcessHost`` is the app's side of one child; ``fork_server`` forks the children
(the app never forks: it has Qt threads); ``child`` is what runs in one; ``messages``
declares everything that crosses between them; ``hub`` is the one app thread that
reads every child; ``output_pump`` bounds what a child prints. Imports only the hosting
wing and below.
"""
