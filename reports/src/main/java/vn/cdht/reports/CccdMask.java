package vn.cdht.reports;

/**
 * The citizen identity number (CCCD) as printed on a unit's recognition list: its first three characters (the
 * province of birth registration) and its last two, the rest replaced by {@code *}, e.g. {@code 001*******45}. Enough
 * for the unit's head to tell two namesakes apart, never the whole number (Decree 13/2023/NĐ-CP). The unit list
 * template prints the CCCD through this function only.
 */
public final class CccdMask {

    private static final int KEEP_START = 3;
    private static final int KEEP_END = 2;

    private CccdMask() {
    }

    /**
     * {@code 001234567845} → {@code 001*******45}. A number of another length (a CCCD that lost its leading zero in
     * Excel, an old 9-digit ID, a typo) keeps the same three and two characters around as many stars; one of five
     * characters or fewer is all stars, so that nothing short is shown whole. Spaces inside are dropped first. NULL or blank: an empty string.
     */
    public static String mask(String cccd) {
        if (cccd == null) {
            return "";
        }
        String s = cccd.replaceAll("\\s+", ""); // "001 234 567 845" as typed
        if (s.isEmpty()) {
            return "";
        }
        int n = s.codePointCount(0, s.length());
        if (n <= KEEP_START + KEEP_END) {
            return "*".repeat(n);
        }
        int startEnd = s.offsetByCodePoints(0, KEEP_START);
        int endStart = s.offsetByCodePoints(0, n - KEEP_END);
        return s.substring(0, startEnd) + "*".repeat(n - KEEP_START - KEEP_END) + s.substring(endStart);
    }
}
