package vn.cdht.pipelines.source.text;

import java.io.Reader;
import java.text.Normalizer;

/**
 * Gives back the capitals TCVN3 cannot write. The ABC fonts have no capital letter with a tone mark: a clerk types
 * "Ánh" as the byte of "á" (in a .VnTime font) or types a whole name in capitals in a .VnTimeH font, which draws the
 * small letters' bytes as capitals. So a decoded small toned letter may have been a capital, and its phrase (words
 * between punctuation) tells which:
 * <ul>
 *   <li>a phrase with a word whose other letters are capitals, two at least ("NGUYễN"), and no small letter but
 *       toned ones, is in capitals ("NGUYễN VĂN Bá": "NGUYỄN VĂN BÁ"; not "Số CCCD");</li>
 *   <li>a word that starts with such a letter, in a phrase of two words or more whose other words all start with a
 *       capital ("Nguyễn Thị Ngọc ánh"), starts with a capital.</li>
 * </ul>
 * Other text is left as it is: "Đạt yêu cầu", a single "ánh".
 */
final class Tcvn3Capitals {

    private Tcvn3Capitals() {
    }

    /** A reader that restores the capitals of the TCVN3 text below it. */
    static Reader reader(Reader in) {
        return new TransformingReader(in) {
            /** After the last character that ends a phrase. */
            @Override
            int cut(CharSequence text) {
                for (int i = text.length() - 1; i >= 0; i--) {
                    if (!inPhrase(text.charAt(i))) {
                        return i + 1;
                    }
                }
                return 0;
            }

            @Override
            String transform(String text) {
                return restore(text);
            }
        };
    }

    /** {@code text} (NFC) with its capitals restored, phrase by phrase. */
    static String restore(String text) {
        StringBuilder out = null;
        int i = 0;
        while (i < text.length()) {
            if (!inPhrase(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < text.length() && inPhrase(text.charAt(i))) {
                i++;
            }
            String phrase = text.substring(start, i);
            String restored = restorePhrase(phrase);
            if (!restored.equals(phrase)) {
                if (out == null) {
                    out = new StringBuilder(text);
                }
                out.replace(start, i, restored); // same length: capitals of these letters are one char too
            }
        }
        return out == null ? text : out.toString();
    }

    private static boolean inPhrase(char c) {
        return c == ' ' || Character.isLetter(c) || NfcReader.combining(c);
    }

    private static String restorePhrase(String phrase) {
        if (phrase.chars().noneMatch(c -> ambiguous((char) c))) {
            return phrase;
        }
        String[] words = phrase.strip().split(" +");
        boolean capitalWord = false;
        boolean small = false;
        for (String word : words) {
            int upper = 0;
            int lower = 0;
            boolean toned = false;
            for (int i = 0; i < word.length(); i++) {
                char c = word.charAt(i);
                if (ambiguous(c)) {
                    toned = true;
                } else if (Character.isUpperCase(c)) {
                    upper++;
                } else if (Character.isLowerCase(c)) {
                    lower++;
                }
            }
            small |= lower > 0;
            // "NGUYễN": typed in capitals; "Số CCCD" or "Bá" alone tell nothing
            capitalWord |= toned && upper >= 2 && lower == 0;
        }
        if (capitalWord && !small) {
            return capitals(phrase);
        }
        if (capitalWord || words.length < 2) {
            return phrase;
        }
        boolean capitalInitial = false;
        for (String word : words) {
            char first = word.charAt(0);
            if (!ambiguous(first)) {
                if (!Character.isUpperCase(first)) {
                    return phrase;
                }
                capitalInitial = true;
            }
        }
        if (!capitalInitial) {
            return phrase;
        }
        StringBuilder out = new StringBuilder(phrase);
        for (int i = 0; i < out.length(); i++) {
            boolean initial = i == 0 || out.charAt(i - 1) == ' ';
            if (initial && ambiguous(out.charAt(i))) {
                out.setCharAt(i, Character.toUpperCase(out.charAt(i)));
            }
        }
        return out.toString();
    }

    /** Same length: the capital of each of these letters is one char too. */
    private static String capitals(String phrase) {
        char[] chars = phrase.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = Character.toUpperCase(chars[i]);
        }
        return new String(chars);
    }

    /** A small vowel with a tone mark: TCVN3 writes its capital with the same byte. */
    static boolean ambiguous(char c) {
        return c < TONED_SMALL.length && TONED_SMALL[c];
    }

    private static final boolean[] TONED_SMALL = tonedSmall();

    private static boolean[] tonedSmall() {
        boolean[] toned = new boolean[0x1F00];
        for (char c = 0x80; c < toned.length; c++) {
            if (Character.isLowerCase(c)) {
                String nfd = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
                toned[c] = nfd.length() > 1 && "aeiouy".indexOf(nfd.charAt(0)) >= 0
                        && nfd.chars().skip(1).anyMatch(m -> "\u0300\u0301\u0303\u0309\u0323".indexOf(m) >= 0);
            }
        }
        return toned;
    }
}
