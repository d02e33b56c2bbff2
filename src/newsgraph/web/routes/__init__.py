"""The server's routes, one router a part: the API (``api.py``), the UI's pages (``pages.py``) and the
OpenAPI page (``docs.py``). Each reads the store the app was made with through ``deps.py``."""
