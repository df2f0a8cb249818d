package vn.cdht.pipelines.ingest;

/** The operational PostgreSQL database (a read-only replica) to read incrementally. */
public record JdbcSource(String url, String user, String password) {

    /** The URL without its query string (which may hold credentials), for the ledger and messages. */
    public String displayUrl() {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    @Override
    public String toString() {
        return "JdbcSource[" + displayUrl() + ", user=" + user + "]";
    }
}
