package vn.cdht.pipelines.source.text;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a word can be a Vietnamese syllable as Vietnamese spelling writes it: an onset consonant, a rhyme from the
 * language's rhymes, at most one tone mark, on a vowel, and the tones a stop ending (-c, -ch, -p, -t) allows (sắc or
 * nặng only). It is how text decoded in the wrong encoding is told from text decoded right: "NguyÔn", "Nguyeãn" or
 * "NguyÃ…n" are not syllables, "Nguyễn" is. Case is ignored.
 */
final class VietnameseSyllable {

    /** Longest first, so that "ngh" is tried before "ng" and "n". */
    private static final List<String> ONSETS = List.of("ngh", "ch", "gh", "gi", "kh", "ng", "nh", "ph", "qu", "th",
            "tr", "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "");

    /** The rhymes (vần) without their tone, with the medial o/u they may have. */
    private static final Set<String> RHYMES = Set.of((
            "a ac ach ai am an ang anh ao ap at au ay ăc ăm ăn ăng ăp ăt âc âm ân âng âp ât âu ây "
            + "e ec em en eng eo ep et ê êch êm ên ênh êp êt êu "
            + "i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu y yêm yên yêt yêu "
            + "o oc oi om on ong op ot oong ooc ô ôc ôi ôm ôn ông ôp ôt ơ ơi ơm ơn ơp ơt "
            + "oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăt oe oen oeo oet "
            + "u ua uc ui um un ung up ut uân uâng uât uây uê uêch uênh uôc uôi uôm uôn uông uôt uơ "
            + "uy uya uych uynh uyp uyt uyu uyên uyêt uyn "
            + "ư ưa ưc ưi ưm ưn ưng ưt ưu ươc ươi ươm ươn ương ươp ươt ươu").split(" "));

    /** After qu the medial u is the onset's: quy, quýt, quỳnh, quyết. */
    private static final Set<String> QU_RHYMES = quRhymes();

    private static final String LETTERS = "abcdđeghiklmnopqrstuvxyăâêôơư";
    private static final String VOWELS = "aeiouy";

    private VietnameseSyllable() {
    }

    private static Set<String> quRhymes() {
        Set<String> rhymes = new HashSet<>();
        for (String r : RHYMES) {
            if (!r.startsWith("u") && !r.startsWith("ư") && !r.startsWith("o")) {
                rhymes.add(r);
            }
        }
        rhymes.addAll(List.of("ych", "ynh", "yt"));
        return Set.copyOf(rhymes);
    }

    private enum Tone { LEVEL, ACUTE, GRAVE, HOOK, TILDE, DOT }

    /** True when {@code word} (letters only) is a Vietnamese syllable. */
    static boolean isSyllable(String word) {
        String nfd = Normalizer.normalize(word.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        Tone tone = Tone.LEVEL;
        StringBuilder toneless = new StringBuilder(nfd.length());
        char lastLetter = 0;
        for (int i = 0; i < nfd.length(); i++) {
            char c = nfd.charAt(i);
            Tone t = tone(c);
            if (t != null) {
                if (tone != Tone.LEVEL || VOWELS.indexOf(lastLetter) < 0) {
                    return false;
                }
                tone = t;
            } else if (c == '\u0302' || c == '\u0306' || c == '\u031B') { // circumflex, breve, horn
                toneless.append(c);
            } else if (Character.getType(c) == Character.NON_SPACING_MARK) {
                return false;
            } else {
                toneless.append(c);
                lastLetter = c;
            }
        }
        String plain = Normalizer.normalize(toneless, Normalizer.Form.NFC);
        for (int i = 0; i < plain.length(); i++) {
            if (LETTERS.indexOf(plain.charAt(i)) < 0) {
                return false;
            }
        }
        for (String onset : ONSETS) {
            if (plain.startsWith(onset) && valid(onset, plain.substring(onset.length()), tone)) {
                return true;
            }
        }
        return false;
    }

    private static Tone tone(char c) {
        return switch (c) {
            case '\u0301' -> Tone.ACUTE;
            case '\u0300' -> Tone.GRAVE;
            case '\u0309' -> Tone.HOOK;
            case '\u0303' -> Tone.TILDE;
            case '\u0323' -> Tone.DOT;
            default -> null;
        };
    }

    private static boolean valid(String onset, String rhyme, Tone tone) {
        boolean known = switch (onset) {
            case "qu" -> QU_RHYMES.contains(rhyme);
            // gi + a = gia; gì, gìn: the i is the onset's and the rhyme's at once
            case "gi" -> rhyme.isEmpty() || RHYMES.contains(rhyme) || RHYMES.contains("i" + rhyme);
            default -> RHYMES.contains(rhyme);
        };
        if (!known || !spelledRight(onset, rhyme)) {
            return false;
        }
        boolean stop = rhyme.endsWith("c") || rhyme.endsWith("ch") || rhyme.endsWith("p") || rhyme.endsWith("t");
        return !stop || tone == Tone.ACUTE || tone == Tone.DOT;
    }

    /** k, gh, ngh before e, ê, i (k also y); c, g, ng never there; yê only without an onset (tiêu, yêu, quyết). */
    private static boolean spelledRight(String onset, String rhyme) {
        if (rhyme.startsWith("yê") && !onset.isEmpty() && !onset.equals("qu")) {
            return false;
        }
        boolean front = !rhyme.isEmpty() && "eêiy".indexOf(rhyme.charAt(0)) >= 0;
        return switch (onset) {
            case "k" -> front;
            case "gh", "ngh" -> front && rhyme.charAt(0) != 'y';
            case "c", "g", "ng" -> !front;
            default -> true;
        };
    }
}
