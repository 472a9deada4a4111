"""Named schema migrations, applied in order and recorded in ``schema_migrations``."""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from worldorder.errors import StoreError


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    sql: str


ACTOR_COLUMNS = """
    {p}_text VARCHAR, {p}_start INTEGER, {p}_end INTEGER, {p}_country VARCHAR,
    {p}_group VARCHAR, {p}_sector VARCHAR, {p}_name VARCHAR"""

CLUSTERS_MIGRATION = "event clusters across articles"

MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "articles",
        """
        CREATE TABLE articles (
            id VARCHAR PRIMARY KEY,
            text VARCHAR NOT NULL,
            origin VARCHAR NOT NULL,
            kind VARCHAR NOT NULL,
            title VARCHAR,
            url VARCHAR,
            site VARCHAR,
            author VARCHAR,
            published DATE,
            published_basis VARCHAR NOT NULL,
            language VARCHAR NOT NULL,
            skipped VARCHAR,
            excluded STRUCT(start INTEGER, "end" INTEGER, label VARCHAR)[],
            ingested_at TIMESTAMP NOT NULL
        );
        """,
    ),
    Migration(
        2,
        "events, mentions, places and dates",
        f"""
        CREATE TABLE events (
            event_id VARCHAR PRIMARY KEY,
            article_id VARCHAR NOT NULL,
            event_type VARCHAR NOT NULL,
            mode VARCHAR,
            cameo VARCHAR,
            quad_class TINYINT,
            goldstein DOUBLE,
            is_symmetric BOOLEAN,
            modality VARCHAR,
            {ACTOR_COLUMNS.format(p="source")},
            {ACTOR_COLUMNS.format(p="target")},
            {ACTOR_COLUMNS.format(p="attribution")},
            date VARCHAR,
            date_precision VARCHAR,
            date_basis VARCHAR,
            location_text VARCHAR,
            location_name VARCHAR,
            location_country VARCHAR,
            location_geonameid BIGINT,
            location_lat DOUBLE,
            location_lon DOUBLE
        );
        CREATE TABLE mentions (
            event_id VARCHAR NOT NULL,
            article_id VARCHAR NOT NULL,
            sentence VARCHAR,
            sentence_start INTEGER,
            sentence_end INTEGER,
            trigger VARCHAR,
            trigger_start INTEGER,
            trigger_end INTEGER,
            rule VARCHAR
        );
        CREATE TABLE places (
            article_id VARCHAR NOT NULL,
            text VARCHAR, start INTEGER, "end" INTEGER,
            geonameid BIGINT, name VARCHAR, country VARCHAR, admin1 VARCHAR, kind VARCHAR,
            lat DOUBLE, lon DOUBLE
        );
        CREATE TABLE dates (
            article_id VARCHAR NOT NULL,
            text VARCHAR, start INTEGER, "end" INTEGER, value VARCHAR
        );
        CREATE TABLE article_analysis (
            article_id VARCHAR PRIMARY KEY,
            reference_date DATE,
            reference_basis VARCHAR
        );
        """,
    ),
    Migration(
        3,
        CLUSTERS_MIGRATION,
        f"""
        ALTER TABLE events ADD COLUMN location_kind VARCHAR;
        CREATE TABLE clusters (
            cluster_id BIGINT NOT NULL,
            cluster_key VARCHAR NOT NULL,
            event_type VARCHAR NOT NULL,
            mode VARCHAR,
            cameo VARCHAR,
            quad_class TINYINT,
            goldstein DOUBLE,
            is_symmetric BOOLEAN,
            modality VARCHAR,
            source_key VARCHAR, {ACTOR_COLUMNS.format(p="source")},
            target_key VARCHAR, {ACTOR_COLUMNS.format(p="target")},
            date VARCHAR,
            date_precision VARCHAR,
            date_start DATE,
            date_end DATE,
            location_name VARCHAR,
            location_country VARCHAR,
            location_geonameid BIGINT,
            location_kind VARCHAR,
            location_lat DOUBLE,
            location_lon DOUBLE,
            first_event_id VARCHAR NOT NULL,
            first_article_id VARCHAR NOT NULL,
            first_published DATE,
            first_url VARCHAR,
            sentence VARCHAR,
            num_articles INTEGER NOT NULL,
            num_sources INTEGER NOT NULL,
            num_mentions INTEGER NOT NULL,
            article_ids VARCHAR[] NOT NULL,
            outlets VARCHAR[] NOT NULL,
            added_at TIMESTAMP NOT NULL,
            updated_at TIMESTAMP NOT NULL
        );
        CREATE TABLE cluster_members (
            event_id VARCHAR NOT NULL,
            cluster_id BIGINT NOT NULL,
            article_id VARCHAR NOT NULL,
            outlet VARCHAR NOT NULL,
            reason VARCHAR NOT NULL
        );
        """,
    ),
    # Migration 4: the VARCHAR primary key of ``events`` was maintained on every bulk insert (a
    # third of its cost) and added nothing: an event id is "<article id>#e<n>" and article ids
    # stay unique (their own key). The indexes serve lookups by cluster id (an event's page, the
    # rows of one page of results); the bulk path does not write clusters, so they cost it nothing.
    Migration(
        4,
        "events without a primary key; indexes for looking events up by id",
        f"""
        CREATE TABLE events_rebuilt (
            event_id VARCHAR NOT NULL,
            article_id VARCHAR NOT NULL,
            event_type VARCHAR NOT NULL,
            mode VARCHAR,
            cameo VARCHAR,
            quad_class TINYINT,
            goldstein DOUBLE,
            is_symmetric BOOLEAN,
            modality VARCHAR,
            {ACTOR_COLUMNS.format(p="source")},
            {ACTOR_COLUMNS.format(p="target")},
            {ACTOR_COLUMNS.format(p="attribution")},
            date VARCHAR,
            date_precision VARCHAR,
            date_basis VARCHAR,
            location_text VARCHAR,
            location_name VARCHAR,
            location_country VARCHAR,
            location_geonameid BIGINT,
            location_lat DOUBLE,
            location_lon DOUBLE,
            location_kind VARCHAR
        );
        INSERT INTO events_rebuilt SELECT * FROM events;
        DROP TABLE events;
        ALTER TABLE events_rebuilt RENAME TO events;
        CREATE INDEX clusters_by_id ON clusters (cluster_id);
        CREATE INDEX cluster_members_by_cluster ON cluster_members (cluster_id);
        """,
    ),
    # Migration 5: an event's page reads its mentions by event id; without an index DuckDB scans
    # every mention (30-60 ms on a million), since one event's reports come from articles loaded
    # far apart. Events also keep whether their place came from their clause or their sentence.
    Migration(
        5,
        "mentions by event id; where an event's place comes from",
        """
        CREATE INDEX mentions_by_event ON mentions (event_id);
        ALTER TABLE events ADD COLUMN location_basis VARCHAR;
        """,
    ),
    # Migration 6: full-text search matched every mention and joined the matches to their events
    # on the text event id (about 150 ms a query on a million, twice per page: page and total).
    # Each member of an event now carries the sentences that tell it, lower-cased: a search is
    # one scan with contains() (40 ms on a million; ILIKE folds case on every row, 52 ms).
    Migration(
        6,
        "the sentences of each event's report, for full-text search",
        """
        ALTER TABLE cluster_members ADD COLUMN search_text VARCHAR;
        UPDATE cluster_members SET search_text = told.text
        FROM (
            SELECT event_id, lower(string_agg(sentence, ' ' ORDER BY sentence_start)) AS text
            FROM mentions GROUP BY event_id
        ) told
        WHERE cluster_members.event_id = told.event_id;
        """,
    ),
    # Migration 7: actors may now have no country ("Police arrested two men") or a country the
    # coder took from the event's place, the dateline or the article rather than from the text.
    # Each actor keeps how its country was found; rows stored before stay NULL (not recorded).
    Migration(
        7,
        "how each actor's country was found",
        """
        ALTER TABLE events ADD COLUMN source_country_basis VARCHAR;
        ALTER TABLE events ADD COLUMN target_country_basis VARCHAR;
        ALTER TABLE events ADD COLUMN attribution_country_basis VARCHAR;
        ALTER TABLE clusters ADD COLUMN source_country_basis VARCHAR;
        ALTER TABLE clusters ADD COLUMN target_country_basis VARCHAR;
        """,
    ),
    # Migration 8: pages read from web archives (WARC) keep when the crawler fetched them; the
    # crawl day is the reference date of last resort for a page that states no date of its own.
    Migration(8, "when a crawled page was fetched", "ALTER TABLE articles ADD COLUMN crawled TIMESTAMP;"),
    # Migration 9: a publication date no reader understood ("Dec 2016", a list) no longer
    # refuses the article; it is kept as given, with published NULL and basis 'unparsed'.
    Migration(
        9,
        "the publication date as given, when it could not be read",
        """
        ALTER TABLE articles ADD COLUMN published_raw VARCHAR;
        """,
    ),
)


def applied_versions(con: duckdb.DuckDBPyConnection) -> set[int]:
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations "
        "(version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)"
    )
    return {row[0] for row in con.execute("SELECT version FROM schema_migrations").fetchall()}


def is_behind(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether a database (read-only is fine) lacks a migration this version of worldorder has."""
    found = con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'schema_migrations'").fetchall()
    if not found[0][0]:
        return True
    recorded = {row[0] for row in con.execute("SELECT version FROM schema_migrations").fetchall()}
    return any(m.version not in recorded for m in MIGRATIONS)


def migrate(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Apply every migration not yet recorded, each in its own transaction; their names."""
    done = applied_versions(con)
    names = []
    for migration in MIGRATIONS:
        if migration.version in done:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(migration.sql)
            con.execute(
                "INSERT INTO schema_migrations VALUES (?, ?, current_timestamp)",
                [migration.version, migration.name],
            )
            con.execute("COMMIT")
        except duckdb.Error as exc:
            con.execute("ROLLBACK")
            raise StoreError(f"migration {migration.version} ({migration.name}) failed: {exc}") from exc
        names.append(migration.name)
    return names
