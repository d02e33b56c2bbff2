"""The HTTP API and the web UI (FastAPI, server-rendered pages)."""
