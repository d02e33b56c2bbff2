"""Events of an article in PLOVER: triggers (``triggers``), their arguments (``arguments``), one mention
each with modality, place and date (``mention``), and one event per real happening (``merge``); the
stage ``stages/events.py`` runs them. The ontology and its lexicons are ``text/plover.py``.
"""
