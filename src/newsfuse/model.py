"""Frozen records that pass between pipeline stages.

Every stage takes and returns these types; nothing here knows about SQL, spaCy or HTTP.
Offsets (``start``/``end``) are character offsets into ``Article.text``.
``to_dict()`` gives the JSON shape documented in ``../shared/DESIGN.md``.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

FORMATS = ("text", "html", "json", "jsonl", "rss", "warc")
PLOVER_TYPES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)
STATUSES = ("occurred", "planned", "hypothetical", "denied")
# entity labels of longer names a country word can sit inside without naming an actor
# ("40 million US dollars", "the Indian Ocean")
NON_ACTOR_LABELS = frozenset({"LOC", "MONEY", "QUANTITY", "PERCENT", "CARDINAL", "ORDINAL", "DATE", "TIME"})
PRECISIONS = ("day", "week", "month", "quarter", "season", "year", "decade")
# TIMEX3 seasons (meteorological, northern): the month each starts in; a winter takes its December's year
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def date_span(value: str | None) -> tuple[dt.date, dt.date] | None:
    """First and last day an ISO date at its precision covers: 2025-11-15, 2025-W46, 2025-11,
    2025-Q4, a TIMEX3 season (2025-SU: June to August; 2025-WI: December 2025 to February 2026),
    2025, 202 (a decade); None when ``value`` is not such a date."""
    if not value:
        return None
    v = value.strip()
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", v[:10]) if len(v) >= 10 else None:
            day = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return day, day
        if m := re.fullmatch(r"(\d{4})-W(\d{2})", v):
            start = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return start, start + dt.timedelta(days=6)
        if m := re.fullmatch(r"(\d{4})-(\d{2})", v):
            y, mo = int(m[1]), int(m[2])
            return dt.date(y, mo, 1), _month_end(y, mo)
        if m := re.fullmatch(r"(\d{4})-Q([1-4])", v):
            y, q = int(m[1]), int(m[2])
            return dt.date(y, q * 3 - 2, 1), _month_end(y, q * 3)
        if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", v):
            y, first = int(m[1]), SEASON_START[m[2]]
            last_year, last = (y + 1, 2) if first == 12 else (y, first + 2)
            return dt.date(y, first, 1), _month_end(last_year, last)
        if m := re.fullmatch(r"(\d{4})", v):
            return dt.date(int(m[1]), 1, 1), dt.date(int(m[1]), 12, 31)
        if m := re.fullmatch(r"(\d{3})", v):
            return dt.date(int(m[1]) * 10, 1, 1), dt.date(int(m[1]) * 10 + 9, 12, 31)
    except ValueError:
        return None
    return None


def joined_ranges(ranges: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The same days as these integer day ranges, as the fewest ranges, in order (overlapping or touching ones
    joined)."""
    out: list[tuple[int, int]] = []
    for lo, hi in sorted(ranges):
        if out and lo <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def week_of(day: str | None) -> str | None:
    """The ISO week (2025-W46) of an ISO day (its first ten characters: a publication date); None
    when ``day`` is none."""
    try:
        year, week, _ = dt.date.fromisoformat((day or "")[:10]).isocalendar()
    except ValueError:
        return None
    return f"{year}-W{week:02d}"


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])  # December 9999 too


def sha256_hex(data: bytes | str, length: int = 64) -> str:
    if isinstance(data, str):
        data = data.encode("utf-8")
    return hashlib.sha256(data).hexdigest()[:length]


PLAIN_SCALARS = frozenset({str, int, float, bool, type(None)})
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def field_names(cls: type) -> tuple[str, ...]:
    """A dataclass's field names in order, looked up once per class (records are turned into
    dicts value by value when an API page or an export is written)."""
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(f.name for f in dataclasses.fields(cls))
    return names


