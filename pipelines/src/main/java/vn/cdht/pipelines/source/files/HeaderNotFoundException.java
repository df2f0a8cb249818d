package vn.cdht.pipelines.source.files;

/** No row of a file (or sheet) qualifies as the header; {@code matched} ranks candidates across sheets. */
final class HeaderNotFoundException extends RuntimeException {

    private final int matched;

    HeaderNotFoundException(int matched, String problem) {
        super(problem, null, false, false);
        this.matched = matched;
    }

    int matched() {
        return matched;
    }
}
