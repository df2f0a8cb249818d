package vn.cdht.pipelines.source.text;

/**
 * The encoding a file's text was found to be in.
 *
 * @param encoding the encoding
 * @param bom      whether the file starts with a byte-order mark (removed before decoding)
 */
public record DetectedEncoding(TextEncoding encoding, boolean bom) {

    /** "UTF-8", "UTF-8 with BOM", "UTF-16LE with BOM", "Windows-1258", "TCVN3", "VNI". */
    public String label() {
        return encoding.label() + (bom ? " with BOM" : "");
    }
}
