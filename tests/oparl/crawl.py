"""Everything the API answers to a client: every list page and every object linked from it."""

import json

from django.test import Client

API = "http://testserver/oparl/v1/"


def crawl(client: Client | None = None) -> dict[str, str]:
    """URL -> body of every API answer reachable from the system object (files' downloads
    excluded: they are the Bilag's own view)."""
    client = client or Client()
    seen: dict[str, str] = {}
    queue = [API]
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        seen[url] = response.content.decode()
        queue += [link for link in _links(json.loads(seen[url]))
                  if link.startswith(API) and link not in seen]
    return seen


def _links(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key not in ("accessUrl", "downloadUrl", "web"):
                yield from _links(value)
    elif isinstance(node, list):
        for value in node:
            yield from _links(value)
    elif isinstance(node, str) and node.startswith("http"):
        yield node
