package vn.cdht.generator;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Random streams derived from the seed, one per purpose and key (a commune, a unit, an account), so that what one
 * entity draws never shifts what another draws, and the dirt never shifts the clean content.
 */
final class Seeds {

    private Seeds() {
    }

    static SplittableRandom random(long seed, String purpose, String key) {
        return new SplittableRandom(hash(seed, purpose, key));
    }

    static long hash(long seed, String purpose, String key) {
        return mix(mix(seed ^ fnv(purpose)) + fnv(key) * 0x9E3779B97F4A7C15L);
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static long fnv(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** A normal deviate (Box–Muller, one of the pair). */
    static double gaussian(SplittableRandom r) {
        double u = 1.0 - r.nextDouble();
        double v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    static int between(SplittableRandom r, int lowInclusive, int highInclusive) {
        return r.nextInt(lowInclusive, highInclusive + 1);
    }

    static <T> T pick(SplittableRandom r, java.util.List<T> items) {
        return items.get(r.nextInt(items.size()));
    }
}
