"""PDF documents: pure render functions (render.py), the static-only URL fetcher (fetcher.py),
text stamped with pikepdf (stamp.py), the pack (pack.py), and the cache around them (store.py)."""
