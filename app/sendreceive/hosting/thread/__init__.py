"""Thread isolation: the provider runs on a daemon thread of the app's process, where a
debugger's breakpoints reach it. ``host`` drives it; ``threads`` ties a background
provider's own threads to their task. Imports only the hosting wing and below.
"""