def to_plain(obj: Any) -> Any:
    """Dataclasses, tuples and dicts -> JSON-ready Python values. A scalar inside a list or a record
    is taken as it is, without a call of its own (an article's annotations hold a million of them)."""
    kind = type(obj)
    if kind in PLAIN_SCALARS:
        return obj
    if kind is list or kind is tuple:
        return [x if type(x) in PLAIN_SCALARS else to_plain(x) for x in obj]
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        if hasattr(obj, "to_dict"):
            return obj.to_dict()
        return _fields_dict(obj)
    if isinstance(obj, (list, tuple)):
        return [to_plain(x) for x in obj]
    if isinstance(obj, dict):
        return {str(k): to_plain(v) for k, v in obj.items()}
    if isinstance(obj, bytes):
        return None
    return obj


def _fields_dict(obj: Any, skip: tuple[str, ...] = ()) -> dict[str, Any]:
    plain: dict[str, Any] = {}
    for name in field_names(type(obj)):
        if name not in skip:
            value = getattr(obj, name)
            plain[name] = value if type(value) in PLAIN_SCALARS else to_plain(value)
    return plain


# --------------------------------------------------------------------------- ingest


@dataclass(frozen=True)
class InputFile:
    """One input as read from disk or stdin: its raw bytes are kept in the store."""

    path: str
    data: bytes = field(repr=False)
    sha256: str = ""

    @staticmethod
    def of(path: str, data: bytes) -> InputFile:
        return InputFile(path=path, data=data, sha256=sha256_hex(data))


@dataclass(frozen=True)
class RawDocument:
    """One document found in an input (a file is one document; a feed/WARC/JSONL many)."""

    source_path: str  # the file read ("-" for stdin); records of one file share it
    format: str  # one of FORMATS
    text: str  # decoded text: the page dump, the HTML, or the body given by a JSON/feed record
    encoding: str = "utf-8"
    input_sha256: str = ""  # InputFile.sha256 of the file it came from
    url: str | None = None
    external_id: str | None = None  # the record's own id (JSON id, feed guid, WARC record id)
    record: int = 0  # index of this document within its input (0 for single-document inputs)
    # Metadata the reader found (title, published, outlet, author, html=True, ...).
    meta: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class InputError:
    """An input (or one record of it) that could not be read, with a one-line cause."""

    path: str
    cause: str

    def line(self) -> str:
        return f"error: {self.path}: {self.cause}"


# --------------------------------------------------------------------------- clean


@dataclass(frozen=True)
class RemovedLine:
    line: int  # 1-based line number in the decoded input text (0 when unknown)
    text: str
    reason: str


@dataclass(frozen=True)
class EmbeddedPost:
    author: str | None  # display name, e.g. "MFA Russia"
    handle: str | None  # e.g. "@mfa_russia"
    date: str | None  # ISO date
    text: str
    urls: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        d = _fields_dict(self)
        # DESIGN.md shows the handle as the author; keep the display name too.
        d["name"] = self.author
        d["author"] = self.handle or self.author
        return d


@dataclass(frozen=True)
class Block:
    kind: str  # "heading" | "paragraph" | "dateline" (a wire dateline, "MOSCOW (Reuters) -", opening the body)
    text: str


@dataclass(frozen=True)
class Article:
    id: str
    source_path: str
    format: str
    title: str | None
    published: str | None  # ISO date (YYYY-MM-DD) or None
    outlet: str | None
    author: str | None
    blocks: tuple[Block, ...]
    removed: tuple[RemovedLine, ...] = ()
    embedded_posts: tuple[EmbeddedPost, ...] = ()
    url: str | None = None
    external_id: str | None = None
    language: str = "en"
    input_sha256: str = ""
    duplicate_of: str | None = None
    story_id: str | None = None

    @property
    def headings(self) -> tuple[str, ...]:
        return tuple(b.text for b in self.blocks if b.kind == "heading")

    @property
    def paragraphs(self) -> tuple[str, ...]:
        return tuple(b.text for b in self.blocks if b.kind == "paragraph")

    @property
    def dateline(self) -> str | None:
        """The wire dateline opening the body ("MOSCOW (Reuters) -"), kept apart from the first paragraph."""
        return next((b.text for b in self.blocks if b.kind == "dateline"), None)

    @property
    def dateline_span(self) -> tuple[int, int] | None:
        """Where the dateline block stands in ``text`` (start, end): where and by whom the report was filed."""
        start = 0
        for b in self.blocks:
            if b.kind == "dateline":
                return start, start + len(b.text)
            start += len(b.text) + 2  # blocks are joined by a blank line
        return None

    @property
    def text(self) -> str:
        """The cleaned text all offsets refer to: blocks joined by blank lines."""
        return article_text(self.blocks)

    def to_dict(self) -> dict[str, Any]:
        d = _fields_dict(self, skip=("blocks", "input_sha256"))
        d["headings"] = list(self.headings)
        d["dateline"] = self.dateline
        d["paragraphs"] = list(self.paragraphs)
        d["blocks"] = [{"kind": b.kind, "text": b.text} for b in self.blocks]
        return d


