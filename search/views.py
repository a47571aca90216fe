from django.shortcuts import render
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_headers

from meetings.viewer import request_viewer
from search import forms, query


@require_safe
@vary_on_headers("HX-Request", "HX-History-Restore-Request")
def search(request):
    """The search page, and its results alone for htmx (the form's own requests). Back to a
    search htmx pushed into the history fetches it with HX-Request too: that gets the page."""
    viewer = request_viewer(request)
    asked = forms.read(request.GET, viewer)
    results, pages = None, {}
    if asked.words:
        results = query.search(viewer=viewer, words=asked.words, filters=asked.filters,
                               page=asked.page)
        pages = {"previous_page": asked.page_query(results.page - 1),
                 "next_page": asked.page_query(results.page + 1)}
    fragment = request.htmx and not request.htmx.history_restore_request
    template = "search/search.html" + ("#answer" if fragment else "")
    return render(request, template, {"asked": asked, "results": results, **pages})
