"""POST /articles (submit articles to the ingestion queue) and GET /articles/{id} (their state, and once done the
events extracted from them with their evidence). The queue is `service.shared.queue` (docs/queue.md); `geokg worker`
processes take the articles off it."""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime, timedelta
from typing import Annotated, Any
from urllib.parse import urlsplit

from fastapi import APIRouter, HTTPException, Path, Request, Response, status
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError, field_validator, model_validator

from service.api.deps import AppSettings, Graph, KafkaProducer, Repository
from service.api.security import API_KEY_HEADER, WriteAccess
from service.graph.errors import GraphError
from service.graph.repository import GraphRepository
from service.kafka.producer import ArticleProducer, BrokerUnavailable
from service.shared import queue
from service.shared.article_body import ArticleError, check_body

router = APIRouter(tags=["articles"])

MAX_ARTICLE_BYTES = 2_000_000  # text or html of one article, UTF-8 (as ingest.cleanup.DEFAULT_MAX_CHARS)
MAX_BATCH = 100  # articles per request
MAX_BODY_BYTES = 16 * 1024 * 1024  # one request: send bigger batches as several requests
_URL_MAX = 2048
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class ArticleIn(BaseModel):
    """One article: its body as plain text or as HTML (exactly one of them), and what is known about it."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "text": "Japan and India signed a defence agreement in Tokyo on Tuesday.",
                    "url": "https://news.example/japan-india",
                    "title": "Japan and India sign defence pact",
                    "published": "2024-06-14",
                }
            ]
        },
    )
    text: str | None = Field(default=None, description="the story as plain text (paragraphs separated by blank lines)")
    html: str | None = Field(default=None, description="the page's HTML, when no plain text is at hand")
    url: str | None = Field(
        default=None, max_length=_URL_MAX, description="http(s) URL; the article's identity when given"
    )
    title: str | None = Field(default=None, max_length=1000)
    published: str | None = Field(default=None, description="publication date, YYYY-MM-DD")

    @field_validator("text", "html", "url", "title", "published")
    @classmethod
    def _unicode(cls, value: str | None) -> str | None:
        """A lone surrogate (JSON allows the escape "\\ud800") is not text: no UTF-8 encoder, Neo4j's included,
        takes it."""
        if value is None:
            return None
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise ValueError("not valid Unicode: a lone surrogate") from None
        return value

    @field_validator("url")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        if value is None:
            return None
        parts = urlsplit(value.strip())
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError("url must be an absolute http:// or https:// URL")
        return value.strip()

    @field_validator("published")
    @classmethod
    def _iso_date(cls, value: str | None) -> str | None:
        if value is None:
            return None
        try:
            if not _ISO_DATE.fullmatch(value):
                raise ValueError(value)
            published = date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"published must be a date written YYYY-MM-DD, not {value[:40]!r}") from None
        # A day of slack: it is already tomorrow east of UTC. Later dates are typos, and would sort first forever.
        latest = datetime.now(UTC).date() + timedelta(days=1)
        if published > latest:
            raise ValueError(f"published {value} is in the future (latest accepted: {latest.isoformat()})")
        return value

    @model_validator(mode="after")
    def _one_body(self) -> ArticleIn:
        given = [name for name in ("text", "html") if (getattr(self, name) or "").strip()]
        if not given:
            raise ValueError("an article needs a non-empty 'text' or 'html'")
        if len(given) == 2:
            raise ValueError("give either 'text' or 'html', not both")
        body = self.text or self.html or ""
        if len(body) <= MAX_ARTICLE_BYTES:  # longer ones are refused with 413 before validation
            try:
                check_body(body, html=given[0] == "html")
            except ArticleError as exc:
                raise ValueError(f"{given[0]}: {exc}") from None
        return self


_BATCH = TypeAdapter(list[ArticleIn])
_ARTICLE_SCHEMA = ArticleIn.model_json_schema()
_REQUEST_BODY = {
    "required": True,
    "content": {
        "application/json": {
            "schema": {
                "anyOf": [
                    _ARTICLE_SCHEMA,
                    {"type": "array", "items": _ARTICLE_SCHEMA, "minItems": 1, "maxItems": MAX_BATCH},
                ]
            }
        }
    },
}


class ArticlesAccepted(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{"ids": ["5d41402abc4b2a76b9719d911017c592"]}]})
    ids: list[str] = Field(description="queue ids, in the order submitted: GET /articles/{id} for each")


class ErrorResponse(BaseModel):
    detail: Any


class Evidence(BaseModel):
    sentence: str
    start: int | None = None
    end: int | None = None
    trigger: str | None = None
    confidence: float | None = None


class Participant(BaseModel):
    id: str
    name: str | None = None
    kind: str  # country, org, group, person
    role: str  # source, target, participant


class ArticleEvent(BaseModel):
    id: str
    type: str
    mode: str | None = None
    date: str | None = None
    date_precision: str | None = None
    status: str | None = None
    confidence: float | None = None
    quad_class: str | None = None
    participants: list[Participant]
    evidence: list[Evidence] = Field(description="the sentences of this article that report the event")


class ArticleRef(BaseModel):
    id: str
    title: str | None = None
    url: str | None = None
    published: str | None = None


class ArticleStatus(BaseModel):
    id: str
    status: queue.QueueStatus
    attempts: int
    error: str | None = Field(default=None, description="why it failed (or the last failed attempt's error)")
    enqueued_at: str | None = None
    done_at: str | None = None
    article: ArticleRef | None = Field(default=None, description="the graph's Article, once done")
    events: list[ArticleEvent] | None = Field(default=None, description="once done: the events the article reports")


# --------------------------------------------------------------------------- POST /articles


def _too_large(message: str) -> HTTPException:
    return HTTPException(status.HTTP_413_CONTENT_TOO_LARGE, detail=message)


def _check_content_type(request: Request) -> None:
    """415 for a body declared as something other than JSON (none declared is read as JSON)."""
    declared = request.headers.get("content-type")
    if declared is None:
        return
    media_type = declared.split(";", 1)[0].strip().lower()
    if media_type != "application/json" and not media_type.endswith("+json"):
        raise HTTPException(
            status.HTTP_415_UNSUPPORTED_MEDIA_TYPE,
            detail=f"the body must be JSON (Content-Type: application/json), not {media_type[:80]!r}",
        )


async def _read_body(request: Request) -> bytes:
    """The body, refused with 413 as soon as it is known to exceed MAX_BODY_BYTES: from Content-Length before
    reading anything, else (chunked uploads) while reading."""
    declared = request.headers.get("content-length")
    if declared is not None:
        try:
            size = int(declared)
        except ValueError:
            raise HTTPException(status.HTTP_400_BAD_REQUEST, detail="invalid Content-Length header") from None
        if size > MAX_BODY_BYTES:
            raise _too_large(f"request body of {size} bytes is over the {MAX_BODY_BYTES}-byte limit")
    chunks: list[bytes] = []
    received = 0
    async for chunk in request.stream():
        received += len(chunk)
        if received > MAX_BODY_BYTES:
            raise _too_large(f"request body is over the {MAX_BODY_BYTES}-byte limit")
        chunks.append(chunk)
    return b"".join(chunks)


def _check_sizes(data: Any) -> None:
    """413 for a batch over MAX_BATCH or an article body over MAX_ARTICLE_BYTES (before validation, which
    answers 422)."""
    items = data if isinstance(data, list) else [data]
    if len(items) > MAX_BATCH:
        raise _too_large(f"a batch holds at most {MAX_BATCH} articles, this one has {len(items)}")
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            continue
        for field in ("text", "html"):
            value = item.get(field)
            if isinstance(value, str) and len(value) > MAX_ARTICLE_BYTES // 4:  # cheap pre-check, then exact
                size = len(value.encode())
                if size > MAX_ARTICLE_BYTES:
                    where = f"article {index}" if isinstance(data, list) else "the article"
                    raise _too_large(f"{where}: '{field}' is {size} bytes, over the {MAX_ARTICLE_BYTES}-byte limit")


def _parse_json(raw: bytes) -> Any:
    try:
        return json.loads(raw.decode("utf-8"))  # strictly: json.loads(bytes) would let UTF-8 surrogates through
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_CONTENT, detail=f"the body is not valid JSON: {exc}"
        ) from None
    except RecursionError:  # the decoder recurses once per level of [ or {
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_CONTENT, detail="the body is not valid JSON: nested too deeply"
        ) from None


def _validate(data: Any) -> list[ArticleIn]:
    if isinstance(data, list) and not data:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, detail="an empty batch: send at least one article")
    if not isinstance(data, dict | list):
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_CONTENT,
            detail="the body must be an article (a JSON object) or a batch (a JSON array of articles)",
        )
    try:
        return _BATCH.validate_python(data) if isinstance(data, list) else [ArticleIn.model_validate(data)]
    except ValidationError as exc:
        errors = exc.errors(include_url=False, include_context=False, include_input=False)
        raise RequestValidationError([{**e, "loc": ("body", *e["loc"])} for e in errors]) from None


def _enqueue(graph: Graph, producer: ArticleProducer | None, payloads: list[dict[str, Any]]) -> list[str]:
    """Queue ids of the payloads; 503 while Neo4j (or, with GEOKG_QUEUE=kafka, the broker) cannot be reached. The
    repository is taken here, after the checks, so that a bad request is answered as such whatever the state of the
    database. With Kafka the answer waits for the broker's acknowledgement of every article (acks=all): 202 means
    the broker has them, 503 that it may not, and they must be sent again (same ids, no duplicates in the graph)."""
    if producer is not None:
        try:
            return producer.submit(payloads)
        except BrokerUnavailable as exc:
            raise HTTPException(
                status.HTTP_503_SERVICE_UNAVAILABLE, detail=f"articles not queued, send them again later: {exc}"
            ) from exc
    try:
        return queue.enqueue(graph.repository(), payloads)
    except GraphError as exc:
        raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, detail=str(exc)) from exc


@router.post(
    "/articles",
    summary="Submit articles for ingestion",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=ArticlesAccepted,
    openapi_extra={"requestBody": _REQUEST_BODY},
    responses={
        401: {"model": ErrorResponse, "description": f"no {API_KEY_HEADER} header"},
        403: {"model": ErrorResponse, "description": "wrong API key"},
        413: {"model": ErrorResponse, "description": "body, article or batch over its limit"},
        415: {"model": ErrorResponse, "description": "a Content-Type other than application/json"},
        422: {"model": ErrorResponse, "description": "not JSON, or not valid articles"},
        503: {
            "model": ErrorResponse,
            "description": "Neo4j unreachable (with GEOKG_QUEUE=kafka: the broker did not acknowledge the articles in "
            "time), or no API key configured",
        },
    },
)
async def post_articles(
    request: Request, response: Response, graph: Graph, producer: KafkaProducer, _auth: WriteAccess
) -> ArticlesAccepted:
    """Puts one article (a JSON object) or a batch (a JSON array of up to 100) on the ingestion queue and answers
    202 with their queue ids; a worker (`geokg worker`) extracts and writes them, and GET /articles/{id} follows
    each. Re-submitting the same article returns the same id.

    With GEOKG_QUEUE=kafka the articles are produced to the articles topic, keyed by their ids, and the answer is
    202 only once the broker has acknowledged all of them (503 otherwise: send them again). GET /articles/{id} then
    knows an article only from the moment a worker has taken it off the topic.

    Auth: the `X-API-Key` header must equal GEOKG_API_KEY (401 without it, 403 when wrong). With no key
    configured, only loopback clients may write; others get 503 (see service/api/security.py).

    Limits: a body over 16 MiB, a batch over 100 or a text/html over 2 MB is refused with 413 (a body whose
    Content-Length is over the limit is refused before it is read). A Content-Type other than JSON answers 415.
    Bad JSON, a missing or doubled text/html, a body with no readable text (binary, invisible characters only, HTML
    of nothing but scripts and styles), a `published` that is not YYYY-MM-DD or is after tomorrow (UTC), or a
    non-http(s) `url` answer 422 with the reason.
    """
    _check_content_type(request)
    raw = await _read_body(request)
    data = _parse_json(raw)
    _check_sizes(data)
    articles = await run_in_threadpool(_validate, data)  # linear, but up to 100 bodies of 2 MB: off the loop
    payloads = [article.model_dump(exclude_none=True) for article in articles]
    ids = await run_in_threadpool(_enqueue, graph, producer, payloads)
    if len(ids) == 1:
        response.headers["Location"] = f"/articles/{ids[0]}"
    return ArticlesAccepted(ids=ids)


# --------------------------------------------------------------------------- GET /articles/{id}

ItemId = Annotated[str, Path(pattern=r"^[0-9a-f]{32}$", description="an id returned by POST /articles")]


@router.get(
    "/articles/{item_id}",
    summary="State of a submitted article, and its events once processed",
    response_model=ArticleStatus,
    response_model_exclude_none=True,
    responses={
        404: {
            "model": ErrorResponse,
            "description": "no article was submitted with this id (with GEOKG_QUEUE=kafka: or no worker has taken "
            "it off the topic yet)",
        },
        503: {"model": ErrorResponse, "description": "Neo4j unreachable"},
    },
)
def get_article(item_id: ItemId, repo: Repository, settings: AppSettings) -> ArticleStatus:
    """`status` is queued, processing, done or failed (then `error` says why). Once done, `article` is the graph's
    Article (several submissions of one story share it) and `events` the events it reports, each with its
    participants and the sentences of this article that report it."""
    try:
        return _article_status(repo, item_id, kafka=settings.queue == "kafka")
    except GraphError as exc:
        raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, detail=str(exc)) from exc


def _article_status(repo: GraphRepository, item_id: str, *, kafka: bool) -> ArticleStatus:
    item = queue.get_status(repo, item_id)
    if item is None and kafka:
        raise HTTPException(
            status.HTTP_404_NOT_FOUND,
            detail=f"no article with id {item_id} has reached a worker yet: with the Kafka queue an article is known "
            "here from the moment a worker takes it off the topic, so one just submitted is unknown until then "
            "(ask again later); an id that was never submitted stays unknown",
        )
    if item is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail=f"no article submitted with id {item_id}")
    result = ArticleStatus(
        id=item.id,
        status=item.status,
        attempts=item.attempts,
        error=item.error,
        enqueued_at=item.enqueued_at,
        done_at=item.done_at,
    )
    if item.status == "done" and item.article_id is not None:
        rows = repo.read("read/api_article_events", article_id=item.article_id)
        result.events = []
        if rows:
            row = rows[0]
            result.article = ArticleRef(id=row["id"], title=row["title"], url=row["url"], published=row["published"])
            result.events = [ArticleEvent.model_validate(event) for event in row["events"]]
    return result
