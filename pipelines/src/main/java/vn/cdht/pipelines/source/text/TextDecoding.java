package vn.cdht.pipelines.source.text;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.SequenceInputStream;

/**
 * Opens a file's bytes as text in the encoding its first bytes show ({@link EncodingDetector}), streaming: the
 * sample is read once, then the rest of the stream follows it through the same decoder. Text in Windows-1258, TCVN3
 * or VNI comes out in NFC, TCVN3's capitals restored ({@link Tcvn3Capitals}); UTF-8 and UTF-16 as they are.
 */
public final class TextDecoding {

    private TextDecoding() {
    }

    /**
     * @param reader   the text, the BOM removed; decoding errors further on are {@link UndecodableTextException}s
     * @param encoding what the text was found to be in
     */
    public record DecodedText(Reader reader, DetectedEncoding encoding) {
    }

    /**
     * Reads the first bytes of {@code in} and opens it as text; closing the reader closes {@code in}.
     *
     * @throws UnknownEncodingException when the first bytes do not show the encoding clearly
     */
    public static DecodedText open(InputStream in) throws IOException {
        byte[] sample = new byte[EncodingDetector.SAMPLE_BYTES];
        int n = in.readNBytes(sample, 0, sample.length);
        boolean complete = n < sample.length;
        DetectedEncoding detected = EncodingDetector.detect(sample, n, complete)
                .orElseThrow(UnknownEncodingException::new);
        int skip = detected.bom() ? EncodingDetector.bomLength(detected.encoding()) : 0;
        InputStream bytes = new SequenceInputStream(new ByteArrayInputStream(sample, skip, n - skip), in);
        Reader reader = new StrictTextReader(bytes, detected.encoding());
        if (detected.encoding().legacy()) {
            reader = new NfcReader(reader);
        }
        if (detected.encoding() == TextEncoding.TCVN3) {
            reader = Tcvn3Capitals.reader(reader);
        }
        return new DecodedText(reader, detected);
    }
}
