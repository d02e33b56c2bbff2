"""Dates and times (TIMEX3) of a text: the grammar (``patterns``), the words and codes it reads
(``vocabulary``), each match's value (``values``, with ``arithmetic`` for the calendar), the tense of
the verb that governs it (``tense``), and expressions that point back to a time named before them
(``anaphora``). ``tagger.tag`` runs them all; the stage ``stages/timexes.py`` runs it on an article.
"""
