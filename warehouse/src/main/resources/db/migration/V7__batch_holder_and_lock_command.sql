-- Who is ingesting a running batch (host:pid), so that a batch left 'running' by a process that was killed is found
-- and marked failed by the next command that opens the home; and which command holds the run lock (every command
-- that writes the warehouse takes it, not only cdht run), so that a refused writer is told who holds it.
ALTER TABLE ingest_batch ADD COLUMN holder VARCHAR(255);
ALTER TABLE run_lock ADD COLUMN command VARCHAR(64);
