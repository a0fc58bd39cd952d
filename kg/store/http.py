"""HTTP to SPARQL servers: endpoint URLs, credentials, time limits and one-line errors.

Credentials answer the server's challenge, HTTP Digest (Virtuoso's ``/sparql-auth`` and
``/sparql-graph-crud-auth``) or Basic (Fuseki, GraphDB), and are sent only when the server asks
for them. The password comes from the environment (``KG_ENDPOINT_PASSWORD``) or, in the CLI, a
prompt: never from a URL or an option, so it shows in no command line, process list or message.
"""

from __future__ import annotations

import http.client
import os
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass, field

from kg.errors import ConfigError, ServerError

USER_VARIABLE = "KG_ENDPOINT_USER"
PASSWORD_VARIABLE = "KG_ENDPOINT_PASSWORD"
DETAIL_LENGTH = 300  # characters of a server's error message kept in ours


@dataclass(frozen=True)
class Credentials:
    user: str
    password: str = field(repr=False)

    @classmethod
    def from_environment(cls, user: str | None) -> Credentials | None:
        """``user`` (or ``KG_ENDPOINT_USER``) with ``KG_ENDPOINT_PASSWORD``; None without a user.

        Raises ``ConfigError`` when a user is named but the variable holds no password.
        """
        user = user or os.environ.get(USER_VARIABLE) or None
        if user is None:
            return None
        password = os.environ.get(PASSWORD_VARIABLE)
        if password is None:
            raise ConfigError(
                f"user {user!r} needs a password: set {PASSWORD_VARIABLE} "
                "(passwords are never read from the command line)"
            )
        return cls(user, password)


@dataclass(frozen=True)
class Response:
    status: int
    content_type: str  # the media type without parameters, lower case
    headers: Mapping[str, str]  # names in lower case
    body: bytes


def check_endpoint(url: str) -> str:
    """``url`` when it is an http(s) URL without credentials in it."""
    parts = urllib.parse.urlsplit(url)
    if "@" in parts.netloc:  # the URL itself is not repeated: it may hold a password
        raise ConfigError(
            f"the endpoint URL holds a user name or password: name the user with --user and "
            f"give the password in {PASSWORD_VARIABLE} or at the prompt"
        )
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise ConfigError(f"endpoint {url!r} is not an http(s) URL")
    return url


def send(
    request: urllib.request.Request,
    *,
    endpoint: str,
    action: str,
    credentials: Credentials | None,
    timeout: float,
) -> Response:
    """Send ``request`` and read the whole answer; a failure is a one-line ``ServerError``.

    ``action`` says what was asked in messages ("query", "POST graph=…").
    """
    try:
        with _opener(request.full_url, credentials).open(request, timeout=timeout) as answer:
            body = answer.read()
            headers = {name.lower(): value for name, value in answer.headers.items()}
            return Response(answer.status, answer.headers.get_content_type(), headers, body)
    except urllib.error.HTTPError as error:
        raise _refused(error, endpoint, action, credentials) from None
    except urllib.error.URLError as error:
        if isinstance(error.reason, TimeoutError):
            raise _timed_out(endpoint, action, timeout) from None
        raise ServerError(
            f"{endpoint}: cannot connect ({error.reason}); is a server running there? "
            "(Oxigraph's: pip install 'govreport-kg[server]', then oxigraph serve --location DB)"
        ) from None
    except TimeoutError:
        raise _timed_out(endpoint, action, timeout) from None
    except ValueError as error:  # urllib's answer to a challenge other than Digest or Basic
        raise ServerError(
            f"{endpoint}: {action}: the server asks for an authentication other than Digest "
            f"or Basic ({error})"
        ) from None
    except (http.client.HTTPException, OSError) as error:
        detail = str(error) or type(error).__name__
        raise ServerError(f"{endpoint}: {action}: connection lost ({detail})") from None


def _opener(url: str, credentials: Credentials | None) -> urllib.request.OpenerDirector:
    if credentials is None:
        return urllib.request.build_opener()
    passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
    passwords.add_password(None, url, credentials.user, credentials.password)
    return urllib.request.build_opener(
        urllib.request.HTTPDigestAuthHandler(passwords),
        urllib.request.HTTPBasicAuthHandler(passwords),
    )


def _refused(
    error: urllib.error.HTTPError, endpoint: str, action: str, credentials: Credentials | None
) -> ServerError:
    if error.code in (401, 403):
        if credentials is None:
            hint = f"the server asks for a user: give --user and set {PASSWORD_VARIABLE}"
        else:
            hint = f"user {credentials.user!r} and this password were refused"
        return ServerError(f"{endpoint}: {action} refused ({error.code}): {hint}")
    if error.code == 404:
        return ServerError(f"{endpoint}: {action}: not found (404): check the endpoint's path")
    try:
        detail = _first_line(error.read(4096))
    except (OSError, http.client.HTTPException):
        detail = ""
    if detail.startswith("<"):  # an HTML error page says no more than its status
        detail = ""
    reason = detail or str(error.reason or "")
    return ServerError(f"{endpoint}: {action} failed ({error.code}): {reason}".rstrip(": "))


def _timed_out(endpoint: str, action: str, timeout: float) -> ServerError:
    return ServerError(f"{endpoint}: {action}: no answer within {timeout:g} s (--timeout)")


def _first_line(body: bytes) -> str:
    """The first non-blank line of an error page, at most ``DETAIL_LENGTH`` characters."""
    text = body.decode("utf-8", "replace")
    line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return line[:DETAIL_LENGTH]
