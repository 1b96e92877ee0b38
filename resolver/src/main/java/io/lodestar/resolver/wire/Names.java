package io.lodestar.resolver.wire;

/**
 * Names in key form: lower case, no final dot, labels in dnsjava's presentation form (a dot inside
 * a label is escaped as {@code \.}, so only unescaped dots separate labels).
 */
public final class Names {

    private Names() {
    }

    /** The parent name, or null for a single label. */
    public static String parent(String name) {
        int i = firstSeparator(name);
        return i < 0 ? null : name.substring(i + 1);
    }

    /** True when {@code name} is {@code origin} or below it. */
    public static boolean inZone(String name, String origin) {
        int n = name.length();
        int o = origin.length();
        if (n == o) {
            return name.equals(origin);
        }
        if (n < o + 2 || !name.endsWith(origin) || name.charAt(n - o - 1) != '.') {
            return false;
        }
        return !escaped(name, n - o - 1);
    }

    /** Index of the first label separator, or -1. */
    static int firstSeparator(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '.') {
                return i;
            }
        }
        return -1;
    }

    /** True when the character at {@code at} is preceded by an odd number of backslashes. */
    private static boolean escaped(String s, int at) {
        int k = 0;
        for (int i = at - 1; i >= 0 && s.charAt(i) == '\\'; i--) {
            k++;
        }
        return (k & 1) == 1;
    }
}
