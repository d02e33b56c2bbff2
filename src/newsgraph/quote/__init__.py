"""Quotes of an article: the rules over the parse (``clauses``), statements without a verb of saying
(``turns``), what the attribution tagger adds (``tagged``), and the steps that make quotes of what they
found (``assemble``); the stage ``stages/quotes.py`` runs them and resolves the speakers
(``text/speakers.py``).
"""