def article_text(blocks: tuple[Block, ...] | list[Block]) -> str:
    return "\n\n".join(b.text for b in blocks)


def article_id(blocks: tuple[Block, ...] | list[Block], title: str | None = None) -> str:
    """Content hash of the cleaned text (16 hex): the same text is the same article."""
    return sha256_hex((title or "") + "\n\n" + article_text(blocks), 16)


# --------------------------------------------------------------------------- nlp


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Token:
    i: int  # index in the article
    start: int
    end: int
    text: str
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int  # index of the head token in the article (itself for the root)
    sent: int  # index of its sentence
    ent_type: str = ""
    ent_iob: str = "O"


@dataclass(frozen=True)
class Entity:
    text: str
    label: str
    start: int
    end: int
    actor_id: str | None = None


@dataclass(frozen=True)
class DateMention:
    text: str
    start: int
    end: int
    value: str | None  # ISO at its precision: 2025-11-15, 2025-11, 2025-W46, 2025-Q1, 2025, 199
    precision: str | None  # day|week|month|quarter|year|decade, None when unresolved
    kind: str = ""  # absolute|weekday|relative|month|year|decade|anaphoric ...


@dataclass(frozen=True)
class ActorRef:
    """An actor as it appears on an event, a quote or an entity."""

    name: str
    country: str | None = None  # ISO 3166 alpha-3, or None (IGO/NGO bodies have no country)
    sector: str | None = None  # GOV, MIL, REB, IGO, NGO, MED, BUS, CVL, ...
    role: str | None = None  # "President", "Prime Minister", ...
    actor_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return _fields_dict(self)

    @property
    def party(self) -> str | None:
        """The party to an event this actor stands for: a country and its government are one
        ("Kenya", "the Kenyan government": ``state:KEN``); None for an actor without an id."""
        if self.actor_id and self.actor_id.startswith("gov:"):
            return "state:" + self.actor_id[4:]
        return self.actor_id


@dataclass(frozen=True)
class Actor:
    """A canonical actor of the knowledge base."""

    id: str
    name: str
    kind: str  # person|state|government|igo|ngo|group|media|agent
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    aliases: tuple[str, ...] = ()
    start: str | None = None  # term of office, ISO dates
    end: str | None = None

    def ref(self) -> ActorRef:
        return ActorRef(self.name, self.country, self.sector, self.role, self.id)


@dataclass(frozen=True)
class ActorMention:
    text: str
    start: int
    end: int
    actor: ActorRef
    source: str = "kb"  # kb|phoenix|ner|coref
    # a name or demonym the linker left bare that the knowledge base alone resolves ("Australian
    # ultimatum", "in Tel Aviv"): for the event stage's roles, not a linked mention
    bare: bool = False


@dataclass(frozen=True)
class Quote:
    speaker: ActorRef | None
    speaker_text: str | None  # the words naming the speaker in the text ("Netanyahu's office")
    verb: str | None  # cue: "said", "according to", ...
    text: str
    start: int
    end: int
    direct: bool
    sentence: int = -1
    # an attitude or act the source showed ("signed an agreement", "thanked the crowd"), not words it
    # said: PolNeAR counts these as attributions, a reader must not take them for quotes
    act: bool = False
    # the cue is negated ("have not said whether they will support the plan"): the source did not say it
    negated: bool = False


