-- Every rendered report, with the Iceberg snapshots it read, so that it can be re-rendered with identical figures
-- (cdht bulletin --reproduce ID). A report is identified by what it shows: rendering the same kind, scope, period
-- and format from the same snapshots again updates the existing row instead of adding one.
CREATE TABLE report (
    report_id        ${id_pk},
    kind             VARCHAR(32)  NOT NULL,     -- province | commune | stats-table | unit-report | unit-list
    scope            VARCHAR(64)  NOT NULL,     -- province, commune or unit code (unit-report: AREA:CATEGORY)
    period           VARCHAR(7)   NOT NULL,     -- yyyy-MM
    format           VARCHAR(8)   NOT NULL,     -- pdf | xlsx
    geography        VARCHAR(4)   NOT NULL,     -- 2024 | 2025
    snapshots        ${text}      NOT NULL,     -- namespace.table=snapshot_id, comma-separated, sorted
    issue_date       VARCHAR(10)  NOT NULL,     -- yyyy-MM-dd printed on the report; kept by a reproduction
    file_path        ${text}      NOT NULL,
    sha256           VARCHAR(64)  NOT NULL,
    bytes            BIGINT       NOT NULL,
    pages            INTEGER,
    personal_data    BOOLEAN      NOT NULL,     -- true only for the unit list
    rendered_at      ${timestamp} NOT NULL,
    render_millis    BIGINT       NOT NULL,
    reproduces_id    BIGINT       REFERENCES report (report_id)
);

CREATE INDEX report_by_identity ON report (kind, scope, period, format);

-- Who receives which reports. scope is a province, commune or unit code, or * for every scope; kinds is a
-- comma-separated list of report kinds. A unit list goes only to a subscription with role unit-manager whose scope is
-- exactly that unit.
CREATE TABLE subscription (
    subscription_id  ${id_pk},
    recipient        VARCHAR(320) NOT NULL,     -- e-mail address
    recipient_name   ${text},
    role             VARCHAR(32)  NOT NULL,     -- leader | department | commune-office | unit-manager | analyst
    scope            VARCHAR(64)  NOT NULL,
    kinds            ${text}      NOT NULL,
    created_at       ${timestamp} NOT NULL,
    UNIQUE (recipient, role, scope)
);

-- One row per report and recipient: the unique key is what guarantees that a report is never sent twice.
CREATE TABLE delivery (
    delivery_id      ${id_pk},
    report_id        BIGINT       NOT NULL REFERENCES report (report_id),
    recipient        VARCHAR(320) NOT NULL,
    status           VARCHAR(16)  NOT NULL,     -- pending | sent | failed (gave up after the configured attempts)
    attempts         INTEGER      NOT NULL,
    next_attempt_at  ${timestamp},
    sent_at          ${timestamp},
    message_id       ${text},
    last_error       ${text},
    UNIQUE (report_id, recipient)
);

-- Every attempt to send, successful or not.
CREATE TABLE delivery_attempt (
    attempt_id       ${id_pk},
    delivery_id      BIGINT       NOT NULL REFERENCES delivery (delivery_id),
    attempt_no       INTEGER      NOT NULL,
    attempted_at     ${timestamp} NOT NULL,
    outcome          VARCHAR(16)  NOT NULL,     -- sent | failed
    smtp_reply       ${text},
    error_message    ${text}
);
