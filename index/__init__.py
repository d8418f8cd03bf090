"""Embeddings, vector and keyword indexes, and the stores behind them.

Importing this package first makes the process offline (see `index.offline`), so any
`import index...` happens before transformers or chromadb read their environment.
"""

from index.offline import apply_offline_env

apply_offline_env()
