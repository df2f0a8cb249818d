package vn.cdht.pipelines.source.text;

import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** The text encodings export files reach an office in, as {@link EncodingDetector} tells them apart. */
public enum TextEncoding {
    UTF_8("UTF-8", StandardCharsets.UTF_8),
    UTF_16LE("UTF-16LE", StandardCharsets.UTF_16LE),
    UTF_16BE("UTF-16BE", StandardCharsets.UTF_16BE),
    /** What Excel on a Vietnamese Windows writes as "CSV": tone marks mostly as combining characters. */
    WINDOWS_1258("Windows-1258", Charset.forName("windows-1258")),
    /** The ABC fonts (.VnTime...). */
    TCVN3("TCVN3", LegacyFontCharset.TCVN3),
    /** The VNI-Windows fonts (VNI-Times...). */
    VNI("VNI", LegacyFontCharset.VNI);

    private final String label;
    private final Charset charset;

    TextEncoding(String label, Charset charset) {
        this.label = label;
        this.charset = charset;
    }

    /** As the batch report and {@code cdht batches} show it. */
    public String label() {
        return label;
    }

    /** A decoder that reports what it cannot decode instead of replacing it. */
    public CharsetDecoder strictDecoder() {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** A decoder that replaces what it cannot decode with U+FFFD (for scoring a sample). */
    CharsetDecoder lenientDecoder() {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
    }

    /** Windows-1258, TCVN3 and VNI: 8-bit encodings whose text is composed to NFC as it is decoded. */
    public boolean legacy() {
        return this == WINDOWS_1258 || this == TCVN3 || this == VNI;
    }
}
