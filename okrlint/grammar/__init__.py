"""Grammar helpers shared by rules, messages and fixes: numeral agreement and the suggestion gate.

Nothing here imports the engine, the checks or the rewriters, so every stage
can use it without an import cycle.
"""
