package vn.cdht.pipelines.source.text;

import java.util.HashMap;
import java.util.Map;

/**
 * How Vietnamese a piece of decoded text looks: each of its words that has a letter beyond ASCII either is a
 * Vietnamese syllable or is not (glyph soup such as "NguyÔn", "Nguyeãn", "V¨n", a control character, U+FFFD). Plain
 * ASCII words count for nothing: "Nguyen Van An", codes and numbers read the same in every encoding.
 */
final class VietnameseText {

    private static final int MAX_SEEN = 100_000;

    private VietnameseText() {
    }

    /**
     * @param syllables words beyond ASCII that are Vietnamese syllables
     * @param others    words beyond ASCII that are not, and control or replacement characters
     */
    record Score(long syllables, long others) {

        long words() {
            return syllables + others;
        }

        /** The share of syllables, 0 without any word beyond ASCII. */
        double share() {
            long words = words();
            return words == 0 ? 0 : (double) syllables / words;
        }
    }

    static Score score(CharSequence text) {
        // names and headers repeat: each distinct word is looked at once
        Map<String, Boolean> seen = new HashMap<>();
        long syllables = 0;
        long others = 0;
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (!inWord(c)) {
                if (control(c)) {
                    others++;
                }
                i++;
                continue;
            }
            int start = i;
            while (i < n && inWord(text.charAt(i))) {
                i++;
            }
            int end = i;
            while (start < end && edge(text.charAt(start))) {
                start++;
            }
            while (end > start && edge(text.charAt(end - 1))) {
                end--;
            }
            switch (classify(text, start, end, seen)) {
                case SYLLABLE -> syllables++;
                case OTHER -> others++;
                default -> {
                }
            }
        }
        return new Score(syllables, others);
    }

    private enum Kind { SYLLABLE, OTHER, NEUTRAL }

    private static Kind classify(CharSequence text, int start, int end, Map<String, Boolean> seen) {
        boolean beyondAscii = false;
        boolean letter = false;
        boolean lettersOnly = true;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c == '\uFFFD' || control(c)) {
                return Kind.OTHER;
            }
            beyondAscii |= c >= 0x80;
            if (Character.isLetter(c)) {
                letter = true;
            } else if (!mark(c)) {
                lettersOnly = false;
            }
        }
        if (!beyondAscii || !letter) {
            return Kind.NEUTRAL;
        }
        if (!lettersOnly) {
            return Kind.OTHER;
        }
        String word = text.subSequence(start, end).toString();
        Boolean syllable = seen.get(word);
        if (syllable == null) {
            syllable = VietnameseSyllable.isSyllable(word);
            if (seen.size() < MAX_SEEN) {
                seen.put(word, syllable);
            }
        }
        return syllable ? Kind.SYLLABLE : Kind.OTHER;
    }

    /** Words are broken by ASCII characters other than letters, and by spaces. */
    private static boolean inWord(char c) {
        if (c < 0x80) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
        }
        return !Character.isSpaceChar(c) && !control(c);
    }

    /** Quotes, brackets and dashes around a word are not part of it. */
    private static boolean edge(char c) {
        int type = Character.getType(c);
        return type == Character.INITIAL_QUOTE_PUNCTUATION || type == Character.FINAL_QUOTE_PUNCTUATION
                || type == Character.START_PUNCTUATION || type == Character.END_PUNCTUATION
                || type == Character.DASH_PUNCTUATION;
    }

    private static boolean mark(char c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    /** Control characters other than tab and line breaks: no text file has them. */
    static boolean control(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c < 0xA0);
    }
}
