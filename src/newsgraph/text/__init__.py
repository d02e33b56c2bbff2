"""What the stages read the text with, but that is not a stage: the page's layout and furniture,
datelines, places, the PLOVER codebook, the words of attribution, speakers' tables and resolver,
and spaCy's pipeline with its token table. Nothing here imports a stage or a model."""
