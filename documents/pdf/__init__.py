"""PDF documents: pure render functions (render.py), the static-only URL fetcher (fetcher.py),
text stamped with pikepdf (stamp.py) in an embedded composite font (font.py), the pack
(pack.py) with its contents and bookmarks (contents.py) and its one structure tree
(tagging.py), the archive variant's embedded data (archive.py), and the cache around them
(store.py, keyed by fingerprint.py)."""
