"""The knowledge base across articles: copies and quote clusters (clusters.py), entities across
articles (build.py), the queries the CLI, the API and the web UI share (queries.py), exports (export.py)."""
