"""Plain HTTP against an app the tests started in a process of its own (gunicorn, runserver):
no redirects followed, cookies kept by hand."""

import re
import socket
import urllib.error
import urllib.parse
import urllib.request


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_opener = urllib.request.build_opener(_NoRedirect())


def http_get(url, headers=None, data=None) -> tuple[int, str, str]:
    """Status, body and the Set-Cookie headers of one request (redirects not followed)."""
    request = urllib.request.Request(url, headers=headers or {}, data=data)
    try:
        with _opener.open(request, timeout=20) as response:
            return (response.status, response.read().decode(),
                    "\n".join(response.headers.get_all("Set-Cookie") or []))
    except urllib.error.HTTPError as error:  # every status >= 300, since redirects are not
        return (error.code, error.read().decode(errors="replace"),
                "\n".join(error.headers.get_all("Set-Cookie") or []))
    except OSError as error:  # refused/reset: the app itself is down, which must not happen
        return 0, str(error), ""


def log_in(base: str, username: str, password: str) -> dict:
    """The headers of a logged-in session (cookies, CSRF token) for later requests."""
    status, page, cookies = http_get(base + "/log-ind/")
    csrf = re.search(r"csrftoken=([^;]+)", cookies).group(1)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    body = urllib.parse.urlencode({"csrfmiddlewaretoken": token, "username": username,
                                   "password": password}).encode()
    status, _, cookies = http_get(base + "/log-ind/", data=body, headers={
        "Cookie": f"csrftoken={csrf}", "Referer": base + "/log-ind/"})
    assert status == 302, "log-in failed"
    session = re.search(r"sessionid=([^;]+)", cookies).group(1)
    rotated = re.search(r"csrftoken=([^;]+)", cookies)  # a log-in rotates the CSRF token
    csrf = rotated.group(1) if rotated else csrf
    return {"Cookie": f"csrftoken={csrf}; sessionid={session}", "X-CSRFToken": csrf,
            "Referer": base + "/"}