@dataclass(frozen=True)
class AnnotatedArticle:
    article: Article
    sentences: tuple[Sentence, ...] = ()
    tokens: tuple[Token, ...] = ()
    entities: tuple[Entity, ...] = ()
    dates: tuple[DateMention, ...] = ()
    quotes: tuple[Quote, ...] = ()
    actors: tuple[ActorMention, ...] = ()
    analysed_chars: int | None = None  # analysis capped: only text[:analysed_chars] was analysed

    def to_dict(self) -> dict[str, Any]:
        d = self.article.to_dict()
        d["sentences"] = to_plain(self.sentences)
        d["entities"] = to_plain(self.entities)
        d["dates"] = to_plain(self.dates)
        d["quotes"] = to_plain(self.quotes)
        d["actors"] = to_plain(self.actors)
        if self.analysed_chars is not None:
            d["analysed_chars"] = self.analysed_chars
        return d


# --------------------------------------------------------------------------- events


@dataclass(frozen=True)
class EventMention:
    id: str
    article_id: str
    type: str  # PLOVER type
    mode: str | None
    cameo: str | None
    source_actors: tuple[ActorRef, ...]
    target_actors: tuple[ActorRef, ...]
    date: str | None
    date_precision: str | None
    status: str  # occurred|planned|hypothetical|denied
    topics: tuple[str, ...]
    sentence: str
    start: int  # sentence span in Article.text
    end: int
    sentence_index: int = -1
    trigger: str | None = None  # the words that carry the event
    location: str | None = None
    initiator: ActorRef | None = None
    reporting_source: str | None = None  # "the Kremlin's readout", "RIA Novosti", ...
    quotes: tuple[str, ...] = ()
    symmetric: bool = False
    numbers: dict[str, int] = field(default_factory=dict, hash=False, compare=False)
    confidence: float = 1.0
    # the date is only the week its article was published (no date expression dates the act): a bound
    date_implied: bool = False
    rule: str | None = None  # the pattern (and overrides) that coded it, for audit
    # its article's publication date (as Article.published): fusion keeps an undated mention apart
    # from the reports of articles published far from its own
    published: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return _fields_dict(self)


# --------------------------------------------------------------------------- stories


@dataclass(frozen=True)
class Detail:
    """One detail of a fused event and the articles behind it."""

    field: str  # date|initiator|topic|location|participant|quote|status|number:<name>|readout
    value: str
    supported_by: tuple[str, ...]  # article ids
    contradicted_by: tuple[str, ...] = ()
    single_source: bool = False
    variants: tuple[str, ...] = ()  # other wordings of the same detail (quotes)

    def to_dict(self) -> dict[str, Any]:
        return _fields_dict(self)


@dataclass(frozen=True)
class MentionRef:
    mention_id: str
    article_id: str
    outlet: str | None
    sentence: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return _fields_dict(self)


@dataclass(frozen=True)
class Event:
    id: str
    type: str
    mode: str | None
    cameo: str | None
    date: str | None
    date_precision: str | None
    source_actors: tuple[ActorRef, ...]
    target_actors: tuple[ActorRef, ...]
    location: str | None
    topics: tuple[str, ...]
    status: str
    details: tuple[Detail, ...]
    mentions: tuple[MentionRef, ...]
    story_id: str | None = None
    date_implied: bool = False  # the date comes only from publication dates, no report states it
    confidence: float = 1.0  # of its most confident mention: below events.min_confidence it is a guess

    def to_dict(self) -> dict[str, Any]:
        return _fields_dict(self)


@dataclass(frozen=True)
class Story:
    id: str
    title: str
    article_ids: tuple[str, ...]
    first_published: str | None = None
    last_published: str | None = None
    actors: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return _fields_dict(self)
