-- What each inbox entry looked like when its batch was ingested (issue 17): the names, sizes and modification times of
-- its files, so that a nightly run recognises the batches it already ingested without reading and hashing them all
-- again (the inbox grows by a batch a night). Any difference and the batch is read and hashed as before.
CREATE TABLE inbox_stamp (
    location    VARCHAR(4000) NOT NULL PRIMARY KEY,
    stamp       VARCHAR(128)  NOT NULL,
    batch_id    VARCHAR(64)   NOT NULL,
    recorded_at TIMESTAMP     NOT NULL
);
