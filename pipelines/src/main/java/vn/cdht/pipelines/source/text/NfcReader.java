package vn.cdht.pipelines.source.text;

import java.io.Reader;
import java.text.Normalizer;

/**
 * Composes text to NFC as it is read: Windows-1258 writes most tone marks, and VNI every mark, as a character of its
 * own after the letter.
 */
final class NfcReader extends TransformingReader {

    NfcReader(Reader in) {
        super(in);
    }

    /** Before the last character that is not a combining mark: the marks that follow it may not all be here yet. */
    @Override
    int cut(CharSequence text) {
        for (int i = text.length() - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (!combining(c)) {
                return Character.isLowSurrogate(c) && i > 0 ? i - 1 : i;
            }
        }
        return 0;
    }

    @Override
    String transform(String text) {
        return Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    static boolean combining(char c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }
}
