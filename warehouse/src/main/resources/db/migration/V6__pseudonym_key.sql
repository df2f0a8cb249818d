-- The pseudonymisation secrets this warehouse's citizen_key values were made with, by fingerprint: HMAC-SHA256 of a
-- fixed label under the secret (hex), never the secret itself. Ingestion refuses a secret that is not the current one
-- (every citizen would get a second key); cdht rotate-key re-keys the tables under a new secret ('rotating' while it
-- runs), then makes it current and retires the old one. At most one current and one rotating.
CREATE TABLE pseudonym_key (
    fingerprint   VARCHAR(64)  PRIMARY KEY,
    status        VARCHAR(16)  NOT NULL,     -- current | rotating | retired
    recorded_at   ${timestamp} NOT NULL,     -- first recorded (first ingestion, or start of the rotation to it)
    host          VARCHAR(255),
    retired_at    ${timestamp}
);

CREATE UNIQUE INDEX pseudonym_key_one_per_status ON pseudonym_key (status) WHERE status IN ('current', 'rotating');
