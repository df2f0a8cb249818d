package vn.cdht.pipelines.source.text;

import java.io.IOException;

/** A file whose first bytes fit none of the encodings well enough to tell which one it is in. */
public final class UnknownEncodingException extends IOException {

    /** The encodings tried, in the order they are tried. */
    public static final String TRIED = "UTF-8, UTF-16, Windows-1258, TCVN3, VNI";

    UnknownEncodingException() {
        super("cannot tell the text encoding (tried " + TRIED + ")");
    }
}
